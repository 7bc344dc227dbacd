"""metric: a readability formula per paragraph against a threshold."""

from tests.conftest import one_rule


def test_metric_flags_run_on_paragraphs_only():
    linter = one_rule(
        "metric", "      formula: flesch_kincaid_grade\n      max: 30\n      min_words: 10"
    )
    run_on = " ".join(["menu item link"] * 40)
    prose = "The council met on Tuesday. It agreed to fund schools. The mayor was pleased."
    found = linter.check_text(prose + "\n\n" + run_on)
    assert [f.line for f in found] == [3]


def test_the_finding_spans_the_whole_paragraph_and_names_score_and_limit():
    linter = one_rule(
        "metric",
        "      formula: flesch_kincaid_grade\n      max: 30\n      min_words: 10",
        "scores {score} (limit {limit})",
    )
    run_on = " ".join(["home news world politics business"] * 20)
    [finding] = linter.check_text("A short line.\n\n" + run_on + "\n")
    assert (finding.line, finding.column, finding.end_line) == (3, 1, 3)
    assert finding.end_column == len(run_on) + 1
    assert finding.message == "scores 42.3 (limit 30)"


def test_a_paragraph_under_min_words_is_not_scored():
    linter = one_rule(
        "metric", "      formula: flesch_kincaid_grade\n      max: 1\n      min_words: 40"
    )
    assert linter.check_text("Notwithstanding extraordinarily complicated circumstances.") == []
