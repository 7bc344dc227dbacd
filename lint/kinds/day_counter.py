"""day_counter: "the 50th day of the invasion" against the date the text gives.

Each counter in the pack names an event, the date it started (day 1) and a
pattern the document must contain for the event to be the one meant ("war"
means the war in Ukraine only in a text about Ukraine). The date to check
against is a date in the same sentence, else a weekday there resolved against
the dateline, else the dateline itself. Counting conventions and time zones
differ by a day, so `tolerance_days` (default 1) is allowed.

Ordinals in words ("the fiftieth day") are turned into cardinal words and read
with text2num (its own alpha2digit misreads "sixtieth" as a word it leaves alone).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from text_to_num import text2num

from lint.dates import document_date, find_dates, find_weekdays, reference_year, resolve_weekday
from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.numbers import figure_starts
from lint.patterns import Pattern, compile_pattern, matches_from, may_match, search

_ORDINAL_WORDS = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:one|two|three|four|five|six|"
    r"seven|eight|nine)\s+hundred(?:\s+and)?)[\s-]*)*(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
    r"seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|"
    r"seventieth|eightieth|ninetieth|hundredth)"
)
_CARDINAL_OF = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fifth": "five",
    "eighth": "eight",
    "ninth": "nine",
    "twelfth": "twelve",
}
# The words a counter can start with (besides digits): "the", "day", or the
# first word of _ORDINAL_WORDS. Longest first, for numbers.finditer_figures.
_FIRST_WORDS = re.compile(
    "|".join(
        sorted(
            """
            the day twenty thirty forty fifty sixty seventy eighty ninety one two three
            four five six seven eight nine first second third fourth fifth sixth seventh
            eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth
            seventeenth eighteenth nineteenth twentieth thirtieth fortieth fiftieth
            sixtieth seventieth eightieth ninetieth hundredth
            """.split(),  # noqa: SIM905
            key=len,
            reverse=True,
        )
    )
)
_ORDINAL = rf"(?P<ord>\d{{1,4}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})"


@dataclass(frozen=True)
class Options:
    # Each: {event: regex for its name, start: YYYY-MM-DD (day 1), context: regex}.
    counters: tuple[dict[str, str], ...]
    tolerance_days: int = 1


@dataclass(frozen=True)
class Counter:
    pattern: Pattern
    start: dt.date
    context: Pattern | None


@dataclass(frozen=True)
class Compiled:
    counters: tuple[Counter, ...]
    tolerance: int


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    counters = []
    for spec in options.counters:
        unknown = set(spec) - {"event", "start", "context"}
        if unknown or "event" not in spec or "start" not in spec:
            raise ValueError("each counter needs 'event' and 'start', and may have 'context'")
        try:
            start = dt.date.fromisoformat(spec["start"])
        except ValueError:
            raise ValueError(f"start {spec['start']!r} is not a YYYY-MM-DD date") from None
        event = spec["event"]
        compile_pattern(event, True)  # name the bad one
        pattern = compile_pattern(
            rf"\b(?:the\s+)?{_ORDINAL}\s+day\s+(?:of|since|after)\s+(?:the\s+)?(?:{event})"
            rf"|\bday\s+(?P<num>\d{{1,4}})\s+of\s+(?:the\s+)?(?:{event})",
            True,
        )
        ctx = compile_pattern(spec["context"], True) if spec.get("context") else None
        counters.append(Counter(pattern, start, ctx))
    if not counters:
        raise ValueError("day_counter needs at least one counter")
    return Compiled(tuple(counters), options.tolerance_days)


def _day_number(m) -> int | None:
    if m.group("num"):
        return int(m.group("num"))
    ordinal = m.group("ord").lower()
    if ordinal[0].isdigit():
        return int(re.match(r"\d+", ordinal).group())
    *head, last = re.split(r"[\s-]+", ordinal)
    if last in _CARDINAL_OF:
        last = _CARDINAL_OF[last]
    elif last.endswith("ieth"):
        last = last[:-4] + "y"
    else:
        last = last.removesuffix("th")
    try:
        return text2num(" ".join([*head, last]).replace(" and ", " "), "en")
    except ValueError:
        return None


def _reference(doc: Document, offset: int, anchor) -> tuple[dt.date, str] | None:
    """The date the sentence at `offset` speaks of, and where it comes from."""
    sentence = doc.sentence_at(offset)
    if sentence is not None:
        dates = [d for d in find_dates(sentence.text) if d.valid]
        if len(dates) == 1:
            day = dates[0].date(reference_year(doc))
            if day:
                return day, sentence.text[dates[0].start : dates[0].end]
        if not dates and anchor:
            weekdays = find_weekdays(sentence.text)
            if len(weekdays) == 1:
                day = resolve_weekday(weekdays[0].weekday, anchor[0])
                return day, f"{sentence.text[weekdays[0].start : weekdays[0].end]} ({day:%d %B %Y})"
        if dates:
            return None
    if anchor:
        return anchor[0], f"the dateline on line {anchor[1]} ({anchor[0]:%d %B %Y})"
    return None


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    anchor = None
    anchored = False
    for counter in compiled.counters:
        # may_match: False only when a literal every match holds is missing.
        if not may_match(counter.pattern, doc.text):
            continue
        if counter.context and not (
            may_match(counter.context, doc.text) and search(counter.context, doc.text)
        ):
            continue
        starts = figure_starts(doc.text, _FIRST_WORDS)  # as numbers.finditer_figures
        found = matches_from(counter.pattern, doc.text, starts)
        for m in found:
            number = _day_number(m)
            if not number:
                continue
            if not anchored:
                anchor, anchored = document_date(doc), True
            found = _reference(doc, m.start(), anchor)
            if found is None:
                continue
            said, source = found
            expected = counter.start + dt.timedelta(days=number - 1)
            if abs((said - expected).days) <= compiled.tolerance:
                continue
            yield Match(
                m.start(),
                m.end(),
                {
                    "problem": f"day {number} from {counter.start:%d %B %Y} was "
                    f"{expected:%d %B %Y}, but the text gives {source}",
                },
            )


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
