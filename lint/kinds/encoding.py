"""encoding: damage that ingestion and translation leave in the characters.

`find` picks which:
- `mojibake`: UTF-8 read as Windows-1252 or Latin-1 ("Zelenskyâ€™s", "KÃ¶ln"),
  found and repaired by ftfy;
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

import regex

from lint.document import Document
from lint.kinds.base import Match

# Its findings stand on lines in any language (see lint.language).
LANGUAGE_NEUTRAL = True


# Characters typical of UTF-8 bytes decoded as cp1252/latin-1 (code points
# only, so the stdlib `re` reads them as `regex` does, and faster).
_MOJIBAKE_HINT = re.compile(r"[ÃÂâÐÑ][\u0080-\u00bf\u0152-\u2122]")
_TOKEN = regex.compile(r"\S+")
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
_CJK_RUN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}][\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\s，。、：；！？]*"
)


@dataclass(frozen=True)
class Options:
    find: str
    min_words: int = 3
    min_cjk: int = 4


@dataclass(frozen=True)
class Compiled:
    find: str
    min_words: int
    min_cjk: int


FINDS = ("mojibake", "invisible", "untranslated")


def compile(options: Options, context=None) -> Compiled:
    if options.find not in FINDS:
        raise ValueError(f"encoding 'find' must be one of {', '.join(FINDS)}")
    return Compiled(options.find, options.min_words, options.min_cjk)


def _mojibake(doc: Document) -> Iterator[Match]:
    text = doc.text
    if not _MOJIBAKE_HINT.search(text):
        return
    import ftfy  # only for the rare text with a hint: importing it takes ~0.1 s

    for m in _TOKEN.finditer(text):
        token = m.group()
        if not _MOJIBAKE_HINT.search(token):
            continue
        fixed = ftfy.fix_encoding(token)
        if fixed != token:
            yield Match(m.start(), m.end(), {"suggestion": fixed}, (fixed,))


def _invisible(doc: Document) -> Iterator[Match]:
    if not _INVISIBLE_CHAR.search(doc.text):
        return
    for m in _INVISIBLE.finditer(doc.text):
        if m.start() == 0 and m.group() == "\ufeff":
            continue  # a byte-order mark at the very start is the file's business
        names = ", ".join(sorted({unicodedata.name(c, f"U+{ord(c):04X}") for c in m.group()}))
        yield Match(m.start(), m.end(), {"character": names.lower()}, ("",))


def _untranslated(doc: Document, compiled: Compiled) -> Iterator[Match]:
    if not _MAYBE_FOREIGN.search(doc.text):
        return
    for m in _CYRILLIC_RUN.finditer(doc.text):
        if len(m.group().split()) >= compiled.min_words:
            yield Match(m.start(), m.end(), {"script": "Cyrillic"})
    for m in _CJK_RUN.finditer(doc.text):
        run = m.group().rstrip()
        if sum(not c.isspace() for c in run) >= compiled.min_cjk:
            yield Match(m.start(), m.start() + len(run), {"script": "CJK"})


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    if compiled.find == "mojibake":
        yield from _mojibake(doc)
    elif compiled.find == "invisible":
        yield from _invisible(doc)
    else:
        yield from _untranslated(doc, compiled)
