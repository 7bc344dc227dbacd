"""duplicate_lines: a line or paragraph repeated verbatim in one document.

Scrapers pick up a headline twice (once as the title, once from a teaser or a
share widget), and pipelines concatenate the same paragraph twice. The repeat,
not the first occurrence, is reported, with the line it repeats. Lines shorter
than `min_words` words ("Reply", "Advertisement") are left to the boilerplate
rules: repeated furniture is their business. Comparison ignores case, spacing
and edge punctuation.

Short lines repeat in real text too: table headers, list items, the steps of
two procedures ("Release the power button."). A repeat of fewer than
`prose_words` words is reported at info; a repeated sentence or paragraph is a
paste, at the rule's own severity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext

_NOISE = regex.compile(r"[\s\p{P}]+")


@dataclass(frozen=True)
class Options:
    min_words: int = 4
    min_chars: int = 20  # shorter lines are never reported
    prose_words: int = 10  # shorter repeats are reported at info


def prepare(options: Options, context: PackContext | None = None) -> Options:
    if options.min_words < 1:
        raise ValueError("min_words must be at least 1")
    if options.prose_words < options.min_words:
        raise ValueError("prose_words must be at least min_words")
    return options


def key(text: str) -> str:
    return _NOISE.sub(" ", text.lower()).strip()


def _signature(lowered: str) -> tuple[int, ...]:
    """How often common letters occur in a lowercased line: lines with the same
    `key` have the same signature (noise is never a letter), and eight C-level
    counts cost a fraction of `key`'s regex."""
    return tuple(map(lowered.count, "etaoinsr"))


def check(doc: Document, options: Options) -> Iterator[Match]:
    candidates = []  # (line number, line, stripped text) of the long enough lines
    for number, line in enumerate(doc.lines, start=1):
        if len(line.text) < options.min_chars:
            continue  # blank lines above all: stripping cannot lengthen
        stripped = line.text.strip()
        if len(stripped) < options.min_chars or len(stripped.split()) < options.min_words:
            continue
        candidates.append((number, line, stripped))
    if len(candidates) < 2:
        return
    signatures = [_signature(stripped.lower()) for _, _, stripped in candidates]
    shared = {sig for sig, n in Counter(signatures).items() if n > 1}
    first_seen: dict[str, int] = {}
    for (number, line, stripped), sig in zip(candidates, signatures, strict=True):
        if sig not in shared:
            continue  # no other line can have its key
        k = key(stripped)
        if k in first_seen:
            start = line.start + len(line.text) - len(line.text.lstrip())
            short = len(stripped.split()) < options.prose_words
            yield Match(
                start,
                start + len(stripped),
                {"first_line": str(first_seen[k])},
                severity="info" if short else None,
            )
        else:
            first_seen[k] = number


KIND: Kind[Options, Options] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
    language_neutral=True,  # Its findings stand on lines in any language (see lint.language).
)
