"""metric: a textstat readability formula per paragraph, against a threshold.

Machine-translated or scraped paragraphs that run on without sentence breaks
score off the scale; a paragraph above `max` (or below `min`) is reported.
Paragraphs shorter than `min_words` are skipped: formulas are noise there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext

FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
)


@dataclass(frozen=True)
class Options:
    formula: str  # a textstat formula name (FORMULAS)
    max: float | None = None
    min: float | None = None
    min_words: int = 40


def prepare(options: Options, context: PackContext | None = None) -> Options:
    if options.formula not in FORMULAS:
        raise ValueError(f"unknown formula {options.formula!r} (known: {', '.join(FORMULAS)})")
    if options.max is None and options.min is None:
        raise ValueError("metric needs 'max' or 'min'")
    return options


def _score(formula: str, text: str, options: Options) -> float | None:
    """The paragraph's score by textstat, or None when it surely stays within the
    limits. Flesch-Kincaid comes from lint.textstats, which counts the words once
    and bounds the grade before it hyphenates words the dictionary lacks."""
    from lint import textstats

    if formula != "flesch_kincaid_grade":
        return float(getattr(textstats.textstat(), formula)(text))
    grade = textstats.Grade(text)
    if (options.max is None or grade.high() <= options.max) and (
        options.min is None or grade.low() >= options.min
    ):
        return None
    return grade.exact()


def check(doc: Document, options: Options) -> Iterator[Match]:
    for para in doc.paragraphs:
        if len(para.text.split()) < options.min_words:
            continue
        score = _score(options.formula, para.text, options)
        if score is None:
            continue
        too_high = options.max is not None and score > options.max
        too_low = options.min is not None and score < options.min
        if too_high or too_low:
            limit = options.max if too_high else options.min
            # Point at the paragraph's first line: a whole block is no position.
            first_line = para.text.splitlines()[0]
            end = para.start + len(first_line)
            yield Match(
                para.start,
                end,
                {
                    "score": f"{score:.1f}",
                    "limit": f"{limit:g}",
                    "formula": options.formula,
                },
            )


KIND: Kind[Options, Options] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
