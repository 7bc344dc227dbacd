"""Numbers in news text: figures in digits or words, with the hedge in front of them.

"more than 106,000", "about 1.5 million", "twelve", "5%". Spelled-out numbers
are read by text2num (a small, maintained Rust-backed parser of number words
in several languages; importing it costs under a millisecond), digits by
regular expressions. A figure becomes an interval: "more than 106,000" is
(106,000, inf), "about 100,000" is [85,000, 115,000], a bare round "100,000"
is [95,000, 105,000], since news rounds; two figures for one thing whose
intervals do not overlap cannot both be true.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from lint.patterns import matches_at

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
]  # noqa: SIM905
_WORD = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"
_FIRST = "(?:" + "|".join(sorted(_UNITS[:-4], key=len, reverse=True)) + ")"
# Number words start with a digit word: a lone "million" (as in "2,5 million") is not one.
NUMBER_WORDS = rf"\b{_FIRST}(?:(?:[\s-]+|\s+and\s+){_WORD})*\b"
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,  # Indian English
    "crore": 1e7,
}
DIGITS = (
    r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d)"
)
NUMBER = (
    rf"(?:{DIGITS})(?:\s+(?:thousand|million|billion|trillion|lakh|crore)\b)?"
    rf"|(?i:{NUMBER_WORDS})"
)
_NUMBER_RE = re.compile(NUMBER)
# Where a figure can start (see finditer_figures): a run of digits, or a number
# word's first word in the lowered text. Both open with a character class or
# with literals, so re skips ahead instead of trying NUMBER at every offset.
_DIGIT_RUN = re.compile(r"\d\d*")
_FIRST_WORD = re.compile("|".join(sorted(_UNITS[:-4], key=len, reverse=True)))
# Characters IGNORECASE equates with a letter of a number word that lower() does
# not turn into that letter (long s, dotless i), or into one character (dotted
# I), and that letter.
_ODD_CASES = {"ſ": "s", "ı": "i", "İ": "i"}

# Hedges before a figure, and the interval each one makes of it.
_HEDGES = {
    "more than": "above",
    "over": "above",
    "upwards of": "above",
    "in excess of": "above",
    "at least": "atleast",
    "no fewer than": "atleast",
    "no less than": "atleast",
    "less than": "below",
    "fewer than": "below",
    "under": "below",
    "up to": "atmost",
    "at most": "atmost",
    "no more than": "atmost",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "as many as": "atmost",
    "tens of": "about",
}
HEDGE = "(?:" + "|".join(sorted(map(re.escape, _HEDGES), key=len, reverse=True)) + ")"
_HEDGE_BEFORE = re.compile(rf"\b({HEDGE})\s+$", re.IGNORECASE)
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in the text, with its hedge and the interval it allows."""

    start: int  # of the hedge, if any
    end: int
    value: float
    hedge: str | None
    written: str

    @property
    def interval(self) -> tuple[float, float]:
        v = self.value
        kind = _HEDGES.get(self.hedge.lower()) if self.hedge else None
        if kind == "above":
            return (v * 1.0001, math.inf)
        if kind == "atleast":
            return (v, math.inf)
        if kind == "below":
            return (0.0, v * 0.9999)
        if kind == "atmost":
            return (0.0, v)
        if kind == "nearly":
            return (v * 0.9, v)
        if kind == "about":
            return (v * 0.85, v * 1.15)
        if is_round(v):
            return (v * 0.95, v * 1.05)
        return (v, v)


def is_round(value: float) -> bool:
    """Figures such as 100,000, 1.5 million or "ten", which news uses as approximations."""
    return value >= 10 and value % 10 == 0


def parse_number(written: str) -> float | None:
    """The value of digits ("106,000", "1.5 million") or number words ("twelve")."""
    text = written.strip()
    scale = 1.0
    parts = text.rsplit(None, 1)
    if len(parts) == 2 and parts[1].lower() in _SCALES and parts[0][:1].isdigit():
        text, scale = parts[0], _SCALES[parts[1].lower()]
    if text[:1].isdigit():
        if _DOTTED_THOUSANDS.fullmatch(text):
            return None  # "10.000": a thousands separator or a decimal? (locale rules judge)
        try:
            return float(text.replace(",", "")) * scale
        except ValueError:
            return None
    try:
        return float(text2num(text.lower().replace(" and ", " "), "en"))
    except ValueError:
        return None


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, with the hedge in front of it when there is one."""
    out = []
    for m in finditer_figures(_NUMBER_RE, text):
        value = parse_number(m.group())
        if value is None:
            continue
        before = text[max(0, m.start() - 20) : m.start()]
        hedge = _HEDGE_BEFORE.search(before)
        start = m.start() - (len(before) - hedge.start(1)) if hedge else m.start()
        out.append(Figure(start, m.end(), value, hedge.group(1) if hedge else None, m.group()))
    return out


def finditer_figures(
    pattern: re.Pattern, text: str, words: re.Pattern = _FIRST_WORD
) -> list[re.Match]:
    """`pattern.finditer(text)` for a pattern whose matches start with NUMBER
    (as _NUMBER_RE's, or "{NUMBER}%"), tried only where a figure can start.

    Digits start a figure only after a character that is not a word character
    (nor "." or ","): at the start of a run of digits. Number words start at a
    word boundary with a word of _FIRST in any case, which, without the odd
    cases, is that word in text.lower() at the same offset (one character each);
    a run of letters cannot hide it, since what precedes a boundary is not a
    letter. Trying `match` at those offsets in order, from the end of the last
    match on, finds what finditer finds.

    Another pattern whose matches start at a word boundary with digits or with
    one of some words in any case passes those `words` (lowercase ASCII letters,
    longest first; see day_counter), provided _ODD_CASES covers their letters.
    """
    starts = figure_starts(text, words)
    return matches_at(pattern.match, text, starts)


# A text longer than this (a document, not a sentence) has its figure starts
# kept for the next rule that asks (a two-entry cache: numbers.words-digits,
# share-over-100 and day-counter each looked for them in the whole text anew).
CACHED_CHARS = 20_000


def figure_starts(text: str, words: re.Pattern = _FIRST_WORD) -> list[int]:
    """`_figure_starts`, kept for a long text: the list is shared, not to be changed."""
    if len(text) > CACHED_CHARS:
        return _large_figure_starts(text, words)
    return _figure_starts(text, words)


def _figure_starts(text: str, words: re.Pattern = _FIRST_WORD) -> list[int]:
    """The sorted offsets where a figure (or one of `words`) can start, for
    `finditer_figures`. The odd cases are first written as the ASCII letter
    IGNORECASE takes them for, one character each, so that offsets in the
    lowered text stay offsets in the text (a text with one of them was
    scanned at every offset: a long document almost always has one)."""
    lowered = text
    for odd, letter in _ODD_CASES.items():
        if odd in lowered:
            lowered = lowered.replace(odd, letter)
    starts = [m.start() for m in _DIGIT_RUN.finditer(text)]
    starts += [m.start() for m in words.finditer(lowered.lower())]
    starts.sort()
    return starts


_large_figure_starts = lru_cache(maxsize=2)(_figure_starts)


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def show(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
