"""leftover: words of the source language left in English text by translation.

`find` picks which:
- `word`: one or two Cyrillic words, or one to three CJK characters, inside a
  line of English ("but кожна every family", "дякуємо thank you"); longer runs
  are `encoding`'s `untranslated`. A word cited as a word (in quotation marks
  or brackets, after "called", "in Ukrainian", ...) or inside a web address is
  left alone. A lone Cyrillic letter between digits or after a degree sign is
  a look-alike of a Latin one ("105х195 cm", "50°С") and is named as such.
- `acronym`: an acronym in capitals of another script (США, ФРГ, ЗСУ, ΗΠΑ),
  with its English form suggested when `translations` knows it.
- `transliteration`: a lowercase Latin word that is not English but is a
  common Ukrainian or Russian word written in Latin letters ("dyakuyu",
  "zrada"). The forms are made once and kept in the on-disk cache, from
  wordfreq's lists:
  every common Ukrainian and Russian word, transliterated by the usual
  schemes, minus the forms wordfreq knows as English and the `allow` list
  (oblast, rada, siloviki, ...).

A line counts as English when most of its letters are Latin; a line in the
other script is an untranslated sentence, reported by `encoding`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Literal, get_args

import regex

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext

_FOREIGN_CHAR = regex.compile(r"[\p{Cyrillic}\p{Greek}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# A superset of `_FOREIGN_CHAR` in plain ranges, which the stdlib scans about
# four times faster: Greek and Cyrillic, kana, CJK ideographs, Hangul.
_MAYBE_FOREIGN = re.compile(
    "[\u0370-\u052f\u1c80-\u1c8f\u1d00-\u1dbf\u1f00-\u1fff\u2de0-\u2dff"
    "\u3040-\u30ff\u3400-\u9fff\ua640-\ua69f\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0003ffff]"
)
# Lowercase words of four letters or more, for the quick test against the forms.
_ANY_LOWER = re.compile(r"\b[a-z]{4,}\b")
_CYRILLIC_WORD = regex.compile(r"\p{Cyrillic}+(?:['’-]\p{Cyrillic}+)*")
_CJK_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
_ACRONYM = regex.compile(
    r"(?<![\p{L}\p{N}])[[\p{Cyrillic}\p{Greek}]&&\p{Lu}]{2,6}(?:-?\d+(?:-\d+)*)?(?![\p{L}])",
    regex.V1,
)
_LATIN_LETTER = regex.compile(r"[A-Za-z]")
_LETTER = regex.compile(r"\p{L}")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ASCII = bytes(range(128))
_ANY_WORD = re.compile(r"[A-Za-z]+")
# Words only English writes, to tell an English line from a German or
# Portuguese one ("in", "was", "an", "a" are words there too).
_ENGLISH_FUNCTION_WORDS = frozenset(
    ("the", "and", "of", "to", "is", "that", "with", "for", "this", "from", "on", "it", "its")
    + ("are", "be", "by", "he", "she", "they", "we", "you", "has", "have", "not", "at", "were")
    + ("will", "would", "which", "their", "there", "been")
)
_QUOTED = re.compile(r'"[^"\n]{1,200}"|“[^”\n]{1,200}”|«[^»\n]{1,200}»')
# A lowercase word standing alone: not part of a name, a hyphenated word, an
# address or a word an editor bracketed ("prais[es]").
_LOWER_WORD = re.compile(r"(?<![\w'’\-\[\]/.@])[a-z]{4,}(?![\w'’\-\[\]/@]|\.\w)")
# Words before a form that cite it as a form, not use it.
_CITING = re.compile(
    r"(?:called|named|known as|spelled|spelt|written|word|words|term|means|meaning|reads?|"
    r"in (?:Ukrainian|Russian|Belarusian|Bulgarian|Serbian|Cyrillic|Chinese|Japanese|Korean)|"
    r"(?:Ukrainian|Russian|Chinese|Japanese|Korean)(?: word| name| for)?)\W{0,4}$",
    re.IGNORECASE,
)
# ... or after it ("Київ is the Ukrainian spelling", "Москва, the Russian name").
_CITED_AFTER = re.compile(
    r"\W{0,3}(?:(?:is|was|are)\s+)?(?:the\s+|its\s+|in\s+)?"
    r"(?:Russian|Ukrainian|Belarusian|Bulgarian|Serbian|Cyrillic|Chinese|Japanese|Korean|local|"
    r"original|native)\b",
    re.IGNORECASE,
)
_DOMAIN_DOT = regex.compile(r"\w\.\w")
_OPENERS = "\"“‘'«„‹(["
_CLOSERS = "\"”’'»“›)]"
# Cyrillic letters that look like Latin ones, for "105х195", "50°С".
_LOOKALIKE = {"х": "x", "Х": "X", "С": "C", "с": "c", "о": "o", "О": "O", "е": "e", "а": "a"}


# What the rule finds (option `find`), validated by the pack loader.
Find = Literal["word", "acronym", "transliteration"]
FINDS: tuple[str, ...] = get_args(Find)


@dataclass(frozen=True)
class Options:
    find: Find
    max_words: int = 2  # a foreign run longer than this is a quotation, not a leftover
    max_cjk: int = 3  # CJK characters allowed in a run before it is a quotation
    min_latin_share: float = 0.6  # a document needs this share of Latin letters to be checked
    translations: dict[str, str] = field(default_factory=dict)
    allow: tuple[str, ...] = ()
    min_length: int = 4  # shortest transliterated word considered
    min_source_zipf: float = 3.5  # the source-language word is at least this frequent
    max_english_zipf: float = 1.5  # and the English word at most this frequent
    # Source languages whose transliterations are looked for.
    languages: tuple[str, ...] = ("uk", "ru")
    top_words: int = 25000  # how many of each language's commonest words are read


@dataclass(frozen=True)
class Compiled:
    find: Find
    max_words: int
    max_cjk: int
    min_latin_share: float
    translations: dict[str, str]
    # What the transliteration forms are built from (the cache key), or ().
    lexicon: tuple = ()


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    if not 0 <= options.min_latin_share <= 1:
        raise ValueError("min_latin_share must be between 0 and 1")
    lexicon: tuple = ()
    if options.find == "transliteration":
        lexicon = (
            tuple(options.languages),
            options.top_words,
            options.min_source_zipf,
            options.max_english_zipf,
            options.min_length,
            tuple(sorted(w.lower() for w in options.allow)),
        )
    return Compiled(
        options.find,
        options.max_words,
        options.max_cjk,
        options.min_latin_share,
        dict(options.translations),
        lexicon,
    )


# Ukrainian (national 2010) and Russian (BGN/PCGN, scholarly) schemes, each
# letter with the spellings machine translation and reporters use.
_LATIN = {
    "а": ("a",),
    "б": ("b",),
    "в": ("v",),
    "г": ("h", "g"),
    "ґ": ("g",),
    "д": ("d",),
    "е": ("e",),
    "є": ("ie", "ye"),
    "ё": ("yo", "e"),
    "ж": ("zh",),
    "з": ("z",),
    "и": ("y", "i"),
    "і": ("i",),
    "ї": ("i", "yi"),
    "й": ("i", "y", "j"),
    "к": ("k",),
    "л": ("l",),
    "м": ("m",),
    "н": ("n",),
    "о": ("o",),
    "п": ("p",),
    "р": ("r",),
    "с": ("s",),
    "т": ("t",),
    "у": ("u",),
    "ф": ("f",),
    "х": ("kh", "h"),
    "ц": ("ts",),
    "ч": ("ch",),
    "ш": ("sh",),
    "щ": ("shch",),
    "ъ": ("",),
    "ы": ("y",),
    "ь": ("",),
    "э": ("e",),
    "ю": ("iu", "yu"),
    "я": ("ia", "ya"),
    "'": ("",),
    "’": ("",),
}


def latin_forms(word: str, limit: int = 8) -> list[str]:
    """`word` (lowercase Cyrillic) in Latin letters, by the usual schemes."""
    try:
        choices = [_LATIN[c] for c in word]
    except KeyError:
        return []
    return ["".join(p) for p in itertools.islice(itertools.product(*choices), limit)]


@dataclass(frozen=True)
class Forms:
    """Latin forms, sorted, and the source word of each (same index), kept in
    the cache as two strings: splitting them costs less than unpickling a
    set. Membership is a bisection of the sorted list: a set of 100,000
    forms would cost each process tens of milliseconds to build for the few
    words a document asks about."""

    forms: list[str]
    sources: str

    def source(self, form: str) -> str | None:
        at = bisect.bisect_left(self.forms, form)
        if at < len(self.forms) and self.forms[at] == form:
            return self.sources.split("\n")[at]
        return None

    def __contains__(self, form: str) -> bool:
        at = bisect.bisect_left(self.forms, form)
        return at < len(self.forms) and self.forms[at] == form


@cache
def transliterations(lexicon: tuple) -> Forms:
    """The forms for `lexicon` (see `compile`), from the on-disk cache; built
    from wordfreq's lists the first time (a few seconds)."""
    from lint.cache import cached, digest, installed_version, json_codec

    key = digest(
        [b"transliterations-2", repr(lexicon).encode(), installed_version("wordfreq").encode()]
    )
    codec = json_codec(list, _two_strings)
    forms, sources = cached("transliterations", key, lambda: _build_forms(*lexicon), codec)
    return Forms(forms.split("\n"), sources)


