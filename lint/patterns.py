"""Regular expressions from rule packs: checked at load, run under a time budget.

Pack authors write patterns for the `regex` module (a superset of `re`, with
Unicode properties such as `\\p{Cyrillic}`). Every pattern a pack supplies, or
a kind builds from a pack's strings, is a `Pattern`: it has no search methods
of its own and is searched only through this module's functions (`search`,
`match`, `fullmatch`, `finditer`, `matches_from`), so none escapes the limit.

The limit is a budget per rule per document (`start_budget`, called by the
engine before each rule): all the rule's searches on the document share it,
however many start points or lines they are tried at. When it runs out the
search raises PatternTimeout and the engine reports the rule as failed for
that document (a RuleFailure: shown, exit 2) and goes on with the others.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar

import regex

from lint.prefixes import literal_prefixes, required_literals

SECONDS_PER_MB = 2.0
MIN_SECONDS = 1.0
EXCERPT_CHARS = 60
# Bounds on a pattern, checked before it is compiled: `regex` writes out a
# counted repeat of fixed text (`a{1000}` is 1,000 characters of program), so
# `(((a{1000}){1000}){1000})` needs gigabytes; and its parser recurses into
# groups. A unit is one character, class or escape, times the counts of the
# repeats around it: 250,000 of them compile in about a second and 70 MB.
MAX_PATTERN_UNITS = 250_000
MAX_PATTERN_DEPTH = 100


class PatternFailure(Exception):
    """A rule's pattern could not be run to the end on one document."""

    def __init__(self, pattern: str):
        super().__init__(pattern)
        self.pattern = pattern

    def excerpt(self) -> str:
        shown = self.pattern
        if len(shown) > EXCERPT_CHARS:
            shown = shown[: EXCERPT_CHARS - 3] + "..."
        return repr(shown)


class PatternTimeout(PatternFailure):
    """The rule's time budget on this document ran out inside this pattern."""


class PatternError(PatternFailure):
    """A pattern that does not compile, met only when it is first used (one
    from a damaged cache entry: packs are checked when they are loaded)."""

    def __init__(self, pattern: str, reason: str):
        super().__init__(pattern)
        self.reason = reason


class Pattern:
    """A regular expression from a pack: its text, its flags, and its compiled
    form, made when it is created or, for a pack checked before (the pack
    cache, see `compiling`), when it is first searched.

    `trusted` marks newslint's own patterns (the built-in packs, and patterns
    it builds from escaped text): tested and fuzzed, they skip `regex`'s
    per-call timer (it reads the process clock, about 3 us a call) where they
    are tried line by line or start point by start point; the budget is still
    checked before each try, and whole-text scans are timed. A pattern from a
    user's pack is timed on every call."""

    __slots__ = ("pattern", "flags", "trusted", "_compiled")

    def __init__(
        self,
        pattern: str,
        flags: int = 0,
        *,
        trusted: bool = False,
        compiled: regex.Pattern | None = None,
    ):
        self.pattern = pattern
        self.flags = flags
        self.trusted = trusted
        self._compiled = compiled

    def compiled(self) -> regex.Pattern:
        found = self._compiled
        if found is None:
            problem = size_problem(self.pattern)
            if problem:
                raise PatternError(self.pattern, problem)
            try:
                found = regex.compile(self.pattern, self.flags)
            except (regex.error, ValueError, TypeError, OverflowError, RecursionError) as exc:
                raise PatternError(self.pattern, f"does not compile: {exc}") from None
            self._compiled = found
        return found

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"Pattern({self.pattern!r}, {self.flags})"

    def __reduce__(self):
        # Compiled again where it is used.
        return (_unpickle_pattern, (self.pattern, self.flags, self.trusted))


def _unpickle_pattern(pattern: str, flags: int, trusted: bool) -> Pattern:
    return Pattern(pattern, flags, trusted=trusted)


# (from a pack checked before, from newslint's own packs): see `compiling`.
_SOURCE: ContextVar[tuple[bool, bool]] = ContextVar(
    "newslint_pattern_source", default=(False, False)
)


class compiling:
    """Where the patterns `compile_pattern` makes inside it come from (lint.packs
    compiles each rule inside one):

    - `checked`: a pack whose patterns all compiled when it was loaded (the
      pack cache holds only such packs): each is compiled when first searched,
      so a start with a warm cache pays only for the patterns a document needs;
    - `builtin`: newslint's own packs, whose patterns are `trusted`.
    """

    def __init__(self, *, checked: bool = False, builtin: bool = False):
        self.source = (checked, builtin)

    def __enter__(self) -> None:
        self._token = _SOURCE.set(self.source)

    def __exit__(self, *exc) -> None:
        _SOURCE.reset(self._token)


