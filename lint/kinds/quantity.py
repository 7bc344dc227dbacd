"""quantity: one counted thing given two values that cannot both be true.

Two checks, one per rule (option `check`):

- `values`: the same counted noun from the pack's list ("troops", "refugees")
  with the same modifiers ("Russian troops"; a bare "troops" matches any) given
  figures whose intervals do not overlap: "more than 106,000 troops" and later
  "100,000 troops". Reported at the later mention, naming the earlier. Figures
  further apart than `max_ratio` are taken to count different things (troops in
  Belarus and troops in all), which news does all the time.
- `words-digits`: a number in words with a different one in brackets: "five (6)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.numbers import (
    NUMBER_WORDS,
    find_figures,
    finditer_figures,
    overlap,
    parse_number,
    show,
)
from lint.patterns import may_match

# The rule's check (option `check`), validated by the pack loader.
Check = Literal["values", "words-digits"]
CHECKS: tuple[str, ...] = get_args(Check)
# Words that may stand between a figure and its noun: "Russian", "combat-ready".
_MODIFIER = r"(?:[A-Z][a-z]+|[a-z]+(?:-[a-z]+)*)"
_NOT_MODIFIERS = frozenset(
    [
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "than",
        "more",
        "less",
        "were",
        "was",
        "are",
        "is",
        "have",
        "had",
        "has",
        "the",
        "a",
        "an",
        "that",
        "which",
        "who",
        "other",
        "new",
    ]  # noqa: SIM905
)
# What _WORDS_DIGITS needs, found by re's literal scan for "(".
_PAREN_DIGIT = re.compile(r"\(\s*\d")
_WORDS_DIGITS = re.compile(rf"(?i:{NUMBER_WORDS})\s*\(\s*(\d{{1,3}}(?:,\d{{3}})*|\d+)\s*\)")


@dataclass(frozen=True)
class Options:
    check: Check = "values"
    nouns: tuple[str, ...] = ()  # the counted things (troops, refugees); needed by `values`
    max_ratio: float = 1.5


@dataclass(frozen=True)
class Compiled:
    check: Check
    after: re.Pattern | None
    nouns: re.Pattern | None  # any of the nouns, to skip documents without them
    max_ratio: float


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    if options.max_ratio < 1:
        raise ValueError("max_ratio must be 1 or more")
    after = any_noun = None
    if options.check == "values":
        if not options.nouns:
            raise ValueError("check 'values' needs 'nouns': the counted things to compare")
        nouns = "|".join(sorted(map(re.escape, options.nouns), key=len, reverse=True))
        after = re.compile(rf"(?P<mods>(?:\s+{_MODIFIER}){{0,2}}?)\s+(?P<noun>{nouns})\b")
        any_noun = re.compile(rf"\b(?:{nouns})\b")
    return Compiled(options.check, after, any_noun, options.max_ratio)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    if compiled.check == "words-digits":
        yield from _words_digits(doc)
    else:
        yield from _values(doc, compiled)


def may_have_words_digits(text: str) -> bool:
    """False only when _WORDS_DIGITS finds nothing in `text`: no "(" before a digit."""
    return "(" in text and _PAREN_DIGIT.search(text) is not None


def _words_digits(doc: Document) -> Iterator[Match]:
    if not may_have_words_digits(doc.text):
        return
    # Its matches start with number words, tried only where they can start.
    for m in finditer_figures(_WORDS_DIGITS, doc.text):
        words = doc.text[m.start() : m.start(1)].rstrip(" (")
        in_words, in_digits = parse_number(words), parse_number(m.group(1))
        if in_words is None or in_digits is None or in_words == in_digits:
            continue
        yield Match(
            m.start(),
            m.end(),
            {"problem": f"'{words}' is {show(in_words)} but the digits say {m.group(1)}"},
        )


def _values(doc: Document, compiled: Compiled) -> Iterator[Match]:
    text = doc.text
    # may_match: one of the nouns (folded) occurs, a cheap test shared with other rules.
    if not may_match(compiled.nouns, text) or not compiled.nouns.search(text):
        return
    seen: list[tuple[str, tuple[str, ...], object, int]] = []  # noun, modifiers, figure, end
    for figure in find_figures(text):
        m = compiled.after.match(text, figure.end)
        if not m or figure.value <= 0:
            continue
        mods = tuple(w.lower() for w in m.group("mods").split())
        if any(w in _NOT_MODIFIERS for w in mods):
            continue
        noun = m.group("noun").lower()
        for earlier_noun, earlier_mods, earlier, earlier_end in seen:
            if earlier_noun != noun or (mods and earlier_mods and mods != earlier_mods):
                continue
            if overlap(figure.interval, earlier.interval):
                continue
            low, high = sorted((figure.value, earlier.value))
            if high / low > compiled.max_ratio:
                continue
            said = " ".join(text[earlier.start : earlier_end].split())
            yield Match(
                figure.start,
                m.end(),
                {
                    "earlier": said,
                    "line": str(doc.position(earlier.start).line),
                    "problem": f"'{said}' on line {doc.position(earlier.start).line}",
                },
            )
            break
        seen.append((noun, mods, figure, m.end()))


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
