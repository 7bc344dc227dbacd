"""The phrase-list prefilter never changes what a pattern finds: it only skips
texts where none of the phrases' first words occur (case folding included)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.patterns import (
    PREFILTER_MIN_CHARS,
    compile_pattern,
    finditer,
    first_words,
    may_match,
    phrase_pattern,
)

FILLER = "Officials said the talks went on while markets stayed shut. " * 20


def spans(pattern, text):
    return [m.span() for m in finditer(pattern, text)]


def plain(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


def test_first_words_of_phrase_patterns_only():
    source = phrase_pattern(["Krivoy Rog", "don't stop", "A.B. c", "Kiev"])
    assert sorted(first_words(source)) == ["A.B.", "Kiev", "Krivoy", "don't"]
    assert first_words(r"(?<![\w-])(?:a\d|b)(?![\w])") is None
    assert first_words(r"\bKiev\b") is None
    assert first_words(phrase_pattern([])) is None


def test_a_long_text_without_the_words_is_skipped_and_with_them_is_searched():
    pattern = compile_pattern(phrase_pattern(["Kiev", "Krivoy Rog"]), ignorecase=True)
    assert len(FILLER) >= PREFILTER_MIN_CHARS
    assert not may_match(pattern, FILLER)
    assert spans(pattern, FILLER) == []
    text = FILLER + "Shelling hit KIEV and krivoy\n  rog overnight."
    assert may_match(pattern, text)
    assert spans(pattern, text) == plain(pattern, text) and len(plain(pattern, text)) == 2


def test_characters_that_fold_to_ascii_are_not_missed():
    # U+017F long s, U+212A Kelvin sign, final sigma: regex folds them to s, k, sigma.
    pattern = compile_pattern(phrase_pattern(["desk", "kosmos", "σοφία"]), ignorecase=True)
    for word in ("deſk", "deſ\u212a", "\u212aosmos", "ΣΟΦΊΑ", "σοφία"):
        text = FILLER + f"A {word} here."
        assert spans(pattern, text) == plain(pattern, text), word


def test_non_phrase_patterns_are_never_skipped():
    pattern = regex.compile(r"\bmarkets?\b")
    assert may_match(pattern, FILLER)
    assert spans(pattern, FILLER) == plain(pattern, FILLER)


WORDS = st.sampled_from(["kiev", "Kyiv", "ſun", "SUN", "straße", "STRASSE", "the", "a-b", "x"])


@settings(max_examples=60, deadline=None)
@given(
    phrases=st.lists(st.lists(WORDS, min_size=1, max_size=2).map(" ".join), min_size=1),
    words=st.lists(WORDS, max_size=30),
    ignorecase=st.booleans(),
)
def test_prefiltered_search_equals_the_plain_search(phrases, words, ignorecase):
    pattern = compile_pattern(phrase_pattern(phrases), ignorecase=ignorecase)
    text = FILLER + " ".join(words)
    assert spans(pattern, text) == plain(pattern, text)
