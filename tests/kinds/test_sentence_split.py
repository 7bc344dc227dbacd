"""sentence_split (mt.sentence-split): a link pasted after a sentence is not a split."""

from __future__ import annotations

import pytest

import lint
from lint.config import Config


def splits(text: str) -> list[str]:
    return [f.rule for f in lint.check_text(text, path="t.txt") if f.rule == "mt.sentence-split"]


def test_a_web_address_after_a_full_stop_is_not_a_continuation():
    assert splits("No one is going to take your slogan. https://t.co/XPxUJuyIAC") == []
    assert splits("It creates grave health risks. pic.twitter.com/fCX2Ptc7YN") == []
    assert splits("Details are online. www.example.org has them.") == []


def test_a_lowercase_word_after_a_full_stop_is_still_a_split():
    assert splits("It would react to a move to annex Ukraine. self-governing island.") == [
        "mt.sentence-split"
    ]


def test_a_lost_capital_is_named_as_such_and_brands_and_one_word_sentences_pass():
    [lost] = [
        f
        for f in lint.check_text("I will write you back tomorrow. thank you", path="t.txt")
        if f.rule == "mt.sentence-split"
    ]
    assert "lowercase" in lost.message
    assert splits("Organic content recirculation. my6sense clients grew.") == []
    assert splits("Meth. We're. on. it.") == []


def test_a_split_is_an_error_a_lost_capital_a_warning_and_a_user_level_caps_both():
    from lint.config import Config
    from lint.rulebook import linter_for

    text = "Funds went to airlines. and capitalize the carrier. I will write back. thank you"
    default = linter_for(Config(select=("mt.sentence-split",))).check_text(text)
    assert [f.severity for f in default] == ["error", "warning"]
    lowered = linter_for(
        Config(select=("mt.sentence-split",), severity={"mt.sentence-split": "info"})
    ).check_text(text)
    assert [f.severity for f in lowered] == ["info", "info"]


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
