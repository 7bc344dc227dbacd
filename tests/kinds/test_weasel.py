"""weasel: anonymous sourcing with the source in a neighbouring sentence (issue 16, class 2)."""

from pathlib import Path

import pytest

from lint.engine import Linter
from lint.packs import load_pack
from tests.conftest import by_rule

RULES = Path(__file__).resolve().parents[2] / "rules"
RULE = "misinfo.weasel"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter([r for r in load_pack(RULES / "misinfo.yaml").rules if r.id == RULE])


def hedges(linter: Linter, text: str) -> list[str]:
    return [text[f.offset : f.end_offset] for f in linter.check_text(text) if f.rule == RULE]


def test_a_named_source_in_the_next_sentence_gives_the_hedge_its_source(linter):
    text = (
        "While air quality in Delhi has improved somewhat, analysts say it is because of "
        "shifts in the weather. “This is mainly due to the change in wind direction,” "
        "Kurinji Selvaraj, a research analyst at the Council on Energy, told CBS News.\n\n"
        "Coming back to the market, experts say the upside will be capped. Pankaj Pandey, "
        "head of research at ICICI Securities, pointed out that this is a stock-specific market."
    )
    assert hedges(linter, text) == []


def test_a_quotation_of_a_named_speaker_in_the_sentence_before_counts(linter):
    text = (
        "Scientists were confident the rock came from Mars, added Smith, a team member. "
        "“Tiny bubbles of gas trapped inside match the atmosphere of Mars.” "
        "It is thought that the meteorite was created when an asteroid hit the planet."
    )
    assert hedges(linter, text) == []


def test_an_anonymous_source_nearby_names_nobody(linter):
    # British copy's "it is understood": a defence source is no named source.
    text = (
        "It is understood that senior officers used the event to stress the importance of "
        "the regiment. “More than half the soldiers came from the paratroopers,” said a "
        "defence source."
    )
    assert hedges(linter, text) == ["It is understood that"]


def test_a_hedge_with_no_source_around_it_is_reported(linter):
    text = (
        "The ceremony featured a portrait between two candles.\n\n"
        "Critics say he remains inseparable from the crimes of the era.\n\n"
        "He represented the party that founded the system."
    )
    (finding,) = [f for f in linter.check_text(text) if f.rule == RULE]
    assert (finding.line, finding.column) == (3, 1)
    assert finding.message == "'Critics say' gives no source: say who"


def test_some_say_as_a_noun_is_not_a_hedge(linter):
    text = "Her friends wanted some say in the disposition of his effects."
    assert hedges(linter, text) == []


def test_a_hedge_in_quotation_marks_is_the_speakers(linter):
    text = "“Experts say the bridge is safe, but nobody has checked it,” the mayor said."
    assert hedges(linter, text) == []


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_seed_weasel_found_and_zhao_quote_not_a_warning(packs_linter):
    seed1 = (SEEDS / "001_d243b07e263ab49a.txt").read_text(encoding="utf-8")
    found = by_rule(packs_linter.check_text(seed1), "misinfo.weasel")
    assert [
        (f.line, seed1.splitlines()[f.line - 1][f.column - 1 : f.end_column - 1]) for f in found
    ] == [(19, "some experts see")]
    seed0 = (SEEDS / "000_744cba33126f6084.txt").read_text(encoding="utf-8")
    zhao_line = next(n for n, line in enumerate(seed0.splitlines(), 1) if "Zhao told" in line)
    assert not [
        f for f in packs_linter.check_text(seed0) if f.line == zhao_line and f.severity != "info"
    ]


def test_weasel_silenced_by_named_source_in_sentence(packs_linter):
    text = (
        "Critics argue the plan is too costly.\n\nThe vote is on Friday. Turnout is expected "
        "to be low.\n\nCritics argue the plan is too costly, according to Reuters."
    )
    found = by_rule(packs_linter.check_text(text), "misinfo.weasel")
    assert [(f.line, f.column) for f in found] == [(1, 1)]
