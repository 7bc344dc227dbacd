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
from lint.kinds.base import Match

# Gopher's stop words: a document of English prose uses at least two of them.
STOP_WORDS = frozenset({"the", "be", "to", "of", "and", "that", "have", "with"})
TERMINAL = (".", "!", "?", '"', "”", "’", "'", "…", ")", ":")
BULLETS = ("•", "●", "○", "▪", "■", "◦", "‣", "-", "*", "–", "—", "·")
ELLIPSES = ("...", "…", ". . .")
_SYMBOL = regex.compile(r"#|\.\.\.|…")
_ALPHA = regex.compile(r"\p{L}")
_TOKEN = regex.compile(r"\S+")


@dataclass(frozen=True)
class Options:
    statistic: str
    min: float | None = None
    max: float | None = None
    min_words: int = 50
    min_lines: int = 3
    short_line_chars: int = 30


@dataclass(frozen=True)
class Stat:
    """A statistic's value and the span that best shows it."""

    value: float
    where: Span | None


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


def _tokens(doc: Document) -> list[Span]:
    """Whitespace tokens, built once per document for all the statistics."""
    return doc.memo(
        ("doc_quality", "tokens"),
        lambda: [Span(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(doc.text)],
    )


def _alpha_tokens(doc: Document) -> list[Span]:
    """Tokens with at least one letter."""
    return doc.memo(
        ("doc_quality", "alpha"), lambda: [t for t in _tokens(doc) if _ALPHA.search(t.text)]
    )


def _fraction(lines: list[Span], test: Callable[[str], bool]) -> Stat:
    hits = [ln for ln in lines if test(ln.text)]
    return Stat(len(hits) / len(lines) if lines else 0.0, hits[0] if hits else None)


def duplicate_line_fraction(doc: Document, options: Options) -> Stat:
    lines = _lines(doc)
    seen: set[str] = set()
    repeats = []
    for line in lines:
        key = " ".join(line.text.lower().split())
        if key in seen:
            repeats.append(line)
        seen.add(key)
    return Stat(len(repeats) / len(lines) if lines else 0.0, repeats[0] if repeats else None)


def punctuated_line_fraction(doc: Document, options: Options) -> Stat:
    lines = _lines(doc)
    ended = sum(1 for ln in lines if ln.text.endswith(TERMINAL))
    first_bare = next((ln for ln in lines if not ln.text.endswith(TERMINAL)), None)
    return Stat(ended / len(lines) if lines else 1.0, first_bare)


def short_line_fraction(doc: Document, options: Options) -> Stat:
    return _fraction(_lines(doc), lambda t: len(t) <= options.short_line_chars)


def bullet_line_fraction(doc: Document, options: Options) -> Stat:
    return _fraction(_lines(doc), lambda t: t.startswith(BULLETS))


def ellipsis_line_fraction(doc: Document, options: Options) -> Stat:
    return _fraction(_lines(doc), lambda t: t.endswith(ELLIPSES))


def mean_word_length(doc: Document, options: Options) -> Stat:
    words = _alpha_tokens(doc)
    if not words:
        return Stat(0.0, None)
    mean = sum(len(w.text) for w in words) / len(words)
    longest = max(words, key=lambda w: len(w.text))
    return Stat(mean, longest)


def symbol_word_ratio(doc: Document, options: Options) -> Stat:
    tokens = _tokens(doc)
    symbols = [Span(m.start(), m.end(), m.group()) for m in _SYMBOL.finditer(doc.text)]
    return Stat(len(symbols) / len(tokens) if tokens else 0.0, symbols[0] if symbols else None)


def alpha_word_fraction(doc: Document, options: Options) -> Stat:
    tokens = _tokens(doc)
    alpha = _alpha_tokens(doc)
    first_other = next((t for t in tokens if not _ALPHA.search(t.text)), None)
    return Stat(len(alpha) / len(tokens) if tokens else 1.0, first_other)


def stop_word_count(doc: Document, options: Options) -> Stat:
    found = {w.text.lower() for w in doc.words} & STOP_WORDS
    return Stat(float(len(found)), None)


def word_count(doc: Document, options: Options) -> Stat:
    return Stat(float(doc.word_count), None)


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


def compile(options: Options, context=None) -> Options:
    if options.statistic not in STATISTICS:
        known = ", ".join(STATISTICS)
        raise ValueError(f"unknown statistic {options.statistic!r} (known: {known})")
    if options.min is None and options.max is None:
        raise ValueError("doc_quality needs 'min' or 'max'")
    return options


def check(doc: Document, options: Options) -> Iterator[Match]:
    if options.statistic != "word_count" and doc.word_count < options.min_words:
        return
    if not doc.text.strip():
        return
    if options.statistic in LINE_STATISTICS and len(_lines(doc)) < options.min_lines:
        return  # a fraction of one or two lines says nothing
    stat = STATISTICS[options.statistic](doc, options)
    too_high = options.max is not None and stat.value > options.max
    too_low = options.min is not None and stat.value < options.min
    if not (too_high or too_low):
        return
    where = stat.where or _lines(doc)[0]
    limit = options.max if too_high else options.min
    yield Match(
        where.start,
        where.end,
        {
            "statistic": options.statistic.replace("_", " "),
            "value": f"{stat.value:.2f}".rstrip("0").rstrip("."),
            "limit": f"{limit:g}",
            "bound": "above" if too_high else "below",
        },
    )
