"""The progress bar: drawn on a terminal's stderr for long runs, never in reports."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

from tests.conftest import ROOT


def _corpus(tmp_path, n=12):
    for i in range(n):
        (tmp_path / f"doc{i:02}.txt").write_text(f"Report {i} from Kyiv.\n")
    return tmp_path


def _run_with_tty_stderr(*args: str) -> tuple[str, str]:
    """Run the CLI with stderr on a pseudo-terminal and stdout on a pipe."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=slave,
    )
    os.close(slave)
    stdout = proc.stdout.read().decode("utf-8")
    proc.wait(timeout=60)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return stdout, b"".join(chunks).decode("utf-8", "replace")


def test_bar_on_a_terminal_and_json_untouched(tmp_path):
    corpus = _corpus(tmp_path)
    stdout, stderr = _run_with_tty_stderr("check", "--isolated", "--format", "json", str(corpus))
    assert "12/12 files" in stderr and "█" in stderr
    assert json.loads(stdout)["summary"]["files"] == 12  # the report is pure JSON


def test_no_bar_when_asked_or_when_stderr_is_a_pipe(tmp_path):
    corpus = _corpus(tmp_path)
    _, stderr = _run_with_tty_stderr("check", "--isolated", "--no-progress", str(corpus))
    assert "files" not in stderr.split("finding(s)")[0]
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", str(corpus)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert "█" not in proc.stderr and "\r" not in proc.stderr