def compile_pattern(pattern: str, ignorecase: bool = False, deferred: bool = False) -> Pattern:
    """A pack pattern; ValueError with the reason if it is not valid. `deferred`:
    compiled on first use even when loading a pack (a pattern a kind builds
    from escaped words, which always compiles)."""
    flags = regex.IGNORECASE if ignorecase else 0
    checked, builtin = _SOURCE.get()
    if checked:  # bounded and compiled when first used
        return Pattern(pattern, flags, trusted=builtin)
    problem = size_problem(pattern)
    if problem:
        raise ValueError(f"pattern {_excerpt(pattern)} {problem}")
    if deferred:
        return Pattern(pattern, flags, trusted=builtin)
    try:
        compiled = regex.compile(pattern, flags)
    except (regex.error, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from None
    return Pattern(pattern, flags, trusted=builtin, compiled=compiled)


# One token of a pattern, for `size_problem`: an escape (with its braces for
# \p{..}, \N{..}, \x{..}), a class opener, a group's bounds, a counted repeat,
# or a run of plain characters.
_TOKEN = re.compile(
    r"\\(?:[pPNxuUg]\{[^}]*\}|.)|\[|\(|\)|\{(\d*)(?:,(\d*))?\}|[^\\\[()\{]+|\{", re.DOTALL
)
_CLASS_END = re.compile(r"(?:\\.|[^\]\\])*\]", re.DOTALL)


def size_problem(pattern: str) -> str | None:
    """Why `pattern` is too big or too deep to compile safely, or None (see
    MAX_PATTERN_UNITS; a quick scan, not a parse: it may overcount, never under)."""
    if len(pattern) > MAX_PATTERN_UNITS:
        return f"is {len(pattern):,} characters long; the limit is {MAX_PATTERN_UNITS:,}"
    totals = [0]  # units so far in each open group
    last = 0  # units of the atom a repeat would apply to
    pos = 0
    while pos < len(pattern):
        token = _TOKEN.match(pattern, pos)
        text = token.group()
        pos = token.end()
        if text == "[":
            end = _CLASS_END.match(pattern, pos + (pattern.startswith("^", pos)) + 1)
            pos = end.end() if end else len(pattern)
            last = 1
            totals[-1] += 1
        elif text == "(":
            totals.append(0)
            if len(totals) > MAX_PATTERN_DEPTH:
                return f"nests groups deeper than {MAX_PATTERN_DEPTH}"
            last = 0
        elif text == ")":
            inner = totals.pop() if len(totals) > 1 else 0
            last = max(inner, 1)
            totals[-1] += last
        elif token.group(1) is not None and text != "{":
            low, high = token.group(1), token.group(2)
            count = max(int(low or 0), int(high) if high else 0)
            totals[-1] += last * max(count - 1, 0)
            last *= max(count, 1)
        else:
            last = 1
            totals[-1] += len(text)
        if totals[-1] > MAX_PATTERN_UNITS:
            return f"would compile to more than {MAX_PATTERN_UNITS:,} units (counted repeats)"
    return None


def _excerpt(pattern: str) -> str:
    shown = pattern if len(pattern) <= EXCERPT_CHARS else pattern[: EXCERPT_CHARS - 3] + "..."
    return repr(shown)


# --- the time budget ------------------------------------------------------------

# When the current rule's budget on the current document runs out (a
# time.monotonic() value); None outside a linter run. A ContextVar, so each
# thread (Dask workers run several) has its own.
_DEADLINE: ContextVar[float | None] = ContextVar("newslint_pattern_deadline", default=None)


def time_limit(text: str) -> float:
    """A rule's budget on a document: a second, and two more per MB."""
    return MIN_SECONDS + SECONDS_PER_MB * len(text) / 1_000_000


def start_budget(seconds: float) -> None:
    """Give the rule about to run `seconds` for all its searches on this document."""
    _DEADLINE.set(time.monotonic() + seconds)


def stop_budget() -> None:
    _DEADLINE.set(None)


def _extend_budget(seconds: float) -> None:
    """Give back to the current rule time spent on a one-off load it happened
    to trigger (the prefilter's table, which in a fresh cache means compiling
    every rule): a rule's budget is for its own searches. Without it the
    first rule to search in a process with a cold pack cache could time out
    on a loaded machine."""
    deadline = _DEADLINE.get()
    if deadline is not None:
        _DEADLINE.set(deadline + seconds)


def _timeout(pattern: Pattern, text: str) -> float:
    """What is left of the budget, for one search (PatternTimeout when nothing
    is). Outside a linter run each search gets `time_limit(text)`."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return time_limit(text)
    left = deadline - time.monotonic()
    if left <= 0:
        raise PatternTimeout(pattern.pattern)
    return left


def _try_timeout(pattern: Pattern, text: str) -> float | None:
    """The timer for one try (a line, a sentence, a start point): what is left
    of the budget, or None for a trusted pattern once the budget is checked."""
    left = _timeout(pattern, text)
    return None if pattern.trusted else left


def search(
    pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None
) -> regex.Match | None:
    """`pattern.search` under the rule's budget."""
    timeout = _try_timeout(pattern, text)
    found = pattern._compiled or pattern.compiled()
    if timeout is None:
        return found.search(text, pos, endpos)
    try:
        return found.search(text, pos, endpos, timeout=timeout)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def match(
    pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None
) -> regex.Match | None:
    """`pattern.match` under the rule's budget."""
    timeout = _try_timeout(pattern, text)
    found = pattern._compiled or pattern.compiled()
    if timeout is None:
        return found.match(text, pos, endpos)
    try:
        return found.match(text, pos, endpos, timeout=timeout)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def fullmatch(
    pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None
) -> regex.Match | None:
    """`pattern.fullmatch` under the rule's budget."""
    timeout = _try_timeout(pattern, text)
    found = pattern._compiled or pattern.compiled()
    if timeout is None:
        return found.fullmatch(text, pos, endpos)
    try:
        return found.fullmatch(text, pos, endpos, timeout=timeout)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def matches_from(
    pattern: Pattern,
    text: str,
    starts: Iterable[int],
    endpos: int | None = None,
    timed: bool | None = None,
) -> list[regex.Match]:
    """The matches `finditer` finds, given every offset where a match can start
    (sorted), each tried under what is left of the budget (with `regex`'s timer
    unless the pattern is trusted, or `timed` says otherwise)."""
    end = len(text) if endpos is None else endpos
    if timed is None:
        timed = not pattern.trusted

    def match_at(string: str, start: int) -> regex.Match | None:
        left = _timeout(pattern, text)
        found = pattern._compiled or pattern.compiled()  # not before a start needs it
        if not timed:
            return found.match(string, start, end)
        return found.match(string, start, end, timeout=left)

    try:
        return matches_at(match_at, text, starts)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def phrase_pattern(phrases: Iterable[str]) -> str:
    """One alternation matching any literal phrase as whole words.

    Spaces in a phrase match any run of whitespace; longer phrases win.
    """
    parts = []
    # Longest first; the same order in every process (a set's order is not),
    # so the pattern's text, and the prefilter's cached analysis of it, agree.
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        words = phrase.split()
        parts.append(r"\s+".join(regex.escape(w) for w in words))
    if not parts:
        return r"(?!x)x"
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])"


