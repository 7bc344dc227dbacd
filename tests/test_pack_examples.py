"""Pack examples that state where and what: `{text, at, message}` (issue 19, item 4).

`at` is line:column-end_line:end_column as the JSON report writes a finding (end
column exclusive); `message` is the whole message or a part of it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.examples import Span
from lint.kinds import get_kind
from lint.packs import (
    PackError,
    builtin_pack_paths,
    load_pack,
    pack_from_plain,
    pack_to_plain,
    parse_pack,
)
from tests.conftest import run_cli

PACK = """\
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
      flag:
        - "We utilize it."
        - text: "Engineers utilize satellites."
          at: "1:11-1:18"
          message: "avoid 'utilize'"
      pass: ["We use it."]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_placed_example_loads_beside_plain_ones():
    rule = parse_pack(PACK, "house.yaml").rules[0]
    assert rule.examples_flag == ("We utilize it.", "Engineers utilize satellites.")
    [expected] = rule.examples_expected
    assert expected.at == Span(1, 11, 1, 18) and expected.message == "avoid 'utilize'"


def test_test_packs_passes_a_right_placement(tmp_path):
    proc = run_cli("test-packs", str(write(tmp_path, PACK)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3 passed, 0 failed" in proc.stdout


@pytest.mark.parametrize(
    ("change", "wanted"),
    [
        ('at: "1:11-1:18"', 'at: "1:10-1:18"'),  # one column off
        ('at: "1:11-1:18"', 'at: "1:11-1:17"'),  # end column taken as inclusive
        ("message: \"avoid 'utilize'\"", 'message: "jargon"'),
    ],
)
def test_test_packs_fails_a_wrong_span_or_message_and_shows_what_it_got(tmp_path, change, wanted):
    proc = run_cli("test-packs", str(write(tmp_path, PACK.replace(change, wanted))))
    assert proc.returncode == 1
    assert "house.no-utilize: flag example 'Engineers utilize satellites.'" in proc.stdout
    assert "got 1:11-1:18 \"avoid 'utilize'\"" in proc.stdout
    assert "2 passed, 1 failed" in proc.stdout


AT = '          at: "1:11-1:18"\n'
TEXT = '        - text: "Engineers utilize satellites."\n'
MESSAGE = "          message: \"avoid 'utilize'\"\n"


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        (
            AT,
            '          at: "1:11"\n',
            16,
            "flag[1].at: '1:11' is not line:column-end_line:end_column",
        ),
        (
            AT,
            '          at: "0:1-1:18"\n',
            16,
            "flag[1].at: '0:1-1:18': lines and columns count from 1",
        ),
        (AT, '          at: "1:11-1:11"\n', 16, "the end must come after the start"),
        (AT, '          at: "2:1-2:3"\n', 16, "flag[1].at: line 2 is past the example's 1 line"),
        (AT, AT + "          where: here\n", 17, "flag[1]: unknown key 'where'"),
        (TEXT, '        - at: "1:11-1:18"\n', 15, "flag[1]: missing key 'text'"),
        (AT + MESSAGE, "", 15, "flag[1]: give 'at', 'message' or both"),
        (MESSAGE, "          message: 42\n", 17, "examples.flag[1].message must be a string"),
        ('["We use it."]', '[{text: "We use it.", at: "1:1-1:3"}]', 18, "examples.pass must be"),
    ],
)
def test_a_malformed_placement_is_a_pack_error_naming_file_line_and_rule(old, new, line, words):
    assert old in PACK
    with pytest.raises(PackError) as info:
        parse_pack(PACK.replace(old, new), "house.yaml")
    message = str(info.value)
    assert message.startswith(f"house.yaml:{line}: rule house.no-utilize:"), message
    assert words in message


def test_a_bad_placement_in_a_user_pack_stops_the_cli_with_exit_2(tmp_path):
    pack = write(tmp_path, PACK.replace('at: "1:11-1:18"', 'at: "1:11"'))
    (tmp_path / "a.txt").write_text("We utilize it.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--pack", str(pack), str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert f"{pack}:16: rule house.no-utilize: examples.flag[1].at:" in proc.stderr


def test_placements_survive_the_pack_cache():
    pack = parse_pack(PACK, "house.yaml")
    again = pack_from_plain(json.loads(json.dumps(pack_to_plain(pack))))
    assert again.rules[0].examples_expected == pack.rules[0].examples_expected


def builtin_rules():
    return [rule for path in builtin_pack_paths() for rule in load_pack(path).rules]


def test_every_builtin_rule_states_where_and_what_for_one_example_at_least():
    unplaced = [
        rule.id
        for rule in builtin_rules()
        if not any(e.at and e.message for e in rule.examples_expected)
        and not getattr(get_kind(rule.kind), "unavailable", lambda _: False)(rule.compiled)
    ]
    assert unplaced == []


def test_placements_are_the_json_reports_positions(tmp_path):
    """The real CLI's JSON report puts every placed single-document example's
    finding where its `at` says."""
    expected = {}
    for rule in builtin_rules():
        for n, example in enumerate(rule.examples_expected):
            if example.at and "\n---\n" not in example.text:
                name = f"{rule.id}.{n}.txt"
                (tmp_path / name).write_text(example.text, encoding="utf-8")
                expected[name] = (rule.id, str(example.at), example.message)
    assert len(expected) >= 100
    proc = run_cli(
        "check", "--isolated", "--no-cache", "--format", "json", "--exit-zero", str(tmp_path)
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    spans: dict[str, set[tuple[str, str, str]]] = {}
    for f in report["findings"]:
        at = f"{f['line']}:{f['column']}-{f['end_line']}:{f['end_column']}"
        spans.setdefault(Path(f["path"]).name, set()).add((f["rule"], at, f["message"]))
    for name, (rule, at, message) in expected.items():
        assert any((r, a) == (rule, at) and message in m for r, a, m in spans.get(name, ())), (
            f"{name}: no {rule} finding at {at} with {message!r} in {spans.get(name)}"
        )
