"""repetition: a word doubled ("the the"), or a short phrase looping.

Machine translation that hallucinates tends to loop: the same one to four words
three or more times in a row. Words legitimately doubled in English ("had had",
"that that") go in `allow`. Repeats never run across a blank line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import Document
from lint.kinds.base import Match
from lint.patterns import finditer


@dataclass(frozen=True)
class Options:
    max_words: int = 1  # longest repeated unit, in words
    min_repeats: int = 2  # how many times in a row the unit must appear
    allow: tuple[str, ...] = ("had", "that", "bye", "very", "really", "no", "so", "is")
    ignorecase: bool = True
    # Count repeats separated by a comma or semicolon ("for our land, for our land").
    # Off for doubled words: "citizens, citizens residing abroad" is English.
    punctuated: bool = True


@dataclass(frozen=True)
class Compiled:
    search: regex.Pattern
    allow: frozenset[str]
    min_repeats: int


def compile(options: Options, context=None) -> Compiled:
    if not 1 <= options.max_words <= 8:
        raise ValueError("max_words must be between 1 and 8")
    if options.min_repeats < 2:
        raise ValueError("min_repeats must be at least 2")
    gap = r"[ \t]+(?:\r?\n[ \t]*)?"
    unit = rf"\w+(?:['’\-]\w+)*(?:{gap}\w+(?:['’\-]\w+)*){{0,{options.max_words - 1}}}"
    repeats = options.min_repeats - 1
    separator = "[,;]?" if options.punctuated else ""
    pattern = rf"(?<![\w'’\-])({unit})(?:{separator}{gap}(?:\1)(?![\w'’\-])){{{repeats},}}"
    flags = regex.IGNORECASE if options.ignorecase else 0
    allow = frozenset(w.lower() for w in options.allow)
    return Compiled(regex.compile(pattern, flags), allow, options.min_repeats)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for m in finditer(compiled.search, doc.text):
        unit = m.group(1)
        if unit.lower() in compiled.allow or unit.isdigit():
            continue
        count = len(
            regex.findall(
                rf"(?<![\w'’\-]){regex.escape(unit)}(?![\w'’\-])", m.group(), flags=regex.IGNORECASE
            )
        )
        if count < compiled.min_repeats:
            continue
        if (
            unit[:1].isupper()
            and m.group()[m.end(1) - m.start() :].lstrip(" ,;\t\r\n")[:1].isupper()
        ):
            continue  # reduplicated names: Bora Bora, Walla Walla, Sing Sing
        # Point at the repeats, keep the first occurrence as the suggestion.
        yield Match(
            m.start(),
            m.end(),
            {"word": unit, "count": str(count)},
            (unit,),
        )
