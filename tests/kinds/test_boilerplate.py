"""boilerplate (scrape.boilerplate): a dialogue reply is not a button (issue 16, class 6)."""

from __future__ import annotations

import lint


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
