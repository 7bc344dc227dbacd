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

from lint.cache import json_codec
from lint.document import ABBREVIATIONS, Document
from lint.kinds.base import Kind, Match, PackContext
from lint.patterns import Pattern, compile_pattern, finditer, fullmatch, prefilter_fold
from lint.plain import expect
from lint.prefixes import required_literals

# Bullets and punctuation at the start, punctuation at the end of a line. The
# end is found by a reverse search, so only the line's last characters are read.
_LEAD = regex.compile(r"[\s\p{P}\p{S}•·|>»]+")
_TRAIL = regex.compile(r"(?r)[\s\p{P}\p{S}|<«]+\Z")
_COPYRIGHT = regex.compile(r"©|\(c\)")
_SPACES = regex.compile(r"\s+")
# What splitting an alternation would change: a flag set for the whole pattern
# ("(?i)", not the scoped "(?i:...)") or a group referred to by number or name.
_GLOBAL_FLAGS = regex.compile(r"\(\?[a-zA-Z^-]+\)|\\[0-9g]|\(\?P=|\(\?[&+-]?[0-9R]")
# Not whitespace to regex's \s, but to str.split.
_SPLIT_ONLY = ("\x1c", "\x1d", "\x1e", "\x1f")


@dataclass(frozen=True)
class Options:
    lines: tuple[str, ...] = ()
    lines_file: str | None = None
    max_words: int = 40  # a line with more words is prose, not a boilerplate line
    patterns: tuple[str, ...] = ()
    icon_word: str = ""
    icon_min: int = 4


@dataclass(frozen=True)
class Compiled:
    whole_line: Pattern | None
    # whole_line split in two: entries each match of which holds one of its
    # literals, tried alone on a line where the automaton finds one; the rest.
    guarded: tuple[Pattern, ...]
    guard: object | None  # ahocorasick.Automaton: literal -> entry indices
    unguarded: Pattern | None
    anywhere: Pattern | None
    max_words: int
    icon_word: str
    icon_min: int


def _alternation(entries: list[str]) -> Pattern | None:
    return compile_pattern("|".join(f"(?:{e})" for e in entries)) if entries else None


def read_pattern_list(text: str) -> list[str]:
    """Non-blank lines of a data file that are not `#` comments."""
    lines = (ln.strip() for ln in text.splitlines())
    return [ln for ln in lines if ln and not ln.startswith("#")]


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    entries = list(options.lines)
    if options.lines_file:
        if context is None:
            raise ValueError("lines_file needs a pack folder to read from")
        entries += read_pattern_list(context.read_text(options.lines_file))
    patterns = {entry: compile_pattern(entry) for entry in entries}  # names the bad one
    if not entries and not options.patterns and not options.icon_word:
        raise ValueError("boilerplate needs 'lines', 'lines_file', 'patterns' or 'icon_word'")
    whole = _alternation(entries)
    for pattern in options.patterns:
        compile_pattern(pattern, True)
    anywhere = (
        compile_pattern("|".join(f"(?:{p})" for p in options.patterns), True)
        if options.patterns
        else None
    )
    guarded, by_literal = _cached_split(entries)
    automaton = _automaton(by_literal) if guarded else None
    if automaton is None:
        guarded = []
    rest = [entry for entry in entries if entry not in guarded]
    return Compiled(
        whole,
        tuple(patterns[entry] for entry in guarded),
        automaton,
        _alternation(rest),
        anywhere,
        options.max_words,
        options.icon_word.lower(),
        options.icon_min,
    )


Split = tuple[list[str], dict[str, list[int]]]


def _split_from_plain(value: object) -> Split:
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError("a split is [entries, literal -> indices]")
    guarded = expect(value[0], list[str], "entries")
    by_literal = expect(value[1], dict[str, list[int]], "literals")
    if any(not 0 <= i < len(guarded) for indices in by_literal.values() for i in indices):
        raise ValueError("an index past the entries")
    return guarded, by_literal


SPLIT = json_codec(list, _split_from_plain)


def _cached_split(entries: list[str]) -> Split:
    """`_split_by_literals`, kept in lint.cache: parsing a thousand entries for
    their literals costs more than the rest of a small file's check."""
    from lint.cache import cached, digest, source_digest

    key = digest([b"boilerplate-split-1", source_digest(), "\n".join(entries).encode()])
    return cached("boilerplate", key, lambda: _split_by_literals(entries), SPLIT)


def _split_by_literals(entries: list[str]) -> Split:
    """The entries every match of which holds one of some literals, and for
    each case-folded literal the indices (in those entries) of the entries
    holding it; empty when splitting the alternation would change what an
    entry means."""
    if any(_GLOBAL_FLAGS.search(entry) for entry in entries):
        return [], {}
    guarded: list[str] = []
    by_literal: dict[str, list[int]] = {}
    for entry in entries:
        literals = required_literals(entry)
        if literals is not None:
            for literal in {prefilter_fold(literal) for literal in literals}:
                by_literal.setdefault(literal, []).append(len(guarded))
            guarded.append(entry)
    return guarded, by_literal


