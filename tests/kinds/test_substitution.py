"""substitution: a wrong form, with the right one suggested in matching case."""

from tests.conftest import one_rule


def test_substitution_preserves_case_and_suggests():
    linter = one_rule("substitution", "      swap: {Kiev: Kyiv}", "{match} -> {suggestion}")
    found = linter.check_text("KIEV and Kiev and kiev.")
    assert [f.suggestions[0] for f in found] == ["KYIV", "Kyiv", "Kyiv"]
    assert found[1].message == "Kiev -> Kyiv"


def test_substitution_allow_list_silences_fixed_expressions():
    linter = one_rule("substitution", "      swap: {Kiev: Kyiv}\n      allow: ['chicken Kiev']")
    found = linter.check_text("He ate chicken Kiev in Kiev.")
    assert [f.column for f in found] == [24]
