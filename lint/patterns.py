"""Regular expressions from rule packs: compiled once, matched with a time limit.

Pack authors write patterns for the `regex` module (a superset of `re`, with
Unicode properties such as `\\p{Cyrillic}`). A pattern that backtracks
catastrophically must not hang the linter, so every search runs with a timeout
that grows with the length of the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

SECONDS_PER_MB = 2.0
MIN_SECONDS = 1.0


class PatternTimeout(Exception):
    """A pattern took longer than its time limit on one document."""


def compile_pattern(pattern: str, ignorecase: bool = False) -> regex.Pattern:
    """Compile a pack pattern; ValueError with the reason if it is not valid."""
    flags = 0
    if ignorecase:
        flags |= regex.IGNORECASE
    try:
        return regex.compile(pattern, flags)
    except regex.error as exc:
        raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from None


def phrase_pattern(phrases: Iterable[str]) -> str:
    """One alternation matching any literal phrase as whole words.

    Spaces in a phrase match any run of whitespace; longer phrases win.
    """
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = phrase.split()
        parts.append(r"\s+".join(regex.escape(w) for w in words))
    if not parts:
        return r"(?!x)x"
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])"


def time_limit(text: str) -> float:
    return MIN_SECONDS + SECONDS_PER_MB * len(text) / 1_000_000


def finditer(
    pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match]:
    """`pattern.finditer` under a time limit; raises PatternTimeout."""
    end = len(text) if endpos is None else endpos
    try:
        yield from pattern.finditer(text, pos, end, timeout=time_limit(text))
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def spans(patterns: Iterable[regex.Pattern], text: str) -> list[tuple[int, int]]:
    """Sorted spans matched by any of `patterns` (used for allow-lists)."""
    found = []
    for pattern in patterns:
        found.extend(m.span() for m in finditer(pattern, text))
    return sorted(found)


def inside_any(start: int, end: int, allowed: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in allowed)