def _two_strings(value: object) -> tuple[str, str]:
    """The (forms, sources) pair from its JSON form; ValueError otherwise."""
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise ValueError("expected [forms, sources]")
    return value[0], value[1]


def _build_forms(
    languages: tuple[str, ...],
    top_words: int,
    min_source_zipf: float,
    max_english_zipf: float,
    min_length: int,
    allow: tuple[str, ...],
) -> tuple[str, str]:
    from wordfreq import get_frequency_dict, top_n_list

    # Frequencies as Zipf values: log10 of the frequency per billion words.
    english = get_frequency_dict("en")
    floor = 10 ** (max_english_zipf - 9)
    forms: dict[str, str] = {}
    for lang in languages:
        frequency = get_frequency_dict(lang)
        for word in top_n_list(lang, top_words):
            if frequency.get(word, 0) < 10 ** (min_source_zipf - 9):
                break
            for form in latin_forms(word):
                if len(form) < min_length or form in allow or form in forms:
                    continue
                if english.get(form, 0) >= floor:
                    continue
                forms[form] = word
    ordered = sorted(forms)
    return "\n".join(ordered), "\n".join(forms[f] for f in ordered)


def _latin_share(text: str) -> float:
    """The share of the text's letters (\\p{L}) that are A-Z or a-z, counted
    on the UTF-8 bytes: ASCII letters by deleting them, other letters among
    the non-ASCII characters alone (what is left when every ASCII byte is
    deleted), so a 1 MB text of English is not scanned letter by letter."""
    data = text.encode("utf-8", "surrogatepass")
    latin = len(data) - len(data.translate(None, _ASCII_LETTERS))
    other = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    letters = latin + len(_LETTER.findall(other))
    return latin / letters if letters else 0.0


