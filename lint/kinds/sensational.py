"""sensational: shouting and clickbait, the typography of sensationalism.

Three signals, each switchable: a run of `caps_min_words` or more words in
capitals (acronym strings such as "NATO US EU" do not count: the run needs
`caps_min_letters` letters and a word of five or more), `!!` or more (and
`?!`), and clickbait `headline_patterns` matched only on
headline-like lines (short, no closing full stop).

Capitals and exclamation marks inside a quotation are the quoted person's
("Rihanna wrote: "So excited!!!"), not the writer's, and a dateline in
capitals ("TRAVIS AIR FORCE BASE, Calif. (KGO) —") is news style: neither counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Match
from lint.patterns import Pattern, compile_pattern, finditer
from lint.speech import quotation_at

_CAPS_WORD = r"[A-Z][A-Z’'\-]*[A-Z]"
_EXCLAMATIONS = re.compile(r"[!?]*![!?]*!+[!?]*|\?!|!\?")


@dataclass(frozen=True)
class Options:
    caps_min_words: int = 3
    caps_min_letters: int = 14
    exclamations: bool = True
    headline_patterns: tuple[str, ...] = ()
    headline_max_words: int = 20


@dataclass(frozen=True)
class Compiled:
    caps: re.Pattern | None
    caps_min_letters: int
    exclamations: bool
    headline: Pattern | None
    headline_max_words: int


def compile(options: Options, context=None) -> Compiled:
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
    stripped = line.strip()
    if not stripped or stripped.endswith((".", ",", ";", ":")):
        return False
    return len(stripped.split()) <= max_words


# After a dateline's place: ", State" and "(Agency)", then a dash.
_DATELINE_TAIL = re.compile(r"(?:,[^\n(—–]{1,40}?)?\s*(?:\([^()\n]{1,30}\)\s*)?[—–-]")


def _is_dateline(text: str, m: re.Match) -> bool:
    at_line_start = m.start() == 0 or text[m.start() - 1] == "\n"
    return at_line_start and _DATELINE_TAIL.match(text, m.end()) is not None


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    text = doc.text
    if compiled.caps:
        for m in compiled.caps.finditer(text):
            letters = sum(ch.isalpha() for ch in m.group())
            # Strings of acronyms ("NATO US EU UN OSCE") are not shouting.
            longest = max(len(w) for w in re.findall(r"[A-Z’'\-]+", m.group()))
            if letters < compiled.caps_min_letters or longest < 5:
                continue
            if _is_dateline(text, m) or quotation_at(doc, m.start(), m.end()):
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
                yield Match(m.start(), m.end(), {"signal": "a clickbait formula"})
