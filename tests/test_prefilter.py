"""The literal-prefix prefilter never changes what a pattern finds: it skips
texts where none of a pattern's literal prefixes occurs and tries the pattern
only where one starts (case folding included)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.patterns import (
    compile_pattern,
    finditer,
    may_match,
    phrase_pattern,
)
from lint.prefixes import literal_prefixes, required_literals

FILLER = "Officials said the talks went on while markets stayed shut. " * 20


def spans(pattern, text):
    return [m.span() for m in finditer(pattern, text)]


def plain(pattern, text):
    return [m.span() for m in pattern.compiled().finditer(text)]


def test_literal_prefixes():
    source = phrase_pattern(["Krivoy Rog", "don't stop", "A.B. c", "Kiev"])
    assert literal_prefixes(source) == {"A.B.", "Kiev", "Krivoy", "don't"}
    assert literal_prefixes(r"\b(?:some|many) (?:experts|analysts)\b") == {
        "some experts",
        "some analysts",
        "many experts",
        "many analysts",
    }
    assert literal_prefixes(r"(?m)^In (?:this|that)?") == {"In "}
    assert literal_prefixes(r"\bKiev\b|(?<=x)Kyiv") == {"Kiev", "Kyiv"}
    # No usable prefix: a class, an optional start, a one-letter start, regex-only syntax.
    for source in (r"[“”]", r"x*abc", r"(?:a\w|)bc", r"(?<![\w-])(?:a\d|b)", r"\p{L}abc"):
        assert literal_prefixes(source) is None, source
    # An empty alternative matches nothing, so what follows starts the match;
    # sre factors "lift|lifts|lifted" into "lift(?:|s|ed)".
    assert literal_prefixes(r"(?:a|)bc") == {"abc", "bc"}
    assert literal_prefixes(r"\b(?:lift|lifts|lifted) a rock") == {
        "lift a rock",
        "lifts a rock",
        "lifted a rock",
    }
    # An alternative opening with a class ends the prefixes there, not the analysis.
    assert literal_prefixes(r"one hill (?:cannot|can['’]t) hold") == {"one hill can"}
    assert literal_prefixes(r"(?:Kiev){e<=1}") is None  # fuzzy matching
    assert literal_prefixes(phrase_pattern([])) is None


def test_required_literals():
    headline = r"\bwhat happens next\b|^\s*(?:BREAKING|EXPOSED)\s*[:!]"
    assert literal_prefixes(headline) is None
    assert required_literals(headline) == {"what happens next", "BREAKING", "EXPOSED"}
    assert required_literals(r"(?m)^[ \t]*In this (?:file )?photo") == {"In this "}
    assert required_literals(r"x*yz\b") == {"yz"}
    assert required_literals(r"ab\bcd") == {"abcd"}  # an assertion does not break a run
    for source in (r"\d+", r"a\w+b", r"(?:abc|\w+)", r"(?:abc)*"):
        assert required_literals(source) is None, source
    pattern = compile_pattern("(?m)" + headline)
    assert not may_match(pattern, FILLER)
    text = FILLER + "\n  BREAKING: markets shut"
    assert spans(pattern, text) == plain(pattern, text) != []


def test_a_long_text_without_the_words_is_skipped_and_with_them_is_searched():
    pattern = compile_pattern(phrase_pattern(["Kiev", "Krivoy Rog"]), ignorecase=True)
    assert not may_match(pattern, FILLER)
    assert spans(pattern, FILLER) == []
    text = FILLER + "Shelling hit KIEV and krivoy\n  rog overnight."
    assert may_match(pattern, text)
    assert spans(pattern, text) == plain(pattern, text) and len(plain(pattern, text)) == 2


def test_a_pattern_first_met_midway_through_a_text_still_finds_everything():
    # The shared automaton learns a new pattern's words while a text is being
    # checked: that text is scanned for the new words alone, the next in full.
    # Made-up names, so no pack loaded by an earlier test knows them already.
    from lint import patterns

    text = FILLER + "Zvorkhiv and Quelmarsk. Brandolya and ZVORKHOV again; quelmarsky too."
    first = compile_pattern(phrase_pattern(["Zvorkhiv", "Zvorkhov"]), ignorecase=True)
    assert spans(first, text) == plain(first, text) != []
    known = len(patterns._INDEX.word_ids)
    second = compile_pattern(phrase_pattern(["Quelmarsk", "Brandolya"]), ignorecase=True)
    assert spans(second, text) == plain(second, text) != []
    assert len(patterns._INDEX.word_ids) > known  # the new words were met midway
    assert patterns._INDEX.text is text  # and this text was not scanned anew
    again = FILLER + "Brandolya, Zvorkhov."
    assert spans(first, again) == plain(first, again) != []
    assert spans(second, again) == plain(second, again) != []
    assert spans(second, FILLER) == []


def test_characters_that_fold_to_ascii_are_not_missed():
    # U+017F long s, U+212A Kelvin sign, final sigma: regex folds them to s, k, sigma.
    pattern = compile_pattern(phrase_pattern(["desk", "kosmos", "σοφία"]), ignorecase=True)
    for word in ("deſk", "deſ\u212a", "\u212aosmos", "ΣΟΦΊΑ", "σοφία"):
        text = FILLER + f"A {word} here."
        assert spans(pattern, text) == plain(pattern, text), word


def test_non_phrase_patterns_are_never_skipped():
    pattern = compile_pattern(r"\bmarkets?\b")
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


PIECES = st.sampled_from(
    ["Kiev", "kyiv", r"\b", r"\s+", "(?:", ")", "|", "?", "+", r"\w", "ß", "ss", "the", " ", "(?i)"]
    + ["^", r"\s*", "[kt]", "*", "(?m)", "(?<![^\n])", "$"]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PIECES, min_size=1, max_size=8), words=st.lists(WORDS, max_size=30))
def test_prefiltered_search_equals_the_plain_search_for_any_pattern(pieces, words):
    source = "".join(pieces)
    try:
        pattern = compile_pattern(source)
    except ValueError:
        return
    text = FILLER + " ".join(words) + " kiev-KIEV Kyiv the\n STRASSE"
    assert spans(pattern, text) == plain(pattern, text)


REPEAT_WORDS = st.sampled_from(
    ["the", "The", "go", "don't", "x-y", "war", "ß", "SS", "İ", "i", "ı"]
)
SEPARATORS = st.sampled_from([" ", ", ", "  ", "\n", " \n ", "; ", "-", "'", "\n\n", ". "])


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.tuples(REPEAT_WORDS, SEPARATORS), max_size=30),
    max_words=st.integers(1, 5),
    min_words=st.integers(1, 3),
    min_repeats=st.integers(2, 5),
    ignorecase=st.booleans(),
)
def test_repetition_tries_only_candidate_words_and_finds_the_same(
    parts, max_words, min_words, min_repeats, ignorecase
):
    from lint.kinds import repetition

    compiled = repetition.prepare(
        repetition.Options(
            max_words=max_words,
            min_words=min(min_words, max_words),
            min_repeats=min_repeats,
            ignorecase=ignorecase,
        )
    )
    text = "".join(word + sep for word, sep in parts)
    assert [m.span() for m in repetition._matches(text, compiled)] == plain(compiled.search, text)


def test_the_literal_analysis_of_compiled_rules_is_collected_for_the_pack_cache():
    from dataclasses import dataclass

    from lint.patterns import literal_table

    @dataclass(frozen=True)
    class Compiled:
        search: regex.Pattern
        pairs: tuple

    compiled = Compiled(
        compile_pattern(phrase_pattern(["Kiev", "Krivoy Rog"])),
        ((compile_pattern(r"^\s*BREAKING:"), "x"), (compile_pattern(r"\d+"), "y")),
    )
    table = literal_table([compiled])
    assert table[(compiled.search.pattern, compiled.search.flags)] == (
        frozenset({"Kiev", "Krivoy"}),
        True,
    )
    assert table[(r"^\s*BREAKING:", compiled.pairs[0][0].flags)] == (
        frozenset({"BREAKING:"}),
        False,
    )
    assert table[(r"\d+", compiled.pairs[1][0].flags)] == (None, False)
