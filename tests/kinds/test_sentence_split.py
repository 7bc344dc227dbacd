"""sentence_split (mt.sentence-split): a link pasted after a sentence is not a split."""

from __future__ import annotations

import lint


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
