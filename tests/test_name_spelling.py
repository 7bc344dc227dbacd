"""Names anywhere in the world (issue 17): spelling steps (lint/name_spelling.py) and
wordfreq. The name_misspelling kind's tests are in tests/kinds/test_names.py, the
cross-document rule's in tests/kinds/test_batch_names.py."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.known_words import frequent_words, zipf
from lint.name_spelling import (
    DOUBLING,
    TRANSLITERATION,
    VOICING,
    VOWEL,
    case_stems,
    one_step_variants,
    reduplication_stems,
)

NAMES = Config(select=("names",))


@pytest.mark.parametrize(
    ("token", "name", "step"),
    [
        ("Lonton", "london", VOICING),
        ("Gashmir", "kashmir", VOICING),
        ("Ausdralia", "australia", VOICING),
        ("Harkiv", "kharkiv", TRANSLITERATION),
        ("Butcha", "bucha", TRANSLITERATION),
        ("Macronn", "macron", DOUBLING),
        ("Wiscnsin", "wisconsin", VOWEL),
        ("Tehrian", "tehran", VOWEL),
    ],
)
def test_one_step_variants_name_each_class(token, name, step):
    assert one_step_variants(token)[name] == step


def test_two_steps_away_is_not_a_variant():
    assert "kramatorsk" not in one_step_variants("Gramadorsk")  # K->G and t->d


def test_case_and_reduplication_stems():
    assert ("bakhmut", "a", "noun") in case_stems("Bakhmuta")
    assert ("kramatorsk", "aya", "adjective") in case_stems("Kramatorskaya")
    assert ("kharkov", "skaya", "adjective") in case_stems("Kharkovskaya")
    assert "vuhledar" in reduplication_stems("Vuhledarar")


def test_zipf_reads_wordfreq_own_figures():
    wordfreq = pytest.importorskip("wordfreq")
    for word in ("London", "Tehran", "Kardashian", "the", "Zaporizhia"):
        assert zipf(word) == pytest.approx(wordfreq.zipf_frequency(word, "en"), abs=0.011)
    assert zipf("Lonton") == 0.0
    assert all(z >= 5.0 for _, z in frequent_words(5.0))
