"""menu_block: a run of short title-like lines, the shape of a menu or link list.

Text extracted from a web page keeps its navigation ("Home", "World",
"Politics", ...) and its lists of related headlines as runs of short lines that
start with a capital, hold no digits and end without a full stop (a byline,
"By Anna Petrova", breaks a run: a story's header is no menu). Single lines
of furniture are the boilerplate kind's business; this kind looks at the shape
of a block, so it needs no word list. A run of at least `min_lines` such lines
(blank lines break a run) is reported once. Lists inside an article (a list of
states, of companies) have the same shape, which is why the built-in rule is
at info severity.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext

# A capital, then letters, spaces and name punctuation only (no digits).
_TITLE_LIKE = regex.compile(r"\p{Lu}(?:[^\W\d_]|[’'&,.\- ])*")
_SENTENCE_END = tuple('.!?:;"”')
# "By Anna Petrova": a byline in a story's header, not a menu entry.
_BYLINE = regex.compile(r"[Bb]y\s+\p{Lu}")


@dataclass(frozen=True)
class Options:
    min_lines: int = 4
    max_words: int = 6  # a menu line has at most this many words


def prepare(options: Options, context: PackContext | None = None) -> Options:
    if options.min_lines < 2:
        raise ValueError("min_lines must be at least 2")
    if options.max_words < 1:
        raise ValueError("max_words must be at least 1")
    return options


def is_menu_line(stripped: str, max_words: int) -> bool:
    """A short line shaped like a menu entry or a headline link."""
    if not stripped or stripped.endswith(_SENTENCE_END) or _BYLINE.match(stripped):
        return False
    if len(stripped.split()) > max_words:
        return False
    return _TITLE_LIKE.fullmatch(stripped) is not None


def menu_runs(doc: Document, options: Options) -> list[list[tuple[int, int]]]:
    """Each run of menu-like lines, as the (start, end) of its lines' text."""
    runs: list[list[tuple[int, int]]] = [[]]
    for line in doc.lines:
        stripped = line.text.strip()
        if is_menu_line(stripped, options.max_words):
            start = line.start + len(line.text) - len(line.text.lstrip())
            runs[-1].append((start, start + len(stripped)))
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def check(doc: Document, options: Options) -> Iterator[Match]:
    for run in menu_runs(doc, options):
        if len(run) >= options.min_lines:
            yield Match(run[0][0], run[-1][1], {"lines": str(len(run))})


KIND: Kind[Options, Options] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
    language_neutral=True,  # Its findings stand on lines in any language (see lint.language).
)
