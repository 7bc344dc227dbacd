"""boilerplate: lines of page furniture left in the article body by a scraper.

Three tests, each line by line, so a finding points at the line to delete
rather than dropping the whole document as the C4, Gopher and FineWeb filters do:

- `lines_file`/`lines`: regular expressions that must match a *whole* short line
  once it is normalised (lower case, straight apostrophes, bullets and edge
  punctuation stripped): "Connect with us", "Comments are closed.", "Read more: ...".
  Anchoring to the whole line is what keeps "Leave a comment below, she said."
  in prose from matching.
- `patterns`: markup and template residue matched anywhere (`&nbsp;`, `{{ }}`,
  `[shortcode ids=...]`, HTML tags, lorem ipsum).
- icon-font residue: a line where `icon_min` or more words contain `icon_word`
  and they make up at least half of it ("icon bookmark-bicon bookmarkicon ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import Document
from lint.kinds.base import Match
from lint.patterns import compile_pattern, finditer

_EDGE = regex.compile(r"^[\s\p{P}\p{S}•·|>»]+|[\s\p{P}\p{S}|<«]+$")
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True)
class Options:
    lines: tuple[str, ...] = ()
    lines_file: str | None = None
    max_words: int = 40
    patterns: tuple[str, ...] = ()
    icon_word: str = ""
    icon_min: int = 4


@dataclass(frozen=True)
class Compiled:
    whole_line: regex.Pattern | None
    anywhere: regex.Pattern | None
    max_words: int
    icon_word: str
    icon_min: int


def read_pattern_list(text: str) -> list[str]:
    """Non-blank lines of a data file that are not `#` comments."""
    lines = (ln.strip() for ln in text.splitlines())
    return [ln for ln in lines if ln and not ln.startswith("#")]


def compile(options: Options, context=None) -> Compiled:
    entries = list(options.lines)
    if options.lines_file:
        if context is None:
            raise ValueError("lines_file needs a pack folder to read from")
        entries += read_pattern_list(context.read_text(options.lines_file))
    for entry in entries:
        compile_pattern(entry)  # name the bad one
    if not entries and not options.patterns and not options.icon_word:
        raise ValueError("boilerplate needs 'lines', 'lines_file', 'patterns' or 'icon_word'")
    whole = compile_pattern("|".join(f"(?:{e})" for e in entries)) if entries else None
    for pattern in options.patterns:
        compile_pattern(pattern, True)
    anywhere = (
        compile_pattern("|".join(f"(?:{p})" for p in options.patterns), True)
        if options.patterns
        else None
    )
    return Compiled(whole, anywhere, options.max_words, options.icon_word.lower(), options.icon_min)


def normalise(line: str) -> str:
    """The form of a line that whole-line patterns are matched against."""
    text = line.replace("’", "'").replace("‘", "'").lower()
    text = regex.sub(r"©|\(c\)", " copyright ", text)
    return _SPACES.sub(" ", _EDGE.sub("", text))


def _is_icon_residue(words: list[str], compiled: Compiled) -> bool:
    if not compiled.icon_word:
        return False
    hits = sum(1 for w in words if compiled.icon_word in w.lower())
    return hits >= compiled.icon_min and hits * 2 >= len(words)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for line in doc.lines:
        stripped = line.text.strip()
        if not stripped:
            continue
        start = line.start + (len(line.text) - len(line.text.lstrip()))
        end = start + len(stripped)
        words = stripped.split()
        short = len(words) <= compiled.max_words
        if short and compiled.whole_line and compiled.whole_line.fullmatch(normalise(stripped)):
            yield Match(start, end, {"what": "page furniture"})
            continue
        if _is_icon_residue(words, compiled):
            yield Match(start, end, {"what": "icon-font residue"})
            continue
    if compiled.anywhere is not None:
        for m in finditer(compiled.anywhere, doc.text):
            if m.end() > m.start():
                yield Match(m.start(), m.end(), {"what": "markup residue"})
