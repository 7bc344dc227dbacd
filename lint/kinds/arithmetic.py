"""arithmetic: figures in one sentence that do not add up.

Four checks, one per rule (option `check`):

- `share`: a share of a group of people above 100 % ("112% of voters"); a
  share of GDP, of a target or of last year's level may exceed 100, so only
  the groups listed in `nouns` count.
- `part-total`: a part larger than its whole: "12 people died, including 15
  children"; "of whom", "among them" likewise.
- `breakdown`: the shares of one poll or vote adding up to more than 100 %
  ("52% backed the deal, 41% opposed it and 12% were undecided"). Only
  sentences that read as a breakdown (both sides of one question, no word of change
  such as "rose" or "from", no two years) are added up; a rounding slack of half a point
  per share is allowed.
- `sum`: listed parts that do not add up to the total stated with them:
  "200 missiles, 100 launchers and 50 radars, a total of 400 units" (the
  parts must equal the total), or "400 units: 200 missiles, 100 launchers and
  50 radars" (a list after a colon may leave parts out, so only a sum above
  the total is reported). Hedged figures ("about 400"), shares and years are
  not added up.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.numbers import (
    HEDGE,
    NUMBER,
    Figure,
    find_figures,
    finditer_figures,
    parse_number,
    show,
)
from lint.patterns import may_match

# The rule's check (option `check`), validated by the pack loader.
Check = Literal["share", "part-total", "breakdown", "sum"]
CHECKS: tuple[str, ...] = get_args(Check)
_PERCENT = rf"(?P<num>{NUMBER})\s*(?:%|per\s?cent\b|percent\b)"
_PART = re.compile(
    rf",?\s+(?P<link>including|among them|of whom|among whom)\s+(?:{HEDGE}\s+)?"
    rf"(?P<num>{NUMBER})(?![\d%\-])(?!\s*(?:%|per\s?cent|percent|years?\b))",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(_PERCENT, re.IGNORECASE)
# A breakdown has both sides of one question: for and against, yes and no.
_FOR_CUE = re.compile(
    r"\b(?:voted\s+(?:for|yes|in\s+favou?r)|backed|backing|supported|supporting|in\s+favou?r|"
    r"approved?|approving|yes|for\s+(?:the|it|him|her|them))\b",
    re.IGNORECASE,
)
_AGAINST_CUE = re.compile(
    r"\b(?:against|opposed|opposing|oppose|disapproved?|no|undecided|unsure|"
    r"(?:did\s+not|didn['’]t|do\s+not|don['’]t)\s+know)\b",
    re.IGNORECASE,
)
# What _PERCENT needs besides "%", in the lowered text: under IGNORECASE only the
# two cases of p, e, r, c, n and t match them, and lower() leaves white space alone.
_PERCENT_WORD = re.compile(r"per\s?cent")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CHANGE_CUE = re.compile(
    r"\b(?:from|rose|risen|rise|rising|fell|fallen|fall|increase\w*|decrease\w*|up|down|"
    r"compared|growth|grew|dropped|drop|higher|lower|jumped|climbed|declined|versus|vs|"
    r"while|whereas|of\s+(?:men|women|young|older|democrats|republicans))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Options:
    check: Check = "share"
    nouns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Compiled:
    check: Check
    share: re.Pattern | None


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    share = None
    if options.check == "share":
        if not options.nouns:
            raise ValueError("check 'share' needs 'nouns': the groups a share is taken of")
        nouns = "|".join(sorted(map(re.escape, options.nouns), key=len, reverse=True))
        share = re.compile(
            rf"{_PERCENT}\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|those\s+)?"
            rf"(?:[a-z]+\s+)?(?:{nouns})\b",
            re.IGNORECASE,
        )
    return Compiled(options.check, share)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    if compiled.check == "share":
        yield from _share(doc, compiled.share)
    elif compiled.check == "part-total":
        yield from _part_total(doc)
    elif compiled.check == "sum":
        yield from _sum(doc)
    else:
        yield from _breakdown(doc)


def may_have_share(text: str, pattern: re.Pattern) -> bool:
    """False only when the share pattern finds nothing in `text`: it has no "%" and
    no "per cent" (cheap: most documents have no percentages), or none of the
    nouns, one of which every share holds (may_match)."""
    if "%" not in text and not _PERCENT_WORD.search(text.lower()):
        return False
    return may_match(pattern, text)


def _share(doc: Document, pattern: re.Pattern) -> Iterator[Match]:
    text = doc.text
    if not may_have_share(text, pattern):
        return
    for m in finditer_figures(pattern, text):  # a share starts with its figure
        value = parse_number(m.group("num"))
        if value is not None and value > 100:
            yield Match(
                m.start(), m.end(), {"problem": f"a share of a group cannot be {show(value)}%"}
            )


_PART_WORDS = ("including", "among", "of whom")


def _is_share_or_range(figure: Figure, text: str) -> bool:
    """ "12%", "12 per cent", "12-15": not a count of things."""
    return text.startswith(("%", " per", " percent", "-"), figure.end)


def _part_total(doc: Document) -> Iterator[Match]:
    if not any(w in doc.text for w in _PART_WORDS):
        return  # a sentence is a slice of the text: none of them has one either
    for sentence in doc.sentences:
        text = sentence.text
        if not any(w in text for w in _PART_WORDS):
            continue
        for whole in find_figures(text):
            after = text[whole.end :]
            if _is_share_or_range(whole, text) or text[: whole.start].endswith(("$", "£", "€")):
                continue
            # The counted noun phrase: a few words without figures or stops.
            gap = re.match(r"(?:\s+[^\s\d.;:()]+){1,8}?(?=,?\s+(?:including|among|of whom))", after)
            if not gap:
                continue
            m = _PART.match(after, gap.end())
            if not m:
                continue
            part = parse_number(m.group("num"))
            # "At least 12 ... including 15": the known count is 12, the known part 15.
            upper = whole.value if whole.interval[1] == math.inf else whole.interval[1]
            if part is None or upper >= part:
                continue
            start = sentence.start + whole.start
            end = sentence.start + whole.end + m.end()
            yield Match(
                start,
                end,
                {"problem": f"the part ({show(part)}) is larger than the whole ({whole.written})"},
            )
            break


def _breakdown(doc: Document) -> Iterator[Match]:
    if doc.text.count("%") + doc.text.count("cent") < 2:
        return
    for sentence in doc.sentences:
        if sentence.text.count("%") + sentence.text.count("cent") < 2:
            continue
        shares = list(_PERCENT_RE.finditer(sentence.text))
        if len(shares) < 2:
            continue
        text = sentence.text
        if not (_FOR_CUE.search(text) and _AGAINST_CUE.search(text)):
            continue
        if _CHANGE_CUE.search(text) or len(set(_YEAR.findall(text))) > 1:
            continue
        values = [parse_number(m.group("num")) for m in shares]
        if any(v is None for v in values):
            continue
        total = sum(values)
        if total <= 100 + 0.5 * len(values):
            continue
        yield Match(
            sentence.start + shares[0].start(),
            sentence.start + shares[-1].end(),
            {
                "problem": " + ".join(f"{show(v)}%" for v in values)
                + f" = {show(round(total, 1))}%, more than the whole"
            },
        )


# What follows a figure in a list: the counted noun, a few words without
# figures, stops or signs ("missiles", "from Britain").
_COUNTED = r"\s+[^\d;:.()%$€£]{1,40}?"
# Between two parts of a list: the counted noun, then a comma or "and".
_LIST_GAP = re.compile(rf"{_COUNTED}(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)
# Between the last part and the total after it: "..., a total of", "... for a total of".
_TOTAL_AFTER = re.compile(
    rf"{_COUNTED}(?:,|\s+[—–-])?\s*(?:(?:for|with|making)\s+)?"
    r"(?:a\s+total\s+of|totall?ing|in\s+total|altogether|in\s+all)\s+",
    re.IGNORECASE,
)
# Or a total that says so after it: "..., 25 in all", "..., 25 people in total".
_BEFORE_TRAILING_TOTAL = re.compile(rf"{_COUNTED},\s*", re.IGNORECASE)
_TRAILING_TOTAL = re.compile(
    r"\s+(?:[^\W\d]+\s+){0,2}?(?:in\s+all|in\s+total|altogether)\b", re.IGNORECASE
)
# Between a total and the list after it: "400 units: 200 missiles, ...".
_LIST_AFTER = re.compile(rf"{_COUNTED}:\s*", re.IGNORECASE)
_SUM_WORDS = ("total", "altogether", "in all", ":")


def _addable(figure: Figure, text: str) -> bool:
    """A plain count: no hedge, not a share, not a year."""
    if figure.hedge is not None:
        return False
    if _is_share_or_range(figure, text):
        return False
    written = figure.written
    return not (written.isdigit() and len(written) == 4 and 1900 <= figure.value <= 2100)


def _list_before(figures: list[Figure], end: int, text: str) -> list[Figure]:
    """The parts of a list that ends with figure `end`: figures joined by a
    counted noun and a comma or "and", the last join being "and"."""
    parts = [figures[end]]
    i = end
    while i > 0:
        gap = _LIST_GAP.fullmatch(text, figures[i - 1].end, figures[i].start)
        if gap is None:
            break
        if i == end and not gap.group().rstrip().lower().endswith("and"):
            return []  # "200 missiles, 100 launchers, a total of": no closing "and"
        parts.insert(0, figures[i - 1])
        i -= 1
    return parts if len(parts) >= 2 else []


def _sum(doc: Document) -> Iterator[Match]:
    if not any(w in doc.text for w in _SUM_WORDS):
        return
    for sentence in doc.sentences:
        text = sentence.text
        if not any(w in text for w in _SUM_WORDS):
            continue
        figures = find_figures(text)
        for start, end, problem in [
            *_lists_then_total(figures, text),
            *_total_then_list(figures, text),
        ]:
            yield Match(sentence.start + start, sentence.start + end, problem)


def _lists_then_total(figures: list[Figure], text: str) -> Iterator[tuple[int, int, dict]]:
    """ "200 missiles, 100 launchers and 50 radars, a total of 400 units" or
    "..., 25 in all": the parts must make the total."""
    for t in range(2, len(figures)):
        total, before, between = figures[t], figures[t - 1].end, figures[t].start
        said_before = _TOTAL_AFTER.fullmatch(text, before, between)
        said_after = _BEFORE_TRAILING_TOTAL.fullmatch(
            text, before, between
        ) and _TRAILING_TOTAL.match(text, total.end)
        if not (said_before or said_after):
            continue
        parts = _list_before(figures, t - 1, text)
        problem = _mismatch(parts, total, text, exact=True)
        if problem:
            yield parts[0].start, total.end, problem


def _total_then_list(figures: list[Figure], text: str) -> Iterator[tuple[int, int, dict]]:
    """ "400 units: 200 missiles, 100 launchers and 50 radars": the list may
    leave parts out, so only a sum above the total is wrong."""
    for t in range(len(figures) - 2):
        total = figures[t]
        colon = _LIST_AFTER.match(text, total.end)
        if colon is None or colon.end() != figures[t + 1].start:
            continue
        last = t + 1
        while last + 1 < len(figures) and _LIST_GAP.fullmatch(
            text, figures[last].end, figures[last + 1].start
        ):
            last += 1
        parts = _list_before(figures, last, text) if last > t + 1 else []
        parts = [p for p in parts if p.start > total.end]
        problem = _mismatch(parts, total, text, exact=False)
        if problem:
            yield total.start, parts[-1].end, problem


def _mismatch(parts: list[Figure], total: Figure, text: str, exact: bool) -> dict[str, str] | None:
    if len(parts) < 2 or not all(_addable(f, text) for f in [*parts, total]):
        return None
    added = sum(p.value for p in parts)
    # "1.2 million" may be anything from 1.15 to 1.25 million: rounding adds up.
    slack = max(0.005 * total.value, sum(_half_unit(f) for f in [*parts, total]))
    if added > total.value + slack or (exact and added < total.value - slack):
        shown = " + ".join(p.written for p in parts)
        return {"problem": f"{shown} = {show(added)}, not the total of {total.written}"}
    return None


def _half_unit(figure: Figure) -> float:
    """Half the last written digit of a figure with a scale word ("1.2 million":
    50,000); plain figures are counts, taken as exact."""
    number, _, scale_word = figure.written.partition(" ")
    if not scale_word or not number[:1].isdigit():
        return 0.0
    scale = figure.value / float(number.replace(",", ""))
    decimals = len(number.partition(".")[2])
    return 0.5 * 10.0**-decimals * scale


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
