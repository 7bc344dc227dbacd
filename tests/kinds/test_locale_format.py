"""locale_format: the source language's number and date formats left in English,
each found at its exact span with the English form as suggestion."""

from __future__ import annotations

import pytest

import lint
from lint.config import Config

RULES = ("mt.decimal-comma", "mt.dot-thousands", "mt.dotted-date", "mt.source-abbreviation")
CONFIG = Config(select=RULES)


def found(text: str) -> list[tuple[str, str, int, int, tuple[str, ...]]]:
    return [
        (f.rule, text[f.offset : f.end_offset], f.column, f.end_column, f.suggestions)
        for f in lint.check_text(text, path="t.txt", config=CONFIG)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Exports fell to 3,4 billion dollars.",
            ("mt.decimal-comma", "3,4", 17, 20, ("3.4",)),
        ),
        ("Inflation rose 2,5 % in May.", ("mt.decimal-comma", "2,5", 16, 19, ("2.5",))),
        (
            "Kyiv says 45.000 soldiers were mobilised.",
            ("mt.dot-thousands", "45.000", 11, 17, ("45,000",)),
        ),
        (
            "The decree of 01.03.2022 was annulled.",
            ("mt.dotted-date", "01.03.2022", 15, 25, ("1 March 2022",)),
        ),
        (
            "They lost 5 mln hryvnias.",
            ("mt.source-abbreviation", "mln", 13, 16, ("million",)),
        ),
    ],
)
def test_a_source_format_is_found_at_its_span_with_the_english_form(text, expected):
    assert found(text) == [expected]


def test_a_region_abbreviation_needs_the_name_before_it():
    text = "Shelling hit Kharkiv obl. overnight; the obl. council met."
    assert found(text) == [("mt.source-abbreviation", "obl.", 22, 26, ("region",))]


@pytest.mark.parametrize(
    "text",
    [
        # Three digits after a comma group thousands, in English too.
        "Exports fell to 3,400 million dollars.",
        # A decimal comma needs a scale word or sign after it.
        "He counted 3,4 and 5 in the list.",
        # Times and versions are not grouped thousands or dates.
        "The record fell to 10.300 seconds.",
        "Version 1.03.2022 shipped today.",
        # English formats.
        "The score was 2.0 after 10.30 minutes on 1 March 2022.",
    ],
)
def test_english_and_look_alike_formats_are_not_reported(text):
    assert found(text) == []
