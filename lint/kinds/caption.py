"""caption: photo credits and caption lines left in the article body.

Scrapers keep the text under a picture: a credit such as "Joe Radley / Getty
Images" or "Francois Walschaerts / Greg Baker / AFP via Getty Images", a
"Photo: ... / Reuters" line, an "(AP Photo/Evan Vucci)" tag inside a sentence.
A credit line is recognised by its shape: short, names separated by slashes (or
a pipe), ending in a picture agency from `agencies_file`. A `Photo:` / `Credit:`
label starting a short line, and parenthesised photo tags, are recognised
anywhere. The lines right above a credit line, up to a blank line
(`caption_lines` at most), are its caption: reported at info severity.
`patterns` adds caption leads ("FILE PHOTO:", "In this photo ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.kinds.boilerplate import read_pattern_list
from lint.patterns import Pattern, compile_pattern, finditer, fullmatch

_NAME_WORD = r"[\p{Lu}][\p{L}\p{M}.'’\-]*"
_NAME_SEGMENT = regex.compile(
    rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|da|van|von|der|al|bin|for|of|the|and|&)){{0,5}}"
)
_OPENING_WORDS = regex.compile(r"\s*(?:\S+\s+){0,5}\S+")
_LABEL = regex.compile(
    r"(?:photo(?:graph|s)?|image|picture|pic|illustration|photo credit|credit|"
    r"pictured)\s*(?:by\s*)?[:|]\s*\S",
    regex.IGNORECASE,
)
_LABEL_BY = regex.compile(r"(?:photo(?:graph)?|image|picture)s?\s+by\s+\p{Lu}", regex.IGNORECASE)
_SEPARATOR = regex.compile(r"\s*[/|]\s*")


@dataclass(frozen=True)
class Options:
    agencies: tuple[str, ...] = ()  # picture agencies a credit line ends in (patterns)
    agencies_file: str | None = None
    max_words: int = 16  # a credit line has at most this many words
    patterns: tuple[str, ...] = ()
    credits: bool = True  # report credit lines themselves (not only captions and tags)
    caption_lines: int = 3


@dataclass(frozen=True)
class Compiled:
    agency_end: Pattern | None
    tags: Pattern | None
    anywhere: Pattern | None
    max_words: int
    caption_lines: int = 0


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    agencies = list(options.agencies)
    if options.agencies_file:
        if context is None:
            raise ValueError("agencies_file needs a pack folder to read from")
        agencies += read_pattern_list(context.read_text(options.agencies_file))
    if options.credits and not agencies:
        raise ValueError("caption needs 'agencies' or 'agencies_file' to find credits")
    if not options.credits and not options.patterns:
        raise ValueError("caption needs 'credits' on or some 'patterns'")
    if not options.credits:
        agencies = ["AFP"]  # unused, keeps one code path below
    longest_first = sorted(agencies, key=len, reverse=True)
    names = "|".join(r"\s+".join(regex.escape(w) for w in a.split()) for a in longest_first)
    # The last credit segment: an agency, "X via Getty Images", "Name for Reuters".
    agency_end = compile_pattern(
        rf"(?:(?:[\p{{L}}.'’\- ]{{1,40}}\s+(?:via|for)\s+)?(?:{names}))(?:\s+Photo)?\s*\)?"
    )
    # "(AP Photo/Evan Vucci)", "(Photo: Jane Doe/Reuters)", "(Reuters photo)".
    tags = compile_pattern(
        rf"\((?:(?:{names})\s+(?:Photo|Images?|Pictures?)\s*/[^()\n]{{1,80}}"
        rf"|(?:Photo|Image|Picture|Credit)s?(?:\s+credit)?\s*[:/]\s*[^()\n]{{1,100}}"
        rf"|Photo(?:graph)?\s+by\s+[^()\n]{{1,100}}"
        rf"|(?:{names})\s+(?:photo|file\s+photo|handout))\)"
    )
    for pattern in options.patterns:
        compile_pattern(pattern)
    anywhere = (
        compile_pattern("|".join(f"(?:{p})" for p in options.patterns), False)
        if options.patterns
        else None
    )
    if not options.credits:
        return Compiled(None, None, anywhere, options.max_words)
    return Compiled(agency_end, tags, anywhere, options.max_words, options.caption_lines)


def is_credit_line(line: str, compiled: Compiled) -> bool:
    """Names and an agency separated by slashes or a pipe, or a `Photo:` label."""
    if len(line.split()) > compiled.max_words:
        return False
    if _LABEL.match(line) or _LABEL_BY.match(line):
        return True
    if "/" not in line and "|" not in line:
        return False  # a single part
    parts = [p.strip() for p in _SEPARATOR.split(line.strip(" ()."))]
    if len(parts) < 2 or not parts[-1]:
        return False
    if compiled.agency_end is None or not fullmatch(compiled.agency_end, parts[-1]):
        return False
    return all(_NAME_SEGMENT.fullmatch(p) for p in parts[:-1])


def _caption_lines(doc: Document, index: int, limit: int) -> list[int]:
    """Lines directly above credit line `index`, up to a blank line: the caption.

    Only a short block counts (at most `limit` lines between a blank line and
    the credit); in text without blank lines the lines above are the article.
    """
    above = []
    for i in range(index - 1, -1, -1):
        if not doc.lines[i].text.strip():
            break
        if len(above) == limit:
            return []
        above.append(i)
    return above[::-1]


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    lines = doc.lines if compiled.tags is not None else []
    for index, line in enumerate(lines):
        stripped = line.text.strip()
        if stripped and is_credit_line(stripped, compiled):
            for i in _caption_lines(doc, index, compiled.caption_lines):
                above = doc.lines[i]
                lead = len(above.text) - len(above.text.lstrip())
                # Mark where the caption starts, not the whole line: a long
                # caption line holds names other rules must still judge.
                opening = _OPENING_WORDS.match(above.text, lead)
                yield Match(
                    above.start + lead,
                    above.start + opening.end(),
                    {"what": "caption over a photo credit"},
                    severity="info",
                )
            start = line.start + len(line.text) - len(line.text.lstrip())
            yield Match(start, start + len(stripped), {"what": "photo credit line"})
            continue
        if "(" not in line.text:
            continue  # every tag is in brackets
        for m in finditer(compiled.tags, line.text, prefilter=False):
            yield Match(line.start + m.start(), line.start + m.end(), {"what": "photo credit"})
    if compiled.anywhere is not None:
        for m in finditer(compiled.anywhere, doc.text):
            if m.end() > m.start():
                yield Match(m.start(), m.end(), {"what": "caption"})


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
    language_neutral=True,  # Its findings stand on lines in any language (see lint.language).
)
