"""Each rule kind on real sentences, through a one-rule pack."""

from lint.engine import Linter
from lint.packs import parse_pack


def one_rule(kind: str, options: str, message: str = "'{match}'") -> Linter:
    text = f"""\
name: t
version: "1"
description: test
rules:
  - id: r
    kind: {kind}
    severity: warning
    message: "{message}"
    description: test
    options:
{options}
"""
    return Linter(parse_pack(text, "t.yaml").rules)


def test_existence_matches_whole_phrases_across_whitespace():
    linter = one_rule("existence", "      tokens: [sources say]")
    found = linter.check_text("Sources\n say the talks failed. Resources say nothing.")
    assert len(found) == 1 and (found[0].line, found[0].column) == (1, 1)
    assert found[0].end_line == 2


def test_substitution_preserves_case_and_suggests():
    linter = one_rule("substitution", "      swap: {Kiev: Kyiv}", "{match} -> {suggestion}")
    found = linter.check_text("KIEV and Kiev and kiev.")
    assert [f.suggestions[0] for f in found] == ["KYIV", "Kyiv", "Kyiv"]
    assert found[1].message == "Kiev -> Kyiv"


def test_substitution_allow_list_silences_fixed_expressions():
    linter = one_rule("substitution", "      swap: {Kiev: Kyiv}\n      allow: ['chicken Kiev']")
    found = linter.check_text("He ate chicken Kiev in Kiev.")
    assert [f.column for f in found] == [24]


def test_repetition_reports_doubled_words_not_names():
    linter = one_rule("repetition", "      max_words: 1")
    found = linter.check_text("It was the the best. Bora Bora is far. He had had enough.")
    assert [f.column for f in found] == [8]


def test_repetition_does_not_cross_blank_lines():
    linter = one_rule("repetition", "      max_words: 1")
    assert linter.check_text("The end\n\nend of story.") == []


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


def test_script_suggests_the_latin_look_alike():
    linter = one_rule("script", "      scripts: [Cyrillic]", "{suggestion}")
    found = linter.check_text("Shelling hit Kharkіv and Київ.")  # Cyrillic і in Kharkіv
    assert len(found) == 1
    assert found[0].suggestions == ("Kharkiv",)


def test_metric_flags_run_on_paragraphs_only():
    linter = one_rule(
        "metric", "      formula: flesch_kincaid_grade\n      max: 30\n      min_words: 10"
    )
    run_on = " ".join(["menu item link"] * 40)
    prose = "The council met on Tuesday. It agreed to fund schools. The mayor was pleased."
    found = linter.check_text(prose + "\n\n" + run_on)
    assert [f.line for f in found] == [3]


def test_a_run_of_one_word_is_reported_once_as_a_loop_not_also_as_a_doubled_word():
    from lint.config import Config
    from lint.rulebook import linter_for

    findings = linter_for(Config()).check_text("They are going to to to to the city. The the man.")
    assert [(f.rule, f.column) for f in findings if f.rule.startswith("mt.")] == [
        ("mt.repetition-loop", 16),
        ("mt.repeated-word", 38),
    ]
