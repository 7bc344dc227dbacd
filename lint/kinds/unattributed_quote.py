"""unattributed-quote: a long quotation that nobody is said to have said.

A quotation of `min_words` or more words with no speaker or source in its
sentence or the next one (see `lint.speech`) cannot be checked against its
source. Short quoted phrases (scare quotes, titles) are left alone.
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


@dataclass(frozen=True)
class Compiled:
    min_words: int


def compile(options: Options, context=None) -> Compiled:
    if options.min_words < 1:
        raise ValueError("min_words must be at least 1")
    return Compiled(options.min_words)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for quotation in quotations(doc):
        if quotation.attributed or quotation.word_count < compiled.min_words:
            continue
        # Point at the opening words, not the whole (possibly long) passage.
        end = min(quotation.end, quotation.start + 40)
        line_end = doc.text.find("\n", quotation.start)
        if line_end != -1:
            end = min(end, line_end)
        yield Match(quotation.start, end, {"words": str(quotation.word_count)})
