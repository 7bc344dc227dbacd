"""existence: words, phrases or regexes that should not appear."""

from __future__ import annotations

import pytest

from tests.conftest import leftover_findings as found
from tests.conftest import one_rule


def test_existence_matches_whole_phrases_across_whitespace():
    linter = one_rule("existence", "      tokens: [sources say]")
    found = linter.check_text("Sources\n say the talks failed. Resources say nothing.")
    assert len(found) == 1 and (found[0].line, found[0].column) == (1, 1)
    assert found[0].end_line == 2


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("“ well, here we go” .", "“ "),
        ('They said, " Why? " and left.', '" Why? "'),
        ('such a thing suits him" .', '" .'),
    ],
)
def test_spaced_quotation_marks(text, span):
    assert ("mt.spaced-quotes", span) in found(text)


def test_a_guillemet_closing_an_english_quotation():
    assert found('says the commander from the pseudo "Cadet »') == [("mt.lone-guillemet", "»")]
    assert found("Will it happen again?» she asked.") == [("mt.lone-guillemet", "»")]
    assert found("Read more stories in Entertainment this hour »") == []


def test_dash_attribution_without_quotation_marks():
    text = "Their antibodies did not change during mutations, - says the doctor."
    assert found(text) == [("mt.dash-attribution-unquoted", "- says")]
    assert found("The official – said to be close to the president – resigned.") == []
