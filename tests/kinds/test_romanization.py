"""names.romanization and names.romanization-mixed: the faults of issue 16, class 4.

The Ukrainian form of a place is never reported, fixed expressions that keep the
old spelling are not uses of it, the two rules never report the same span, people
are not called places, and no fix ever writes the Russian-derived spelling.
"""

from __future__ import annotations

import lint
from tests.conftest import run_cli

NAMES = ("names.romanization", "names.romanization-mixed")


def found(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.rule, text[f.offset : f.end_offset], f.message)
        for f in lint.check_text(text, path="t.txt")
        if f.rule in NAMES
    ]


def test_a_single_kyiv_among_fixed_expressions_is_not_reported():
    text = (
        "Dynamo Kiev beat Shakhtar on Sunday. Fans in Kyiv ate chicken Kiev and sang "
        "songs of Kievan Rus. Dynamo Kiev fans went home."
    )
    assert found(text) == []


def test_the_ukrainian_form_is_never_the_reported_minority():
    text = "Missiles struck Kiev. Kiev was dark. Kiev said power would return. Kyiv is calm."
    hits = found(text)
    assert [match for _, match, _ in hits] == ["Kiev", "Kiev", "Kiev"]
    assert {rule for rule, _, _ in hits} == {"names.romanization"}


def test_the_two_rules_never_report_the_same_span():
    text = (
        "Kyiv and Kiev. Kharkiv, Kharkov and Kharkov. "
        "Zelenskyy met Zelensky's aide; Zelenskyy left."
    )
    spans = [
        (f.offset, f.end_offset) for f in lint.check_text(text, path="t.txt") if f.rule in NAMES
    ]
    assert len(spans) == len(set(spans))


def test_people_are_names_not_places():
    text = "Zelenskyy spoke on Monday. Zelensky then left for Lviv. Zelenskyy returned on Friday."
    [(rule, match, message)] = found(text)
    assert (rule, match) == ("names.romanization-mixed", "Zelensky")
    assert "same name" in message and "place" not in message


def test_exonyms_style_guides_keep_are_not_reported():
    text = (
        "It was the worst nuclear accident since Chernobyl. The Chernobyl disaster of 1986 "
        "and Fukushima changed energy policy. Troops crossed the Dnieper River at Kherson."
    )
    assert found(text) == []


def test_unsafe_fixes_never_write_the_russian_derived_spelling(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Missiles struck Kiev overnight. Kiev was dark. Officials in Kyiv said power would "
        "return. Dynamo Kiev cancelled its match.\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--isolated", "--no-cache", "--fix", "--unsafe-fixes", str(path))
    assert proc.returncode in (0, 1), proc.stderr
    fixed = path.read_text(encoding="utf-8")
    assert fixed.count("Kyiv") == 3
    assert "Dynamo Kiev" in fixed and fixed.count("Kiev") == 1
