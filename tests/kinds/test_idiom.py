"""idiom: broken idioms derived from canonical ones."""

from __future__ import annotations

import pytest

import lint
from lint.config import Config

MT = Config(select=("mt", "names", "consistency"))


def rules_in(text: str) -> list[str]:
    return [f.rule for f in lint.check_text(text, config=MT)]


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("The minister said Washington was playing fire.", "playing with fire"),
        ("The two leaders stood shoulder with shoulder.", "shoulder to shoulder"),
        ("At the end the day, the talks failed.", "At the end of the day"),
    ],
)
def test_broken_idiom_gets_its_canonical_form(text, suggestion):
    found = [f for f in lint.check_text(text, config=MT) if f.rule == "mt.literal-idiom"]
    assert found and suggestion in found[0].suggestions[0]


def test_idiom_forms_that_are_english_are_not_reported():
    text = "The agency set the standard for safety and took account of the risks."
    assert "mt.literal-idiom" not in rules_in(text)
