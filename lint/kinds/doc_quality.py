"""doc_quality: whole-document statistics of the Gopher, C4 and FineWeb filters.

Web-corpus pipelines drop a document when a statistic crosses a threshold
(Gopher: Rae et al. 2021, section A.1.1; C4: Raffel et al. 2020; FineWeb's
datatrove filters). Here each statistic is one rule with a configurable `min`
and/or `max`, and instead of dropping the document the finding points at the
line or word that best shows the problem (the first repeated line, the first
line without end punctuation, the first bullet, the longest word...), so it can
be read, fixed or used as a gate (`--fail-on`, severity overrides).

Lines are the non-blank lines; words are whitespace tokens. Documents shorter
than `min_words` are skipped (statistics are noise there), except for the
`word_count` statistic itself; line fractions need `min_lines` lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from lint.document import Document, Span
from lint.kinds.base import Kind, Match, PackContext

# Gopher's stop words: a document of English prose uses at least two of them.
STOP_WORDS = frozenset({"the", "be", "to", "of", "and", "that", "have", "with"})
TERMINAL = (".", "!", "?", '"', "”", "’", "'", "…", ")", ":")
BULLETS = ("•", "●", "○", "▪", "■", "◦", "‣", "-", "*", "–", "—", "·")
ELLIPSES = ("...", "…", ". . .")
_SYMBOL = regex.compile(r"#|\.\.\.|…")
_ALPHA = regex.compile(r"\p{L}")
_TOKEN = regex.compile(r"\S+")
# A whole token without a letter (the complement of the tokens `_ALPHA` finds).
_LETTERLESS_TOKEN = regex.compile(r"(?<!\S)[^\s\p{L}]+(?!\S)")
# The only characters `str.split` takes for whitespace and regex's `\s` does not
# (tests/kinds/test_doc_quality.py checks this over all of Unicode): without them in
# the text, `str.split` gives exactly the `_TOKEN` tokens, faster.
ODD_SPACES = regex.compile(r"[\x1c-\x1f]")


@dataclass(frozen=True)
class Options:
    statistic: str  # which statistic (word_count, mean_word_length, ...)
    min: float | None = None
    max: float | None = None
    min_words: int = 50
    min_lines: int = 3
    short_line_chars: int = 30  # a line shorter than this counts as short


def _nowhere() -> Span | None:
    return None


@dataclass(frozen=True)
class Stat:
    """A statistic's value, and how to find the span that best shows it: looked
    up only for a finding, since locating costs more than counting."""

    value: float
    locate: Callable[[], Span | None] = _nowhere


def _lines(doc: Document) -> list[Span]:
    return doc.memo(("doc_quality", "lines"), lambda: _build_lines(doc))


def _build_lines(doc: Document) -> list[Span]:
    out = []
    for line in doc.lines:
        stripped = line.text.strip()
        if stripped:
            lead = len(line.text) - len(line.text.lstrip())
            out.append(Span(line.start + lead, line.start + lead + len(stripped), stripped))
    return out


@dataclass(frozen=True, slots=True)
class _Tokens:
    """Counts over the whitespace tokens, made once per document for all statistics."""

    count: int  # tokens
    alpha: int  # tokens with at least one letter
    alpha_chars: int  # their total length


def _tokens(doc: Document) -> _Tokens:
    return doc.memo(("doc_quality", "tokens"), lambda: _count_tokens(doc.text, doc))


def _count_tokens(text: str, doc: Document) -> _Tokens:
    tokens = _TOKEN.findall(text) if ODD_SPACES.search(text) else doc.whitespace_tokens
    letterless = _LETTERLESS_TOKEN.findall(text)
    return _Tokens(
        len(tokens),
        len(tokens) - len(letterless),
        sum(map(len, tokens)) - sum(map(len, letterless)),
    )


def _span(m: regex.Match | None) -> Span | None:
    return Span(m.start(), m.end(), m.group()) if m else None


def _longest_alpha_token(text: str) -> Span | None:
    """The first of the longest tokens with a letter."""
    longest = None
    for m in _TOKEN.finditer(text):
        if (longest is None or len(m.group()) > len(longest.group())) and _ALPHA.search(m.group()):
            longest = m
    return _span(longest)


def _fraction(lines: list[Span], test: Callable[[str], bool]) -> Stat:
    hits = [ln for ln in lines if test(ln.text)]
    return Stat(len(hits) / len(lines) if lines else 0.0, lambda: hits[0] if hits else None)


def duplicate_line_fraction(doc: Document, options: Options) -> Stat:
    lines = _lines(doc)
    seen: set[str] = set()
    repeats = []
    for line in lines:
        key = " ".join(line.text.lower().split())
        if key in seen:
            repeats.append(line)
        seen.add(key)
    return Stat(
        len(repeats) / len(lines) if lines else 0.0, lambda: repeats[0] if repeats else None
    )


def punctuated_line_fraction(doc: Document, options: Options) -> Stat:
    lines = _lines(doc)
    ended = sum(1 for ln in lines if ln.text.endswith(TERMINAL))
    first_bare = next((ln for ln in lines if not ln.text.endswith(TERMINAL)), None)
    return Stat(ended / len(lines) if lines else 1.0, lambda: first_bare)


def short_line_fraction(doc: Document, options: Options) -> Stat:
    return _fraction(_lines(doc), lambda t: len(t) <= options.short_line_chars)


def bullet_line_fraction(doc: Document, options: Options) -> Stat:
    return _fraction(_lines(doc), lambda t: t.startswith(BULLETS))


def ellipsis_line_fraction(doc: Document, options: Options) -> Stat:
    return _fraction(_lines(doc), lambda t: t.endswith(ELLIPSES))


def mean_word_length(doc: Document, options: Options) -> Stat:
    tokens = _tokens(doc)
    if not tokens.alpha:
        return Stat(0.0)
    return Stat(tokens.alpha_chars / tokens.alpha, lambda: _longest_alpha_token(doc.text))


def symbol_word_ratio(doc: Document, options: Options) -> Stat:
    tokens = _tokens(doc)
    text = doc.text
    # The number of `_SYMBOL` matches: its three alternatives share no character.
    symbols = text.count("#") + text.count("...") + text.count("…")
    return Stat(
        symbols / tokens.count if tokens.count else 0.0, lambda: _span(_SYMBOL.search(text))
    )


def alpha_word_fraction(doc: Document, options: Options) -> Stat:
    tokens = _tokens(doc)
    return Stat(
        tokens.alpha / tokens.count if tokens.count else 1.0,
        lambda: _span(_LETTERLESS_TOKEN.search(doc.text)),
    )


def stop_word_count(doc: Document, options: Options) -> Stat:
    """The number of stop words used as words (`Document.words`), found
    exactly only when it may cross a bound.

    A stop word written " the " is surely used; one that is not a substring of
    the lowercased text surely is not (a word lowercasing to ASCII letters
    lowercases the same inside the text). Between the two counts, every value
    gives the same verdict unless a bound lies there.
    """
    text = doc.text
    lowered = text.lower()
    possible = [w for w in STOP_WORDS if w in lowered]
    low = sum(1 for w in possible if f" {w} " in text)
    high = len(possible)
    could_cross = (options.min is not None and low < options.min) or (
        options.max is not None and high > options.max
    )
    if low == high or not could_cross:
        return Stat(float(low))
    found = STOP_WORDS.intersection(map(str.lower, doc.word_texts))
    return Stat(float(len(found)))


def word_count(doc: Document, options: Options) -> Stat:
    return Stat(float(doc.word_count))


STATISTICS: dict[str, Callable[[Document, Options], Stat]] = {
    f.__name__: f
    for f in (
        duplicate_line_fraction,
        punctuated_line_fraction,
        short_line_fraction,
        bullet_line_fraction,
        ellipsis_line_fraction,
        mean_word_length,
        symbol_word_ratio,
        alpha_word_fraction,
        stop_word_count,
        word_count,
    )
}


LINE_STATISTICS = frozenset(
    {
        "duplicate_line_fraction",
        "punctuated_line_fraction",
        "short_line_fraction",
        "bullet_line_fraction",
        "ellipsis_line_fraction",
    }
)


def prepare(options: Options, context: PackContext | None = None) -> Options:
    if options.statistic not in STATISTICS:
        known = ", ".join(STATISTICS)
        raise ValueError(f"unknown statistic {options.statistic!r} (known: {known})")
    if options.min is None and options.max is None:
        raise ValueError("doc_quality needs 'min' or 'max'")
    return options


def check(doc: Document, options: Options) -> Iterator[Match]:
    if options.statistic != "word_count" and doc.word_count < options.min_words:
        return
    if not doc.text or doc.text.isspace():
        return
    if options.statistic in LINE_STATISTICS and len(_lines(doc)) < options.min_lines:
        return  # a fraction of one or two lines says nothing
    stat = STATISTICS[options.statistic](doc, options)
    too_high = options.max is not None and stat.value > options.max
    too_low = options.min is not None and stat.value < options.min
    if not (too_high or too_low):
        return
    where = stat.locate() or _lines(doc)[0]
    limit = options.max if too_high else options.min
    yield Match(
        where.start,
        where.end,
        {
            "statistic": options.statistic.replace("_", " "),
            "value": _shown(stat.value, options.statistic),
            "limit": _shown(limit, options.statistic),
            "bound": "above" if too_high else "below",
        },
    )


def _shown(number: float, statistic: str) -> str:
    """A fraction as a percentage ("0%" of the lines, not "0"), else the number."""
    if statistic.endswith("_fraction"):
        return f"{number * 100:.0f}%"
    return f"{number:.2f}".rstrip("0").rstrip(".")


KIND: Kind[Options, Options] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
    language_neutral=True,  # Its findings stand on lines in any language (see lint.language).
)
