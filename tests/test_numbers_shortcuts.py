"""The numbers kinds' shortcuts find exactly what the plain search finds.

Dates are tried only where one can start, texts without a month name or "day"
are skipped, and each kind tests a few substrings before its regexes. These
tests compare each shortcut with the plain code it stands for, on texts built
from the pieces that matter (month names, weekdays, digits, case variants that
IGNORECASE equates such as "ſ" and "K").
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from lint import dates, numbers
from lint.config import Config
from lint.kinds import arithmetic, batch_facts, day_counter, quantity, weekday_date
from lint.patterns import prefilter_fold
from lint.rulebook import selected_rules


def compiled(rule_id: str):
    return next(r for r in selected_rules(Config(select=(rule_id,))) if r.id == rule_id).compiled


SEPARATORS = [" ", "  ", "\n", ", ", "-", "", "(", ")", ".", "\u00a0", "x"]
DATE_PIECES = [
    "January", "Jan", "Jan.", "May", "may", "Sept", "Sep", "Dec", "MAR", "Mar",
    "1", "11", "31", "32", "0", "05", "1st", "22nd", "2022", "1999", "2022-04-11",
    "2022-13-01", "19", "of", "on", "Monday", "Sunday", "day", "today", "٣", "x",
]  # fmt: skip


def texts(pieces: list[str], max_size: int = 25):
    parts = st.tuples(st.sampled_from(pieces), st.sampled_from(SEPARATORS))
    return st.lists(parts, max_size=max_size).map(lambda ps: "".join(w + s for w, s in ps))


def plain_dates(text: str) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in dates._DATE_RE.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(texts(DATE_PIECES))
def test_dates_are_tried_where_they_can_start(text):
    assert [(m.span(), m.groupdict()) for m in dates._date_matches(text)] == plain_dates(text)
    if not dates.may_hold_date(text):
        assert plain_dates(text) == []


@settings(max_examples=300, deadline=None)
@given(texts(DATE_PIECES))
def test_weekdays_need_day(text):
    plain = [m.span() for m in dates._WEEKDAY_RE.finditer(text)]
    assert [(w.start, w.end) for w in dates._find_weekdays(text)] == plain


@settings(max_examples=300, deadline=None)
@given(texts(DATE_PIECES))
def test_batch_facts_when_test(text):
    assert batch_facts.has_when(text) == bool(batch_facts._HAS_WHEN.search(text))


NAME_PIECES = ["Wang", "Yi", "Antony", "Blinken", "O'Neil", "Jean-Pierre", "McDo", "the", "A"]
_CAP = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
PLAIN_NAME_RUN = re.compile(rf"\b{_CAP}(?:\s+{_CAP})*\b(?!['’]\w)")


@settings(max_examples=300, deadline=None)
@given(texts(NAME_PIECES + ["5", "’s", "'s", "é"]))
def test_name_runs_open_with_a_capital_at_a_word_boundary(text):
    plain = [m.span() for m in PLAIN_NAME_RUN.finditer(text)]
    assert [m.span() for m in batch_facts._NAME_RUN.finditer(text)] == plain


EVENTS = compiled("numbers.cross-document-day").events
EVENT_PIECES = [
    "phone", "PHONE", "call", "CALL", "Met", "meeting", "with", "a", "the", "talks", "held",
    "video", "conference", "videoconference", "spoke", "by", "telephone", "ſpoke", "ſummit",
    "summit", "between", "of", "Wang", "x",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(texts(EVENT_PIECES, max_size=12))
def test_event_kind_skips_only_patterns_that_cannot_match(text):
    plain = next((kind for pattern, kind, _ in EVENTS if pattern.compiled().search(text)), None)
    assert batch_facts._event_kind(text, EVENTS) == plain


SHARE = compiled("numbers.share-over-100").share
SHARE_PIECES = [
    "112", "5", "five", "%", "per", "cent", "PER", "CENT", "percent", "Per\tcent", "of", "voters",
    "VOTERS", "people", "recent", "all", "the", "respondents", "x",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(texts(SHARE_PIECES, max_size=12))
def test_share_prefilter_is_a_necessary_condition(text):
    if not arithmetic.may_have_share(text, SHARE):
        assert SHARE.search(text) is None


WORDS_DIGITS_PIECES = ["five", "FIVE", "twenty-one", "(", ")", "6", "5", "1,000", "x", "a"]


@settings(max_examples=500, deadline=None)
@given(texts(WORDS_DIGITS_PIECES, max_size=12))
def test_words_digits_prefilter_is_a_necessary_condition(text):
    if not quantity.may_have_words_digits(text):
        assert quantity._WORDS_DIGITS.search(text) is None


RELATIVE_PIECES = [
    "yesterday", "YESTERDAY", "yeſterday", "today", "Tomorrow", "Monday", "THURSDAY", "(", ",",
    "day", "x",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(texts(RELATIVE_PIECES, max_size=10))
def test_relative_prefilter_is_a_necessary_condition(text):
    if not weekday_date.may_be_relative(text):
        assert weekday_date._RELATIVE.search(text) is None


def ignorecase_equals(letters: set[str]):
    """(character, letter) for every character that IGNORECASE equates with one of
    the ASCII `letters`."""
    any_of = re.compile(f"[{''.join(sorted(letters))}]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if any_of.fullmatch(char):
            for letter in letters:
                if re.fullmatch(letter, char, re.IGNORECASE):
                    yield char, letter


def test_letters_tested_in_lowered_text_have_only_two_cases():
    """The prefilters look for "cent", "day", "today", "terday", "tomorrow" and
    "per" in text.lower(): each of their letters must match only its own two
    cases under IGNORECASE, and lower() must leave white space as it is."""
    letters = set("centdaytodayterdaytomorrowper")
    for char, letter in ignorecase_equals(letters):
        assert char in (letter, letter.upper()), (hex(ord(char)), letter)
    assert all(chr(c).lower() == chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


NUMBER_PIECES = [
    "one", "ONE", "Twenty", "twenty-one", "hundred", "and", "ſix", "ſeven", "ıx", "İ", "five",
    "5", "1,000", "1.5", "10.000", "million", "thousand", "someone", "often", "٣", "_", "x",
    "K", "\u212a",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(texts(NUMBER_PIECES))
def test_figures_are_tried_where_they_can_start(text):
    plain = [(m.span(), m.group()) for m in numbers._NUMBER_RE.finditer(text)]
    assert [
        (m.span(), m.group()) for m in numbers.finditer_figures(numbers._NUMBER_RE, text)
    ] == plain


def test_number_word_letters_lower_to_themselves_but_for_the_odd_cases():
    """finditer_figures finds number words in text.lower(): a character that
    IGNORECASE equates with one of their letters must lower to that letter,
    unless it is one of the odd cases (written as their letter first); and no
    character but those lowers to more than one, or to an ASCII letter without
    being a word character."""
    words = [*numbers._UNITS, *day_counter._FIRST_WORDS.pattern.split("|")]
    for char, letter in ignorecase_equals(set("".join(words))):
        assert char in numbers._ODD_CASES or char.lower() == letter, (hex(ord(char)), letter)
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char not in numbers._ODD_CASES:
            lowered = char.lower()
            assert len(lowered) == 1, hex(code)
            if lowered.isascii() and lowered.isalpha():
                assert word.fullmatch(char), hex(code)


@settings(max_examples=500, deadline=None)
@given(texts(NUMBER_PIECES + SHARE_PIECES))
def test_shares_are_tried_where_a_figure_can_start(text):
    plain = [(m.span(), m.group()) for m in SHARE.finditer(text)]
    assert [(m.span(), m.group()) for m in numbers.finditer_figures(SHARE, text)] == plain


def plain_people(text: str, not_names: frozenset[str]) -> list[tuple[str, ...]]:
    runs = []
    for m in PLAIN_NAME_RUN.finditer(text):
        current: list[str] = []
        for word in m.group().split():
            if word.lower() in not_names:
                if current:
                    runs.append(tuple(current))
                current = []
            else:
                current.append(word)
        if current:
            runs.append(tuple(current))
    return runs


@settings(max_examples=300, deadline=None)
@given(texts(NAME_PIECES + ["Foreign", "Minister", "President", "5", "’s", "\t"]))
def test_people_are_the_plain_runs(text):
    not_names = batch_facts.NOT_NAMES
    assert batch_facts._people(text, not_names) == plain_people(text, not_names)


FOLD_PIECES = ["Wang", "ß", "İ", "ı", "i\u0307", "ſ", "\u212a", "ﬁ", "CALL", "x", "Σ"]


@settings(max_examples=500, deadline=None)
@given(texts(FOLD_PIECES, max_size=10), st.integers(0, 40), st.integers(0, 40))
def test_sentence_fold_is_a_slice_of_the_text_fold_when_aligned(text, a, b):
    folded = text.casefold()
    if len(folded) == len(text) and "\u0307" not in folded and "ı" not in folded:
        assert prefilter_fold(text[a:b]) == folded[a:b]


@settings(max_examples=500, deadline=None)
@given(texts(WORDS_DIGITS_PIECES + NUMBER_PIECES, max_size=15))
def test_words_digits_are_tried_where_they_can_start(text):
    pattern = quantity._WORDS_DIGITS
    plain = [(m.span(), m.group()) for m in pattern.finditer(text)]
    assert [(m.span(), m.group()) for m in numbers.finditer_figures(pattern, text)] == plain


COUNTER = compiled("numbers.day-counter").counters[0].pattern.compiled()
COUNTER_PIECES = [
    "the", "THE", "50th", "1st", "day", "Day", "of", "since", "invasion", "war", "Russian",
    "fiftieth", "fifty", "sixtieth", "twenty-first", "one", "hundred", "and", "hundredth",
    "ſecond", "fırst", "İnvasion", "12", "٣", "x",
]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(texts(COUNTER_PIECES, max_size=15))
def test_day_counters_are_tried_where_they_can_start(text):
    plain = [(m.span(), m.group()) for m in COUNTER.finditer(text)]
    found = numbers.finditer_figures(COUNTER, text, day_counter._FIRST_WORDS)
    assert [(m.span(), m.group()) for m in found] == plain


def test_day_counter_examples_are_found():
    text = "On the fiftieth day of the war, and Day 12 of the invasion, the 3rd day of war."
    plain = [m.span() for m in COUNTER.finditer(text)]
    assert len(plain) == 3
    assert [
        m.span() for m in numbers.finditer_figures(COUNTER, text, day_counter._FIRST_WORDS)
    ] == plain