def _automaton(by_literal: dict[str, list[int]]):
    try:
        import ahocorasick
    except ImportError:  # no prefilter, same results
        return None
    automaton = ahocorasick.Automaton()
    for literal, indices in by_literal.items():
        automaton.add_word(literal, tuple(indices))
    automaton.make_automaton()
    return automaton


def normalise(line: str) -> str:
    """The form of a line that whole-line patterns are matched against."""
    text = line.replace("’", "'").replace("‘", "'").lower()
    if "©" in text or "(c)" in text:
        text = _COPYRIGHT.sub(" copyright ", text)
    text = _strip_edges(text)
    if not any(char in text for char in _SPLIT_ONLY):
        # The same as _SPACES.sub(" ", text) here: the text neither starts nor
        # ends with whitespace, and str.split's whitespace is regex's \s.
        return " ".join(text.split())
    return _SPACES.sub(" ", text)


def _strip_edges(text: str) -> str:
    """`text` without leading bullets and punctuation or trailing punctuation."""
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    trail = _TRAIL.search(text, start)
    return text[start : trail.start() if trail else len(text)]


def _is_icon_residue(words: list[str], compiled: Compiled) -> bool:
    if not compiled.icon_word:
        return False
    hits = sum(1 for w in words if compiled.icon_word in w.lower())
    return hits >= compiled.icon_min and hits * 2 >= len(words)


def _may_have_icons(text: str, compiled: Compiled) -> bool:
    """False when no word of `text` can contain the icon word: a word's
    `lower()` is part of the text's `lower()`, unless a capital sigma (whose
    lower case depends on its neighbours) is about."""
    if not compiled.icon_word:
        return False
    return "Σ" in text or compiled.icon_word in text.lower()


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    icons = _may_have_icons(doc.text, compiled)
    if compiled.whole_line is not None or icons:
        yield from _line_matches(doc, compiled, icons)
    if compiled.anywhere is not None:
        for m in finditer(compiled.anywhere, doc.text):
            if m.end() > m.start():
                yield Match(m.start(), m.end(), {"what": "markup residue"})


def _icon_lines(doc: Document, word: str) -> list | None:
    """The lines whose lowercase holds `word` (ASCII), in order, found in the
    lowered text (one pass, not one per line); None when lowering changes the
    text's length (a dotted capital I) and offsets would not map."""
    lowered = doc.text.lower()
    if len(lowered) != len(doc.text):
        return None
    indexes = []
    at = lowered.find(word)
    while at >= 0:
        index = doc.line_index(at)
        if not indexes or indexes[-1] != index:
            indexes.append(index)
        at = lowered.find(word, at + 1)
    return [doc.lines[i] for i in indexes]


def _line_matches(doc: Document, compiled: Compiled, icons: bool) -> Iterator[Match]:
    lines = None
    if compiled.whole_line is None:
        # Only icon residue to look for: only lines holding the icon word can
        # have it (a word's lowercase is part of its line's, sigma aside).
        lines = _icon_lines(doc, compiled.icon_word)
    for line in doc.lines if lines is None else lines:
        stripped = line.text.strip()
        if not stripped:
            continue
        start = line.start + (len(line.text) - len(line.text.lstrip()))
        end = start + len(stripped)
        words = stripped.split()
        short = len(words) <= compiled.max_words
        if short and _is_reply(stripped, words):
            continue  # "Got it.", "Accept?": a line of dialogue, not a button
        if short and compiled.whole_line and _whole_line_match(stripped, compiled):
            yield Match(start, end, {"what": "page furniture"})
            continue
        if icons and _is_icon_residue(words, compiled):
            yield Match(start, end, {"what": "icon-font residue"})
            continue


def _is_reply(stripped: str, words: list[str]) -> bool:
    """A line of one or two words ending a sentence with a full stop: a reply in
    a dialogue or chat ("Got it.", "Agreed."). Buttons and menu labels ("Got
    it", "Read more...") take none; "U.S." and "Apple Inc." end an abbreviation."""
    if len(words) > 2 or not stripped.endswith(".") or stripped.endswith(".."):
        return False
    last = words[-1][:-1]
    return "." not in last and last.lower() not in ABBREVIATIONS


def _whole_line_match(stripped: str, compiled: Compiled) -> bool:
    """Whether some entry matches the whole normalised line: the alternation
    fullmatches exactly when one of its alternatives does."""
    text = normalise(stripped)
    if compiled.unguarded is not None and fullmatch(compiled.unguarded, text):
        return True
    if compiled.guard is None:
        return False
    tried: set[int] = set()
    for _, indices in compiled.guard.iter(prefilter_fold(text)):
        for index in indices:
            if index not in tried:
                tried.add(index)
                if fullmatch(compiled.guarded[index], text):
                    return True
    return False


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
    language_neutral=True,  # Its findings stand on lines in any language (see lint.language).
)
