"""Regular expressions from rule packs: compiled once, matched with a time limit.

Pack authors write patterns for the `regex` module (a superset of `re`, with
Unicode properties such as `\\p{Cyrillic}`). A pattern that backtracks
catastrophically must not hang the linter, so every search runs with a timeout
that grows with the length of the text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from functools import partial

import regex

from lint.prefixes import literal_prefixes, required_literals

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


# --- prefilter: try a pattern only where one of its literal prefixes occurs ---

# More candidate offsets than this: scan instead. An anchored match costs the
# regex module a look ahead through the rest of the text when the pattern holds a
# literal after a variable start ("(?:the|1986)\s+chernobyl"), so many of them
# on a long text cost more than one scan.
MAX_CANDIDATES = 32


def prefilter_fold(text: str) -> str:
    """A case folding at least as coarse as regex's IGNORECASE.

    Two characters that regex's simple case folding equates have the same
    full case folding, except the Turkish dotted and dotless i (regex equates
    them with i and I): those are folded to i as well. A case-insensitive match
    of a word therefore always leaves the word's fold in the text's fold.
    """
    folded = text.casefold()
    if "\u0307" in folded or "ı" in folded:
        folded = folded.replace("i\u0307", "i").replace("ı", "i")
    return folded


class _AnchorIndex:
    """One Aho-Corasick automaton over the literal prefixes (lint/prefixes.py)
    of every pattern seen so far, so a text is scanned once for all of them.

    For each text it records where each prefix (folded) starts. A pattern can
    only match where one of its prefixes starts, so the search is tried at
    those offsets only, or skipped when there are none.
    """

    def __init__(self) -> None:
        self.word_ids: dict[str, int] = {}
        self.by_pattern: dict[tuple[str, int], tuple[frozenset[int], bool] | None] = {}
        self.automaton = None
        # Word ids run 0, 1, 2, ... in order of arrival: ids from `built` on are
        # not in the automaton yet (it is rebuilt for the next text), ids from
        # `scanned` on were met after the current text was scanned.
        self.built = 0
        self.scanned = 0
        self.text: str | None = None
        self.folded = ""
        self.hits: dict[int, list[int]] = {}
        self.aligned = True

    def words_of(self, pattern: regex.Pattern) -> tuple[frozenset[int], bool] | None:
        """The ids of the pattern's literal prefixes (True: matches start where
        they start) or else of its required literals (False: they only say
        whether it can match at all); None when it has neither."""
        key = (pattern.pattern, pattern.flags)
        if key not in self.by_pattern:
            words, positional = literal_analysis(pattern)
            if words and _ahocorasick() is not None:
                ids = []
                for word in words:
                    folded = prefilter_fold(word)
                    ids.append(self.word_ids.setdefault(folded, len(self.word_ids)))
                self.by_pattern[key] = (frozenset(ids), positional)
            else:
                self.by_pattern[key] = None
        return self.by_pattern[key]

    def _scan(self, text: str) -> None:
        if self.text is text:
            if self.scanned < len(self.word_ids):  # words new since this text was scanned
                new = dict(list(self.word_ids.items())[self.scanned :])
                self._find(_automaton_of(new), self.folded, self.hits)
                self.scanned = len(self.word_ids)
            return
        if self.automaton is None or self.built < len(self.word_ids):
            self.automaton, self.built = _automaton_of(self.word_ids), len(self.word_ids)
        self.scanned = self.built
        folded = prefilter_fold(text)
        hits: dict[int, list[int]] = {}
        self._find(self.automaton, folded, hits)
        # Offsets in the fold are offsets in the text only if no character
        # folded to more than one (ß -> ss).
        self.text, self.folded, self.hits = text, folded, hits
        self.aligned = len(folded) == len(text)

    @staticmethod
    def _find(automaton, folded: str, hits: dict[int, list[int]]) -> None:
        for end, (word_id, length) in automaton.iter(folded):
            hits.setdefault(word_id, []).append(end - length)

    def occurs(self, words: frozenset[int], text: str) -> bool:
        self._scan(text)
        return not words.isdisjoint(self.hits)

    def starts(self, words: frozenset[int], text: str) -> list[int] | None:
        """Sorted offsets where one of `words` starts, or None when offsets in
        the folded text do not map onto the text."""
        self._scan(text)
        hits = self.hits
        if len(hits) < len(words):  # most texts hold few of the words
            found = [offsets for word, offsets in hits.items() if word in words]
        else:
            found = [hits[word] for word in words if word in hits]
        if not found:
            return []
        if not self.aligned:
            return None
        return found[0] if len(found) == 1 else sorted(set().union(*found))


def _automaton_of(word_ids: dict[str, int]):
    """An Aho-Corasick automaton giving (id, length - 1) for each word."""
    automaton = _ahocorasick().Automaton()
    for word, word_id in word_ids.items():
        automaton.add_word(word, (word_id, len(word) - 1))
    automaton.make_automaton()
    return automaton


# (pattern, flags) -> (literal prefixes, True) or (required literals, False) or
# (None, True). Parsing every pattern costs ~60 ms per process, so the built-in
# packs' analysis is kept in the pack cache (lint.rulebook) and remembered here.
_LITERALS: dict[tuple[str, int], tuple[frozenset[str] | None, bool]] = {}


def literal_analysis(pattern: regex.Pattern) -> tuple[frozenset[str] | None, bool]:
    """What the prefilter knows of `pattern` (see lint/prefixes.py)."""
    key = (pattern.pattern, pattern.flags)
    if key not in _LITERALS:
        words, positional = None, True
        if isinstance(pattern.pattern, str) and not pattern.flags & ~_SAFE_FLAGS:
            words = literal_prefixes(pattern.pattern)
            if words is None:
                words, positional = required_literals(pattern.pattern), False
        _LITERALS[key] = (words, positional)
    return _LITERALS[key]


def literal_table(values: Iterable[object]) -> dict[tuple[str, int], tuple]:
    """The analysis of every regex found in `values` (compiled rules)."""
    table = {}
    for value in values:
        for pattern in _patterns_in(value):
            table[(pattern.pattern, pattern.flags)] = literal_analysis(pattern)
    return table


def remember_literals(table: dict[tuple[str, int], tuple]) -> None:
    _LITERALS.update(table)


def _patterns_in(value: object, depth: int = 0) -> Iterator[regex.Pattern]:
    if isinstance(value, regex.Pattern):
        yield value
    elif depth > 4:
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _patterns_in(getattr(value, field.name), depth + 1)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)


def _ahocorasick():
    try:
        import ahocorasick
    except ImportError:  # pyahocorasick missing: no prefilter, same results
        return None
    return ahocorasick


# Flags that do not change which characters are literal (VERBOSE would).
_SAFE_FLAGS = (
    regex.IGNORECASE | regex.UNICODE | regex.V0 | regex.ASCII | regex.MULTILINE | regex.DOTALL
)
_INDEX = _AnchorIndex()


def may_match(pattern: regex.Pattern, text: str) -> bool:
    """False only when `pattern` certainly finds nothing in `text`: none of
    its literal prefixes, or of the literals every match holds, occurs."""
    known = _INDEX.words_of(pattern)
    if known is None:
        return True
    return _INDEX.occurs(known[0], text)


def time_limit(text: str) -> float:
    return MIN_SECONDS + SECONDS_PER_MB * len(text) / 1_000_000


def finditer(
    pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match]:
    """`pattern.finditer` under a time limit; raises PatternTimeout.

    A pattern with literal prefixes is only tried where one of them starts
    (the same matches, without scanning every offset); one with required
    literals is skipped on a text that holds none of them.
    """
    end = len(text) if endpos is None else endpos
    limit = time_limit(text)
    starts = None
    known = _INDEX.words_of(pattern)
    if known is not None:
        words, positional = known
        if not positional:
            if not _INDEX.occurs(words, text):
                return
        else:
            starts = _INDEX.starts(words, text)
            if starts is not None and len(starts) > MAX_CANDIDATES:
                starts = None
    try:
        if starts is None:
            yield from pattern.finditer(text, pos, end, timeout=limit)
            return
        in_range = [start for start in starts if pos <= start < end]
        yield from matches_at(partial(pattern.match, endpos=end, timeout=limit), text, in_range)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def matches_at(match: Callable[[str, int], object], text: str, starts: Iterable[int]) -> list:
    """The matches `finditer` finds, given every offset where a match can start
    (sorted) and the pattern's `match`: each offset is tried from the end of the
    last match on, as finditer's scan would reach it."""
    found = []
    end = 0
    for start in starts:
        if start < end:
            continue
        m = match(text, start)
        if m:
            found.append(m)
            end = m.end()
    return found


def allowed_matches(
    search: regex.Pattern, allow: tuple[regex.Pattern, ...], text: str
) -> Iterator[regex.Match]:
    """Non-empty matches of `search` not inside a match of an `allow` pattern;
    the allow-list is searched only once something matches."""
    allowed = None
    for m in finditer(search, text):
        if m.end() == m.start():
            continue
        if allowed is None:
            allowed = spans(allow, text) if allow else []
        if not inside_any(m.start(), m.end(), allowed):
            yield m


def spans(patterns: Iterable[regex.Pattern], text: str) -> list[tuple[int, int]]:
    """Sorted spans matched by any of `patterns` (used for allow-lists)."""
    found = []
    for pattern in patterns:
        found.extend(m.span() for m in finditer(pattern, text))
    return sorted(found)


def inside_any(start: int, end: int, allowed: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in allowed)
