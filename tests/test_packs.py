"""Pack validation: every mistake is reported with file, line and rule."""

from pathlib import Path

import pytest

from lint.packs import PackError, builtin_pack_paths, load_pack, parse_pack
from lint.selftest import run_examples

GOOD = """\
name: house
version: "1"
description: House style.
rules:
  - id: no-utilize
    kind: existence
    severity: warning
    message: "avoid '{match}'"
    description: Plain words.
    options:
      tokens: [utilize]
    examples:
      flag: ["We utilize it."]
      pass: ["We use it."]
"""


def test_a_valid_pack_loads_with_full_rule_ids():
    pack = parse_pack(GOOD, "house.yaml")
    assert [r.id for r in pack.rules] == ["house.no-utilize"]
    assert pack.rules[0].source == "house.yaml:5"


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("    severity: warning", "    severity: fatal"), 7, "severity must be one of"),
        (("      tokens: [utilize]", "      tokenz: [utilize]"), 11, "unknown option 'tokenz'"),
        (("      tokens: [utilize]", "      tokens: 3"), 11, "option 'tokens' should be"),
        (("    kind: existence", "    kind: existance"), 6, "unknown kind 'existance'"),
        (("    message: \"avoid '{match}'\"\n", ""), 5, "missing key 'message'"),
        (("    severity: warning", "    severity: warning\n    colour: red"), 8, "unknown key"),
        (("      tokens: [utilize]", "      patterns: ['(unclosed']"), 10, "does not compile"),
    ],
)
def test_pack_errors_name_file_line_and_rule(change, line, words):
    text = GOOD.replace(*change)
    with pytest.raises(PackError) as info:
        parse_pack(text, "house.yaml")
    message = str(info.value)
    assert message.startswith(f"house.yaml:{line}:"), message
    assert "house.no-utilize" in message
    assert words in message


def test_malformed_yaml_names_the_line():
    with pytest.raises(PackError) as info:
        parse_pack("name: x\nrules: [\n  - a: b\n", "bad.yaml")
    assert "bad.yaml:" in str(info.value) and "malformed YAML" in str(info.value)


def test_python_tags_are_refused():
    with pytest.raises(PackError) as info:
        parse_pack("name: !!python/object/apply:os.system ['echo pwned']\n", "evil.yaml")
    assert "evil.yaml" in str(info.value)


def test_aliases_are_refused_so_alias_bombs_cannot_expand():
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    with pytest.raises(PackError) as info:
        parse_pack(bomb, "bomb.yaml")
    assert "aliases" in str(info.value)


def test_data_files_outside_the_pack_folder_are_refused(tmp_path: Path):
    from lint.packs import PackContext

    (tmp_path / "pack").mkdir()
    (tmp_path / "secret.txt").write_text("x")
    context = PackContext(tmp_path / "pack")
    with pytest.raises(ValueError, match="outside"):
        context.read_text("../secret.txt")


def test_every_builtin_example_behaves():
    rules = [rule for path in builtin_pack_paths() for rule in load_pack(path).rules]
    count, failures = run_examples(rules)
    assert count >= 2 * len(rules) - 5
    assert not failures, "\n".join(map(str, failures))


def test_every_builtin_rule_documents_itself():
    for path in builtin_pack_paths():
        for rule in load_pack(path).rules:
            assert rule.description and rule.message, rule.id
            assert rule.examples_flag, f"{rule.id} has no flag example"
