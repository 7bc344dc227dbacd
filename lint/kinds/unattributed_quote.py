"""unattributed-quote: a long quotation that nobody is said to have said.

A quotation of `min_words` or more words with no speaker or source around it
(see `lint.speech`: after the closing mark, before the opening mark, in the
next sentence or the paragraph below, carried over from the text before it,
or named where the document repeats it) cannot be checked against its source.
Short quoted phrases (scare quotes, titles) are left alone, and with
`standalone_only` (the default) so are quotations woven into a sentence
("Kim ordered units to “administer a severe punishment ...”"), whose subject
already says whose words they are.

Three shapes are quotations without being claims put in nobody's mouth, and
are not reported: a quotation in title case (the title of a cited article or
work), a quotation in a headline (the document's first line, short), and a
document that is nothing but the quotation (a record whose speaker is in its
metadata).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.speech import Quotation, quotations


@dataclass(frozen=True)
class Options:
    min_words: int = 8
    standalone_only: bool = True
    headline_max_words: int = 25  # a line with more words is no headline


@dataclass(frozen=True)
class Compiled:
    min_words: int
    standalone_only: bool
    headline_max_words: int


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    if options.min_words < 1:
        raise ValueError("min_words must be at least 1")
    return Compiled(options.min_words, options.standalone_only, options.headline_max_words)


def starts_sentence(doc: Document, offset: int) -> bool:
    """True when only spaces or a dash come before `offset` in its sentence."""
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return True
    return not doc.text[sentence.start : offset].strip(" \t-—–")


_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def is_title(inner: str) -> bool:
    """Title case: most words of four letters or more are capitalised
    (“Argentine Victims Who Tried to Meet with Pope Francis…”)."""
    long_words = [w for w in _WORD.findall(inner) if len(w) >= 4]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= 3 and capitalised >= 0.75 * len(long_words)


def in_headline(doc: Document, quotation: Quotation, max_words: int) -> bool:
    """The quotation stands in the document's first line, a short line that
    more text follows."""
    text = doc.text
    first_start = len(text) - len(text.lstrip())
    first_end = text.find("\n", first_start)
    if first_end == -1 or quotation.start < first_start or quotation.end > first_end:
        return False
    return len(text[first_start:first_end].split()) <= max_words and bool(text[first_end:].strip())


def is_whole_document(doc: Document, quotation: Quotation) -> bool:
    """Nothing but punctuation outside the quotation."""
    outside = doc.text[: quotation.start] + doc.text[quotation.end :]
    return not _WORD.search(outside)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for quotation in quotations(doc):
        if quotation.attributed or quotation.word_count < compiled.min_words:
            continue
        if compiled.standalone_only and not starts_sentence(doc, quotation.start):
            continue
        if (
            is_title(doc.text[quotation.start + 1 : quotation.end - 1])
            or in_headline(doc, quotation, compiled.headline_max_words)
            or is_whole_document(doc, quotation)
        ):
            continue
        # Point at the opening words, not the whole (possibly long) passage.
        end = min(quotation.end, quotation.start + 40)
        line_end = doc.text.find("\n", quotation.start)
        if line_end != -1:
            end = min(end, line_end)
        yield Match(quotation.start, end, {"words": str(quotation.word_count)})


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
