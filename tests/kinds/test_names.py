"""name_misspelling (lint/kinds/names.py): misspelt and mistransliterated known names."""

from __future__ import annotations

import pickle

import pytest

import lint
from lint.config import Config
from lint.kinds import names
from lint.name_spelling import (
    VOICING,
)
from lint.rulebook import linter_for

MT = Config(select=("mt", "names", "consistency"))


def rules_in(text: str) -> list[str]:
    return [f.rule for f in lint.check_text(text, config=MT)]


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Investigators returned to Pucha on Tuesday.", "Bucha"),
        ("A missile hit the railway station in Gramatorsk.", "Kramatorsk"),
        ("Ukrainian troops advanced towards Melidopol.", "Melitopol"),
        ("The bodies were found in the streets of Buche.", "Bucha"),
    ],
)
def test_mistransliterated_place_is_reported_with_the_known_name(text, suggestion):
    found = [f for f in lint.check_text(text, config=MT) if f.rule == "names.misspelt-name"]
    assert [f.suggestions for f in found] == [(suggestion,)]


@pytest.mark.parametrize(
    "text",
    [
        "Residents of Kamyanka and Bila Tserkva fled.",  # romanization variants
        "He tweeted in July about the election in Pickering.",
        "Investigators returned to Bucha on Tuesday.",
    ],
)
def test_known_names_and_variants_are_not_misspellings(text):
    assert "names.misspelt-name" not in rules_in(text)


NAMES = Config(select=("names",))


def names_findings(text: str):
    return [f for f in lint.check_text(text, config=NAMES) if f.rule.startswith("names.")]


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Officials flew to Lonton on Monday for the talks.", "London"),
        ("The nuclear talks in Dehran stalled again.", "Tehran"),
        ("Troops crossed into Gashmir overnight.", "Kashmir"),
        ("Ausdralia won the toss and chose to bat.", "Australia"),
        ("President Emmanuel Macronn said the talks would resume.", "Macron"),
        ("The Kharkovskaya oblast was shelled overnight.", "Kharkiv"),
        ("Heavy fighting went on near Kramatorskaya.", "Kramatorsk"),
        ("Fighting around Vuhledarar continued on Sunday.", "Vuhledar"),
    ],
)
def test_misspelt_world_name_is_reported_with_its_name(text, suggestion):
    found = [f for f in names_findings(text) if f.rule == "names.misspelt-name"]
    assert [f.suggestions for f in found] == [(suggestion,)]


def test_garbled_form_says_what_happened_to_the_name():
    [finding] = names_findings("Heavy fighting went on near Kramatorskaya.")
    assert "Russian or Ukrainian ending" in finding.message
    assert (finding.line, finding.column) == (1, 29)
    [finding] = names_findings("Fighting around Vuhledarar continued on Sunday.")
    assert finding.message == "'Vuhledarar' repeats a syllable of 'Vuhledar'"


@pytest.mark.parametrize(
    "text",
    [
        "Officials flew to London, Tehran and Kashmir on Monday.",
        "Commander Valery Zaluzhny spoke, as did Valerii Zaluzhnyi.",  # romanizations
        "The actress Anna Kramatorskaya starred in it.",  # a surname in -skaya
        "Stalina Petrova runs a farm near Tambov.",  # a feminine name
        "Write to Londono@example.org for details.",
        "The Kramatorsk station was hit.",
    ],
)
def test_names_and_forms_that_are_right_pass(text):
    assert not [f for f in names_findings(text) if f.rule == "names.misspelt-name"]


def test_evidence_grows_with_fame_position_and_the_document():
    world = names.WorldVerdict("London", 5.27, 0.0, VOICING, "place")
    lesser = names.WorldVerdict("Spector", 2.84, 0.0, VOICING, "word")
    none = dict(positioned=False, companion=False, in_run=0.0)
    alone = dict(none, target_in_document=False, token_repeated=False)
    threshold = names.Options().min_evidence
    assert names.evidence(world, **alone) >= threshold  # famous: needs no "in"
    assert names.evidence(lesser, **alone) < threshold
    assert names.evidence(lesser, **dict(alone, target_in_document=True)) >= threshold
    repeated = dict(alone, token_repeated=True)
    assert names.evidence(world, **repeated) < names.evidence(world, **alone)


def test_a_lesser_name_needs_evidence_from_its_document():
    slip = "Morgan Spectoer starred in it."
    assert not names_findings(slip)
    text = "Morgan Spector starred in it. Critics praised Spector. " + slip
    [finding] = names_findings(text)
    assert finding.suggestions == ("Spector",)


def test_a_name_no_list_holds_spelt_two_ways_in_one_document():
    text = (
        "Nikos Vlachogiannis played Xerxes. Vlachogiannis was praised by critics.\n"
        "After the show, Nikos Vlachoggiannis bowed.\n"
    )
    [finding] = names_findings(text)
    assert (finding.line, finding.column) == (2, 23)
    expected = "'Vlachoggiannis' here, but 'Vlachogiannis' twice in this document"
    assert finding.message.startswith(expected)


def test_the_world_tables_are_plain_data():
    rule = linter_for(NAMES).by_id["names.misspelt-name"]
    world = rule.compiled.world
    assert all(
        isinstance(k, str) and isinstance(v[0], str) and isinstance(v[1], float)
        for k, v in world.targets.items()
    )
    assert world.targets["tehran"][:1] == ["Tehran"]
    assert all(isinstance(w, str) for w in world.name_like) and "kardashian" in world.name_like
    assert pickle.loads(pickle.dumps(rule.compiled)).world.targets == world.targets


@pytest.mark.parametrize(
    "text",
    [
        # A token that begins another name ("Kristinn Hrafnsson", "the Sahan
        # Journal") or stands inside a person's name is no misspelt place.
        "Wikileaks editor-in-chief Kristinn Hrafnsson said it would appeal.",
        "Mohamed told the Sahan Journal that he was proud.",
        "The supervision of the Pedro Maria Tonha Pedale Hospital passes to the province.",
    ],
)
def test_a_word_beginning_or_inside_another_name_is_not_a_misspelling(text):
    assert names_findings(text) == []


def test_a_misspelt_place_before_a_place_word_is_still_found():
    assert [f.rule for f in names_findings("Protesters gathered in Dehran on Friday.")] == [
        "names.misspelt-name"
    ]


def test_a_surname_a_vowel_off_a_name_no_list_holds_is_not_reported():
    # wordfreq knows "Ahmad"; "Ahmado" after a given name is a surname of its own.
    text = "A VOA reporter, Nisan Ahmado's source inside the camp, described the shortages."
    assert names_findings(text) == []
