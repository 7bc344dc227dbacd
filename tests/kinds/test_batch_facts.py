"""batch_facts: across documents, the same event between the same people on different days."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.document import Document
from lint.engine import Linter
from lint.packs import builtin_rules_dir, load_pack
from tests.conftest import SEEDS, run_json

PACK = load_pack(builtin_rules_dir() / "numbers.yaml")


def rule(name: str) -> Linter:
    return Linter([r for r in PACK.rules if r.id == f"numbers.{name}"])


def _batch(*texts: str):
    linter = rule("cross-document-day")
    results = [linter.check_document(Document(t, f"d{i}.txt")) for i, t in enumerate(texts)]
    return linter.resolve_batch(results)


@pytest.mark.parametrize("jobs", [1, 2])
def test_cross_document_day_on_the_seeds(jobs):
    # The real CLI: facts travel back from worker processes with -j 2.
    select = ("--isolated", "--no-cache", "--select", "numbers.cross-document-day")
    findings = run_json(*select, "-j", str(jobs), str(SEEDS))["findings"]
    assert [(Path(f["path"]).name, f["line"]) for f in findings] == [
        ("000_744cba33126f6084.txt", 17)
    ]
    message = findings[0]["message"]
    assert "001_d243b07e263ab49a.txt:7" in message and "003_1fed5ae37a9904de.txt:11" in message
    assert findings[0]["severity"] == "info"


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
