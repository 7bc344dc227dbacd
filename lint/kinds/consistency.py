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
from functools import lru_cache

import ahocorasick
import regex

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext, preserve_case
from lint.patterns import (
    Pattern,
    compile_pattern,
    finditer,
    learn_literals,
    phrase_pattern,
    prefilter_fold,
)

# A two-part hyphenated word, not a piece of a longer one ("will-he-won't-he"
# holds no "t-he"). Written as a lookbehind from the hyphen so that `regex`
# only tries the positions of hyphens: the groups are those of
# `(?<![\w\-'’])(\p{L}+)-(\p{L}{2,})(?![\w\-'’])`, found about 30 times faster.
# Up to this many closed-up forms are looked up with `in` (a fast substring
# search each), more in one Aho-Corasick pass (about as costly as 30 of them).
MAX_FINDS = 32
_HYPHENATED = regex.compile(r"(?<=(?<![\w\-'’])(\p{L}+))-(\p{L}{2,})(?![\w\-'’])")


@dataclass(frozen=True)
class Options:
    # Groups of spellings of one word; the minority spelling is reported.
    words: tuple[tuple[str, ...], ...] = ()
    # Groups of regexes, by form name, for forms a word list cannot hold.
    patterns: tuple[dict[str, str], ...] = ()
    hyphenation: bool = False  # a hyphenated word also written closed up or open
    ignorecase: bool = True  # match the words and patterns in any case
    min_majority: int = 1  # the majority form must occur at least this often


@dataclass(frozen=True)
class Compiled:
    # Each set: (variants as (name, compiled pattern), whether names are the words).
    sets: tuple[tuple[tuple[tuple[str, Pattern], ...], bool], ...]
    hyphenation: bool
    min_majority: int
    # Per set, for word sets: each variant's words as they must occur in the
    # text (folded when the set ignores case); None for pattern sets.
    needles: tuple[tuple[tuple[str, ...], ...] | None, ...]
    vocabulary: frozenset[str]  # every word of `needles`
    ignorecase: bool
    # Each word of `vocabulary` -> the indices of the word sets holding it.
    sets_of: dict[str, tuple[int, ...]]
    word_sets: int  # the first `word_sets` of `sets` are word sets


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    sets = []
    needles: list[tuple[tuple[str, ...], ...] | None] = []
    fold = prefilter_fold if options.ignorecase else str
    for group in options.words:
        if len(group) < 2:
            raise ValueError(f"a set of words needs two or more variants: {list(group)}")
        variants = tuple(
            (w, compile_pattern(phrase_pattern([w]), options.ignorecase)) for w in group
        )
        sets.append((variants, True))
        needles.append(tuple(tuple(fold(part) for part in w.split()) for w in group))
    for group in options.patterns:
        if len(group) < 2:
            raise ValueError(f"a set of patterns needs two or more variants: {group}")
        variants = tuple(
            (name, compile_pattern(p, options.ignorecase)) for name, p in group.items()
        )
        sets.append((variants, False))
        needles.append(None)
    if not sets and not options.hyphenation:
        raise ValueError("consistency needs 'words', 'patterns' or 'hyphenation: true'")
    sets_of: dict[str, list[int]] = {}
    for index, group in enumerate(needles):
        for words in group or ():
            for word in words:
                if index not in sets_of.setdefault(word, []):
                    sets_of[word].append(index)
    return Compiled(
        tuple(sets),
        options.hyphenation,
        options.min_majority,
        tuple(needles),
        frozenset(sets_of),
        options.ignorecase,
        {word: tuple(indices) for word, indices in sets_of.items()},
        len(options.words),
    )


def _folded(doc: Document) -> str:
    return doc.memo(("prefilter_fold",), lambda: prefilter_fold(doc.text))


@lru_cache(maxsize=64)
def _automaton(words: frozenset[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _words_in(words: frozenset[str], haystack: str) -> set[str]:
    """Which of `words` occur in `haystack` (as substrings), in one pass."""
    if not words:
        return set()
    return {word for _, word in _automaton(words).iter(haystack)}


def _may_differ(needles: tuple[tuple[str, ...], ...], found: set[str]) -> bool:
    """False when fewer than two variants can occur: every word of a variant's
    phrase (folded like the text when case is ignored) must be in the text."""
    return sum(1 for words in needles if found.issuperset(words)) >= 2


def _hyphenation_sets(text: str) -> list:
    """A set (hyphenated, closed up) for each distinct hyphenated pair whose
    closed-up form occurs in the lowercased text, in the order of first use.
    Which closed-up forms occur is found in one Aho-Corasick pass over the
    text, and the prefilter learns every new pattern's literals before any is
    searched, so that a long document with thousands of hyphenated words costs
    two passes, not two per word (issue 20)."""
    pairs: dict[tuple[str, str], None] = {}
    for m in _HYPHENATED.finditer(text):
        pairs.setdefault((m.group(1).lower(), m.group(2).lower()), None)
    if not pairs:
        return []
    lowered = text.lower()
    if len(pairs) <= MAX_FINDS:
        occurring = {left + right for left, right in pairs if left + right in lowered}
    else:
        automaton = ahocorasick.Automaton()
        for left, right in pairs:
            automaton.add_word(left + right, left + right)
        automaton.make_automaton()
        occurring = {closed for _, closed in automaton.iter(lowered)}
    sets = []
    for left, right in pairs:
        closed = left + right
        if closed not in occurring:
            continue
        hyphenated = f"{left}-{right}"
        sets.append(
            (
                (
                    (hyphenated, Pattern(phrase_pattern([hyphenated]), regex.I, trusted=True)),
                    (closed, Pattern(phrase_pattern([closed]), regex.I, trusted=True)),
                ),
                True,
            )
        )
    learn_literals(pattern for variants, _ in sets for _, pattern in variants)
    return sets


def _present(variants: tuple[tuple[str, Pattern], ...], text: str) -> dict:
    """Spans of each variant that occurs, in the set's order; stops as soon as
    fewer than two variants can still occur."""
    present = {}
    for i, (name, pattern) in enumerate(variants):
        if len(present) + len(variants) - i < 2:
            break
        spans = [m.span() for m in finditer(pattern, text)]
        if spans:
            present[name] = spans
    return present


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    sets = list(compiled.sets)
    needles = list(compiled.needles)
    if compiled.hyphenation and "-" in doc.text:
        extra = _hyphenation_sets(doc.text)
        sets.extend(extra)
        needles.extend([None] * len(extra))
    # Only the word sets one of whose words occurs are looked at: one pass
    # finds which words occur, and each word names its sets (a document that
    # holds none of 78 sets' words costs that pass, not 78 checks).
    looked_at = range(len(sets))
    if compiled.vocabulary:
        haystack = _folded(doc) if compiled.ignorecase else doc.text
        occurring = _words_in(compiled.vocabulary, haystack)
        holding = {index for word in occurring for index in compiled.sets_of[word]}
        looked_at = [*sorted(holding), *range(compiled.word_sets, len(sets))]
    for index in looked_at:
        (variants, literal), words = sets[index], needles[index]
        if words is not None and not _may_differ(words, occurring):
            continue
        present = _present(variants, doc.text)
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


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
