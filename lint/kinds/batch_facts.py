"""batch_facts: documents in one run that put the same event on different days.

Each document contributes claims: a sentence naming an event of a configured
kind (a phone call, a meeting), the people in it, and the one weekday or date it
gives ("Wang Yi ... Antony Blinken in a phone call Wednesday"). Claims are
indexed by (event kind, pair of people), so a batch of thousands of documents
is compared through the index, never all pairs of documents.

People are found without a model: runs of two or three capitalised words that
are not titles, places or months ("Foreign Minister Wang Yi" gives "Wang Yi"),
keyed by their last word, so "Blinken" alone in another sentence is the same
person as "Antony Blinken". A sentence that names one person ("a videoconference
with Blinken on Thursday") borrows the others from sentences about the same
kind of event that name that person.

A weekday resolves to a date when the document has a dateline; two resolved
dates more than `window_days` apart are two events, not a disagreement. When
more documents agree than disagree, only the dissenting ones are reported; on
a tie every side is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from lint.dates import (
    MONTH_PATTERN,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    document_date,
    find_dates,
    find_weekdays,
    may_hold_month,
    resolve_weekday,
)
from lint.document import Document
from lint.kinds.base import BatchKind, BatchMatch, PackContext
from lint.patterns import Pattern, compile_pattern, may_match, prefilter_fold, search
from lint.plain import from_row, to_row
from lint.prefixes import required_literals

_HAS_WHEN = re.compile(rf"{WEEKDAY_PATTERN}|\b{MONTH_PATTERN}|\b(?:19|20)\d\d-\d\d-\d\d\b")
_CAP = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
# "\b[A-Z]" written as "[A-Z](?<!\w.)": the same matches, but a pattern that opens
# with a character class lets re skip to the capitals instead of trying every offset.
_NAME_RUN = re.compile(rf"[A-Z](?<!\w.){_CAP[5:]}(?:\s+{_CAP})*\b(?!['’]\w)")
# Capitalised words that are not names of people (titles, places, days, news words).
NOT_NAMES = frozenset(
    """
    the a an and but or if in on at of for to by with from as after before this that these
    those he she it they we his her their its our when while during since according mr mrs
    ms dr prof president prime minister foreign secretary state spokesman spokeswoman
    spokesperson general chancellor chairman chair ambassador senator governor mayor king
    queen prince pope sheikh deputy vice chief head leader minister's ministry department
    office council house senate congress parliament white kremlin pentagon army navy
    national security defence defense affairs united states nations kingdom union european
    north south east west eastern western northern southern central new york post times news
    press agency reuters associated afp tass xinhua china chinese russia russian ukraine
    ukrainian america american us usa uk britain british beijing moscow kyiv kiev washington
    london paris berlin taiwan europe asia africa nato g7 g20 japan india iran israel france
    germany french german monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december today
    yesterday tomorrow earlier later last next cold war world winter summer olympics games
    cup league party court supreme high district city street square island sea ocean river
    republic democratic federation federal journal guardian bbc cnn fox twitter facebook
    google covid coronavirus christmas easter
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Options:
    events: dict[str, str]  # regex -> event kind ("call", "meeting")
    window_days: int = 6
    not_names: tuple[str, ...] = ()  # capitalised words that are never the people of a claim


@dataclass(frozen=True)
class Compiled:
    # (pattern, event kind, the folded literals one of which each match holds, or None)
    events: tuple[tuple[Pattern, str, frozenset[str] | None], ...]
    window_days: int
    not_names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Claim:
    """One document's statement of when an event took place. Picklable."""

    kind: str
    people: tuple[str, ...]  # keys: the last word of each full name
    names: tuple[str, ...]  # the full names, for messages
    weekday: int
    date: str | None  # ISO date when the text or dateline pins it
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    said: str  # the words used: "Wednesday", "April 11, 2022"


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    if not options.events:
        raise ValueError("batch_facts needs 'events': regex -> event kind")
    events = []
    for pattern, kind in options.events.items():
        compiled = compile_pattern(pattern, True)
        literals = required_literals(pattern)
        if literals is not None:
            literals = frozenset(prefilter_fold(literal) for literal in literals)
        events.append((compiled, kind, literals))
    if options.window_days < 0:
        raise ValueError("window_days must be 0 or more")
    not_names = NOT_NAMES | {w.lower() for w in options.not_names}
    return Compiled(tuple(events), options.window_days, not_names)


def has_when(text: str) -> bool:
    """Does `text` name a weekday, a month or an ISO date? _HAS_WHEN needs "day"
    (weekdays), "-" (ISO dates) or a month's first letters: cheap tests first."""
    if not ("day" in text or "-" in text or may_hold_month(text)):
        return False
    return _HAS_WHEN.search(text) is not None


def _people(text: str, not_names: frozenset[str]) -> list[tuple[str, ...]]:
    """Runs of capitalised name words, split at titles and places."""
    runs = []
    for found in _NAME_RUN.findall(text):
        if " " not in found and found.isalpha():  # one word, the common case
            if found.lower() not in not_names:
                runs.append((found,))
            continue
        current: list[str] = []
        for word in found.split():
            if word.lower() in not_names:
                if current:
                    runs.append(tuple(current))
                current = []
            else:
                current.append(word)
        if current:
            runs.append(tuple(current))
    return runs


def fact_to_json(fact: Claim) -> list:
    """A claim as plain data, for the result cache (lint.resultcache)."""
    return to_row(fact)


def fact_from_json(row: object) -> Claim:
    """The claim `fact_to_json` gave `row`; ValueError when a field does not fit."""
    return from_row(Claim, row)


