"""sensational: capitals as layout are not shouting (issue 16, class 6)."""

from pathlib import Path

import pytest

from lint.engine import Linter
from lint.packs import load_pack
from tests.conftest import by_rule

RULES = Path(__file__).resolve().parents[2] / "rules"
RULE = "misinfo.sensational"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter([r for r in load_pack(RULES / "misinfo.yaml").rules if r.id == RULE])


def shouts(linter: Linter, text: str) -> list[tuple[int, str]]:
    return [
        (f.line, text[f.offset : f.end_offset]) for f in linter.check_text(text) if f.rule == RULE
    ]


def test_a_byline_and_timestamp_in_capitals_is_layout(linter):
    text = (
        "Storm closes schools across the county\n"
        "7:11 AM PST BY STAFF WRITERS AND WIRE REPORTS\n"
        "Schools were closed on Monday. UPDATED 9:30 AM EST WITH NEW FIGURES\n"
    )
    assert shouts(linter, text) == []


def test_headings_and_labels_in_capitals_are_layout(linter):
    review = (
        "The concept previews a production wagon.\n\n"
        "VOLKSWAGEN ID. SPACE VIZZION CONCEPT\n\n"
        "The wagon has a range of 300 miles.\n\n"
        "FORD MUSTANG MACH E\n\n"
        "The SUV goes on sale next year.\n\n"
        "HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%\n"
    )
    column = (
        "I'm 74 and was tempted to go to the police. -- BEATEN UP IN CALIFORNIA\n\n"
        "DEAR CONCERNED SISTER: If you are close, your question was not offensive.\n"
    )
    assert shouts(linter, review) == []
    assert shouts(linter, column) == []


def test_capitals_in_running_prose_shout(linter):
    text = (
        "Returns policy\n\n"
        "IF the PRODUCT is DAMAGED or TAGS ARE REMOVED, then the RETURN IS INVALID.\n"
        "Edit: PSA DO NOT GIVE DOGS ANY HUMAN MEDICATION.\n"
    )
    assert shouts(linter, text) == [
        (3, "TAGS ARE REMOVED"),
        (3, "RETURN IS INVALID"),
        (4, "PSA DO NOT GIVE DOGS ANY HUMAN MEDICATION"),
    ]


def test_a_title_in_capitals_shouts_unless_headings_are_the_house_style(linter):
    title = "CHINA'S TENCENT BEGINS SLOW TAKEOVER OF TESLA\n\nThe company bought a stake.\n"
    house_style = (
        "MAKING SPICED HONEY PEAR JAM\n\nPeel the pears.\n\n"
        "HOW TO USE A WATER BATH CANNER\n\nFill the canner.\n"
    )
    assert shouts(linter, title) == [(1, "CHINA'S TENCENT BEGINS SLOW TAKEOVER OF TESLA")]
    assert shouts(linter, house_style) == []


def test_a_shouted_heading_with_an_exclamation_mark_is_still_shouting(linter):
    text = "The cast is announced.\nSEE THE EXTENDED BIO ON HER CAST PAGE!\n"
    assert shouts(linter, text) == [(2, "SEE THE EXTENDED BIO ON HER CAST PAGE")]


def test_a_clickbait_formula_inside_a_quoted_review_is_the_reviewers(linter):
    text = "“The visuals were breathtaking and the performers are so talented. Must see.”\n"
    assert shouts(linter, text) == []


def test_a_sentence_in_capitals_is_shouting_even_on_a_line_of_its_own(linter):
    text = (
        "Rules of the championship\n\n"
        "TEAMS ARE REQUIRED TO PROVIDE A NEGATIVE TEST RESULT BEFORE THE COMMISSION.\n"
    )
    # A one-letter word ("A") ends a run of capitals.
    assert shouts(linter, text) == [
        (3, "TEAMS ARE REQUIRED TO PROVIDE"),
        (3, "NEGATIVE TEST RESULT BEFORE THE COMMISSION"),
    ]


def test_sensational_ignores_acronym_runs_and_long_lines(packs_linter):
    text = "NATO US EU UN OSCE\nTHE GOVERNMENT IS LYING to you.\nWow!! \nYou Won't Believe This\n"
    found = by_rule(packs_linter.check_text(text), "misinfo.sensational")
    assert [f.line for f in found] == [2, 3, 4]
