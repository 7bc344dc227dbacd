"""boilerplate (scrape.boilerplate): a dialogue reply is not a button (issue 16, class 6)."""

from __future__ import annotations

import lint
from lint import check_text
from tests.conftest import leftover_findings as found


def furniture(text: str) -> list[str]:
    return [
        text[f.offset : f.end_offset]
        for f in lint.check_text(text, path="t.txt")
        if f.rule == "scrape.boilerplate"
    ]


def test_a_two_word_reply_in_a_dialogue_is_not_boilerplate():
    chat = "Could you reset the router and try again?\nGot it.\nAgreed.\nThanks, that worked.\n"
    assert furniture(chat) == []


def test_the_same_words_as_a_button_label_are_boilerplate():
    page = "We use cookies to personalise content and ads.\nGot it\n"
    assert "Got it" in furniture(page)


def test_a_menu_entry_ending_in_an_abbreviation_is_not_a_reply():
    from lint.kinds.boilerplate import _is_reply

    assert not _is_reply("U.S.", ["U.S."]) and not _is_reply("Apple Inc.", ["Apple", "Inc."])
    assert _is_reply("Got it.", ["Got", "it."]) and not _is_reply("Got it", ["Got", "it"])


def test_markup_residue_inside_a_sentence():
    assert found("Thank you<unk> today.") == [("mt.unknown-token", "<unk>")]
    assert found("Contingents are in DR Congo.[1] The role was set.") == [
        ("scrape.footnote-marker", "[1]")
    ]
    assert found("The talks failed.</section> Officials said so.") == [
        ("scrape.markup", "</section>")
    ]
    assert found("“It give[s] us hope,” he said.\n[1] The list follows.") == []


def rules_hit(text: str, prefix: str = "scrape.") -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in check_text(text, path="t.txt") if f.rule.startswith(prefix)]


def test_seed_like_page_furniture_is_flagged_line_by_line():
    page = (
        "Connect with us\n\nHi, what are you looking for?\n\n"
        "China appears to be taking Russia's side in the conflict.\n\n"
        "Comments are closed.\n"
    )
    assert rules_hit(page) == [(n, "scrape.boilerplate") for n in (1, 3, 7)]


def test_prose_that_mentions_widgets_is_not_boilerplate():
    prose = (
        "Readers were asked to leave a comment on the ministry's website, and the comments "
        "are closed to the public after a week, officials said.\n\n"
        "The newspaper said it uses cookies to track readers, a practice regulators questioned."
    )
    assert rules_hit(prose) == []
