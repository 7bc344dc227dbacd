"""Names anywhere in the world (issue 17): spelling steps, wordfreq, the world's
targets weighed by evidence, garbled forms, and one name spelt two ways in a
document or across the documents of a run."""

from __future__ import annotations

import pickle

import pytest

import lint
from lint.config import Config
from lint.kinds import names
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
from lint.rulebook import linter_for
from tests.conftest import run_cli

NAMES = Config(select=("names",))


def names_findings(text: str):
    return [f for f in lint.check_text(text, config=NAMES) if f.rule.startswith("names.")]


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


def test_a_run_reports_the_rare_spelling_of_a_name_its_other_documents_share(tmp_path):
    for i, text in enumerate(
        [
            "Nikos Vlachogiannis played Xerxes.",
            "Vlachogiannis was praised by the critics.",
            "The actor Nikos Vlachogiannis spoke after the show.",
            "Nikos Vlachoggiannis was not there.",
            "Nothing about her here.",
        ]
    ):
        (tmp_path / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--select", "names", "--no-cache", str(tmp_path))
    lines = [line for line in proc.stdout.splitlines() if "cross-document" in line]
    assert len(lines) == 1 and "3.txt:1:7:" in lines[0]
    assert "'Vlachoggiannis' here, but 'Vlachogiannis' 3 times in 3 other documents" in lines[0]
    (tmp_path / "3.txt").write_text("Nikos Vlachogiannis was not there.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--select", "names", "--no-cache", str(tmp_path))
    assert "cross-document" not in proc.stdout


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
