"""The kinds' shortcuts find exactly what the plain search finds.

Several kinds skip work that cannot produce a match (idiom tries its big regex
only where a broken form can start; consistency skips word sets that cannot
occur twice; boilerplate normalises a line without scanning all of it). These
tests compare each shortcut with the straightforward code it replaces.
"""

from __future__ import annotations

import re
import string

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import speech
from lint.config import Config
from lint.kinds import boilerplate, consistency, encoding, idiom, script, sensational
from lint.rulebook import selected_rules


def compiled(rule_id: str):
    return next(r for r in selected_rules(Config(select=(rule_id,))) if r.id == rule_id).compiled


def test_ascii_fold_keeps_length_and_folds_every_case_of_an_ascii_letter():
    letter = regex.compile("[a-z]", regex.IGNORECASE)
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        folded = idiom.ascii_fold(char)
        assert len(folded) == 1, hex(code)
        if letter.fullmatch(char):
            assert folded in string.ascii_lowercase, hex(code)
            assert regex.fullmatch(folded, char, regex.IGNORECASE), hex(code)


IDIOM = compiled("mt.literal-idiom")
IDIOM_WORDS = sorted({w for v in IDIOM.variants for w in v.words} | {"the", "Play", "ſide"})
PIECES = [*IDIOM_WORDS, "playing", "takes", "İn", "KEEP", "-", "'", "’", "5", "x"]
SEPARATORS = [" ", "  ", "\n", "\t", "\u00a0", "\x1c", "", "-", ", "]


def _variant(m) -> int:
    """Which broken form a match of the whole alternation is."""
    return next(int(name[1:]) for name, value in m.groupdict().items() if value)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=30))
def test_idiom_tries_every_start(parts):
    text = "".join(word + sep for word, sep in parts)
    plain = [(m.span(), _variant(m)) for m in IDIOM.search.compiled().finditer(text)]
    assert [(m.span(), index) for m, index in idiom._matches(text, IDIOM)] == plain


def test_idiom_finds_forms_in_any_case():
    text = "He was PLAYING  fire.\nAnother was playing\u00a0fire; xplaying fire, İn the ſame time."
    spans = [(m.span(), index) for m, index in idiom._matches(text, IDIOM)]
    plain = [(m.span(), _variant(m)) for m in IDIOM.search.compiled().finditer(text)]
    assert spans == plain and len(spans) >= 2


def test_idiom_without_ascii_first_words_searches_everywhere():
    options = idiom.Options(idioms=("ça va bien",), drop=("va",), swap=None)
    assert idiom.prepare(options).starts is None


# The plain form of consistency._HYPHENATED (which is written from the hyphen).
OLD_HYPHENATED = regex.compile(r"(?<![\w\-'’])(\p{L}+)-(\p{L}{2,})(?![\w\-'’])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab-- _1é\u0301Ж²x’'\u00ad", max_size=20))
def test_hyphenated_words_as_before(text):
    new = [m.groups() + (m.end(),) for m in consistency._HYPHENATED.finditer(text)]
    assert new == [m.groups() + (m.end(),) for m in OLD_HYPHENATED.finditer(text)]


def test_consistency_word_sets_skipped_only_when_a_form_is_missing():
    rule = compiled("consistency.spelling")
    text = "An e-mail. Another EMAIL, and per\ncent or Percent online."
    found = consistency._words_in(rule.vocabulary, consistency.prefilter_fold(text))
    may = [consistency._may_differ(n, found) for n in rule.needles if n is not None]
    assert may[:3] == [True, True, False]


OLD_EDGE = regex.compile(r"^[\s\p{P}\p{S}•·|>»]+|[\s\p{P}\p{S}|<«]+$")


def old_normalise(line: str) -> str:
    text = line.replace("’", "'").replace("‘", "'").lower()
    text = regex.sub(r"©|\(c\)", " copyright ", text)
    return regex.sub(r"\s+", " ", OLD_EDGE.sub("", text))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aB .,-!|<>«»•·$€\t\u00a0é\u0301_1©()c’‘\x1c\x1f\u2028\u3000Σİ\x85"))
def test_boilerplate_normalises_as_before(line):
    assert boilerplate.normalise(line) == old_normalise(line)


CAPS_WORD = r"[A-Z][A-Z’'\-]*[A-Z]"
OLD_CAPS = re.compile(rf"(?<![\w’']){CAPS_WORD}(?:[ \t,:;]+{CAPS_WORD}){{2,}}(?![\w’'])")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ABZ a'’-_1é,:;\t\nxÉ", max_size=24))
def test_capitals_found_as_before(text):
    caps = sensational.prepare(sensational.Options(caps_min_words=3)).caps
    assert [m.span() for m in caps.finditer(text)] == [m.span() for m in OLD_CAPS.finditer(text)]


OLD_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))"
    r"(?:‘(?=\w)[^‘’\n]{0,600}?[\w.,!?…]’|'(?=\w)[^'\n]{0,600}?[\w.,!?…]')(?![\w])"
)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab ‘’'\n(—-x.,!1_[", max_size=24))
def test_single_quoted_runs_found_as_before(text):
    new = [m.span() for m in speech._SINGLE.finditer(text)]
    assert new == [m.span() for m in OLD_SINGLE.finditer(text)]


def test_foreign_script_prefilters_cover_every_letter_they_stand_for():
    cyrillic_cjk = regex.compile(r"[\p{Cyrillic}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
    cyrillic_greek = regex.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}]")
    for code in range(0x80, 0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        if cyrillic_cjk.match(char):
            assert encoding._MAYBE_FOREIGN.match(char), hex(code)
        if cyrillic_greek.match(char):
            assert script._MAYBE_FOREIGN.match(char), hex(code)
