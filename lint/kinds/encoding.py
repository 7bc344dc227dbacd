"""encoding: damage that ingestion and translation leave in the characters.

`find` picks which:
- `mojibake`: UTF-8 read through a single-byte code page (Windows-1252/1251/
  1250, MacRoman, code page 437 and others: "Zelenskyâ€™s", "вЂњ", "‚Äô"),
  doubly encoded or split by a lost no-break space, found by `lint.mojibake`
  and ftfy and repaired by ftfy; Windows-1251 text read as Windows-1252
  ("Ïðèâåò"); replacement characters (U+FFFD, "ï¿½") where characters were
  lost;
- `invisible`: zero-width spaces, bidirectional controls, soft hyphens, word
  joiners and stray byte-order marks, which break search and name matching (a
  zero-width joiner inside an emoji sequence is left alone);
- `untranslated`: a run of `min_words` or more Cyrillic words, or of
  `min_cjk` or more CJK characters, left untranslated inside English text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args

import regex

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.language import mostly_foreign
from lint.mojibake import (
    Candidate,
    candidates,
    decode_run,
    legacy_cyrillic,
    truncated_punctuation,
)
from lint.patterns import matches_at

# A run of characters outside ASCII: the unit `decode_run` re-encodes.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Lead characters that mojibake leaves alone when the 0xA0 after them became a
# space: Windows-1252's Â and Ã, Windows-1251's Р and С.
_LONE_LEADS = "ÂÃРС"
_INVISIBLE = regex.compile(
    r"[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u00ad\ufeff]+"
    r"|(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})"
)
# Every character `_INVISIBLE` can match: a text without one has no finding.
_INVISIBLE_CHAR = re.compile(
    "[\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u00ad\ufeff]"
)
# Every Cyrillic and CJK character lies in these ranges, outside Latin and
# General Punctuation (tests/test_kind_shortcuts.py checks regex's tables).
_MAYBE_FOREIGN = regex.compile("[\u0400-\u1fff\u2070-\U0010ffff]")  # re: 6 ms to compile
_CYRILLIC_RUN = regex.compile(r"\p{Cyrillic}+(?:[\s,;:\-–—]+\p{Cyrillic}+)*")
_REPLACEMENT_RUN = re.compile("\ufffd+")
_LOST = (
    "'{match}' holds replacement characters (U+FFFD): characters were lost when the "
    "text was decoded; restore them from the source"
)
_CJK_RUN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}][\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\s，。、：；！？]*"
)


# What the rule finds (option `find`), validated by the pack loader.
Find = Literal["mojibake", "invisible", "untranslated"]
FINDS: tuple[str, ...] = get_args(Find)


@dataclass(frozen=True)
class Options:
    find: Find
    min_words: int = 3
    min_cjk: int = 4


@dataclass(frozen=True)
class Compiled:
    find: Find
    min_words: int
    min_cjk: int


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    return Compiled(options.find, options.min_words, options.min_cjk)


def _lone_lead(text: str, at: int) -> bool:
    """Whether `text[at]` is a lead character standing alone as a token, split
    off when the 0xA0 byte after it turned into a space."""
    if not 0 <= at < len(text) or text[at] not in _LONE_LEADS:
        return False
    return (at == 0 or text[at - 1].isspace()) and (at + 1 == len(text) or text[at + 1].isspace())


def _token_groups(text: str, hits: list[Candidate]) -> list[tuple[int, int]]:
    """Whitespace tokens holding a hit, joined across one space or no-break
    space to a neighbour that holds a hit or is one lone non-ASCII character
    (mojibake whose 0xA0 byte became a space: "Р С—РЎР‚", "namedÂ â€ž")."""
    tokens: list[tuple[int, int]] = []
    for hit in hits:
        if tokens and hit.start < tokens[-1][1]:
            continue
        start = hit.start
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = hit.end
        while end < len(text) and not text[end].isspace():
            end += 1
        tokens.append((start, end))
    groups: list[tuple[int, int]] = []
    for start, end in tokens:
        if groups and start - groups[-1][1] == 1 and text[start - 1] in " \u00a0":
            groups[-1] = (groups[-1][0], end)
            continue
        # A lone lead character just before or after, split off by the lost byte.
        if start >= 2 and text[start - 1] in " \u00a0" and _lone_lead(text, start - 2):
            start -= 2
        if text[end : end + 1] in (" ", "\u00a0") and _lone_lead(text, end + 1):
            end += 2
        if groups and start <= groups[-1][1] + 1:
            groups[-1] = (groups[-1][0], end)
        else:
            groups.append((start, end))
    return groups


def _changed_span(before: str, after: str) -> tuple[int, int, str]:
    """The tokens of `before` that `after` changes: (start, end, replacement)."""
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(before), len(after)) - head
        and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]
    ):
        tail += 1
    while head > 0 and not before[head - 1].isspace():
        head -= 1
    while tail > 0 and not before[len(before) - tail].isspace():
        tail -= 1
    return head, len(before) - tail, after[head : len(after) - tail]


def _decoded_group(group: str) -> str | None:
    """`group` with every non-ASCII run decoded by `decode_run`, or None unless
    all of them decode: mojibake is consistent, one stray run in correct text
    ("├┤a┼┐a") is not evidence."""
    runs = list(_NON_ASCII_RUN.finditer(group))
    pieces, last = [], 0
    for m in runs:
        run = m.group()
        inside_word = (m.start() > 0 and group[m.start() - 1].isalpha()) or (
            m.end() < len(group) and group[m.end()].isalpha()
        )
        if len(run) < 3 and not inside_word:
            return None  # "√π", "РІ": too short to tell from a symbol or a word
        decoded = decode_run(run)
        if decoded is None or (len(decoded) == 1 and run.isalpha()):
            return None  # one character from a word-like run: "дії" is a word
        pieces += [group[last : m.start()], decoded]
        last = m.end()
    return "".join(pieces) + group[last:] if runs else None


def _mojibake(doc: Document) -> Iterator[Match]:
    text = doc.text
    if text.isascii():
        return
    hits, latin1_pair = candidates(text)
    reported: list[tuple[int, int]] = []
    if hits:
        import ftfy  # only for the rare text with a hint: importing it takes ~0.1 s

        for start, end in _token_groups(text, hits):
            group = text[start:end]
            fixed = ftfy.fix_encoding(group)
            if fixed == group:
                fixed = _decoded_group(group) or group
            if fixed == group and (cut := truncated_punctuation(group)):
                yield Match(
                    start + cut[0],
                    start + cut[1],
                    message=f"'{text[start + cut[0] : start + cut[1]]}' is mis-decoded text "
                    "(mojibake) of a quotation mark, dash or symbol whose last byte was lost; "
                    "retype the character",
                )
                reported.append((start + cut[0], start + cut[1]))
            elif fixed != group:
                head, tail, replacement = _changed_span(group, fixed)
                reported.append((start + head, start + tail))
                lost = _LOST if "\ufffd" in replacement else None
                span = text[start + head : start + tail]
                yield Match(
                    start + head,
                    start + tail,
                    {"suggestion": replacement},
                    (replacement,),
                    message=lost.format(match=span) if lost else None,
                )
            elif "\ufffd" in group:
                for m in _REPLACEMENT_RUN.finditer(group):
                    reported.append((start + m.start(), start + m.end()))
                    yield Match(
                        start + m.start(), start + m.end(), message=_LOST.format(match=m.group())
                    )
    for start, end, cyrillic in legacy_cyrillic(text) if latin1_pair else ():
        if not any(s <= start < e for s, e in reported):
            yield Match(start, end, {"suggestion": cyrillic}, (cyrillic,))


def _invisible(doc: Document) -> Iterator[Match]:
    if not _INVISIBLE_CHAR.search(doc.text):
        return
    # Every match starts at one of those characters: tried there only (the
    # stdlib's scan for them is several times faster than regex's for these).
    starts = [m.start() for m in _INVISIBLE_CHAR.finditer(doc.text)]
    for m in matches_at(_INVISIBLE.match, doc.text, starts):
        if m.start() == 0 and m.group() == "\ufeff":
            continue  # a byte-order mark at the very start is the file's business
        names = ", ".join(sorted({unicodedata.name(c, f"U+{ord(c):04X}") for c in m.group()}))
        yield Match(m.start(), m.end(), {"character": names.lower()}, ("",))


def _untranslated(doc: Document, compiled: Compiled) -> Iterator[Match]:
    if not _MAYBE_FOREIGN.search(doc.text):
        return
    if mostly_foreign(doc):
        return  # a document in another language: one note (mt.foreign-language)
    text = doc.text
    for m in _CYRILLIC_RUN.finditer(text):
        if len(m.group().split()) >= compiled.min_words and not _is_gloss(text, *m.span()):
            yield Match(m.start(), m.end(), {"script": "Cyrillic"})
    for m in _CJK_RUN.finditer(text):
        run = m.group().rstrip()
        end = m.start() + len(run)
        if sum(not c.isspace() for c in run) >= compiled.min_cjk and not _is_gloss(
            text, m.start(), end
        ):
            yield Match(m.start(), end, {"script": "CJK"})


def _is_gloss(text: str, start: int, end: int) -> bool:
    """A name in its own script in brackets after its English form: "the
    Hwajeontae Dance (花前態舞)", "Sergei Lazarev (Сергей Лазарев)"."""
    before = text[max(0, start - 2) : start].rstrip()
    return before.endswith(("(", "（")) and text[end : end + 1] in (")", "）")


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    if compiled.find == "mojibake":
        yield from _mojibake(doc)
    elif compiled.find == "invisible":
        yield from _invisible(doc)
    else:
        yield from _untranslated(doc, compiled)


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
    language_neutral=True,  # Its findings stand on lines in any language (see lint.language).
)