# --- prefilter: try a pattern only where one of its literal prefixes occurs ---

# More candidate offsets than this: scan instead, for a pattern whose anchored
# match looks ahead (see `_looks_ahead`). An anchored match costs the regex
# module a look ahead through the rest of the text when the pattern holds a
# literal after a variable start ("(?:the|1986)\s+chernobyl"), so many of them
# on a long text cost more than one scan.
MAX_CANDIDATES = 32
# Any other pattern is tried at its candidates while there is at most one per
# this many characters (or MAX_CANDIDATES in all): a try costs about as much as
# scanning 50 characters. A bound in proportion to the text, not a fixed one,
# keeps the choice, and so the time per MB, the same on a long document as on
# short ones (issue 20: a fixed bound scanned every long text whole).
CHARS_PER_CANDIDATE = 50


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

    def words_of(self, pattern: Pattern) -> tuple[frozenset[int], bool] | None:
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


def literal_analysis(pattern: Pattern) -> tuple[frozenset[str] | None, bool]:
    """What the prefilter knows of `pattern` (see lint/prefixes.py)."""
    key = (pattern.pattern, pattern.flags)
    while key not in _LITERALS and _LITERAL_SOURCES:
        started = time.monotonic()
        _LITERALS.update(_LITERAL_SOURCES.pop()())
        _extend_budget(time.monotonic() - started)
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


