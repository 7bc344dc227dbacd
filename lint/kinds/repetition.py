"""repetition: a word doubled ("the the"), or a short phrase looping.

Machine translation that hallucinates tends to loop: the same one to four words
three or more times in a row. Words legitimately doubled in English ("had had",
"that that") go in `allow`. Repeats never run across a blank line.

What people repeat on purpose is left alone: a unit made only of allowed words
("la la", "la-la-la"), a word joined to itself by "and" or "or" ("thousands and
thousands and thousands"), and a tricolon: when `min_repeats` is 3 or more,
repeats separated by commas need one more ("Come in, come in, come in" is
speech; a fourth is a loop). `min_words` keeps short units to other rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import compress, count, islice
from operator import eq, methodcaller

import regex

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.patterns import Pattern, compile_pattern, matches_from, prefilter_fold


@dataclass(frozen=True)
class Options:
    max_words: int = 1  # longest repeated unit, in words
    min_words: int = 1  # shortest repeated unit, in words
    min_repeats: int = 2  # how many times in a row the unit must appear
    # At most this many times (0: no limit); a rule for doubled words leaves
    # longer runs to a rule for loops, so one run is not reported twice.
    max_repeats: int = 0
    allow: tuple[str, ...] = ("had", "that", "bye", "very", "really", "no", "so", "is")
    ignorecase: bool = True  # a repeat may differ in case ("The the")
    # Count repeats separated by a comma or semicolon ("for our land, for our land").
    # Off for doubled words: "citizens, citizens residing abroad" is English.
    punctuated: bool = True


@dataclass(frozen=True)
class Compiled:
    search: Pattern
    allow: frozenset[str]
    min_repeats: int
    max_words: int
    max_repeats: int
    min_words: int = 1


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    if not 1 <= options.max_words <= 8:
        raise ValueError("max_words must be between 1 and 8")
    if not 1 <= options.min_words <= options.max_words:
        raise ValueError("min_words must be between 1 and max_words")
    if options.min_repeats < 2:
        raise ValueError("min_repeats must be at least 2")
    if options.max_repeats and options.max_repeats < options.min_repeats:
        raise ValueError("max_repeats must be 0 (no limit) or at least min_repeats")
    gap = r"[ \t]+(?:\r?\n[ \t]*)?"
    unit = (
        rf"\w+(?:['’\-]\w+)*"
        rf"(?:{gap}\w+(?:['’\-]\w+)*){{{options.min_words - 1},{options.max_words - 1}}}"
    )
    repeats = options.min_repeats - 1
    separator = "[,;]?" if options.punctuated else ""
    pattern = rf"(?<![\w'’\-])({unit})(?:{separator}{gap}(?:\1)(?![\w'’\-])){{{repeats},}}"
    allow = frozenset(w.lower() for w in options.allow)
    return Compiled(
        compile_pattern(pattern, options.ignorecase),
        allow,
        options.min_repeats,
        options.max_words,
        options.max_repeats,
        options.min_words,
    )


# The words the search pattern's unit is made of, to find where a repeat could start.
_WORD = regex.compile(r"\w+(?:['’\-]\w+)*")
_START = methodcaller("start")


def folded_words(text: str) -> list[str]:
    """The text's words, case-folded at least as coarsely as IGNORECASE.

    Folding the whole text at once is exact when every character folds to one
    character (then the words of the fold are the folds of the words); else
    each word is folded on its own.
    """
    folded = prefilter_fold(text)
    if len(folded) == len(text):
        return _WORD.findall(folded)
    return [prefilter_fold(w) for w in _WORD.findall(text)]


def _candidates(words: list[str], compiled: Compiled) -> list[int]:
    """Word indices where a repeat could start, in order.

    A unit of k words repeated r times makes every word from i to
    i+(r-1)k-1 equal (case-folded) to the word k places on, and every match
    starts at the start of a word. The words k places apart that are equal
    are found in one C-level pass per k; the runs long enough are then picked
    from those few, where the backreferencing search costs a regex attempt at
    every word.
    """
    found: set[int] = set()
    for k in range(compiled.min_words, compiled.max_words + 1):
        pairs = set(compress(count(), map(eq, words, words[k:])))
        same = pairs
        for shift in range(1, (compiled.min_repeats - 1) * k):
            if not same:
                break
            same = {i for i in same if i + shift in pairs}
        found |= same
    return sorted(found)


def _matches(
    text: str,
    compiled: Compiled,
    words: list[str] | None = None,
    word_starts: Callable[[], list[int]] | None = None,
) -> Iterator[regex.Match]:
    """The matches `finditer(compiled.search, text)` gives, trying the search
    only at candidate words. `word_starts` gives the start of every word (a
    document's, kept for the three rules of this kind)."""
    candidates = _candidates(folded_words(text) if words is None else words, compiled)
    if not candidates:
        return
    if word_starts is not None:
        starts = word_starts()
    else:  # word starts up to the last candidate, without a Python loop per word
        starts = list(map(_START, islice(_WORD.finditer(text), candidates[-1] + 1)))
    yield from matches_from(compiled.search, text, [starts[index] for index in candidates])


def _word_starts(doc: Document) -> list[int]:
    return doc.memo(("repetition", "starts"), lambda: list(map(_START, _WORD.finditer(doc.text))))


_UNIT_PARTS = regex.compile(r"[\s\-]+")
# "thousands and thousands and ...", and its other phase "and on and on and on".
_JOINED = regex.compile(
    r"\w+[ \t]+(?:and|or)|and[ \t]+(?:on|over|round|around|again|more|up|down|out|back|through)",
    regex.IGNORECASE,
)
_SEPARATED = regex.compile(r"[,;]")


def _on_purpose(unit: str, allow: frozenset[str]) -> bool:
    """Repeats people write on purpose: allowed words only, "X and" or "and X"."""
    lower = unit.lower()
    if lower in allow or all(part in allow for part in _UNIT_PARTS.split(lower)):
        return True
    return _JOINED.fullmatch(unit) is not None


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    words = doc.memo(("repetition", "words"), lambda: folded_words(doc.text))
    for m in _matches(doc.text, compiled, words, lambda: _word_starts(doc)):
        unit = m.group(1)
        if _on_purpose(unit, compiled.allow) or unit.isdigit():
            continue
        count = len(
            regex.findall(
                rf"(?<![\w'’\-]){regex.escape(unit)}(?![\w'’\-])", m.group(), flags=regex.IGNORECASE
            )
        )
        # A loop's repeats set off by commas may be a tricolon: one more is needed.
        tricolon = compiled.min_repeats >= 3 and _SEPARATED.search(m.group())
        needed = compiled.min_repeats + (1 if tricolon else 0)
        if count < needed or 0 < compiled.max_repeats < count:
            continue
        if (
            unit[:1].isupper()
            and m.group()[m.end(1) - m.start() :].lstrip(" ,;\t\r\n")[:1].isupper()
        ):
            continue  # reduplicated names: Bora Bora, Walla Walla, Sing Sing
        # Point at the repeats, keep the first occurrence as the suggestion.
        yield Match(
            m.start(),
            m.end(),
            {"word": unit, "count": str(count)},
            (unit,),
        )


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
