"""Inline suppressions through the real CLI (issue 18, item 4): each form
suppresses exactly what it names, unknown rules are reported, and
--report-unused-suppressions reports (and --fix removes) the unused ones."""

from __future__ import annotations

import json

from tests.conftest import run_cli

KIEV = "names.romanization"


def _findings(*args: str) -> list[tuple[int, int, str]]:
    proc = run_cli("check", "--format", "json", "--isolated", "--no-cache", *args)
    assert proc.returncode in (0, 1), proc.stderr
    return [(f["line"], f["column"], f["rule"]) for f in json.loads(proc.stdout)["findings"]]


def _write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_disable_next_line_suppresses_that_line_and_rule_only(tmp_path):
    path = _write(
        tmp_path,
        "a.md",
        "<!-- newslint-disable-next-line names.romanization -->\n"
        "Missiles struck Kiev and the the city.\n"
        "Missiles struck Kiev again.\n",
    )
    assert _findings("--select", "names,mt.repeated-word", path) == [
        (2, 26, "mt.repeated-word"),
        (3, 17, KIEV),
    ]


def test_disable_enable_range_with_rules_and_prefixes(tmp_path):
    path = _write(
        tmp_path,
        "a.md",
        "Kiev one.\n\n"
        "<!-- newslint-disable names, mt -->\n\n"
        "Kiev two and the the city.\n\n"
        "<!-- newslint-enable -->\n\n"
        "Kiev three.\n\n"
        "<!-- newslint-disable -->\n\n"
        "Kiev four and the the end.\n",
    )
    assert _findings("--select", "names,mt.repeated-word", path) == [
        (1, 1, KIEV),
        (9, 1, KIEV),
    ]


def test_enable_of_one_rule_keeps_the_others_disabled(tmp_path):
    path = _write(
        tmp_path,
        "a.md",
        "<!-- newslint-disable names.romanization mt.repeated-word -->\n"
        "Kiev and the the city.\n"
        "<!-- newslint-enable names.romanization -->\n"
        "Kiev and the the city.\n",
    )
    assert _findings("--select", "names,mt.repeated-word", path) == [(4, 1, KIEV)]


def test_plain_text_forms_in_a_txt_file(tmp_path):
    path = _write(
        tmp_path,
        "a.txt",
        "Missiles struck Kiev. newslint: disable-line names.romanization\n"
        "newslint: disable-next-line names\n"
        "Missiles struck Kiev.\n"
        "Missiles struck Kiev.\n",
    )
    assert _findings("--select", "names,mt", path) == [(4, 17, KIEV)]


def test_disable_file_with_and_without_rules(tmp_path):
    some = _write(tmp_path, "a.txt", "Kiev and the the city.\n\nnewslint: disable-file names\n")
    assert _findings("--select", "names,mt.repeated-word", some) == [(1, 10, "mt.repeated-word")]
    every = _write(tmp_path, "b.md", "<!-- newslint-disable-file -->\nKiev and the the city.\n")
    assert _findings("--select", "names,mt.repeated-word", every) == []


def test_unknown_rule_is_reported_with_the_closest_id(tmp_path):
    path = _write(
        tmp_path, "a.md", "<!-- newslint-disable-next-line nmes.romanization -->\nKiev.\n"
    )
    proc = run_cli("check", "--isolated", "--no-cache", "--select", "names", path)
    assert proc.returncode == 1
    assert (
        "a.md:1:33: warning newslint.unknown-rule suppression names 'nmes.romanization', "
        "which is no rule id or prefix; did you mean 'names.romanization'?"
    ) in proc.stdout
    assert "a.md:2:1: warning names.romanization" in proc.stdout  # not suppressed


