"""batch_figures: documents in one run that give one count two values.

A claim is a figure with a counted noun from the pack ("more than 106,000
troops") and the proper names of its sentence (places and people, not the
common ones such as "Russia" or "NATO", see batch_facts.NOT_NAMES). Claims are
indexed by (noun, name); two claims from different documents are compared
only when they share the noun and at least `min_shared_names` names, so a
batch of thousands of documents is never compared pair by pair.

Counts change from day to day (death tolls rise), so documents whose
datelines are more than `window_days` apart are not compared; figures more
than `max_ratio` apart are taken to count different things, as in the
quantity kind. Every side of a disagreement is reported, naming the others.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from lint.dates import document_date
from lint.document import Document
from lint.kinds.base import BatchKind, BatchMatch, PackContext
from lint.kinds.batch_facts import NOT_NAMES
from lint.numbers import find_figures, overlap
from lint.patterns import may_match
from lint.plain import from_row, to_row

_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:-[A-Z][a-z]+)*\b")
_MODIFIER = r"(?:[A-Z][a-z]+|[a-z]+(?:-[a-z]+)*)"


@dataclass(frozen=True)
class Options:
    nouns: tuple[str, ...]  # the counted things whose figures are compared (killed, troops)
    min_shared_names: int = 2
    max_ratio: float = 1.5
    window_days: int = 1


@dataclass(frozen=True)
class Compiled:
    after: re.Pattern
    nouns: re.Pattern  # any of the nouns, to skip sentences without them
    min_shared: int
    max_ratio: float
    window_days: int


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """One document's figure for a counted thing. Picklable."""

    noun: str
    names: tuple[str, ...]
    low: float
    high: float
    value: float
    dated: str | None  # the document's dateline, ISO
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    said: str


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    if not options.nouns:
        raise ValueError("batch_figures needs 'nouns': the counted things to compare")
    if options.min_shared_names < 1 or options.max_ratio < 1 or options.window_days < 0:
        raise ValueError("min_shared_names and max_ratio must be 1 or more, window_days 0 or more")
    nouns = "|".join(sorted(map(re.escape, options.nouns), key=len, reverse=True))
    after = re.compile(rf"(?:\s+{_MODIFIER}){{0,2}}?\s+(?P<noun>{nouns})\b")
    any_noun = re.compile(rf"\b(?:{nouns})\b")
    return Compiled(
        after, any_noun, options.min_shared_names, options.max_ratio, options.window_days
    )


def fact_to_json(fact: FigureClaim) -> list:
    """A claim as plain data, for the result cache (lint.resultcache)."""
    return to_row(fact)


def fact_from_json(row: object) -> FigureClaim:
    """The claim `fact_to_json` gave `row`; ValueError when a field does not fit."""
    return from_row(FigureClaim, row)


def collect(doc: Document, compiled: Compiled) -> list[FigureClaim]:
    claims = []
    dated = None
    looked = False
    if not may_match(compiled.nouns, doc.text) or not compiled.nouns.search(doc.text):
        return claims
    for sentence in doc.sentences:
        text = sentence.text
        if not compiled.nouns.search(text):
            continue
        figures = find_figures(text)
        if not figures:
            continue
        names = tuple(sorted({w for w in _PROPER.findall(text) if w.lower() not in NOT_NAMES}))
        if len(names) < compiled.min_shared:
            continue
        for figure in figures:
            m = compiled.after.match(text, figure.end)
            if not m or figure.value <= 0:
                continue
            if not looked:
                found, looked = document_date(doc), True
                dated = found[0].isoformat() if found else None
            start, end = sentence.start + figure.start, sentence.start + m.end()
            s, e = doc.position(start), doc.position(end)
            low, high = figure.interval
            claims.append(
                FigureClaim(
                    m.group("noun").lower(),
                    names,
                    low,
                    high,
                    figure.value,
                    dated,
                    s.line,
                    s.column,
                    e.line,
                    e.column,
                    start,
                    end,
                    " ".join(doc.text[start:end].split()),
                )
            )
    return claims


def _disagree(a: FigureClaim, b: FigureClaim, compiled: Compiled) -> bool:
    if len(set(a.names) & set(b.names)) < compiled.min_shared:
        return False
    if a.dated and b.dated:
        gap = abs(dt.date.fromisoformat(a.dated) - dt.date.fromisoformat(b.dated)).days
        if gap > compiled.window_days:
            return False
    if overlap((a.low, a.high), (b.low, b.high)):
        return False
    low, high = sorted((a.value, b.value))
    return high / low <= compiled.max_ratio


def resolve(
    facts_by_path: dict[str, list[FigureClaim]], compiled: Compiled
) -> Iterable[BatchMatch]:
    index: dict[tuple[str, str], list[tuple[str, FigureClaim]]] = defaultdict(list)
    for path, claims in facts_by_path.items():
        for claim in claims:
            for name in claim.names:
                index[(claim.noun, name)].append((path, claim))
    against: dict[tuple[str, int], tuple[FigureClaim, list[tuple[str, FigureClaim]]]] = {}
    for bucket in index.values():
        if len({path for path, _ in bucket}) < 2:
            continue
        for i, (path, claim) in enumerate(bucket):
            for other_path, other in bucket[i + 1 :]:
                if other_path == path or not _disagree(claim, other, compiled):
                    continue
                for here, mine, there, theirs in (
                    (path, claim, other_path, other),
                    (other_path, other, path, claim),
                ):
                    entry = against.setdefault((here, mine.offset), (mine, []))
                    if (there, theirs) not in entry[1]:
                        entry[1].append((there, theirs))
    findings: list[BatchMatch] = []
    for (path, _), (claim, others) in against.items():
        where = ", ".join(f"{p}:{c.line} ('{c.said}')" for p, c in others[:3])
        if len(others) > 3:
            where += f" and {len(others) - 3} more"
        shared = sorted(set(claim.names) & set(others[0][1].names))
        values = {"match": claim.said, "others": where, "names": ", ".join(shared)}
        findings.append(BatchMatch(path, claim, values))
    return findings


KIND: BatchKind[Options, Compiled, FigureClaim] = BatchKind(
    Options=Options,
    prepare=prepare,
    collect=collect,
    resolve=resolve,
    fact_to_json=fact_to_json,
    fact_from_json=fact_from_json,
)
