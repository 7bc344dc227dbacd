"""script: words mixing Latin with Cyrillic or Greek letters."""

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


def test_script_suggests_the_latin_look_alike():
    linter = one_rule("script", "      scripts: [Cyrillic]", "{suggestion}")
    found = linter.check_text("Shelling hit Kharkіv and Київ.")  # Cyrillic і in Kharkіv
    assert len(found) == 1
    assert found[0].suggestions == ("Kharkiv",)
