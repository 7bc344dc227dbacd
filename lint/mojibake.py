"""Mojibake: text whose bytes were decoded with the wrong single-byte code page.

UTF-8 writes every non-ASCII character as a lead byte (0xC2-0xF4) followed by
one to three continuation bytes (0x80-0xBF). Read through a single-byte code
page, each byte becomes a character of that page, so "’" (E2 80 99) turns into
"â€™" under Windows-1252, "вЂ™" under Windows-1251, "‚Äô" under MacRoman and
"ΓÇÖ" under code page 437. The tell is therefore a character that page decodes
from a lead byte followed by characters it decodes from continuation bytes.

`candidates` finds those spots cheaply; `decode_run` is the principled check
for one run of characters: it re-encodes the run under a code page and accepts
it only when all of its bytes decode as UTF-8 into characters text is made of
(letters of living scripts, punctuation, currency, emoji), never a modifier
letter, a superscript or an archaic letter. ftfy (in `lint.kinds.encoding`) is
tried first and gives the repair; this check catches what ftfy declines.

`legacy_cyrillic` covers the older confusion of a Windows-1251 text read as
Windows-1252 ("Ïðèâåò" for "Привет"): every letter lands in À-ÿ, and the
re-decoded word is a Russian, Ukrainian or Bulgarian word wordfreq knows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# The code pages ftfy knows, plus KOI8-R (Russian e-mail of the 1990s).
CODE_PAGES = (
    "cp1252",
    "latin-1",
    "cp1251",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso8859-2",
    "mac-roman",
    "cp437",
    "koi8-r",
)


@dataclass(frozen=True)
class CodePage:
    """The high half of one code page: character -> byte, and the byte classes."""

    name: str
    to_byte: dict[str, int]
    leads: frozenset[str]
    continuations: frozenset[str]
    # lead character -> how many continuation characters its sequence needs
    sequence: dict[str, int]


def _table(name: str) -> CodePage:
    to_byte: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode(name)
        except UnicodeDecodeError:
            char = chr(byte)  # "sloppy": an undefined byte kept as its C1 control
        to_byte.setdefault(char, byte)
    by_byte = {b: c for c, b in to_byte.items()}
    leads = frozenset(by_byte[b] for b in range(0xC2, 0xF5) if b in by_byte)
    continuations = frozenset(by_byte[b] for b in range(0x80, 0xC0) if b in by_byte)
    sequence = {by_byte[b]: 1 if b < 0xE0 else 2 if b < 0xF0 else 3 for b in range(0xC2, 0xF5)}
    return CodePage(name, to_byte, leads, continuations, sequence)


@cache
def code_pages() -> tuple[CodePage, ...]:
    return tuple(_table(name) for name in CODE_PAGES)


# Two adjacent characters outside ASCII, or one C1 control or replacement
# character: the cheapest scan that finds every candidate (about as fast as a
# single character class; a class of all lead characters is three times slower).
_NON_ASCII_PAIR = re.compile("[\u0080-\U0010ffff](?=[\u0080-\U0010ffff])|[\u0080-\u009f\ufffd]")
_LATIN1_LETTER = re.compile("[\u00c0-\u00ff]{2}")


# UTF-8 bytes by class: 0 ASCII, 1 continuation, 2 lead. Two non-ASCII
# characters side by side are a continuation byte followed by a lead byte.
_BYTE_CLASS = bytes(0 if b < 0x80 else 1 if b < 0xC0 else 2 for b in range(256))


def _may_hold_mojibake(text: str) -> bool:
    """A gate at C speed (encode, translate, find) before the regex scan: most
    English text with curly quotes never has two non-ASCII characters together."""
    if "\ufffd" in text or "Ã " in text or "Â " in text:
        return True
    data = text.encode("utf-8", "surrogatepass")
    if b"\x01\x02" in data.translate(_BYTE_CLASS):
        return True
    at = data.find(b"\xc2")
    while at >= 0:  # C2 80-9F: a C1 control character
        if at + 1 < len(data) and data[at + 1] < 0xA0:
            return True
        at = data.find(b"\xc2", at + 1)
    return False


def _sequence_at(text: str, at: int) -> bool:
    """Whether a whole UTF-8 sequence (lead and all its continuations) as some
    page shows it starts at `at`: "Ã©", "â€™", "ðŸš€", not "ò’" (F2 needs three)."""
    lead = text[at]
    for page in code_pages():
        need = page.sequence.get(lead)
        following = text[at + 1 : at + 1 + need] if need else ""
        if need and len(following) == need and all(c in page.continuations for c in following):
            return True
    return False


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int


def candidates(text: str) -> tuple[list[Candidate], bool]:
    """Where mojibake may be: a lead character followed by the continuation
    characters its sequence needs under one page, the first two bytes of a
    punctuation mark ("â€"), an "Ã" or "Â" whose no-break space became a
    space, a replacement character or a C1 control character. Also whether two
    letters À-ÿ stand together (the gate of `legacy_cyrillic`)."""
    found: list[Candidate] = []
    latin1_pair = False
    if not _may_hold_mojibake(text):
        return found, latin1_pair
    truncated = _truncated_pattern()
    for m in _NON_ASCII_PAIR.finditer(text):
        at = m.start()
        chars = text[at : at + 2]
        if _sequence_at(text, at) or truncated.match(chars):
            found.append(Candidate(at, at + 2))
        elif chars[0] == "\ufffd" or "\u0080" <= chars[0] <= "\u009f":
            found.append(Candidate(at, at + 1))
        latin1_pair = latin1_pair or bool(_LATIN1_LETTER.fullmatch(chars))
    for lone in ("Ã ", "Â "):
        at = text.find(lone)
        while at >= 0:
            found.append(Candidate(at, at + 1))
            at = text.find(lone, at + 1)
    found.sort(key=lambda c: c.start)
    return found, latin1_pair


# Blocks whose characters real text is made of; a decoding into anything else
# (IPA, modifier letters, archaic Cyrillic, combining marks, box drawing) is
# not evidence of mojibake.
_PLAUSIBLE = (
    (0x00A0, 0x00FF),  # Latin-1 punctuation and letters
    (0x0100, 0x017F),  # Latin Extended-A
    (0x0218, 0x021B),  # Romanian comma-below letters
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x045F),  # Cyrillic (modern letters)
    (0x0490, 0x04FF),  # Cyrillic (Ukrainian Ґ and the letters of other languages)
    (0x05D0, 0x05EA),  # Hebrew letters
    (0x0600, 0x06FF),  # Arabic
    (0x0E00, 0x0E7F),  # Thai
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2010, 0x2027),  # dashes, quotation marks, bullets, ellipsis
    (0x2030, 0x205E),  # per mille, primes, guillemets
    (0x20A0, 0x20C0),  # currency
    (0x2100, 0x214F),  # letterlike (™, №)
    (0x2190, 0x21FF),  # arrows
    (0x2600, 0x27BF),  # symbols and dingbats (❤, ✔, ♫)
    (0x3000, 0x30FF),  # CJK punctuation, kana
    (0x3400, 0x9FFF),  # CJK ideographs
    (0xAC00, 0xD7AF),  # Hangul
    (0xFE0F, 0xFE0F),  # emoji presentation selector
    (0xFF00, 0xFFEF),  # full-width forms
    (0x1F000, 0x1FAFF),  # emoji
)


def _plausible(char: str) -> bool:
    code = ord(char)
    if unicodedata.category(char) in ("Lm", "Mn", "Cc", "Cf", "Co", "Cn", "Cs"):
        return char == "\ufe0f"
    return any(low <= code <= high for low, high in _PLAUSIBLE)


def _utf8(data: bytes) -> str | None:
    """`data` as UTF-8, CESU-8 surrogate pairs joined; None if it is not."""
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    if any("\ud800" <= c <= "\udfff" for c in text):
        try:
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        except UnicodeDecodeError:
            return None
    return text


def decode_run(run: str) -> str | None:
    """What `run` (non-ASCII characters only) meant, if it is UTF-8 read through
    one of the code pages: every byte must decode, into fewer characters, all
    of them plausible. None when no page explains it."""
    for page in code_pages():
        if not all(c in page.to_byte for c in run):
            continue
        decoded = _utf8(bytes(page.to_byte[c] for c in run))
        if decoded is None or len(decoded) >= len(run):
            continue
        if all(_plausible(c) for c in decoded):
            return decoded
    return None


@cache
def _truncated_pattern() -> re.Pattern[str]:
    """The first two bytes of a UTF-8 quotation mark, dash, bullet, ellipsis or
    letterlike symbol (E2 80-84) as each page shows them: "â€", "вЂ", "‚Ä",
    "ΓÇ". No language writes these pairs."""
    pairs = set()
    for page in code_pages():
        by_byte = {b: c for c, b in page.to_byte.items()}
        for second in range(0x80, 0x85):
            pairs.add(re.escape(by_byte[0xE2] + by_byte[second]))
    return re.compile("|".join(sorted(pairs)))


def truncated_punctuation(text: str) -> tuple[int, int] | None:
    """The span of a mojibake punctuation mark whose third byte was lost or
    replaced ("â€\"", "â€?"), when `text` has one."""
    m = _truncated_pattern().search(text)
    if m is None:
        return None
    lost = m.end() < len(text) and not text[m.end()].isspace()  # the "?" or '"' left for it
    return m.start(), m.end() + lost


_LEGACY_WORD = re.compile(r"(?<![\w\u00c0-\u00ff])[\u00c0-\u00ff]{4,}(?![\w\u00c0-\u00ff])")


def legacy_cyrillic(text: str) -> list[tuple[int, int, str]]:
    """Words of four or more letters À-ÿ only that are Russian, Ukrainian or
    Bulgarian words once read as Windows-1251: (start, end, Cyrillic word)."""
    words = list(_LEGACY_WORD.finditer(text))
    if not words:
        return []
    from wordfreq import zipf_frequency  # only when such a word is there

    found = []
    for m in words:
        cyrillic = m.group().encode("cp1252", "replace").decode("cp1251", "replace")
        if any(zipf_frequency(cyrillic.lower(), lang) >= 2.0 for lang in ("ru", "uk", "bg")):
            found.append((m.start(), m.end(), cyrillic))
    return found
