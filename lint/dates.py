"""Dates and weekdays in news text: find them, resolve them, infer the document's date.

Everything is found with regular expressions and checked with the standard
library's `datetime`/`calendar`: news dates come in a handful of shapes
("April 11, 2022", "27 Jan, 2022 17:43", "Monday (March 3)"), and a general
date parser (dateparser) costs tens of milliseconds to import and guesses at
bare numbers, where a linter needs to know exactly what it matched.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from lint.document import Document
from lint.patterns import matches_at

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
MONTH_PATTERN = _MONTH
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
WEEKDAY_PATTERN = r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
# WEEKDAY_PATTERN's matches, written to open with one character class, so that
# `re` skips ahead to capitals instead of trying every offset (seven times
# faster): the lookbehind after the capital is the leading \b, and each name's
# own lookbehind ties it to its capital.
_WEEKDAY_RE = re.compile(
    r"[MTWFS](?<!\w[MTWFS])(?:(?<=M)onday|(?<=T)uesday|(?<=W)ednesday|(?<=T)hursday"
    r"|(?<=F)riday|(?<=S)aturday|(?<=S)unday)\b"
)

# "April 11, 2022", "April 11", "11 April 2022", "27 Jan, 2022", "2022-04-11".
# "May" is a month only before or after a day number; the capital is required.
_DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR})\b)?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR})\b)?"
    rf"|(?P<y3>{_YEAR})-(?P<m3>0[1-9]|1[0-2])-(?P<d3>[0-2]\d|3[01])\b)"
)
# Every date holds a month name, each of which starts with one of these (case as
# written: _DATE_RE is case-sensitive), or a "-0"/"-1" before its ISO month.
_MONTH_START = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# Not "[0-9]+": a pattern opening with a character class lets re skip ahead.
_DIGIT_RUN = re.compile("[0-9][0-9]*")
_TIME_RE = re.compile(r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b|\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    """An explicit calendar date in the text. `year` is None when the text gives none."""

    start: int
    end: int
    year: int | None
    month: int
    day: int

    @property
    def valid(self) -> bool:
        year = self.year if self.year is not None else 2000  # a leap year: Feb 29 is possible
        return 1 <= self.day <= calendar.monthrange(year, self.month)[1]

    def date(self, year: int | None = None) -> dt.date | None:
        """The date, taking `year` when the text gives none; None if impossible."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        try:
            return dt.date(y, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class WeekdayMention:
    start: int
    end: int
    weekday: int  # 0 = Monday


# Several rules look for dates in the same document and sentences: find them
# once. Texts above this length are not kept, so the cache stays small.
CACHED_CHARS = 20_000


def find_dates(text: str) -> tuple[DateMention, ...]:
    return _cached_dates(text) if len(text) <= CACHED_CHARS else _large_dates(text)


def find_weekdays(text: str) -> tuple[WeekdayMention, ...]:
    return _cached_weekdays(text) if len(text) <= CACHED_CHARS else _large_weekdays(text)


def may_hold_month(text: str) -> bool:
    """False only when `text` certainly holds no month name as MONTH_PATTERN reads it."""
    return _MONTH_START.search(text) is not None


def may_hold_date(text: str) -> bool:
    """False only when `text` certainly holds no date: no month name, no ISO date."""
    return "-0" in text or "-1" in text or may_hold_month(text)


def _find_dates(text: str) -> tuple[DateMention, ...]:
    if not may_hold_date(text):
        return ()  # most news text has no date: one cheap scan instead of _DATE_RE's
    out = []
    for m in _date_matches(text):
        g = m.groupdict()
        if g["y3"]:
            month, day, year = int(g["m3"]), int(g["d3"]), int(g["y3"])
        else:
            month_word = (g["m1"] or g["m2"]).rstrip(".").lower()
            day_word = g["d1"] or g["d2"]
            month, day = _MONTHS[month_word], int(re.match(r"\d+", day_word).group())
            y = g["y1"] or g["y2"]
            year = int(y) if y else None
        if month_word_is_verb(text, m) or day == 0:
            continue
        out.append(DateMention(m.start(), m.end(), year, month, day))
    return tuple(out)


def _date_matches(text: str) -> list[re.Match]:
    """`_DATE_RE.finditer(text)`, tried only where a date can start.

    A date starts at a word boundary with a month name (found by _MONTH_START:
    the abbreviations cannot overlap) or an ASCII digit, which then starts a
    run of them. Trying `match` at those offsets in order, from the end of the
    last match on, finds what finditer finds; _DATE_RE's scan of every offset
    costs three times as much.
    """
    starts = [m.start() for m in _DIGIT_RUN.finditer(text)]
    starts += [m.start() for m in _MONTH_START.finditer(text)]
    starts.sort()
    return matches_at(_DATE_RE.match, text, starts)


_cached_dates = lru_cache(maxsize=512)(_find_dates)
# A long text (a whole document, not a sentence) is found once for all the
# rules that ask, as a short one is: its own two-entry cache, so that no more
# than two long texts are held (issue 20: each rule searched a 1 MB text anew).
_large_dates = lru_cache(maxsize=2)(_find_dates)


def month_word_is_verb(text: str, m: re.Match) -> bool:
    """'may 5' in 'they may 5...' is not a date: the month must be capitalised."""
    word = m.group("m1") or m.group("m2")
    return bool(word) and not word[0].isupper()


def _find_weekdays(text: str) -> tuple[WeekdayMention, ...]:
    if "day" not in text:
        return ()  # every weekday name ends in "day" (_WEEKDAY_RE is case-sensitive)
    return tuple(
        WeekdayMention(m.start(), m.end(), WEEKDAYS.index(m.group().lower()))
        for m in _WEEKDAY_RE.finditer(text)
    )


_cached_weekdays = lru_cache(maxsize=512)(_find_weekdays)
_large_weekdays = lru_cache(maxsize=2)(_find_weekdays)


def document_date(doc: Document, head_lines: int = 6) -> tuple[dt.date, int] | None:
    """The date the document was written (see _document_date), found once per
    document for all the rules that ask."""
    return doc.memo(("dates", "document_date", head_lines), lambda: _document_date(doc, head_lines))


def _document_date(doc: Document, head_lines: int) -> tuple[dt.date, int] | None:
    """The date the document was written, from a dateline or timestamp near its top.

    A short line (a timestamp such as "27 Jan, 2022 17:43" or "Published April 12,
    2022") among the first non-blank lines that holds a full date with a year.
    Returns the date and the line it was found on.
    """
    seen = 0
    for span in doc.lines:
        if not span.text.strip():
            continue
        seen += 1
        if seen > head_lines:
            break
        if len(span.text) > 80:
            continue
        dates = [d for d in find_dates(span.text) if d.year is not None and d.valid]
        if len(dates) != 1:
            continue
        rest = span.text[: dates[0].start] + span.text[dates[0].end :]
        rest = _TIME_RE.sub("", rest)
        rest = _WEEKDAY_RE.sub("", rest)
        # A dateline has few words besides the date: "Published", "Updated", a place.
        if len(re.findall(r"[A-Za-z]+", rest)) <= 4:
            return dates[0].date(), doc.position(span.start).line
    return None


def reference_year(doc: Document) -> int | None:
    """The year to give dates written without one: the document's, or the only year used."""
    return doc.memo(("dates", "reference_year"), lambda: _reference_year(doc))


def _reference_year(doc: Document) -> int | None:
    found = document_date(doc)
    if found:
        return found[0].year
    years = {d.year for d in find_dates(doc.text) if d.year is not None}
    return years.pop() if len(years) == 1 else None


def resolve_weekday(weekday: int, anchor: dt.date, future: bool = False) -> dt.date:
    """The date of a bare weekday: the latest such day on or before `anchor` (news
    says "on Thursday" for this week's past days), or the next one when `future`."""
    if future:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
