"""anonymous-quote: quotations whose only source is anonymous (gossip copy's "an insider")."""

from pathlib import Path

import pytest

from lint.engine import Linter
from lint.kinds import anonymous_quote
from lint.packs import load_pack

RULES = Path(__file__).resolve().parents[2] / "rules"
RULE = "misinfo.anonymous-quote"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter([r for r in load_pack(RULES / "misinfo.yaml").rules if r.id == RULE])


def findings(linter: Linter, text: str) -> list:
    return [f for f in linter.check_text(text) if f.rule == RULE]


def test_a_quotation_from_an_insider_is_reported_with_its_speaker(linter):
    text = (
        "Braun is unhappy with the way his partner handled the split.\n\n"
        "“He is frustrated because his name is being dragged through the mud,” "
        "an insider told the outlet on Monday. “He does not run the label.”"
    )
    (found,) = findings(linter, text)
    assert (found.line, found.column) == (3, 1)
    assert found.message == (
        "a quotation of 12 words whose only source is anonymous (an insider); "
        "name the source or say why it cannot be named"
    )


def test_the_continuation_of_an_anonymous_quotation_is_anonymous_too(linter):
    text = (
        "“She was finally on a healthy path again and getting her life in order,” "
        "said a close pal.\n\n"
        "“This is a guy who has been a terrible influence on her for years, everyone knows it.”"
    )
    assert [f.line for f in findings(linter, text)] == [1, 3]


def test_named_speakers_and_names_that_contain_a_source_noun_are_not_anonymous(linter):
    text = (
        "“He is frustrated because his name is being dragged through the mud,” "
        "his manager Scott Borchetta told the outlet.\n\n"
        "“This is about money, not music, and everybody in the business knows it,” "
        "Business Insider reported."
    )
    assert findings(linter, text) == []


def test_short_phrases_and_woven_quotations_are_left_alone(linter):
    text = "An insider said the couple had “no plans to split at all this year or next”."
    assert findings(linter, text) == []


def test_the_sources_option_is_required():
    with pytest.raises(ValueError, match="needs 'sources'"):
        anonymous_quote.prepare(anonymous_quote.Options())
