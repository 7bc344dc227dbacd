"""Dates and weekdays (lint/dates.py): datelines, date shapes, bare weekdays. The
kinds that use them are tested in tests/kinds/ (weekday_date, day_counter, batch_facts)."""

from __future__ import annotations

import datetime as dt

from lint.dates import document_date, find_dates, resolve_weekday
from lint.document import Document
from lint.packs import builtin_rules_dir, load_pack
from tests.conftest import SEEDS

PACK = load_pack(builtin_rules_dir() / "numbers.yaml")


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
