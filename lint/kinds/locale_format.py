"""locale_format: number and date formats of the source language left in English.

Machine translation from Russian, Ukrainian or German keeps the source's
conventions: a decimal comma ("2,5 million"), dots between thousands ("106.000
troops"), DD.MM.YYYY dates ("24.02.2022") and abbreviations ("mln", "bln",
"obl."). `find` picks which; each comes with the English form as suggestion.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args

import regex

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext

_SCALE = (
    r"(?:million|billion|trillion|thousand|percent|per\s+cent|%|mln|bln|km|kilometres"
    r"|kilometers|tonnes|tons|hryvnias?|roubles?|rubles?|dollars|euros)"
)
# "2,5 million": one to three digits, a comma, one or two digits, then a scale word.
# (?!\w), not \b: "3,5 %" ends in a sign, after which \b never holds.
_DECIMAL_COMMA = regex.compile(rf"(?<![\d.,])(\d{{1,3}}),(\d{{1,2}})(?=\s*{_SCALE}(?!\w))")
# "106.000 troops": dot-grouped thousands followed by a word (not a unit-less decimal).
_DOT_THOUSANDS = regex.compile(
    r"(?<![\d.,$€£¥]|\bv|(?i:version)\s)([1-9]\d{0,2}(?:\.\d{3})+)(?!\d|[.,]\d)(?=\s+\p{L}{3,})"
    r"(?!\s+(?:seconds?|secs?|minutes?|points?|percent|per\s+cent|metres?|meters?|grams?|kg|km)\b)"
)
_DOTTED_DATE = regex.compile(
    r"(?<![\d.]|\bv|(?i:version)\s)(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)"
    r"(?!\d|\.\d)"
)
_ABBREVIATIONS = {
    "mln": "million",
    "bln": "billion",
    "mlrd": "billion",
    "thous.": "thousand",
    "obl.": "region",
}
_ABBREVIATION = regex.compile(
    r"(?<=\d\s?)(?:mln|mlrd|bln|thous\.)(?!\p{L})|(?<=\p{Lu}\p{Ll}+\s)obl\."
)
# Text one of which every match of a pattern contains: without it, no search.
_NEEDED = {
    "dotted-date": (".19", ".20"),
    "abbreviation": ("mln", "mlrd", "bln", "thous.", "obl."),
}


# What the rule finds (option `find`), validated by the pack loader.
Find = Literal["decimal-comma", "dot-thousands", "dotted-date", "abbreviation"]
FINDS: tuple[str, ...] = get_args(Find)


@dataclass(frozen=True)
class Options:
    find: Find


@dataclass(frozen=True)
class Compiled:
    find: Find


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    return Compiled(options.find)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    text = doc.text
    needed = _NEEDED.get(compiled.find)
    if needed and not any(part in text for part in needed):
        return
    if compiled.find == "decimal-comma":
        for m in _DECIMAL_COMMA.finditer(text):
            right = f"{m.group(1)}.{m.group(2)}"
            yield Match(m.start(), m.end(), {"suggestion": right}, (right,))
    elif compiled.find == "dot-thousands":
        for m in _DOT_THOUSANDS.finditer(text):
            right = m.group(1).replace(".", ",")
            yield Match(m.start(), m.end(), {"suggestion": right}, (right,))
    elif compiled.find == "dotted-date":
        for m in _DOTTED_DATE.finditer(text):
            day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
            right = f"{day} {calendar.month_name[month]} {year}"
            yield Match(m.start(), m.end(), {"suggestion": right}, (right,))
    else:
        for m in _ABBREVIATION.finditer(text):
            right = _ABBREVIATIONS[m.group()]
            yield Match(m.start(), m.end(), {"suggestion": right}, (right,))


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
