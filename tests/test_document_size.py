"""Large inputs (issue 15 item 7): a size limit with a clear skip message, a
limited standard input, and long documents checked a segment at a time with
the findings' positions those of the whole text. Memory and time per byte are
measured by bench/memory.py, not here."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from lint import runner
from lint.rulebook import linter_for
from lint.segments import SEGMENT_CHARS, check_in_segments, segment_bounds
from tests.conftest import ROOT, run_cli

KIEV = "Missiles struck Kiev.\n"


def test_a_document_over_the_limit_is_skipped_with_a_message(tmp_path: Path):
    (tmp_path / "small.txt").write_text(KIEV, encoding="utf-8")
    (tmp_path / "big.txt").write_text(KIEV * 1000, encoding="utf-8")  # 22,000 bytes
    proc = run_cli(
        "check", "--isolated", "--no-cache", "--max-document-size", "20KB", ".", cwd=tmp_path
    )
    assert proc.returncode == 2
    assert (
        "newslint: error: ./big.txt: 22000 bytes, over the limit of 20480 bytes "
        "(--max-document-size); skipped"
    ) in proc.stderr
    assert "./small.txt:1:17" in proc.stdout and "big.txt:" not in proc.stdout
    assert "1 input(s) skipped (1 too large)" in proc.stderr
    (tmp_path / ".newslint.toml").write_text('max-document-size = "1MB"\n', encoding="utf-8")
    proc = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    (tmp_path / ".newslint.toml").write_text('max-document-size = "lots"\n', encoding="utf-8")
    proc = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "max-document-size: not a size: 'lots'" in proc.stderr


def test_the_default_limit_is_10_mb(tmp_path: Path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate((10 << 20) + 1)  # sparse: no disk, and refused before it is read
    proc = run_cli("check", "--isolated", "--no-cache", "big.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "over the limit of 10485760 bytes" in proc.stderr


def test_standard_input_has_a_limit(tmp_path: Path):
    with open("/dev/zero", "rb") as zeros:
        proc = subprocess.run(
            [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "-"],
            cwd=tmp_path,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            stdin=zeros,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 2
    assert "-: standard input holds more than 10485760 bytes (--max-document-size)" in proc.stderr


def test_json_lines_records_have_the_limit_not_the_file(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    records = [{"id": i, "text": f"Record {i} about Kiev."} for i in range(2000)]
    records.insert(5, {"id": "huge", "text": "word " * 10_000})
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert feed.stat().st_size > 20 << 10  # the file is over the limit, each record under
    proc = run_cli(
        "check", "--isolated", "--no-cache", "--format", "json", "--max-document-size", "20KB",
        "--jsonl-field", "text", "--jsonl-id", "id", "feed.jsonl", cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    assert data["summary"]["files"] == 2000
    [error] = data["summary"]["errors"]
    assert error["path"] == "feed.jsonl:6" and error["kind"] == "too large"


@pytest.fixture(scope="module")
def linter():
    return linter_for(runner.Runner(runner.Settings(isolated=True)).resolver.for_path("-"))


def _text(newline: str | None, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = [
        "officials",
        "said",
        "the",
        "talks",
        "in",
        "Kiev",
        "went",
        "on",
        "while",
        "markets",
        "stayed",
        "shut",
    ]

    def paragraph() -> str:
        sentences = (" ".join(rng.sample(words, 8)).capitalize() for _ in range(rng.randint(1, 4)))
        return ". ".join(sentences) + "."

    if newline is None:  # one line
        return " ".join(paragraph() for _ in range(300))
    gaps = [newline * 2, newline, " "]
    return "".join(paragraph() + rng.choice(gaps) for _ in range(300))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", None])
def test_segments_give_the_positions_of_the_whole_text(linter, newline):
    text = _text(newline)
    whole = {
        (f.line, f.column, f.end_line, f.end_column, f.offset, f.end_offset, f.message)
        for f in linter.check(text, "x").findings
        if f.rule == "names.romanization"
    }
    assert len(whole) > 200
    for size in (150, 400, 1000):
        bounds = list(segment_bounds(text, size))
        assert bounds[0][0] == 0 and bounds[-1][1] == len(text) and len(bounds) > 10
        assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
        result = check_in_segments(linter, text, "x", size)
        found = {
            (f.line, f.column, f.end_line, f.end_column, f.offset, f.end_offset, f.message)
            for f in result.findings
            if f.rule == "names.romanization"
        }
        assert found == whole


def test_a_text_longer_than_a_segment_through_the_command(tmp_path: Path):
    sentence = "Officials said the talks went on while markets stayed shut. "
    head = sentence * (SEGMENT_CHARS // len(sentence) + 100)  # past the first segment
    text = head + "Then Kiev fell silent.\nKiev again."
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    proc = run_cli(
        "check", "--isolated", "--no-cache", "--format", "json", "--select", "names",
        "long.txt", cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    spots = [(f["line"], f["column"]) for f in json.loads(proc.stdout)["findings"]]
    assert spots == [(1, len(head) + len("Then ") + 1), (2, 1)]
