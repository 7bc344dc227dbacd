"""The machine-translation rules (issue 3) on unseen sentences and a sample of real text."""

from __future__ import annotations

import gzip
import json

import pytest

import lint
from lint.config import Config
from tests.conftest import SHARED

MT = Config(select=("mt", "names", "consistency"))


def rules_in(text: str) -> list[str]:
    return [f.rule for f in lint.check_text(text, config=MT)]


@pytest.mark.parametrize(
    "text",
    [
        "Officials met in Brussels on Monday. they agreed to send more aid.",
        "The army withdrew from the village. but the shelling went on.",
    ],
)
def test_lowercase_continuation_is_a_split(text):
    assert "mt.sentence-split" in rules_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting starts at 9 a.m. tomorrow in Kyiv.",
        "Visit www.example.com. more news follows.",
        "Growth was 3.5 per cent, i.e. slower than last year.",
        "The device (incl. charger) costs more.",
    ],
)
def test_abbreviations_and_addresses_are_not_splits(text):
    assert "mt.sentence-split" not in rules_in(text)


def test_orphan_acronym_after_a_long_sentence_is_reported():
    text = "Finland said it would decide within weeks whether to apply for membership. “NATO.\n"
    assert rules_in(text).count("mt.orphan-sentence") == 1


def test_short_reply_is_not_an_orphan():
    text = "Asked if he would resign after the vote in parliament, he said. “No.”\n"
    assert "mt.orphan-sentence" not in rules_in(text)


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="no shared eval data")
def test_few_findings_on_a_sample_of_original_english_news():
    path = SHARED / "eval" / "clean_en_news" / "clean_en_news.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(400), handle, strict=False)]
    text = "\n".join(r["text"] for r in rows)
    findings = [
        f
        for f in lint.check_text(text, config=MT)
        if f.rule.split(".")[1].startswith(
            ("sentence-split", "orphan", "name-misspelling", "idiom", "locale", "encoding")
        )
    ]
    assert len(findings) <= len(text.split()) / 1000


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


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("The minister said Washington was playing fire.", "playing with fire"),
        ("The two leaders stood shoulder with shoulder.", "shoulder to shoulder"),
        ("At the end the day, the talks failed.", "At the end of the day"),
    ],
)
def test_broken_idiom_gets_its_canonical_form(text, suggestion):
    found = [f for f in lint.check_text(text, config=MT) if f.rule == "mt.literal-idiom"]
    assert found and suggestion in found[0].suggestions[0]


def test_idiom_forms_that_are_english_are_not_reported():
    text = "The agency set the standard for safety and took account of the risks."
    assert "mt.literal-idiom" not in rules_in(text)


@pytest.mark.parametrize(
    ("text", "rule", "suggestion"),
    [
        ("Exports fell to 3,4 billion dollars.", "mt.decimal-comma", "3.4"),
        ("Kyiv says 45.000 soldiers were mobilised.", "mt.dot-thousands", "45,000"),
        ("The decree of 01.03.2022 was annulled.", "mt.dotted-date", "1 March 2022"),
        ("The city lost power â€” again.", "mt.mojibake", "—"),
    ],
)
def test_locale_and_encoding_damage_is_repaired(text, rule, suggestion):
    found = [f for f in lint.check_text(text, config=MT) if f.rule == rule]
    assert len(found) == 1 and suggestion in found[0].suggestions[0]


@pytest.mark.parametrize(
    "text",
    [
        "Exports fell to 3.4 billion dollars, or 3,400 million.",
        "The score was 2.0 after 10.30 minutes on 1 March 2022.",
        "Москва is the Russian name; Київ the Ukrainian.",
    ],
)
def test_english_formats_and_single_foreign_words_pass(text):
    rules = rules_in(text)
    assert not [r for r in rules if r.startswith(("mt.decimal", "mt.dot", "mt.untrans"))]
