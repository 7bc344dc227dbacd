"""leftover: source-language words left in English (Cyrillic, CJK, acronyms, transliterations)."""

from __future__ import annotations

import pytest

import lint
from lint.document import Document
from lint.kinds import leftover
from tests.conftest import LEFTOVER_CONFIG as CONFIG
from tests.conftest import leftover_findings as found


def test_a_single_cyrillic_word_beside_its_translation_is_reported():
    findings = lint.check_text("The aid reaches but кожна every family.", config=CONFIG)
    assert [(f.rule, f.column, f.end_column) for f in findings] == [
        ("mt.untranslated-word", 21, 26)
    ]
    assert findings[0].message == "'кожна' is a Cyrillic word left untranslated in English text"


def test_a_cyrillic_word_before_a_full_stop_is_still_reported():
    assert found("The aid reaches every family, кожна.") == [("mt.untranslated-word", "кожна")]
    assert found("Write to пошта.укр for details.") == []


def test_two_cyrillic_words_at_the_start_of_a_line_are_one_finding():
    assert found("Щиро дякуємо, thank you for the support.") == [
        ("mt.untranslated-word", "Щиро дякуємо")
    ]


def test_a_cyrillic_letter_in_a_measurement_is_named_as_a_look_alike():
    findings = lint.check_text("The mattress measures 90х190 cm.", config=CONFIG)
    assert [(f.rule, f.suggestions) for f in findings] == [("mt.untranslated-word", ("x",))]
    assert "looks like Latin 'x'" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "The sign read «Кондитерская» in Cyrillic.",
        "Kyiv (Київ) is the capital.",
        "The Ukrainian word зрада means betrayal.",
        "The website https://премияарсеньева.рф/ opens today.",
        "According to WНO data, more people suffer.",  # mixed script: mt.mixed-script's
        "Мы не отступим никогда, сказал он. We will not retreat.",  # a sentence, not a word
    ],
)
def test_cited_words_addresses_and_cyrillic_sentences_are_not_untranslated_words(text):
    assert [r for r, _ in found(text) if r == "mt.untranslated-word"] == []


def test_a_page_in_another_language_is_not_english_text():
    text = "Аккаунт: @evgenialevi\nРецепты шеф-повара и фотографии блюд на каждый день.\n"
    assert found(text) == []


def test_an_acronym_in_cyrillic_gets_its_english_form():
    findings = lint.check_text("Officials of the ФРГ met the США envoy.", config=CONFIG)
    assert [(f.rule, f.suggestions) for f in findings] == [
        ("mt.untranslated-acronym", ("Germany",)),
        ("mt.untranslated-acronym", ("US",)),
    ]


def test_an_unknown_acronym_is_reported_without_a_guess():
    assert found("Certificate PI No. ФС77-35597 was issued.") == [
        ("mt.untranslated-acronym", "ФС77-35597")
    ]


def test_greek_symbols_in_science_are_not_acronyms():
    assert found("The resistance was 4.7 kΩ, ΔG fell and IL2Rγ rose.") == []


def test_latin_forms_follow_the_usual_schemes():
    assert "dyakuyu" in leftover.latin_forms("дякую")
    assert "zrada" in leftover.latin_forms("зрада")
    assert "shchastia" in leftover.latin_forms("щастя")


def test_transliterated_words_are_reported_with_their_source():
    findings = lint.check_text("The ticket cost 2000 hivna and he said dyakuyu.", config=CONFIG)
    assert [(f.rule, f.column) for f in findings] == [
        ("mt.transliterated-word", 22),
        ("mt.transliterated-word", 40),
    ]
    assert "дякую" in findings[1].message


@pytest.mark.parametrize(
    "text",
    [
        "The oblast council and the Verkhovna Rada met; siloviki stayed away.",
        'Her book "Shopot nochnogo dozhdya" won the nomination.',
        "Die Bereitstellung wird aktiv und verantwortungsvoll gestaltet.",
        "The complaint prais[es] the prophet, see www.toshnit.com or piar@example.org.",
    ],
)
def test_loanwords_titles_and_other_languages_are_not_transliterations(text):
    assert found(text) == []


def test_leftover_checks_are_pure_functions_of_the_document():
    compiled = leftover.prepare(leftover.Options(find="word"))
    doc = Document("The aid reaches but кожна every family.", "a.txt")
    assert list(leftover.check(doc, compiled)) == list(leftover.check(doc, compiled))
