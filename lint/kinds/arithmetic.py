"""arithmetic: figures in one sentence that do not add up.

Three checks, one per rule (option `check`):

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
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Match
from lint.numbers import HEDGE, NUMBER, find_figures, finditer_figures, parse_number, show
from lint.patterns import may_match

CHECKS = ("share", "part-total", "breakdown")
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
    check: str = "share"
    nouns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Compiled:
    check: str
    share: re.Pattern | None


def compile(options: Options, context=None) -> Compiled:
    if options.check not in CHECKS:
        raise ValueError(f"check must be one of {', '.join(CHECKS)}, not {options.check!r}")
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


def _part_total(doc: Document) -> Iterator[Match]:
    if not any(w in doc.text for w in _PART_WORDS):
        return  # a sentence is a slice of the text: none of them has one either
    for sentence in doc.sentences:
        text = sentence.text
        if not any(w in text for w in _PART_WORDS):
            continue
        for whole in find_figures(text):
            after = text[whole.end :]
            if after.startswith(("%", " per", " percent", "-")) or text[: whole.start].endswith(
                ("$", "£", "€")
            ):
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
