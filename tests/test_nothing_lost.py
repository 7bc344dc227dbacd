"""Nothing lost: a run killed at any moment leaves reports complete or absent,
and every file it was fixing either untouched or fully fixed."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "--isolated", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_when(proc: subprocess.Popen, ready, timeout: float = 60) -> bool:
    """SIGKILL `proc` as soon as `ready()` is true; False if it finished first."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.0005)
    proc.wait(timeout=timeout)
    return False


def test_report_killed_while_being_written_is_absent_never_partial(tmp_path: Path):
    doc = tmp_path / "many.txt"
    doc.write_text("Missiles struck Kiev again.\n" * 15_000, encoding="utf-8")
    out = tmp_path / "report.json"
    caught = 0
    for _ in range(2):
        out.unlink(missing_ok=True)
        proc = start("--format", "json", "-o", str(out), "--select", "names", str(doc))
        caught += kill_when(proc, lambda: any(tmp_path.glob(".report.json.*")))
        if out.exists():  # the rename happened before the kill
            assert len(json.loads(out.read_text(encoding="utf-8"))["findings"]) == 15_000
    assert caught >= 1  # at least one kill landed while the temporary file existed
    # Uninterrupted, the report is complete.
    assert subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--select", "names"]
        + ["--format", "json", "-o", str(out), str(doc)],
        cwd=ROOT,
        capture_output=True,
    ).returncode in (0, 1)
    assert len(json.loads(out.read_text(encoding="utf-8"))["findings"]) == 15_000


def test_fix_killed_at_random_moments_leaves_each_file_untouched_or_fully_fixed(tmp_path: Path):
    original = "Missiles struck Kiev at dawn.\r\nKiev residents sheltered.\r\n" * 300
    source = tmp_path / "source"
    source.mkdir()
    for i in range(8):
        (source / f"{i:02d}.txt").write_bytes(original.encode("utf-8"))
    # The fully fixed bytes, from one uninterrupted run on a copy.
    reference = tmp_path / "reference"
    shutil.copytree(source, reference)
    subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--select", "names", "--fix"]
        + [str(reference)],
        cwd=ROOT,
        capture_output=True,
    )
    fixed = (reference / "00.txt").read_bytes()
    assert fixed != original.encode() and b"Kyiv" in fixed and b"Kiev" not in fixed
    rng = random.Random(9)
    for run in range(3):
        work = tmp_path / f"run{run}"
        shutil.copytree(source, work)
        proc = start("--select", "names", "--fix", str(work))
        if run == 0:  # once, exactly while a temporary file is being written
            kill_when(proc, lambda w=work: any(w.glob(".*.newslint")))
        else:
            time.sleep(rng.uniform(0.3, 1.5))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        for path in sorted(work.glob("*.txt")):
            data = path.read_bytes()
            assert data in (original.encode(), fixed), path
            assert os.stat(path).st_mode == os.stat(source / path.name).st_mode
