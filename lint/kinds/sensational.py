"""sensational: shouting and clickbait, the typography of sensationalism.

Three signals, each switchable: a run of `caps_min_words` or more words in
capitals (acronym strings such as "NATO US EU" do not count: the run needs
`caps_min_letters` letters and a word of five or more), `!!` or more (and
`?!`), and clickbait `headline_patterns` matched only on
headline-like lines (short, no closing full stop).

Shouting is capitals in running prose. Capitals and exclamation marks inside
a quotation are the quoted person's ("Rihanna wrote: "So excited!!!"), and
capitals that are layout are not shouting either: a dateline ("TRAVIS AIR
FORCE BASE, Calif. (KGO) —"), a byline or timestamp ("7:11 AM PST BY STAFF
WRITER"), a label before a colon ("DEAR CONCERNED SISTER:"), a signature
after a dash ("-- BEATEN UP IN CALIFORNIA") and a heading: a line with no
lowercase letter that does not end in a full stop or an exclamation mark
("FORD MUSTANG MACH E", "CPU GAMEPLAY CUSTOMISATION", a table row of
tickers). A document's title in capitals still shouts, unless the document
sets two or more headings in capitals (its house style).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.patterns import Pattern, compile_pattern, finditer
from lint.speech import quotation_at

_CAPS_WORD = r"[A-Z][A-Z’'\-]*[A-Z]"
_EXCLAMATIONS = re.compile(r"[!?]*![!?]*!+[!?]*|\?!|!\?")


@dataclass(frozen=True)
class Options:
    caps_min_words: int = 3
    caps_min_letters: int = 14
    exclamations: bool = True  # report exclamation marks in headlines
    headline_patterns: tuple[str, ...] = ()
    headline_max_words: int = 20  # a line with more words is no headline


@dataclass(frozen=True)
class Compiled:
    caps: re.Pattern | None
    caps_min_letters: int
    exclamations: bool
    headline: Pattern | None
    headline_max_words: int


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    caps = None
    if options.caps_min_words > 0:
        n = options.caps_min_words - 1
        # `(?<![\w’'])` written after the first capital, so that `re` only
        # tries the pattern at capitals (it skips to a leading character set).
        first = r"[A-Z](?<![\w’'].)[A-Z’'\-]*[A-Z]"
        caps = re.compile(rf"{first}(?:[ \t,:;]+{_CAPS_WORD}){{{n},}}(?![\w’'])")
    headline = None
    if options.headline_patterns:
        for p in options.headline_patterns:
            compile_pattern(p, True)
        headline = compile_pattern("|".join(f"(?:{p})" for p in options.headline_patterns), True)
    return Compiled(
        caps, options.caps_min_letters, options.exclamations, headline, options.headline_max_words
    )


def is_headline(line: str, max_words: int) -> bool:
    stripped = line.strip().rstrip("”’\"')] ")
    if not stripped or stripped.endswith((".", ",", ";", ":")):
        return False
    return len(stripped.split()) <= max_words


# After a dateline's place: ", State" and "(Agency)", then a dash.
_DATELINE_TAIL = re.compile(r"(?:,[^\n(—–]{1,40}?)?\s*(?:\([^()\n]{1,30}\)\s*)?[—–-]")


def _is_dateline(text: str, m: re.Match) -> bool:
    at_line_start = m.start() == 0 or text[m.start() - 1] == "\n"
    return at_line_start and _DATELINE_TAIL.match(text, m.end()) is not None


# Words of a byline or a timestamp: "7:11 AM PST BY STAFF WRITER", "UPDATED 9:30 ET".
_BYLINE_FIRST = frozenset({"BY", "UPDATED", "PUBLISHED", "POSTED"})
_CLOCK = frozenset(
    re.findall(
        r"\S+", "AM PM A.M. P.M. GMT UTC BST CET CEST EET EST EDT CST CDT MST MDT PST PDT ET PT IST"
    )
)
_TIME_BEFORE = re.compile(r"\d{1,2}[:.]\d{2}\s*$")


def _is_byline(text: str, m: re.Match) -> bool:
    words = m.group().replace(",", " ").split()
    if words[0] in _BYLINE_FIRST or any(w in _CLOCK for w in words):
        return True
    return _TIME_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None


def _is_label(text: str, m: re.Match) -> bool:
    """Capitals from the start of a line to a colon ("DEAR CONCERNED SISTER:"),
    or after a dash to the end of a line (a signature: "-- BEATEN UP IN CALIFORNIA")."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[line_start : m.start()]
    if not before.strip() and text[m.end() : m.end() + 2].lstrip().startswith(":"):
        return True
    line_end = text.find("\n", m.end())
    after = text[m.end() : line_end if line_end != -1 else len(text)]
    return before.rstrip().endswith(("-", "—", "–")) and not after.strip(" .!?")


def _is_heading(line: str) -> bool:
    """A line with letters, none of them lowercase, that does not end as a
    sentence or a shout does (a full stop or an exclamation mark)."""
    return (
        any(ch.isalpha() for ch in line)
        and not any(ch.islower() for ch in line)
        and not line.rstrip().rstrip("”’\"')").endswith(("!", "."))
    )


def _heading_lines(doc: Document) -> set[str]:
    return doc.memo(
        ("sensational", "headings"),
        lambda: {ln.text.strip() for ln in doc.lines if _is_heading(ln.text)},
    )


def _in_heading(doc: Document, offset: int) -> bool:
    """The line holding `offset` is a heading, and not a lone title in capitals."""
    line = doc.lines[doc.line_index(offset)]
    if not _is_heading(line.text):
        return False
    is_title = not doc.text[: line.start].strip()
    return not is_title or len(_heading_lines(doc)) >= 2


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    text = doc.text
    if compiled.caps:
        for m in compiled.caps.finditer(text):
            letters = sum(ch.isalpha() for ch in m.group())
            # Strings of acronyms ("NATO US EU UN OSCE") are not shouting.
            longest = max(len(w) for w in re.findall(r"[A-Z’'\-]+", m.group()))
            if letters < compiled.caps_min_letters or longest < 5:
                continue
            if (
                _is_dateline(text, m)
                or _is_byline(text, m)
                or _is_label(text, m)
                or _in_heading(doc, m.start())
                or quotation_at(doc, m.start(), m.end())
            ):
                continue
            yield Match(m.start(), m.end(), {"signal": "words in capitals"})
    if compiled.exclamations and "!" in text:  # in every alternative
        for m in _EXCLAMATIONS.finditer(text):
            if not quotation_at(doc, m.start(), m.end()):
                yield Match(m.start(), m.end(), {"signal": "multiple exclamation marks"})
    if compiled.headline:
        for line in doc.lines:
            if not is_headline(line.text, compiled.headline_max_words):
                continue
            for m in finditer(compiled.headline, text, line.start, line.end):
                if not quotation_at(doc, m.start(), m.end()):
                    yield Match(m.start(), m.end(), {"signal": "a clickbait formula"})


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