def collect(doc: Document, compiled: Compiled) -> list[Claim]:
    text = doc.text
    # An event pattern that matches a sentence matches in the document, and holds
    # one of its required literals there (may_match): the others cannot match.
    events = [event for event in compiled.events if may_match(event[0], text)]
    if not events:
        return []
    if not has_when(text):
        return []  # no weekday or month name: nothing to date an event by
    # Full names (two or three words) in the document, by each of their words.
    surname_of: dict[str, str] = {}
    full_name: dict[str, str] = {}
    for run in _people(text, compiled.not_names):
        if 2 <= len(run) <= 3:
            full_name.setdefault(run[-1], " ".join(run))
            for word in run:
                surname_of.setdefault(word, run[-1])
    if not surname_of:
        return []
    anchor = document_date(doc)
    # A sentence's fold is a slice of the text's when folding keeps every
    # character one character and prefilter_fold has nothing to replace.
    folded = text.casefold()
    aligned = len(folded) == len(text) and "\u0307" not in folded and "ı" not in folded
    found: list[tuple[str, set[str], object]] = []  # (kind, people, sentence)
    for sentence in doc.sentences:
        kind = _event_kind(
            sentence.text, events, folded[sentence.start : sentence.end] if aligned else None
        )
        if kind is None:
            continue
        people = {
            surname_of[word]
            for run in _people(sentence.text, compiled.not_names)
            for word in run
            if word in surname_of
        }
        if people:
            found.append((kind, people, sentence))
    claims = []
    for kind, people, sentence in found:
        if len(people) < 2:
            for other_kind, others, _ in found:
                if other_kind == kind and people & others:
                    people = people | others
        if len(people) < 2:
            continue
        claim = _when(doc, sentence, anchor)
        if claim is None:
            continue
        start, end, weekday, date = claim
        s, e = doc.position(start), doc.position(end)
        keys = tuple(sorted(people))
        claims.append(
            Claim(
                kind,
                keys,
                tuple(full_name[k] for k in keys),
                weekday,
                date,
                s.line,
                s.column,
                e.line,
                e.column,
                start,
                end,
                text[start:end],
            )
        )
    return claims


def _event_kind(text: str, events, folded: str | None = None) -> str | None:
    """The kind of the first event pattern that matches `text`. A pattern whose
    required literals (folded as IGNORECASE matches them) are all missing from
    the sentence's fold (`folded`, or prefilter_fold(text)) cannot match it, so
    its search is skipped."""
    for pattern, kind, literals in events:
        if literals is not None:
            if folded is None:
                folded = prefilter_fold(text)
            if not any(literal in folded for literal in literals):
                continue
        if search(pattern, text):
            return kind
    return None


def _when(doc: Document, sentence, anchor) -> tuple[int, int, int, str | None] | None:
    """The one weekday or date a sentence gives: (start, end, weekday, ISO date)."""
    dates = [d for d in find_dates(sentence.text) if d.valid]
    weekdays = find_weekdays(sentence.text)
    base = sentence.start
    if len(dates) == 1 and not weekdays:
        d = dates[0]
        day = d.date(anchor[0].year if anchor else None)
        if day is None:
            return None
        return base + d.start, base + d.end, day.weekday(), day.isoformat()
    if len(weekdays) == 1 and not dates:
        w = weekdays[0]
        day = resolve_weekday(w.weekday, anchor[0]).isoformat() if anchor else None
        return base + w.start, base + w.end, w.weekday, day
    return None


def _disagree(a: Claim, b: Claim, window: int) -> bool:
    if a.date and b.date:
        gap = abs(dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days
        return 0 < gap <= window
    return a.weekday != b.weekday


def _minority(claim: Claim, group: list[tuple[str, Claim]]) -> bool:
    """Do no more documents back this claim's weekday than back some other one?"""
    backers: dict[int, set[str]] = defaultdict(set)
    for path, other in group:
        backers[other.weekday].add(path)
    mine = len(backers[claim.weekday])
    return any(len(paths) >= mine for day, paths in backers.items() if day != claim.weekday)


def resolve(facts_by_path: dict[str, list[Claim]], compiled: Compiled) -> Iterable[BatchMatch]:
    window = compiled.window_days
    index: dict[tuple, list[tuple[str, Claim]]] = defaultdict(list)
    for path, claims in facts_by_path.items():
        for claim in claims:
            for pair in combinations(claim.people, 2):
                index[(claim.kind, pair)].append((path, claim))
    reported: set[tuple[str, int]] = set()
    findings: list[BatchMatch] = []
    for (kind, pair), group in sorted(index.items()):
        if len({path for path, _ in group}) < 2:
            continue
        for path, claim in group:
            against = [(p, c) for p, c in group if p != path and _disagree(claim, c, window)]
            if not against:
                continue
            if not _minority(claim, group):
                continue  # the side more documents agree with; the dissenters are reported
            if (path, claim.offset) in reported:
                continue
            reported.add((path, claim.offset))
            where = ", ".join(f"{p}:{c.line} ({c.said})" for p, c in against[:3])
            if len(against) > 3:
                where += f" and {len(against) - 3} more"
            names = " and ".join(claim.names[claim.people.index(key)] for key in pair)
            values = {
                "match": claim.said,
                "kind": kind,
                "people": names,
                "day": WEEKDAYS[claim.weekday].title(),
                "others": where,
            }
            findings.append(BatchMatch(path, claim, values))
    return findings


KIND: BatchKind[Options, Compiled, Claim] = BatchKind(
    Options=Options,
    prepare=prepare,
    collect=collect,
    resolve=resolve,
    fact_to_json=fact_to_json,
    fact_from_json=fact_from_json,
)
