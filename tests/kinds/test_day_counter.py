"""day_counter: 'the 50th day of the invasion' against the date."""

from __future__ import annotations

import pytest

from lint.engine import Linter
from lint.packs import builtin_rules_dir, load_pack

PACK = load_pack(builtin_rules_dir() / "numbers.yaml")


def rule(name: str) -> Linter:
    return Linter([r for r in PACK.rules if r.id == f"numbers.{name}"])


@pytest.mark.parametrize(
    "text",
    [
        "On April 20, 2022, the 50th day of the Russian invasion of Ukraine, Kharkiv was shelled.",
        "Ukraine: on the sixtieth day of the war (April 14, 2022), Kyiv was calm.",
        "14 April 2022 09:12\n\nUkraine marks day 30 of the full-scale invasion as talks stall.",
        "March 2, 2022\n\nOn Monday, the 12th day of the war in Ukraine, the convoy stalled.",
    ],
)
def test_day_counter_against_dates(text):
    found = rule("day-counter").check_text(text)
    assert len(found) == 1 and "day " in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "On April 14, 2022, the 50th day of the Russian invasion of Ukraine, Kharkiv was shelled.",
        "On April 15, 2022, the 50th day of the invasion of Ukraine (a day late in Kyiv time).",
        "14 April 2022 09:12\n\nUkraine marks the fiftieth day of the war as talks stall.",
        "On April 20, 2022, the 50th day of the war, troops left Aleppo.",  # not about Ukraine
        "The 50th day of the war in Ukraine will bring new sanctions.",  # no date to check
    ],
)
def test_day_counter_passes_when_consistent_or_undated(text):
    assert rule("day-counter").check_text(text) == []
