"""weekday_date: weekdays the calendar contradicts, impossible dates, relative weekdays."""

from __future__ import annotations

import pytest

from lint.engine import Linter
from lint.packs import builtin_rules_dir, load_pack
from tests.conftest import SEEDS

PACK = load_pack(builtin_rules_dir() / "numbers.yaml")


def rule(name: str) -> Linter:
    return Linter([r for r in PACK.rules if r.id == f"numbers.{name}"])


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, April 12, 2022, Zhao Lijian issued a lengthy retaliation against Stoltenberg.",
        "Britain's Queen Elizabeth died at Balmoral on Friday, September 8, 2022.",
        "Published 12 March 2020\n\nThe WHO said on Tuesday (March 11) the outbreak is a pandemic.",
    ],
)
def test_weekday_against_its_date_is_flagged(text):
    found = rule("weekday-date").check_text(text)
    assert len(found) == 1
    assert "was a" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, April 11, 2022, Zhao Lijian issued a lengthy retaliation against Stoltenberg.",
        "Britain's Queen Elizabeth died at Balmoral on Thursday, September 8, 2022.",
        "The WHO declared a pandemic on Wednesday (March 11).",  # no year: nothing to check
        "Polls close on Tuesday. On March 3 the count begins, 2021 officials said.",
    ],
)
def test_weekday_matching_its_date_passes(text):
    assert rule("weekday-date").check_text(text) == []


def test_suggestion_names_the_right_weekday():
    found = rule("weekday-date").check_text("It opened on Sunday, 1 May 2022.")
    assert found == []  # 1 May 2022 was a Sunday
    found = rule("weekday-date").check_text("It opened on Monday, 1 May 2022.")
    assert found[0].suggestions == ("Sunday, 1 May 2022",)


def test_impossible_dates():
    linter = rule("impossible-date")
    assert len(linter.check_text("The deal was signed on February 30, 2021.")) == 1
    assert len(linter.check_text("The law came into force on February 29, 2023.")) == 1
    assert linter.check_text("The law came into force on February 29, 2024.") == []
    assert linter.check_text("Born on 29 February, he rarely has a birthday.") == []


def test_relative_weekday_against_dateline():
    linter = rule("relative-weekday")
    bad = "27 Jan, 2022 17:43\n\nBlinken spoke to Wang yesterday (Thursday), officials said."
    good = "27 Jan, 2022 17:43\n\nBlinken spoke to Wang yesterday (Wednesday), officials said."
    found = linter.check_text(bad)
    assert len(found) == 1 and "Wednesday" in found[0].message
    assert linter.check_text(good) == []


def test_seed_clean_dates_are_not_flagged():
    for name in ("002_be698e2e6abe97bb.txt", "003_1fed5ae37a9904de.txt"):
        text = (SEEDS / name).read_text(encoding="utf-8")
        for linter in (rule("weekday-date"), rule("impossible-date"), rule("relative-weekday")):
            assert linter.check_text(text) == [], name


def test_weekday_in_brackets_after_the_date():
    linter = rule("weekday-date")
    found = linter.check_text("The results were declared on 10 March 2022 (Friday) in Lucknow.")
    assert len(found) == 1 and found[0].suggestions == ("10 March 2022 (Thursday)",)
    assert linter.check_text("The results were declared on 10 March 2022 (Thursday).") == []
