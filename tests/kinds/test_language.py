"""language (mt.foreign-language) and the engine's rule that English rules leave
lines in another language alone."""

from __future__ import annotations

import lint
from lint.language import line_language

GERMAN = (
    "Der Seat Mo 125 kostet 6.699 Euro. Davon kann man noch die Förderung für E-Mopeds in "
    "der Höhe von 700 Euro abziehen.\n\n"
    "Wie in jedem Titel der mittlerweile über 20 Jahre alten Reihe startet ihr auch in Anno "
    "1800 mit einem Schiff. Das Element dient als „zweite Haut“ von Wänden.\n"
)


def findings(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in lint.check_text(text, path="t.txt")]


def test_a_paragraph_left_in_spanish_is_an_error():
    text = (
        "The mayor spoke to reporters on Monday about the floods.\n\n"
        "La alcaldía informó que las lluvias afectaron a más de dos mil familias en los "
        "barrios del sur de la ciudad.\n\nThe army was deployed on Tuesday.\n"
    )
    assert ("mt.foreign-language", "error") in findings(text)


def test_a_german_document_gets_one_note_and_no_english_rule_findings():
    found = [f for f in findings(GERMAN) if not f[0].startswith("quality.doc-")]
    assert found == [("mt.foreign-language", "info")]  # no fragment, dot-thousands, quotes


def test_english_rules_skip_lines_in_another_script():
    text = (
        "Officials met on Monday. The talks ended without a deal.\n"
        "Врач также напомнила, что отсутствие здорового сна и накопленный недосып влияют на "
        "качество жизни.\n"
    )
    assert "quality.fragment" not in {rule for rule, _ in findings(text)}


def test_english_text_with_a_foreign_phrase_or_name_is_english():
    for text in (
        "Macron repeated the words of 2020, « nous sommes en guerre », in a televised address.",
        "The singer Sergei Lazarev (Сергей Лазарев) will perform in Kyiv on Saturday night.",
        "The German chancellor said the Bundestag would vote on the aid package next week.",
        "la la la la la la la la",
    ):
        assert line_language(text) is None, text
    assert line_language(
        "Die Regierung hat am Montag beschlossen, dass die Hilfen nicht gekürzt werden."
    ) == ("German", 12)


def test_a_mostly_german_page_with_english_bits_gets_one_note():
    # Over half of its words in German: a German page, not German passages in
    # an English text (a short English slogan does not make it English).
    text = (
        "Blue Tomato präsentiert die dritte Auflage des Events in diesem Jahr am See.\n\n"
        "Der Wakebeach bietet mit dem abfallenden Rasen am Ufer sowie Plattformen im See "
        "ideale Bedingungen für einen perfekten Blick auf die Rampe und die Fahrer.\n\n"
        "Be there or be square!\n"
    )
    assert [f for f in findings(text) if not f[0].startswith("quality.doc-")] == [
        ("mt.foreign-language", "info")
    ]