# Loaders of analyses to remember, called at the first analysis not known
# (a run whose results all come from the result cache never needs them).
_LITERAL_SOURCES: list[Callable[[], dict[tuple[str, int], tuple]]] = []


def remember_literals_from(load: Callable[[], dict[tuple[str, int], tuple]]) -> None:
    _LITERAL_SOURCES.append(load)


def _patterns_in(value: object, depth: int = 0) -> Iterator[Pattern]:
    if isinstance(value, Pattern):
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


def prefilter_scan(text: str) -> None:
    """Find every known literal in `text` now (the first search on a text
    does it otherwise): for benches that time the rules apart from the scan
    they share."""
    if _INDEX.word_ids and _ahocorasick() is not None:
        _INDEX._scan(text)


def learn_literals(patterns: Iterable[Pattern]) -> None:
    """Make the prefilter know these patterns' literals before any of them is
    searched: the next search then finds all the new literals in one pass over
    the text, where learning them one search at a time costs a pass each."""
    for pattern in patterns:
        _INDEX.words_of(pattern)


def may_match(pattern: Pattern, text: str) -> bool:
    """False only when `pattern` certainly finds nothing in `text`: none of
    its literal prefixes, or of the literals every match holds, occurs."""
    known = _INDEX.words_of(pattern)
    if known is None:
        return True
    return _INDEX.occurs(known[0], text)


def finditer(
    pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None, prefilter: bool = True
) -> Iterator[regex.Match]:
    """`pattern.finditer` under the rule's budget; raises PatternTimeout.

    A pattern with literal prefixes is only tried where one of them starts
    (the same matches, without scanning every offset); one with required
    literals is skipped on a text that holds none of them. `prefilter=False`
    scans, for short texts (lines) searched one after the other.
    """
    end = len(text) if endpos is None else endpos
    starts = None
    known = _INDEX.words_of(pattern) if prefilter else None
    if known is not None:
        words, positional = known
        if not positional:
            if not _INDEX.occurs(words, text):
                return
        else:
            starts = _INDEX.starts(words, text)
            many = starts is not None and len(starts) > MAX_CANDIDATES
            if many and (len(starts) * CHARS_PER_CANDIDATE > len(text) or _looks_ahead(pattern)):
                starts = None
    if starts is None:
        found = pattern.compiled()
        try:
            yield from found.finditer(text, pos, end, timeout=_timeout(pattern, text))
        except TimeoutError:
            raise PatternTimeout(pattern.pattern) from None
        return
    in_range = [start for start in starts if pos <= start < end]
    if in_range:  # most texts hold none of a pattern's prefixes
        yield from matches_from(pattern, text, in_range, end, timed=True)


# (pattern, flags) -> whether an anchored match may look through the rest of the text.
_LOOKS_AHEAD: dict[tuple[str, int], bool] = {}


def _looks_ahead(pattern: Pattern) -> bool:
    """Whether `regex` looks for the pattern's required literal from each start
    on to the end of the text: it does when the literal sits at no fixed
    offset in a match (`regex` records the offset as -1). Read from the
    compiled pattern's own description (its pickled data: pattern, flags,
    code, ..., required offset, required characters); an unexpected layout
    counts as looking ahead, which only costs speed."""
    key = (pattern.pattern, pattern.flags)
    known = _LOOKS_AHEAD.get(key)
    if known is None:
        try:
            data = pattern.compiled()._pickled_data
            offset, chars = data[7], data[8]
            known = not (isinstance(offset, int) and isinstance(chars, tuple)) or (
                offset < 0 and bool(chars)
            )
        except (AttributeError, IndexError, TypeError):
            known = True
        _LOOKS_AHEAD[key] = known
    return known


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
    pattern: Pattern, allow: tuple[Pattern, ...], text: str
) -> Iterator[regex.Match]:
    """Non-empty matches of `pattern` not inside a match of an `allow` pattern;
    the allow-list is searched only once something matches."""
    allowed = None
    for m in finditer(pattern, text):
        if m.end() == m.start():
            continue
        if allowed is None:
            allowed = spans(allow, text) if allow else []
        if not inside_any(m.start(), m.end(), allowed):
            yield m


def spans(patterns: Iterable[Pattern], text: str) -> list[tuple[int, int]]:
    """Sorted spans matched by any of `patterns` (used for allow-lists)."""
    found = []
    for pattern in patterns:
        found.extend(m.span() for m in finditer(pattern, text))
    return sorted(found)


def inside_any(start: int, end: int, allowed: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in allowed)
