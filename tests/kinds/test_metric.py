"""metric: a readability formula per paragraph against a threshold."""

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


def test_metric_flags_run_on_paragraphs_only():
    linter = one_rule(
        "metric", "      formula: flesch_kincaid_grade\n      max: 30\n      min_words: 10"
    )
    run_on = " ".join(["menu item link"] * 40)
    prose = "The council met on Tuesday. It agreed to fund schools. The mayor was pleased."
    found = linter.check_text(prose + "\n\n" + run_on)
    assert [f.line for f in found] == [3]
