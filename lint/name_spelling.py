"""Spelling steps between a name and its misspellings, as pure functions of strings.

Machine translation and careless transliteration change a name by one small
step: a voiced letter for an unvoiced one (Lonton for London, Gashmir for
Kashmir), kh for h, tch for ch, a letter doubled or undoubled, a vowel
dropped or added. `one_step_variants` lists every spelling one such step away
from a word, labelled with its class, so a table of known names can be probed
with plain dictionary look-ups instead of fuzzy matching.

Source-language grammar garbles names too: a Russian or Ukrainian case ending
left on (Bakhmuta, Kramatorskaya, Kharkovskaya) or a syllable typed twice
(Vuhledarar). `case_stems` and `reduplication_stems` give the name such a form
was made from, for the caller to look up.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

VOWELS = "aeiou"
VOICING = "voicing"
TRANSLITERATION = "transliteration"
DOUBLING = "doubling"
VOWEL = "vowel"
STEP_CLASSES = (VOICING, TRANSLITERATION, DOUBLING, VOWEL)

# Letters MT and transliteration confuse, both ways: b/p, d/t, g/k/h, v/f/w, z/s.
_VOICED_PAIRS = {
    "b": "p",
    "p": "b",
    "d": "t",
    "t": "d",
    "g": "kh",
    "k": "gh",
    "h": "gk",
    "v": "fw",
    "f": "vw",
    "w": "vf",
    "z": "s",
    "s": "z",
}
# Spellings of one sound in different romanizations: Kharkiv/Harkiv, Bucha/Butcha.
_TRANSLITERATIONS = (("kh", "h"), ("h", "kh"), ("tch", "ch"), ("ch", "tch"))

# Russian and Ukrainian noun endings on a name that ends in a consonant
# (Bakhmuta, Bakhmutu, Bakhmute, Bakhmutom, Bakhmutovi), and on one that ends
# in -a (Buchi, Buchy, Buche, Buchu, Buchoi, Buchoy).
NOUN_ENDINGS = ("a", "u", "e", "om", "ovi")
A_STEM_ENDINGS = ("i", "y", "e", "u", "oi", "oy", "oyu", "oiu")
# Russian adjective endings after -sk- (Kramatorskaya, Kharkovskiy, Donetskogo);
# not the neuter -skoye, which ends many a village's own name (Chornomorske).
ADJECTIVE_ENDINGS = (
    "aya",
    "iy",
    "ii",
    "yy",
    "ogo",
    "oy",
    "oi",
    "om",
    "ikh",
    "ykh",
)


def ascii_lower(word: str) -> str:
    """Lowercase without diacritics: 'Mykolaïv' -> 'mykolaiv'."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def one_step_variants(word: str) -> dict[str, str]:
    """Every lowercase spelling one step from `word` -> the step's class.

    The steps are symmetric (a voiced letter for an unvoiced one and back, a
    vowel added or dropped), so a token and the name it misspells are each
    among the other's variants. The first letter is kept for doubling and
    vowel steps: names rarely gain or lose their initial vowel.
    """
    w = ascii_lower(word)
    out: dict[str, str] = {}
    n = len(w)
    for i, c in enumerate(w):
        for other in _VOICED_PAIRS.get(c, ""):
            out.setdefault(w[:i] + other + w[i + 1 :], VOICING)
    for old, new in _TRANSLITERATIONS:
        start = w.find(old)
        while start != -1:
            if not (old == "h" and start > 0 and w[start - 1] in "kcstz"):  # kh, ch, sh, th, zh
                out.setdefault(w[:start] + new + w[start + len(old) :], TRANSLITERATION)
            start = w.find(old, start + 1)
    for i in range(1, n):
        c = w[i]
        if c == w[i - 1]:
            out.setdefault(w[:i] + w[i + 1 :], DOUBLING)
        elif c not in VOWELS and (i + 1 >= n or w[i + 1] != c):
            out.setdefault(w[:i] + c + w[i:], DOUBLING)
        if c in VOWELS:
            out.setdefault(w[:i] + w[i + 1 :], VOWEL)
    for i in range(1, n + 1):
        for v in VOWELS:
            out.setdefault(w[:i] + v + w[i:], VOWEL)
    out.pop(w, None)
    return out


ADJECTIVE, NOUN = "adjective", "noun"


def case_stems(word: str) -> list[tuple[str, str, str]]:
    """(lowercase stem, what was added, adjective or noun) for each way `word`
    may be a name with a Russian or Ukrainian case or adjective ending:
    'Bakhmuta' -> ('bakhmut', 'a', noun); 'Kramatorskaya' -> ('kramatorsk',
    'aya', adjective), and the stems of an adjective made from a name
    (Kharkovskaya -> 'kharkov', Kakhovskaya -> 'kakhovka')."""
    w = ascii_lower(word)
    stems: list[tuple[str, str, str]] = []
    for ending in ADJECTIVE_ENDINGS:
        if w.endswith("sk" + ending):
            base = w[: -len(ending)]  # kramatorsk
            stems.append((base, ending, ADJECTIVE))
            stems.append((base[:-2], "sk" + ending, ADJECTIVE))  # kharkov(skaya)
            stems.append((base[:-2] + "ka", "sk" + ending, ADJECTIVE))  # kakhov(skaya)
            stems.append((base[:-2] + "a", "sk" + ending, ADJECTIVE))  # odes(skaya) -> odesa
    for ending in NOUN_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            stem = w[: -len(ending)]
            if stem[-1] not in VOWELS:
                stems.append((stem, ending, NOUN))
    for ending in A_STEM_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            stems.append((w[: -len(ending)] + "a", ending, NOUN))
    return stems


def reduplication_stems(word: str) -> list[str]:
    """`word` with one copy of a doubled run of two to four letters taken out:
    'Vuhledarar' -> ['vuhledar', ...]."""
    w = ascii_lower(word)
    stems = []
    for size in (2, 3, 4):
        for i in range(len(w) - 2 * size + 1):
            if w[i : i + size] == w[i + size : i + 2 * size]:
                stems.append(w[: i + size] + w[i + 2 * size :])
    return stems


def gender_form(word: str, other: str) -> bool:
    """Whether two spellings differ by a final -a, as the feminine and masculine
    forms of a Slavic name do (Oleksandra, Oleksandr; Kikina, Kikin)."""
    a, b = ascii_lower(word), ascii_lower(other)
    return a == b + "a" or b == a + "a"


def slavic_romanizations(word: str, other: str) -> bool:
    """Whether two spellings differ by one g for h, as the Russian and the
    Ukrainian romanization of one Slavic name do (Dragomanov, Drahomanov)."""
    a, b = ascii_lower(word), ascii_lower(other)
    if len(a) != len(b):
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diffs) == 1 and set(diffs[0]) == {"g", "h"}
