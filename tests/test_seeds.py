"""The seed documents: the first acceptance test, scored with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SEEDS, SHARED, run_cli
from tests.seed_score import score


def test_seeds_score_must_20_of_20_and_no_clean_entry_flagged(tmp_path):
    """The first acceptance test, scored in-repo (tests/seed_score.py)."""
    report = tmp_path / "seeds.json"
    proc = run_cli("check", "--isolated", "--format", "json", "-o", str(report), str(SEEDS))
    assert proc.returncode == 1, proc.stderr
    result = score(json.loads(report.read_text())["findings"], SEEDS)
    assert result.count("must") == (20, 20), [e["text"] for e in result.misses.get("must", [])]
    assert result.count("clean")[0] == 0, result.hits.get("clean")
    assert result.count("stretch")[0] >= 6
    assert any(e["text"] == "playing fire" for e in result.hits["must"])


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="no ../shared/seeds beside the clone")
def test_seed_copies_match_the_shared_originals():
    for original in (SHARED / "seeds").iterdir():
        assert (SEEDS / original.name).read_bytes() == original.read_bytes()


@pytest.mark.skipif(
    not (SHARED / "tools" / "score.py").is_file(), reason="no ../shared/tools beside the clone"
)
def test_the_shared_scorer_agrees(tmp_path):
    report = tmp_path / "seeds.json"
    run_cli("check", "--isolated", "--format", "json", "-o", str(report), str(SEEDS))
    args = [sys.executable, str(SHARED / "tools" / "score.py"), "--gold"]
    args += [str(SEEDS / "expected.yaml"), "--texts", str(SEEDS), str(report)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    assert "must recall 20/20" in out and "clean flagged 0/4" in out, out


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
