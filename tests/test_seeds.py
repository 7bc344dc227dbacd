"""The seed documents: the first acceptance test, scored with the shared scorer."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.conftest import SEEDS, SHARED, run_cli


def score(report_path, kinds: str | None = None) -> str:
    args = [
        sys.executable,
        str(SHARED / "tools" / "score.py"),
        "--gold",
        str(SEEDS / "expected.yaml"),
        "--texts",
        str(SEEDS),
        str(report_path),
        "-v",
    ]
    if kinds:
        args += ["--kinds", kinds]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_seed_copies_match_the_shared_originals():
    for original in (SHARED / "seeds").iterdir():
        assert (SEEDS / original.name).read_bytes() == original.read_bytes()


def test_no_clean_entry_is_flagged_and_covered_kinds_are_caught(tmp_path):
    report = tmp_path / "seeds.json"
    proc = run_cli("check", "--isolated", "--format", "json", "-o", str(report), str(SEEDS))
    assert proc.returncode == 1, proc.stderr
    out = score(report)
    assert "FALSE POSITIVE" not in out, out
    gold = yaml.safe_load((SEEDS / "expected.yaml").read_text())
    covered = {"name-variant", "spelling-consistency", "punctuation-consistency"}
    must = [g for g in gold if g["level"] == "must" and g["kind"] in covered]
    for entry in must:
        assert f"hit  must    {entry['kind']}" in out.replace("   ", " ") or any(
            line.strip().startswith("hit") and entry["text"][:20] in line
            for line in out.splitlines()
        ), out
    assert "playing fire" in "".join(
        line for line in out.splitlines() if line.strip().startswith("hit")
    )


def test_crlf_and_cr_line_breaks_give_the_findings_of_lf():
    from lint.config import Config
    from lint.rulebook import linter_for

    linter = linter_for(Config())
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = [(f.line, f.column, f.rule) for f in linter.check_text(text)]
        for newline in ("\r\n", "\r"):
            found = linter.check_text(text.replace("\n", newline))
            assert [(f.line, f.column, f.rule) for f in found] == expected, (path.name, newline)
