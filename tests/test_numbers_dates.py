"""Dates and weekdays (rules/numbers.yaml): real sentences, wrong and right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lint.dates import document_date, find_dates, resolve_weekday
from lint.document import Document
from lint.engine import Linter
from lint.packs import builtin_rules_dir, load_pack
from lint.runner import Settings, run
from tests.conftest import SEEDS

PACK = load_pack(builtin_rules_dir() / "numbers.yaml")


def rule(name: str) -> Linter:
    return Linter([r for r in PACK.rules if r.id == f"numbers.{name}"])


def test_document_date_comes_from_the_timestamp_line():
    doc = Document((SEEDS / "003_1fed5ae37a9904de.txt").read_text(encoding="utf-8"))
    assert document_date(doc) == (dt.date(2022, 1, 27), 2)
    # A date inside a long sentence is not a dateline.
    assert (
        document_date(Document("The talks held on April 11, 2022 in Beijing ended badly.")) is None
    )


def test_bare_weekday_resolves_into_the_week_before_the_dateline():
    assert resolve_weekday(3, dt.date(2022, 1, 27)) == dt.date(2022, 1, 27)
    assert resolve_weekday(2, dt.date(2022, 1, 27)) == dt.date(2022, 1, 26)
    assert resolve_weekday(4, dt.date(2022, 1, 27)) == dt.date(2022, 1, 21)


def test_date_shapes():
    text = "on April 11, 2022, on 27 Jan, 2022, on 2022-02-24, and on Oct. 7; they may 5 times"
    found = [(d.year, d.month, d.day) for d in find_dates(text)]
    assert found == [(2022, 4, 11), (2022, 1, 27), (2022, 2, 24), (None, 10, 7)]


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


@pytest.mark.parametrize("jobs", [1, 2])
def test_cross_document_day_on_the_seeds(jobs):
    # In-process runner: facts travel back from worker processes with jobs=2.
    settings = Settings(isolated=True, select=("numbers.cross-document-day",))
    findings = run([str(SEEDS)], settings, jobs=jobs).findings
    assert [(Path(f.path).name, f.line) for f in findings] == [("000_744cba33126f6084.txt", 17)]
    message = findings[0].message
    assert "001_d243b07e263ab49a.txt:7" in message and "003_1fed5ae37a9904de.txt:11" in message
    assert findings[0].severity == "info"


def _batch(*texts: str):
    linter = rule("cross-document-day")
    results = [linter.check_document(Document(t, f"d{i}.txt")) for i, t in enumerate(texts)]
    return linter.resolve_batch(results)


def test_cross_document_tie_is_reported_on_both_sides():
    found = _batch(
        "Emmanuel Macron met with Olaf Scholz on Monday in Berlin.",
        "Chancellor Olaf Scholz held talks with Emmanuel Macron on Tuesday in Paris.",
    )
    assert sorted(f.path for f in found) == ["d0.txt", "d1.txt"]
    assert "d1.txt:1 (Tuesday)" in [f for f in found if f.path == "d0.txt"][0].message


def test_cross_document_dates_weeks_apart_are_different_events():
    found = _batch(
        "March 2, 2022\n\nWang Yi told Antony Blinken in a phone call on Wednesday: no.",
        "27 Jan, 2022 17:43\n\nIn a telephone call on Thursday, Wang Yi advised Antony Blinken.",
    )
    assert found == []


def test_cross_document_needs_the_same_people_and_event():
    found = _batch(
        "Wang Yi told Antony Blinken in a phone call on Wednesday.",
        "Vladimir Putin spoke by phone with Emmanuel Macron on Thursday.",
        "Wang Yi met with Antony Blinken on Thursday in Rome.",
    )
    assert found == []


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


def test_weekday_in_brackets_after_the_date():
    linter = rule("weekday-date")
    found = linter.check_text("The results were declared on 10 March 2022 (Friday) in Lucknow.")
    assert len(found) == 1 and found[0].suggestions == ("10 March 2022 (Thursday)",)
    assert linter.check_text("The results were declared on 10 March 2022 (Thursday).") == []
