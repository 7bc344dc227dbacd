"""script: words that mix Latin letters with Cyrillic or Greek ones.

Such words are almost always homoglyph damage ("Кyiv" with a Cyrillic К) from
OCR, copy-paste or deliberate spoofing. When every foreign letter has a Latin
look-alike, the all-Latin word is suggested.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext

# Look-alikes: Cyrillic and Greek letters that render like Latin ones.
HOMOGLYPHS = {
    "а": "a",
    "в": "b",
    "е": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ј": "j",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "ё": "ë",
    "ї": "ï",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "У": "Y",
    "Х": "X",
    "Ѕ": "S",
    "І": "I",
    "Ј": "J",
    "Ԁ": "D",
    "Ԛ": "Q",
    "Ԝ": "W",
    "α": "a",
    "ο": "o",
    "ν": "v",
    "ι": "i",
    "κ": "k",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "ε": "e",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
}
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_LATIN = regex.compile(r"\p{Script=Latin}")
# Every Cyrillic and Greek character lies in these ranges, outside Latin and
# General Punctuation (tests/test_kind_shortcuts.py checks regex's tables).
_MAYBE_FOREIGN = regex.compile("[\u0370-\u1fff\u2070-\U0010ffff]")  # re: 6 ms to compile
_SCRIPT_CHARS = {
    "Cyrillic": r"\p{Script=Cyrillic}",
    "Greek": r"\p{Script=Greek}",
}


@dataclass(frozen=True)
class Options:
    # Scripts whose look-alike letters are reported inside Latin words.
    scripts: tuple[str, ...] = ("Cyrillic", "Greek")


@dataclass(frozen=True)
class Compiled:
    foreign: regex.Pattern


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    unknown = [s for s in options.scripts if s not in _SCRIPT_CHARS]
    if unknown:
        raise ValueError(f"unknown script {unknown[0]!r} (known: {', '.join(_SCRIPT_CHARS)})")
    if not options.scripts:
        raise ValueError("scripts must name at least one script")
    return Compiled(regex.compile("|".join(_SCRIPT_CHARS[s] for s in options.scripts)))


def latin_form(word: str) -> str | None:
    """The word with every foreign look-alike replaced, if all have one."""
    out = []
    for ch in word:
        if _LATIN.match(ch) or not ch.isalpha():
            out.append(ch)
        elif ch in HOMOGLYPHS:
            out.append(HOMOGLYPHS[ch])
        else:
            return None
    return "".join(out)


# More candidate characters than one per this many: every word is read.
_CHARS_PER_CANDIDATE = 50
_WORD_BACK = regex.compile(r"(?r)[\p{L}\p{M}]+")
_ASCII = bytes(range(128))


def _words_with_foreign_letters(text: str) -> Iterator[regex.Match]:
    """The matches of `_WORD.finditer(text)` that may hold a Cyrillic or Greek
    letter (one `_MAYBE_FOREIGN` matches), in order: in English text with a
    few such letters, only the words around them, not every word (issue 20).
    Each is the maximal run of letters and marks around one of them, which is
    the finditer match covering it."""
    other = text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
    chars = {c for c in other.decode("utf-8", "surrogatepass") if _MAYBE_FOREIGN.match(c)}
    positions: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            positions.append(at)
            if len(positions) * _CHARS_PER_CANDIDATE > len(text):
                yield from _WORD.finditer(text)
                return
            at = text.find(char, at + 1)
    end = 0
    for at in sorted(positions):
        if at < end:
            continue  # inside the word just given
        back = _WORD_BACK.match(text, 0, at + 1)
        if back is None:
            continue  # not a letter or a mark: in no word
        m = _WORD.match(text, back.start())
        end = m.end()
        yield m


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    text = doc.text
    if text.isascii() or not _MAYBE_FOREIGN.search(text):
        return
    for m in _words_with_foreign_letters(text):
        word = m.group()
        if word.isascii() or not _LATIN.search(word) or not compiled.foreign.search(word):
            continue
        foreign = "".join(sorted({ch for ch in word if compiled.foreign.match(ch)}))
        fixed = latin_form(word)
        yield Match(
            m.start(),
            m.end(),
            {"foreign": foreign, "suggestion": fixed or ""},
            (fixed,) if fixed else (),
        )


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
    language_neutral=True,  # Its findings stand on lines in any language (see lint.language).
)
