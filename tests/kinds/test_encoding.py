"""mt.mojibake on mojibake collected from public bug reports and on correct text.

tests/data/mojibake_cases.jsonl holds each case with the address it was taken
from (ftfy's in-the-wild and known-failure cases and issues, other projects'
bug reports, forum pages); `expect: pass` rows are correct text that must draw
no finding. bench/eval_leftovers.py prints the same figures.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import lint
from lint.config import Config
from tests.conftest import SHARED

CASES = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[1] / "data" / "mojibake_cases.jsonl")
    .read_text()
    .splitlines()
]
MOJIBAKE = Config(select=("mt.mojibake",))


def mojibake(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (text[f.offset : f.end_offset], f.suggestions)
        for f in lint.check_text(text, config=MOJIBAKE)
    ]


def test_every_case_names_its_source():
    assert len([c for c in CASES if c["expect"] == "flag"]) >= 80
    assert all(c["source"].startswith(("https://", "written")) for c in CASES)


def test_recall_on_real_world_mojibake_is_at_least_nine_in_ten():
    cases = [c for c in CASES if c["expect"] == "flag"]
    missed = [c["text"] for c in cases if not mojibake(c["text"])]
    assert 1 - len(missed) / len(cases) >= 0.95, missed


@pytest.mark.parametrize(
    "text", [c["text"] for c in CASES if c["expect"] == "pass"], ids=lambda t: t[:30]
)
def test_correct_text_draws_no_finding(text):
    assert mojibake(text) == []


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        # UTF-8 read as Windows-1251, the likeliest in a Russian or Ukrainian pipeline
        ("S&P Confirms UkrsotsbankвЂ™s rating", "UkrsotsbankвЂ™s", "Ukrsotsbank’s"),
        # read as Windows-1252, then the result as Windows-1251
        ("a bigger-than-expected Г‚ВЈ5.8bn rights issue", "Г‚ВЈ5.8bn", "£5.8bn"),
        # MacRoman, code page 437, Windows-1250
        ("afin d'en profiter‚Ä¶ today", "profiter‚Ä¶", "profiter…"),
        ("#╨┐╤Ç╨░╨▓╨╕╨╗╤î╨╜╨╛╨╡", "#╨┐╤Ç╨░╨▓╨╕╨╗╤î╨╜╨╛╨╡", "#правильное"),
        ("Liège Avenue de l'HĂ´pital", "l'HĂ´pital", "l'Hôpital"),
        # encoded twice; emoji
        ("Iggy Pop (nÃƒÂ© Jim Osterberg)", "(nÃƒÂ©", "(né"),
        ("a rocketship instead of ðŸš€ here", "ðŸš€", "🚀"),
    ],
)
def test_code_page_confusions_are_found_and_repaired(text, span, suggestion):
    assert mojibake(text) == [(span, (suggestion,))]


def test_mojibake_split_by_a_lost_no_break_space_is_one_finding():
    text = "Tweet: Р С—РЎР‚Р С‘РЎРЏРЎвЂљР Р…Р С•РЎРѓРЎвЂљР С‘. Done."
    assert mojibake(text) == [("Р С—РЎР‚Р С‘РЎРЏРЎвЂљР Р…Р С•РЎРѓРЎвЂљР С‘.", ("приятности.",))]


def test_mojibake_ftfy_declines_is_still_found():
    # ftfy's known failures: MacRoman "ù", code page 437 "¿"
    assert mojibake("Sarai ricontattato al pi√π presto.") == [("pi√π", ("più",))]
    assert mojibake("┬┐que diferencia hay?") == [("┬┐que", ("¿que",))]


def test_replacement_characters_are_reported_without_a_guess():
    found = lint.check_text("Black diamonds, such as Se\ufffd\ufffdor.", config=MOJIBAKE)
    assert [(f.column, f.end_column, f.suggestions) for f in found] == [(27, 29, ())]
    assert "characters were lost" in found[0].message


def test_windows_1251_read_as_windows_1252_is_repaired_to_cyrillic():
    assert mojibake("The file shows Ïðèâåò instead.") == [("Ïðèâåò", ("Привет",))]


def test_a_punctuation_mark_that_lost_its_last_byte_is_reported():
    found = lint.check_text('an em-dash showed as â€" here', config=MOJIBAKE)
    assert [f.column for f in found] == [22]
    assert "last byte was lost" in found[0].message


def test_ukrainian_words_that_decode_under_windows_1251_are_left_alone():
    # "дії" re-encodes to E4 B3 BF, a valid UTF-8 ideograph; "РІ" to "в".
    assert mojibake("Тобто дії президента. РІ та СІ.") == []


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="no shared eval data")
def test_no_finding_on_russian_and_ukrainian_source_sentences():
    path = SHARED / "eval" / "mt_ruuk_en" / "mt_ruuk_en.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        sources = [json.loads(line)["source"] for line in handle]
    text = "\n".join(sources)
    assert mojibake(text) == []
