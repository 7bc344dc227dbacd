"""unattributed-quote: a long quotation that nobody is said to have said.

A quotation of `min_words` or more words with no speaker or source in its
sentence or the next one (see `lint.speech`) cannot be checked against its
source. Short quoted phrases (scare quotes, titles) are left alone, and with
`standalone_only` (the default) so are quotations woven into a sentence
("Kim ordered units to “administer a severe punishment ...”"), whose subject
already says whose words they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Match
from lint.speech import quotations


@dataclass(frozen=True)
class Options:
    min_words: int = 8
    standalone_only: bool = True


@dataclass(frozen=True)
class Compiled:
    min_words: int
    standalone_only: bool


def compile(options: Options, context=None) -> Compiled:
    if options.min_words < 1:
        raise ValueError("min_words must be at least 1")
    return Compiled(options.min_words, options.standalone_only)


def starts_sentence(doc: Document, offset: int) -> bool:
    """True when only spaces or a dash come before `offset` in its sentence."""
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return True
    return not doc.text[sentence.start : offset].strip(" \t-—–")


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for quotation in quotations(doc):
        if quotation.attributed or quotation.word_count < compiled.min_words:
            continue
        if compiled.standalone_only and not starts_sentence(doc, quotation.start):
            continue
        # Point at the opening words, not the whole (possibly long) passage.
        end = min(quotation.end, quotation.start + 40)
        line_end = doc.text.find("\n", quotation.start)
        if line_end != -1:
            end = min(end, line_end)
        yield Match(quotation.start, end, {"words": str(quotation.word_count)})
