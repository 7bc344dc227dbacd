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


# --- prefilter: skip a phrase list's regex when none of its first words occur ---

_PHRASE_HEAD = r"(?<![\w-])(?:"
_PHRASE_TAIL = r")(?![\w])"
_META = set(".^$*+?{}[]()")
# Below this many characters the regex is cheaper than the prefilter's bookkeeping.
PREFILTER_MIN_CHARS = 1000


def first_words(source: str) -> list[str] | None:
    """The first word of every alternative of a `phrase_pattern` source, or
    None when `source` is not one (then no prefilter applies)."""
    if not (source.startswith(_PHRASE_HEAD) and source.endswith(_PHRASE_TAIL)):
        return None
    body = source[len(_PHRASE_HEAD) : -len(_PHRASE_TAIL)]
    words: list[str] = []
    current: list[str] = []
    in_first = True
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            escaped = body[i + 1 : i + 2]
            if escaped == "s" and body[i + 2 : i + 3] == "+":
                in_first, i = False, i + 3
                continue
            if not escaped or escaped.isalnum():  # \d, \b...: not a literal
                return None
            if in_first:
                current.append(escaped)
            i += 2
            continue
        if char == "|":
            if not current:
                return None
            words.append("".join(current))
            current, in_first = [], True
        elif char in _META:
            return None
        elif in_first:
            current.append(char)
        i += 1
    if not current:
        return None
    words.append("".join(current))
    return words


class _Anchors:
    """An Aho-Corasick automaton over the first words of a phrase list.

    Case-insensitive patterns are tested on `casefold()`ed text: two characters
    that regex's simple case folding equates have the same full case folding,
    so a match of the pattern always leaves its first word in the folded text.
    """

    def __init__(self, words: list[str], fold: bool):
        import ahocorasick

        self.fold = fold
        self.automaton = ahocorasick.Automaton()
        for word in set(words):
            self.automaton.add_word(word.casefold() if fold else word, None)
        self.automaton.make_automaton()

    def occur_in(self, haystack: str) -> bool:
        return any(True for _ in self.automaton.iter(haystack))


_ANCHORS: dict[tuple[str, int], _Anchors | None] = {}
_SAFE_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0 | regex.ASCII
# The last long text seen: (text, its casefold or None, verdict per pattern).
_LAST: tuple[str, list, dict] = ("", [None], {})


def _anchors(pattern: regex.Pattern) -> _Anchors | None:
    key = (pattern.pattern, pattern.flags)
    if key not in _ANCHORS:
        words = None
        if isinstance(pattern.pattern, str) and not pattern.flags & ~_SAFE_FLAGS:
            words = first_words(pattern.pattern)
        try:
            fold = bool(pattern.flags & regex.IGNORECASE)
            _ANCHORS[key] = _Anchors(words, fold) if words else None
        except ImportError:  # pyahocorasick missing: no prefilter, same results
            _ANCHORS[key] = None
    return _ANCHORS[key]


def may_match(pattern: regex.Pattern, text: str) -> bool:
    """False only when `pattern` certainly finds nothing in `text`: it is a
    phrase list and none of its phrases' first words occur."""
    global _LAST
    anchors = _anchors(pattern)
    if anchors is None:
        return True
    last = _LAST
    if last[0] is not text:
        last = _LAST = (text, [None], {})
    key = (pattern.pattern, pattern.flags)
    verdicts = last[2]
    if key not in verdicts:
        if anchors.fold:
            if last[1][0] is None:
                last[1][0] = text.casefold()
            verdicts[key] = anchors.occur_in(last[1][0])
        else:
            verdicts[key] = anchors.occur_in(text)
    return verdicts[key]


def time_limit(text: str) -> float:
    return MIN_SECONDS + SECONDS_PER_MB * len(text) / 1_000_000


def finditer(
    pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match]:
    """`pattern.finditer` under a time limit; raises PatternTimeout."""
    if len(text) >= PREFILTER_MIN_CHARS and not may_match(pattern, text):
        return
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
