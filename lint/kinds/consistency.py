"""consistency: one thing written two ways in one document.

Each set lists variants of one word ("standoff", "stand-off") or named regex
patterns (straight vs curly apostrophe). When more than one variant occurs, the
minority form is reported at each of its occurrences, naming the majority form.
With `hyphenation: true`, any hyphenated word that also appears closed up or
spaced ("e-mail"/"email", "stand-off"/"standoff") is treated as such a set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import Document
from lint.kinds.base import Match, preserve_case
from lint.patterns import compile_pattern, finditer, phrase_pattern

_HYPHENATED = regex.compile(r"(?<![\w\-])(\p{L}+)-(\p{L}{2,})(?![\w\-])")


@dataclass(frozen=True)
class Options:
    words: tuple[tuple[str, ...], ...] = ()
    patterns: tuple[dict[str, str], ...] = ()
    hyphenation: bool = False
    ignorecase: bool = True
    min_majority: int = 1  # the majority form must occur at least this often


@dataclass(frozen=True)
class Compiled:
    # Each set: (variants as (name, compiled pattern), whether names are the words).
    sets: tuple[tuple[tuple[tuple[str, regex.Pattern], ...], bool], ...]
    hyphenation: bool
    min_majority: int


def compile(options: Options, context=None) -> Compiled:
    sets = []
    for group in options.words:
        if len(group) < 2:
            raise ValueError(f"a set of words needs two or more variants: {list(group)}")
        variants = tuple(
            (w, compile_pattern(phrase_pattern([w]), options.ignorecase)) for w in group
        )
        sets.append((variants, True))
    for group in options.patterns:
        if len(group) < 2:
            raise ValueError(f"a set of patterns needs two or more variants: {group}")
        variants = tuple(
            (name, compile_pattern(p, options.ignorecase)) for name, p in group.items()
        )
        sets.append((variants, False))
    if not sets and not options.hyphenation:
        raise ValueError("consistency needs 'words', 'patterns' or 'hyphenation: true'")
    return Compiled(tuple(sets), options.hyphenation, options.min_majority)


def _hyphenation_sets(text: str) -> list:
    seen = set()
    sets = []
    lowered = text.lower()
    for m in _HYPHENATED.finditer(text):
        left, right = m.group(1).lower(), m.group(2).lower()
        if (left, right) in seen:
            continue
        seen.add((left, right))
        closed = left + right
        if closed not in lowered:
            continue
        hyphenated = f"{left}-{right}"
        sets.append(
            (
                (
                    (hyphenated, regex.compile(phrase_pattern([hyphenated]), regex.I)),
                    (closed, regex.compile(phrase_pattern([closed]), regex.I)),
                ),
                True,
            )
        )
    return sets


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    sets = list(compiled.sets)
    if compiled.hyphenation:
        sets.extend(_hyphenation_sets(doc.text))
    for variants, literal in sets:
        hits = {name: [m.span() for m in finditer(p, doc.text)] for name, p in variants}
        present = {name: spans for name, spans in hits.items() if spans}
        if len(present) < 2:
            continue
        counts = Counter({name: len(spans) for name, spans in present.items()})
        # Majority first; on a tie the form used first wins.
        order = sorted(present, key=lambda n: (-counts[n], present[n][0][0]))
        majority = order[0]
        if counts[majority] < compiled.min_majority:
            continue
        for name in order[1:]:
            for start, end in present[name]:
                found = doc.text[start:end]
                suggestion = (preserve_case(found, majority),) if literal else ()
                values = {"variant": name, "majority": majority, "count": str(counts[majority])}
                yield Match(start, end, values, suggestion)