def _foreign_line_starts(text: str) -> list[int]:
    """The start of each LF-split line holding a character `_MAYBE_FOREIGN`
    matches, in order: each such character found with `str.find`."""
    data = text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
    chars = {c for c in data.decode("utf-8", "surrogatepass") if _MAYBE_FOREIGN.match(c)}
    starts = set()
    for char in chars:
        at = text.find(char)
        while at >= 0:
            starts.add(text.rfind("\n", 0, at) + 1)
            end = text.find("\n", at)
            if end < 0:
                break
            at = text.find(char, end)
    return sorted(starts)


def _english_lines(doc: Document, share: float) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line whose letters are mostly Latin, in a
    document whose letters are mostly Latin (a Russian page with a Latin
    handle on a line is not English text). Lines are split at LF; only those
    holding a character of another script count, so only those are looked at."""
    text = doc.text
    if doc.memo(("leftover", "latin share"), lambda: _latin_share(text)) < share:
        return
    starts = doc.memo(("leftover", "foreign lines"), lambda: _foreign_line_starts(text))
    for start in starts:
        end = text.find("\n", start)
        line = text[start : len(text) if end < 0 else end]
        if _FOREIGN_CHAR.search(line):
            letters = len(_LETTER.findall(line))
            if letters and len(_LATIN_LETTER.findall(line)) / letters >= share:
                yield start, line


def _cited(line: str, start: int, end: int) -> bool:
    """Whether the form at line[start:end] is quoted, bracketed or named as a
    form ("the word ...", "in Ukrainian ...")."""
    before = line[start - 1] if start else ""
    after = line[end] if end < len(line) else ""
    if before and before in _OPENERS and after and after in _CLOSERS:
        return True
    return bool(_CITING.search(line[max(0, start - 30) : start]) or _CITED_AFTER.match(line, end))


def _in_address(line: str, start: int, end: int) -> bool:
    left = line.rfind(" ", 0, start) + 1
    right = line.find(" ", end)
    token = line[left : right if right >= 0 else len(line)]
    # A dot between letters joins the parts of a domain name ("премияарсеньева.рф").
    domain = _DOMAIN_DOT.search(token.rstrip(".,;:!?)")) is not None
    return "://" in token or "@" in token or token.startswith("www.") or domain


def _words(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for offset, line in _english_lines(doc, compiled.min_latin_share):
        runs = []
        for m in _CYRILLIC_WORD.finditer(line):
            if runs and not line[runs[-1][1] : m.start()].strip(" ,"):
                runs[-1] = (runs[-1][0], m.end(), runs[-1][2] + 1)
            else:
                runs.append((m.start(), m.end(), 1))
        for start, end, count in runs:
            run = line[start:end]
            if count > compiled.max_words or run.isupper() and len(run) > 1:
                continue  # a longer run is `untranslated`'s, capitals are acronyms
            if _LATIN_LETTER.match(line[end : end + 1]) or _LATIN_LETTER.match(
                line[start - 1 : start] if start else ""
            ):
                continue  # part of a word mixing scripts: mt.mixed-script's
            if len(run) == 1 and run in _LOOKALIKE:
                near = line[max(0, start - 2) : start].strip() + line[end : end + 2].strip()
                if any(c.isdigit() or c == "°" for c in near):
                    latin = _LOOKALIKE[run]
                    yield Match(
                        offset + start,
                        offset + end,
                        {"word": run},
                        (latin,),
                        message=f"'{run}' is a Cyrillic letter that looks like Latin '{latin}'; "
                        "search, sorting and unit conversion will not see it",
                    )
                    continue
            if _cited(line, start, end) or _in_address(line, start, end):
                continue
            yield Match(offset + start, offset + end, {"word": run, "script": "Cyrillic"})
        for m in _CJK_RUN.finditer(line):
            if len(m.group()) > compiled.max_cjk or _cited(line, m.start(), m.end()):
                continue
            yield Match(offset + m.start(), offset + m.end(), {"word": m.group(), "script": "CJK"})


def _acronyms(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for offset, line in _english_lines(doc, compiled.min_latin_share):
        for m in _ACRONYM.finditer(line):
            letters = m.group().split("-")[0].rstrip("0123456789")
            english = compiled.translations.get(letters)
            values = {"acronym": letters, "suggestion": english or ""}
            suggestions = (m.group().replace(letters, english, 1),) if english else ()
            yield Match(offset + m.start(), offset + m.end(), values, suggestions)


def _foreign_title(quoted: str, forms: Forms) -> bool:
    """A quotation most of whose words are transliterated: a cited title
    ("Shopot nochnogo dozhdya"), not speech with one word left over."""
    words = [w.lower() for w in _ANY_WORD.findall(quoted)]
    return bool(words) and 2 * sum(w in forms for w in words) >= len(words)


def _transliterated(doc: Document, compiled: Compiled) -> Iterator[Match]:
    words = set(_ANY_LOWER.findall(doc.text))
    if not words:
        return
    forms = transliterations(compiled.lexicon)
    present = {word for word in words if word in forms}
    if not present:
        return
    text = doc.text
    for offset in _lines_holding(text, present):
        end = text.find("\n", offset)
        line = text[offset : len(text) if end < 0 else end]
        hits = [m for m in _LOWER_WORD.finditer(line) if m.group() in forms]
        english = {w.lower() for w in _ANY_WORD.findall(line)} & _ENGLISH_FUNCTION_WORDS
        if hits and english:  # German and Portuguese lines have none of these
            titles = [q.span() for q in _QUOTED.finditer(line) if _foreign_title(q.group(), forms)]
            for m in hits:
                if _cited(line, m.start(), m.end()) or any(s <= m.start() < e for s, e in titles):
                    continue
                source = forms.source(m.group()) or ""
                yield Match(offset + m.start(), offset + m.end(), {"source": source})


def _lines_holding(text: str, words: set[str]) -> list[int]:
    """The start of each LF-split line holding one of `words` (as text, maybe
    inside a longer word), in order: the only lines a form can be found on,
    so a long document with one form is not read line by line."""
    starts = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            starts.add(start)
            end = text.find("\n", at)
            if end < 0:
                break
            at = text.find(word, end)
    return sorted(starts)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    if compiled.find == "transliteration":
        yield from _transliterated(doc, compiled)
    elif doc.text.isascii() or not _MAYBE_FOREIGN.search(doc.text):
        return
    elif compiled.find == "word":
        yield from _words(doc, compiled)
    else:
        yield from _acronyms(doc, compiled)


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