def test_report_unused_suppressions_reports_and_fix_removes_them(tmp_path):
    text = (
        "<!-- newslint-disable-next-line names.romanization -->\n"
        "Missiles struck Kyiv.\n"
        "<!-- newslint-disable-next-line names.romanization, mt -->\n"
        "Missiles struck Kiev.\n"
    )
    path = _write(tmp_path, "a.md", text)
    assert _findings(path) == []  # not reported unless asked for
    proc = run_cli("check", "--isolated", "--no-cache", "--report-unused-suppressions", path)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("/") and ":1:1: warning newslint.unused-suppression" in lines[0]
    assert "no names.romanization finding here to suppress" in lines[0]
    assert ":3:" in lines[1] and "no mt finding here to suppress" in lines[1]
    assert len(lines) == 2
    run_cli("check", "--isolated", "--no-cache", "--report-unused-suppressions", "--fix", path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (
        "Missiles struck Kyiv.\n"
        "<!-- newslint-disable-next-line names.romanization -->\n"
        "Missiles struck Kiev.\n"
    )


def test_a_suppressed_finding_is_not_fixed_and_stays_out_of_baselines(tmp_path):
    text = "Missiles struck Kiev. newslint: disable-line names\nMissiles struck Kiev.\n"
    path = _write(tmp_path, "a.txt", text)
    baseline = tmp_path / "base.json"
    proc = run_cli("baseline", "--isolated", "--select", "names", path, "-o", str(baseline))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"].__len__() == 1
    run_cli("check", "--isolated", "--fix", path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == (
        "Missiles struck Kiev. newslint: disable-line names\nMissiles struck Kyiv.\n"
    )


def test_the_result_cache_does_not_keep_suppressions(tmp_path):
    path = _write(tmp_path, "a.txt", "Missiles struck Kiev.\n")
    cache = str(tmp_path / "cache")
    args = ("check", "--isolated", "--cache-dir", cache, "--select", "names", path)
    assert run_cli(*args).returncode == 1
    # A suppression added later hides the finding; the cached result is the rules'.
    (tmp_path / "a.txt").write_text(
        "Missiles struck Kiev.\n<!-- newslint-disable-file names -->\n", encoding="utf-8"
    )
    assert run_cli(*args).returncode == 0
    (tmp_path / "a.txt").write_text("Missiles struck Kiev.\n", encoding="utf-8")
    assert run_cli(*args).returncode == 1


def test_jsonl_records_carry_suppressions_in_a_field(tmp_path):
    records = [
        {"id": "a", "text": "Missiles struck Kiev.", "newslint_disable": ["names"]},
        {"id": "b", "text": "Missiles struck Kiev.", "newslint_disable": "mt, names.romanization"},
        {"id": "c", "text": "Missiles struck Kiev.", "newslint_disable": []},
        {"id": "d", "text": "Missiles struck Kiev."},
        {"id": "e", "text": "Missiles struck Kiev.", "newslint_disable": ["nmes"]},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    args = ("--jsonl-field", "text", "--jsonl-id", "id", "--select", "names", str(feed))
    found = {(path.rsplit("#", 1)[1], rule) for path, rule in _paths(*args)}
    assert found == {("d", KIEV), ("e", KIEV), ("e", "newslint.unknown-rule")}
    own = _paths("--jsonl-suppress-field", "skip", *args)
    assert len(own) == 5  # the default field is not read under another name


def _paths(*args: str) -> list[tuple[str, str]]:
    proc = run_cli("check", "--format", "json", "--isolated", "--no-cache", *args)
    assert proc.returncode in (0, 1), proc.stderr
    return [(f["path"], f["rule"]) for f in json.loads(proc.stdout)["findings"]]


def test_a_bad_suppression_field_is_an_error_naming_the_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a", "text": "Missiles struck Kiev.", "newslint_disable": 5}\n'
        '{"id": "b", "text": "Missiles struck Kiev."}\n',
        encoding="utf-8",
    )
    proc = run_cli(
        "check", "--isolated", "--no-cache", "--jsonl-field", "text", "--jsonl-id", "id", str(feed)
    )
    assert proc.returncode == 2
    assert "feed.jsonl:1: field 'newslint_disable' must be a list of rule ids or a string" in (
        proc.stderr
    )
    assert "feed.jsonl#b:1:17: warning names.romanization" in proc.stdout


def test_cross_document_findings_are_suppressed_in_their_file(tmp_path):
    texts = [
        "Emmanuel Macron met with Olaf Scholz on Monday in Berlin.\n",
        "Olaf Scholz held talks with Emmanuel Macron on Tuesday.\n",
        "A meeting with Emmanuel Macron gave Olaf Scholz little cover on Tuesday.\n",
    ]
    paths = [_write(tmp_path, f"{i}.txt", text) for i, text in enumerate(texts)]
    args = ("--select", "numbers.cross-document-day", *paths)
    assert [(line, rule) for line, _, rule in _findings(*args)] == [
        (1, "numbers.cross-document-day")
    ]
    _write(tmp_path, "0.txt", texts[0] + "newslint: disable-file numbers.cross-document-day\n")
    assert _findings("--report-unused-suppressions", *args) == []


def test_a_suppression_written_in_markdown_code_is_an_example(tmp_path):
    path = _write(
        tmp_path,
        "a.md",
        "Write `<!-- newslint-disable-file -->` to switch every rule off:\n\n"
        "```markdown\n<!-- newslint-disable-file -->\n```\n\n"
        "    newslint: disable-file\n\n"
        "Missiles struck Kiev.\n",
    )
    assert _findings("--select", "names", "--report-unused-suppressions", path) == [(9, 17, KIEV)]


def test_the_suppression_findings_can_be_ignored_like_any_rule(tmp_path):
    """`--ignore newslint.unknown-rule` is accepted (no 'no rule id' error) and
    drops that finding; the rule it failed to suppress is still reported."""
    path = tmp_path / "a.md"
    path.write_text("Troops left Kiev. <!-- newslint-disable-line nmes.romanization -->\n")
    proc = run_cli("check", "--isolated", "--no-cache", "--ignore", "newslint.unknown-rule", path)
    assert proc.returncode == 1, proc.stderr
    assert "names.romanization" in proc.stdout and "newslint.unknown-rule" not in proc.stdout
    proc = run_cli("check", "--isolated", "--no-cache", str(path))
    assert "newslint.unknown-rule" in proc.stdout
