"""The CI gate: JSON Lines records, baselines, thresholds, tables, --diff-base, markdown."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import run_cli

RECORDS = [
    {"id": "a1", "text": "Missiles struck Kiev.\nThe the city was dark."},
    {"id": "b2", "text": "All quiet in Kyiv."},
]


def _jsonl(tmp_path, records=RECORDS):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_records_are_documents_named_by_id(tmp_path):
    _jsonl(tmp_path)
    args = ("check", "--isolated", "--jsonl-field", "text", "--jsonl-id", "id", "feed.jsonl")
    data = json.loads(run_cli(*args, "--format", "json", cwd=tmp_path).stdout)
    found = {(f["path"], f["line"], f["column"], f["rule"]) for f in data["findings"]}
    assert ("feed.jsonl#a1", 1, 17, "names.romanization") in found
    assert ("feed.jsonl#a1", 2, 1, "mt.repeated-word") in found
    assert all(
        f["record"] == {"file": "feed.jsonl", "line": 1, "id": "a1"} for f in data["findings"]
    )
    text = run_cli(*args, cwd=tmp_path).stdout
    assert "feed.jsonl#a1:1:17: warning names.romanization" in text


def test_jsonl_bad_lines_are_reported_with_their_line(tmp_path):
    path = _jsonl(tmp_path)
    path.write_text(path.read_text() + 'not json\n{"other": 1}\n')
    proc = run_cli("check", "--isolated", "--jsonl-field", "text", str(path))
    assert proc.returncode == 2
    assert "feed.jsonl:3: not valid JSON" in proc.stderr
    assert "feed.jsonl:4: field 'text' is missing" in proc.stderr
    assert "feed.jsonl#L1:1:17" in proc.stdout  # no id field: the record's line names it


def test_baseline_fails_only_on_new_findings_even_when_lines_move(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Missiles struck Kiev.\n\nThe the city was dark.\n", encoding="utf-8")
    proc = run_cli("baseline", "--isolated", "a.txt", "-o", "base.json", cwd=tmp_path)
    assert proc.returncode == 0 and "wrote 2 finding(s)" in proc.stderr
    doc.write_text(
        "A new first paragraph.\n\nMissiles struck Kiev.\n\nThe the city was dark.\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--isolated", "--baseline", "base.json", "a.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, "")
    doc.write_text(doc.read_text() + "\nShelling went on in Kiev overnight.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--baseline", "base.json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith("a.txt:7:") and proc.stdout.count("\n") == 1


def test_a_broken_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "base.json").write_text("{}")
    (tmp_path / "a.txt").write_text("Kiev.\n")
    proc = run_cli("check", "--isolated", "--baseline", "base.json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "not a newslint baseline" in proc.stderr


def test_thresholds_decide_the_exit_code(tmp_path):
    _jsonl(tmp_path)
    base = ("check", "--isolated", "--jsonl-field", "text", "--jsonl-id", "id", "feed.jsonl")
    proc = run_cli(*base, "--threshold", "warning=2", "--summary", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "feed.jsonl#a1" in proc.stdout and " ok" in proc.stdout
    proc = run_cli(*base, "--threshold", "warning=1", cwd=tmp_path)
    assert proc.returncode == 1
    assert "feed.jsonl#a1: over threshold: warning 2 > 1" in proc.stderr
    (tmp_path / ".newslint.toml").write_text("[thresholds]\nper-1000-words = 100\n")
    proc = run_cli(*base[:1], *base[2:], cwd=tmp_path)  # config read (no --isolated)
    assert proc.returncode == 1 and "250.0/1k words > 100" in proc.stderr


def test_statistics_count_per_rule(tmp_path):
    (tmp_path / "a.txt").write_text("Kiev. Kiev again. The the end.\n")
    proc = run_cli("check", "--isolated", "--statistics", "a.txt", cwd=tmp_path)
    assert "    2  names.romanization  warning" in proc.stdout
    assert "    1  mt.repeated-word    warning" in proc.stdout


def test_markdown_lists_every_finding(tmp_path):
    (tmp_path / "a.txt").write_text("Kiev | Kiev.\n" * 60)
    args = ("check", "--isolated", "--select", "names", "--format", "markdown", "a.txt")
    proc = run_cli(*args, cwd=tmp_path)
    rows = [line for line in proc.stdout.splitlines() if "`names.romanization` | 'Kiev'" in line]
    assert len(rows) == 120
    assert "**120 finding(s)** in 1 document(s)" in proc.stdout


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_diff_base_keeps_findings_on_changed_lines_only(tmp_path):
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "t")
    (tmp_path / "a.txt").write_text("Old Kiev line.\nSecond line.\n")
    _git(tmp_path, "add", "a.txt")
    _git(tmp_path, "commit", "-q", "-m", "one")
    (tmp_path / "a.txt").write_text("Old Kiev line.\nSecond line about Kiev.\n")
    (tmp_path / "new.txt").write_text("Untracked Kiev.\n")
    proc = run_cli("check", "--isolated", "--diff-base", "HEAD", ".", cwd=tmp_path)
    assert sorted(proc.stdout.splitlines()) == [
        line for line in sorted(proc.stdout.splitlines()) if ":2:" in line or "new.txt" in line
    ]
    assert "a.txt:2:19" in proc.stdout and "new.txt:1:11" in proc.stdout
    assert "a.txt:1:" not in proc.stdout
    proc = run_cli("check", "--isolated", "--diff-base", "nope", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "nope" in proc.stderr


def test_family_thresholds_gate_one_family_only(tmp_path):
    """An ingestion gate rejects garbled translation, not opinionated copy."""
    (tmp_path / "mt.txt").write_text(
        "Missiles struck Kiev. The the city was dark, and Kharkov too.\n", encoding="utf-8"
    )
    (tmp_path / "opinion.txt").write_text(
        "The sham trial was a witch hunt, critics say, and a charade.\n", encoding="utf-8"
    )
    args = ("check", "--isolated", "--no-cache", "--summary", "mt.txt", "opinion.txt")
    proc = run_cli(*args, "--threshold", "mt:per-1000-words=2", cwd=tmp_path)
    assert proc.returncode == 1
    assert "mt.txt: over threshold: mt:" in proc.stderr and "opinion.txt: over" not in proc.stderr
    header = proc.stdout.splitlines()[
        next(i for i, line in enumerate(proc.stdout.splitlines()) if line.startswith("document"))
    ]
    assert all(family in header for family in ("mt", "names", "numbers", "scrape", "misinfo"))
    proc = run_cli(*args, "--threshold", "misinfo:warning=0", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr  # misinformation markers are info


def test_family_thresholds_from_configuration_and_unknown_families(tmp_path):
    (tmp_path / "a.txt").write_text("Missiles struck Kiev overnight.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint.thresholds]\n"names:warning" = 0\n\n'
        "[tool.newslint.thresholds.mt]\nper-1000-words = 50\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1 and "names:warning 1 > 0" in proc.stderr
    proc = run_cli("check", "--no-cache", "--threshold", "nmes:warning=0", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown rule family 'nmes'" in proc.stderr
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint.thresholds]\n"mt:warnings" = 0\n', encoding="utf-8"
    )
    proc = run_cli("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown threshold 'mt:warnings'" in proc.stderr


def test_json_summary_and_html_show_family_figures_per_document(tmp_path):
    (tmp_path / "a.txt").write_text("Missiles struck Kiev. The the city.\n", encoding="utf-8")
    data = json.loads(
        run_cli("check", "--isolated", "--format", "json", "a.txt", cwd=tmp_path).stdout
    )
    [doc] = data["summary"]["documents"]
    assert doc["path"] == "a.txt" and doc["words"] == 6
    assert doc["families_per_1000_words"]["names"] == round(1000 / 6, 3)
    assert set(doc["families_per_1000_words"]) >= {"mt", "names", "numbers", "scrape", "misinfo"}
    html = run_cli("check", "--isolated", "--format", "html", "a.txt", cwd=tmp_path).stdout
    assert "per 1,000 words (6 words): mt 166.7 · names 166.7" in html
