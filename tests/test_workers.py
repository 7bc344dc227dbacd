"""`-j 2` with workers that die (issue 15 item 6): real worker processes, real
SIGKILL, a real MemoryError, and a parent killed while its workers work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

KIEV = "Missiles struck Kiev on day {}.\n"


def _corpus(folder: Path, count: int = 24) -> list[str]:
    folder.mkdir()
    names = []
    for i in range(count):
        (folder / f"doc{i:02d}.txt").write_text(KIEV.format(i), encoding="utf-8")
        names.append(f"doc{i:02d}.txt")
    return names


def _check(folder: Path, *args: str, env: dict | None = None) -> tuple[int, dict, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "--format", "json"]
        + [*args, str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, **(env or {})),
        timeout=300,
    )
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def test_a_killed_worker_fails_its_input_only_and_keeps_every_other_result(tmp_path: Path):
    names = _corpus(tmp_path / "docs")
    env = {"NEWSLINT_TEST_WORKER_DIES_ON": "doc13.txt"}  # the worker SIGKILLs itself there
    code, data, stderr = _check(tmp_path / "docs", "-j", "2", env=env)
    assert code == 2
    assert "Traceback" not in stderr and "BrokenProcessPool" not in stderr
    [error] = data["summary"]["errors"]
    assert error["path"].endswith("doc13.txt") and error["kind"] == "crashed"
    assert "killed by SIGKILL" in error["reason"]
    assert f"{error['path']}: the worker process checking it was killed by SIGKILL" in stderr
    found = sorted(Path(f["path"]).name for f in data["findings"])
    assert found == [n for n in names if n != "doc13.txt"]
    # The results kept are exactly those of one process.
    _, serial, _ = _check(tmp_path / "docs", "-j", "1")
    assert data["findings"] == [f for f in serial["findings"] if "doc13" not in f["path"]]


def test_several_deaths_in_one_run_each_fail_one_input(tmp_path: Path):
    _corpus(tmp_path / "docs", 40)
    env = {"NEWSLINT_TEST_WORKER_DIES_ON": "doc1"}  # doc10 ... doc19: ten deaths
    code, data, stderr = _check(tmp_path / "docs", "-j", "2", env=env)
    assert code == 2 and "Traceback" not in stderr
    failed = sorted(Path(e["path"]).name for e in data["summary"]["errors"])
    assert failed == [f"doc{i}.txt" for i in range(10, 20)]
    assert data["summary"]["files"] == 30


def test_a_worker_out_of_memory_fails_that_input_only(tmp_path: Path):
    names = _corpus(tmp_path / "docs", 8)
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
    big = ". ".join(" ".join(words[i % 7 :] + words[: i % 7]) for i in range(60_000))
    (tmp_path / "docs" / "zz-big.txt").write_text(big, encoding="utf-8")  # 4 MB on one line
    # Each worker may grow by 40 MB only: the big input raises a real MemoryError.
    env = {"NEWSLINT_TEST_WORKER_MEMORY": str(40 << 20)}
    code, data, stderr = _check(tmp_path / "docs", "-j", "2", env=env)
    assert code == 2 and "Traceback" not in stderr
    [error] = data["summary"]["errors"]
    assert error["path"].endswith("zz-big.txt")
    assert error["kind"] == "out of memory" and "ran out of memory" in error["reason"]
    assert sorted(Path(f["path"]).name for f in data["findings"]) == names


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as fh:
        return [int(p) for p in fh.read().split()]


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_workers_exit_with_a_killed_parent_and_release_stderr(tmp_path: Path):
    folder = tmp_path / "slow"
    folder.mkdir()
    sentence = "officials said the talks in Kiev went on while markets stayed shut. "
    for i in range(6):
        (folder / f"s{i}.txt").write_text(sentence * 5000, encoding="utf-8")  # seconds each
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "-j", "2", str(folder)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert len(workers) == 2, "the workers did not start"
        proc.send_signal(signal.SIGKILL)
        started = time.monotonic()
        proc.stderr.read()  # EOF only when no process holds the pipe any more
        assert time.monotonic() - started < 10
        proc.wait(timeout=10)
        time.sleep(0.5)
        assert not [pid for pid in workers if _running(pid)]
    finally:
        proc.kill()
        proc.wait()


def test_sigterm_stops_the_workers_too(tmp_path: Path):
    folder = tmp_path / "slow"
    folder.mkdir()
    sentence = "officials said the talks in Kiev went on while markets stayed shut. "
    for i in range(6):
        (folder / f"s{i}.txt").write_text(sentence * 5000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "-j", "2", str(folder)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _children(proc.pid)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
        assert proc.returncode == 128 + signal.SIGTERM
        assert "Traceback" not in stderr
        assert not [pid for pid in workers if _running(pid)]
    finally:
        proc.kill()
        proc.wait()
