"""duplicate_lines (scrape.duplicate-line): a pasted paragraph is a warning, a
repeated short line (a step, a table header) only a note (issue 16)."""

from __future__ import annotations

import lint
from lint import check_text


def repeats(text: str) -> list[tuple[str, str]]:
    return [
        (f.severity, text[f.offset : f.end_offset])
        for f in lint.check_text(text, path="t.txt")
        if f.rule == "scrape.duplicate-line"
    ]


def test_a_repeated_step_of_instructions_is_info():
    text = (
        "Press and hold the power button.\nRelease the power button.\n"
        "Wait for the light to blink.\nRelease the power button.\n"
    )
    assert repeats(text) == [("info", "Release the power button.")]


def test_a_paragraph_pasted_twice_is_a_warning():
    para = "The talks in Geneva ended without a deal on Friday after a long night of arguments."
    assert repeats(f"{para}\n\nOfficials went home.\n\n{para}\n") == [("warning", para)]


def test_duplicate_line_points_at_the_repeat():
    text = "China cautions US over standoff\n\nBeijing spoke.\nChina cautions US over standoff.\n"
    found = [f for f in check_text(text, path="t.txt") if f.rule == "scrape.duplicate-line"]
    assert [(f.line, f.message) for f in found] == [(4, "this line repeats line 1")]
