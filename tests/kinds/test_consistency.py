"""consistency: one thing written two ways in one document; the minority form is reported."""

from tests.conftest import one_rule


def test_consistency_reports_the_minority_form_at_each_use():
    linter = one_rule("consistency", "      words: [[standoff, stand-off]]")
    text = "The standoff grew. A stand-off is bad. The standoff ended."
    found = linter.check_text(text)
    assert [f.column for f in found] == [text.index("stand-off") + 1]
    assert found[0].suggestions == ("standoff",)


def test_consistency_hyphenation_needs_no_word_list():
    linter = one_rule("consistency", "      hyphenation: true")
    found = linter.check_text("Send an email. Use e-mail. Every email counts.")
    assert [f.column for f in found] == [20]
