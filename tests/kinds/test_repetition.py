"""repetition: doubled words, repeated phrases and repetition loops."""

from tests.conftest import one_rule


def test_repetition_reports_doubled_words_not_names():
    linter = one_rule("repetition", "      max_words: 1")
    found = linter.check_text("It was the the best. Bora Bora is far. He had had enough.")
    assert [f.column for f in found] == [8]


def test_repetition_does_not_cross_blank_lines():
    linter = one_rule("repetition", "      max_words: 1")
    assert linter.check_text("The end\n\nend of story.") == []


def test_a_run_of_one_word_is_reported_once_as_a_loop_not_also_as_a_doubled_word():
    from lint.config import Config
    from lint.rulebook import linter_for

    findings = linter_for(Config()).check_text("They are going to to to to the city. The the man.")
    assert [(f.rule, f.column) for f in findings if f.rule.startswith("mt.")] == [
        ("mt.repetition-loop", 16),
        ("mt.repeated-word", 38),
    ]
