"""weekday_date: a weekday that the calendar contradicts.

Three checks, one per rule (option `check`):

- `weekday`: a weekday written next to a date ("On Monday, April 12, 2022",
  "Tuesday (March 3)", "on 12 April (Tuesday)") that falls on another day.
  A date without a year takes the document's year (its dateline, or the only
  year the text uses); with no year to go on, nothing is said.
- `impossible`: a date that does not exist ("February 30", "April 31",
  "February 29, 2023").
- `relative`: "yesterday (Wednesday)" or "today, Thursday" against the date in
  the document's dateline or timestamp ("27 Jan, 2022 17:43").

A bare "on Thursday" cannot contradict a dateline on its own (some Thursday lies in
the week before any date), so it is not reported here; batch_facts and
day_counter use the date it resolves to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args

from lint.dates import (
    WEEKDAY_PATTERN,
    WEEKDAYS,
    document_date,
    find_dates,
    find_weekdays,
    reference_year,
)
from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext

# The rule's check (option `check`), validated by the pack loader.
Check = Literal["weekday", "impossible", "relative"]
CHECKS: tuple[str, ...] = get_args(Check)
# Between a weekday and its date: a comma, a bracket, "the", at most a few characters.
_JOINER = re.compile(r"[ \t]*(?:,|\(|–|—|-)?[ \t]*(?:the[ \t]+)?$")
_RELATIVE = re.compile(
    rf"\b(?P<rel>yesterday|today|tomorrow)\b[ \t]*(?:,|\()[ \t]*(?P<wd>{WEEKDAY_PATTERN})"
    rf"|(?P<wd2>{WEEKDAY_PATTERN})[ \t]*\([ \t]*(?P<rel2>yesterday|today|tomorrow)\b",
    re.IGNORECASE,
)
_OFFSETS = {"yesterday": -1, "today": 0, "tomorrow": 1}
# A weekday in brackets after its date: "on 12 April (Tuesday)".
_WEEKDAY_AFTER = re.compile(rf"[ \t]*\([ \t]*({WEEKDAY_PATTERN})[ \t]*\)")


@dataclass(frozen=True)
class Options:
    check: Check = "weekday"


@dataclass(frozen=True)
class Compiled:
    check: Check


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    return Compiled(options.check)


def _name(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()].title()}, {day:%B} {day.day}, {day.year}"


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    if compiled.check == "impossible":
        yield from _impossible(doc)
    elif compiled.check == "weekday":
        yield from _weekday_next_to_date(doc)
    else:
        yield from _relative(doc)


def _impossible(doc: Document) -> Iterator[Match]:
    for mention in find_dates(doc.text):
        if not mention.valid:
            when = f"{mention.year}" if mention.year else "any year"
            yield Match(
                mention.start,
                mention.end,
                {"problem": f"this date does not exist in {when}"},
            )


def _weekday_next_to_date(doc: Document) -> Iterator[Match]:
    text = doc.text
    dates = {d.start: d for d in find_dates(text)}
    if not dates:
        return
    year = None
    year_known = borrowed = False
    pairs = []
    for wd in find_weekdays(text):
        # The date must start within a few characters after the weekday.
        window = text[wd.end : wd.end + 8]
        for skip in range(len(window) + 1):
            if wd.end + skip in dates and _JOINER.match(window[:skip]):
                mention = dates[wd.end + skip]
                pairs.append((wd.start, mention.end, wd.weekday, mention))
                break
    for mention in dates.values():
        after = _WEEKDAY_AFTER.match(text, mention.end)
        if after:
            weekday = WEEKDAYS.index(after.group(1).lower())
            pairs.append((mention.start, after.end(), weekday, mention))
    for start, end, weekday, mention in sorted(pairs, key=lambda p: p[0]):
        if not mention.valid:
            continue
        if mention.year is None and not year_known:
            year, year_known = reference_year(doc), True
            borrowed = year is not None and document_date(doc) is None
        if mention.year is None and borrowed and not _year_on_line(doc, mention.start, year):
            continue
        day = mention.date(year)
        if day is None or day.weekday() == weekday:
            continue
        written = WEEKDAYS[weekday].title()
        right = WEEKDAYS[day.weekday()].title()
        yield Match(
            start,
            end,
            {"problem": f"{day:%B} {day.day}, {day.year} was a {right}, not a {written}"},
            suggestions=(text[start:end].replace(written, right, 1),),
        )


def _year_on_line(doc: Document, offset: int, year: int) -> bool:
    """Whether the line at `offset` writes `year`: a text's only year written on
    another line only ("the operation of November 22, 1963") may be of another
    time than a year-less date ("Trump tweeted on Saturday, October 21")."""
    return str(year) in doc.line_text(doc.position(offset).line)


def may_be_relative(text: str) -> bool:
    """False only when _RELATIVE finds nothing in `text`. It needs a weekday name
    ("...day") and yesterday, today or tomorrow, whose letters only their two
    cases match under IGNORECASE ("yesterday" itself is not tested: "ſ" matches
    "s", and lower() keeps it)."""
    lower = text.lower()
    return "day" in lower and ("terday" in lower or "today" in lower or "tomorrow" in lower)


def _relative(doc: Document) -> Iterator[Match]:
    if not may_be_relative(doc.text):
        return
    found = document_date(doc)
    if not found:
        return
    anchor, line = found
    for m in _RELATIVE.finditer(doc.text):
        rel = (m.group("rel") or m.group("rel2")).lower()
        written = (m.group("wd") or m.group("wd2")).lower()
        day = anchor + dt.timedelta(days=_OFFSETS[rel])
        if WEEKDAYS.index(written) == day.weekday():
            continue
        yield Match(
            m.start(),
            m.end(),
            {
                "problem": f"the dateline (line {line}) is {_name(anchor)}, so {rel} was a "
                f"{WEEKDAYS[day.weekday()].title()}, not a {written.title()}"
            },
        )


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
