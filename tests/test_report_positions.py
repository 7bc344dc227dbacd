"""Positions in reports for editors and code scanning (issue 18): JSON Lines
findings land on the record's line of the .jsonl file in SARIF and GitHub
annotations, and `--column-unit` counts columns as the reader of the report does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, run_cli

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
CHECK = ("check", "--isolated", "--no-cache")

# --- JSON Lines records in SARIF and GitHub annotations ----------------------------


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    """Three lines: a clean record, a blank line, a record whose text's second
    line names Kiev at column 17."""
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "a1", "body": "Calm day."}\n'
        "\n"
        '{"id": "b2", "body": "First line here.\\nMissiles struck Kiev, said the mayor."}\n',
        encoding="utf-8",
    )
    return path


def test_jsonl_findings_in_sarif_point_at_the_records_line(feed: Path):
    args = (*CHECK, "--jsonl-field", "body", "--jsonl-id", "id", "feed.jsonl")
    proc = run_cli(*args, "--format", "sarif", cwd=feed.parent)
    assert proc.returncode == 1, proc.stderr
    sarif = json.loads(proc.stdout)
    jsonschema.validate(sarif, SCHEMA)
    [kiev] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "names.romanization"]
    location = kiev["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "feed.jsonl"  # the file, not feed.jsonl#b2
    assert location["region"] == {"startLine": 3}
    assert '"id": "b2"' in feed.read_text(encoding="utf-8").split("\n")[2]  # a real line, its own
    assert kiev["properties"] == {
        "record": "b2",
        "field": "body",
        "line": 2,
        "column": 17,
        "endLine": 2,
        "endColumn": 21,
        "suggestions": ["Kyiv"],
    }
    assert "fixes" not in kiev  # the text is JSON-escaped inside the line: no region to replace
    # The other formats keep naming the record, with the position inside its text.
    text = run_cli(*args, cwd=feed.parent).stdout
    assert "feed.jsonl#b2:2:17: warning names.romanization" in text


def test_jsonl_findings_in_github_annotations_are_on_the_records_line(feed: Path):
    args = (*CHECK, "--jsonl-field", "body", "--jsonl-id", "id", "--format", "github")
    proc = run_cli(*args, "feed.jsonl", cwd=feed.parent)
    assert proc.returncode == 1, proc.stderr
    [line] = [x for x in proc.stdout.splitlines() if "names.romanization" in x]
    head, message = line.split("::", 2)[1:]
    assert (
        head == "warning file=feed.jsonl,line=3,title=names.romanization (record b2%2C body 2%3A17)"
    )
    assert message.endswith("English news writes 'Kyiv' (record b2, body 2:17)")
    assert "col=" not in head  # the column inside the text is not a column of the file


# --- --column-unit ---------------------------------------------------------------

LINE = "Le café 😀 à Kiev, cafe\u0301 Odessa.\nPlain Kiev line."


def _expected(unit: str, word: str) -> tuple[int, int]:
    """Columns of `word` on the first line, counted independently of newslint."""
    first = LINE.split("\n")[0]
    start = first.index(word)

    def count(prefix: str) -> int:
        if unit == "utf-16":
            return len(prefix.encode("utf-16-le")) // 2 + 1
        if unit == "byte":
            return len(prefix.encode("utf-8")) + 1
        return len(prefix) + 1

    return count(first[:start]), count(first[: start + len(word)])


@pytest.fixture
def emoji(tmp_path: Path) -> Path:
    path = tmp_path / "emoji.txt"
    path.write_text(LINE + "\n", encoding="utf-8")
    return path


def _json(unit: str, folder: Path, *extra: str, stdin: str | None = None) -> list[dict]:
    args = (*CHECK, "--select", "names", "--column-unit", unit, "--format", "json", *extra)
    proc = run_cli(*args, cwd=folder, stdin=stdin)
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)["findings"]


@pytest.mark.parametrize("unit", ["code-point", "utf-16", "byte"])
def test_column_unit_converts_columns_and_end_columns(emoji: Path, unit: str):
    findings = _json(unit, emoji.parent, "emoji.txt")
    at = {(f["line"], f["rule"], f["column"], f["end_column"]) for f in findings}
    kiev, odessa = _expected(unit, "Kiev"), _expected(unit, "Odessa")
    assert (1, "names.romanization", *kiev) in at
    assert (1, "names.romanization", *odessa) in at
    assert (2, "names.romanization", 7, 11) in at  # an ASCII line: the same in every unit
    # Standard input (an editor's buffer) is converted the same way.
    assert _json(unit, emoji.parent, "-", stdin=LINE + "\n") == [
        dict(f, path="-") for f in findings
    ]


def test_column_units_differ_as_they_should(emoji: Path):
    """Before Kiev: 12 code points, 13 UTF-16 code units (the emoji is two), 17 bytes."""
    assert _expected("code-point", "Kiev")[0] == 13
    assert _expected("utf-16", "Kiev")[0] == 14
    assert _expected("byte", "Kiev")[0] == 18
    cols = {u: _json(u, emoji.parent, "emoji.txt")[0]["column"] for u in ("utf-16", "byte")}
    assert cols == {"utf-16": 14, "byte": 18}


@pytest.mark.parametrize("unit", ["code-point", "utf-16", "byte"])
def test_every_format_reports_the_unit(emoji: Path, unit: str):
    column, end = _expected(unit, "Kiev")
    base = (*CHECK, "--select", "names.romanization", "--column-unit", unit, "emoji.txt")

    def out(fmt: str) -> str:
        proc = run_cli(*base, "--format", fmt, cwd=emoji.parent)
        assert proc.returncode == 1, proc.stderr
        return proc.stdout

    assert f"emoji.txt:1:{column}: warning names.romanization" in out("text")
    first = json.loads(out("json-lines").splitlines()[0])
    assert (first["column"], first["end_column"]) == (column, end)
    assert f"line=1,col={column},endLine=1,endColumn={end}," in out("github")
    assert f"1:{column}: " in out("junit")
    assert f"| 1:{column} |" in out("markdown")
    assert f"</span> 1:{column} <code>names.romanization" in out("html")
    full = out("full")
    assert f"emoji.txt:1:{column}:" in full
    # The caret stays under Kiev whatever the unit (the emoji is two cells wide).
    source, caret = full.splitlines()[1:3]
    assert source.endswith(LINE.split("\n")[0])
    offset = len("     1 | ")
    assert caret[offset:].index("^") == len("Le café 😀 à ") + 1 and caret.count("^") == 4


def test_sarif_declares_its_column_kind_and_refuses_bytes(emoji: Path):
    for unit, kind in (("code-point", "unicodeCodePoints"), ("utf-16", "utf16CodeUnits")):
        args = (*CHECK, "--select", "names", "--column-unit", unit, "--format", "sarif")
        proc = run_cli(*args, "emoji.txt", cwd=emoji.parent)
        assert proc.returncode == 1, proc.stderr
        sarif = json.loads(proc.stdout)
        jsonschema.validate(sarif, SCHEMA)
        run = sarif["runs"][0]
        assert run["columnKind"] == kind
        regions = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
        assert {"startLine": 1, "startColumn": _expected(unit, "Kiev")[0]}.items() <= regions[
            0
        ].items()
    proc = run_cli(
        *CHECK, "--column-unit", "byte", "--format", "sarif", "emoji.txt", cwd=emoji.parent
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert re.fullmatch(
        r"newslint: error: --column-unit byte: SARIF counts columns in code points or UTF-16 "
        r"code units only \(its columnKind\); use --column-unit code-point or utf-16\n",
        proc.stderr,
    )


def test_column_unit_inside_json_lines_records(tmp_path: Path):
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "r", "text": LINE}, ensure_ascii=True) + "\n", encoding="utf-8"
    )
    findings = _json("utf-16", tmp_path, "--jsonl-field", "text", "--jsonl-id", "id", "feed.jsonl")
    kiev = next(f for f in findings if f["line"] == 1 and "Kiev" in f["message"])
    assert (kiev["column"], kiev["end_column"]) == _expected("utf-16", "Kiev")
    assert kiev["path"] == "feed.jsonl#r" and kiev["record"]["line"] == 1
