"""anonymous-quote: a long quotation whose only source is anonymous.

"“...,” an insider revealed", "a source tells the magazine", "said a defence
source": the quotation is attributed, but to nobody a reader can check. The
speaker (see `lint.speech`) is anonymous when it is one of `sources` ("a
source", "insiders", "a close pal"), lowercase or opening the phrase, so that
"Business Insider" is a name. Like `unattributed-quote`, short quoted phrases
and quotations woven into a sentence are left alone (`min_words`,
`standalone_only`); a quotation of a named speaker elsewhere in the same
document is that speaker's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.kinds.unattributed_quote import starts_sentence
from lint.speech import quotations

_WORD = re.compile(r"[\w’'\-]+")


@dataclass(frozen=True)
class Options:
    sources: tuple[str, ...] = ()
    min_words: int = 8
    standalone_only: bool = True


@dataclass(frozen=True)
class Compiled:
    sources: frozenset[str]
    min_words: int
    standalone_only: bool


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    if not options.sources:
        raise ValueError("anonymous-quote needs 'sources'")
    if options.min_words < 1:
        raise ValueError("min_words must be at least 1")
    sources = frozenset(s.lower() for s in options.sources)
    return Compiled(sources, options.min_words, options.standalone_only)


def is_anonymous(speaker: str, sources: frozenset[str]) -> bool:
    """A source noun among the speaker's words, lowercase or first ("Sources")."""
    words = _WORD.findall(speaker)
    return any(w.lower() in sources and (i == 0 or w.islower()) for i, w in enumerate(words))


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for quotation in quotations(doc):
        speaker = quotation.speaker
        if not speaker or quotation.word_count < compiled.min_words:
            continue
        if not is_anonymous(speaker, compiled.sources):
            continue
        if compiled.standalone_only and not starts_sentence(doc, quotation.start):
            continue
        end = min(quotation.end, quotation.start + 40)
        line_end = doc.text.find("\n", quotation.start)
        if line_end != -1:
            end = min(end, line_end)
        values = {"words": str(quotation.word_count), "speaker": speaker}
        yield Match(quotation.start, end, values)


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
