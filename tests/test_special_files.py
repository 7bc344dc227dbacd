"""FIFOs and devices named as a pack, a configuration or a baseline are refused
with one line, never read (issue 15 item 8). Real FIFOs; every run has a
timeout, so that a regression fails instead of hanging."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

KIEV = "Missiles struck Kiev.\n"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lint", *args],
        cwd=cwd,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")
    return tmp_path


@pytest.mark.parametrize("special", ["pipe", "/dev/zero"])
@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("check", "--isolated", "--pack", "{}", "in.txt"), "cannot read pack"),
        (("rules", "--isolated", "--pack", "{}"), "cannot read pack"),
        (("test-packs", "{}"), "cannot read pack"),
        (("baseline", "--isolated", "--pack", "{}", "in.txt"), "cannot read pack"),
        (("check", "--config", "{}", "in.txt"), "cannot read configuration"),
        (("check", "--isolated", "--baseline", "{}", "in.txt"), "cannot read baseline"),
    ],
)
def test_special_files_named_by_options_are_refused(folder: Path, special, args, what):
    proc = _run(*(a.format(special) for a in args), cwd=folder)
    assert proc.returncode == 2, proc.stderr
    [line] = [x for x in proc.stderr.splitlines() if x.startswith("newslint: error:")]
    assert what in line and special.split("/")[-1] in line
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("special", ["pipe", "/dev/zero", "/dev/stdin"])
def test_a_special_file_in_the_configuration_packs_is_refused(folder: Path, special):
    (folder / ".newslint.toml").write_text(f'packs = ["{special}"]\n', encoding="utf-8")
    proc = _run("check", "in.txt", cwd=folder)
    assert proc.returncode == 2
    assert "cannot read pack" in proc.stderr and "Traceback" not in proc.stderr


def test_a_configuration_file_that_is_a_fifo_is_not_waited_for(folder: Path):
    # Found by the upward search, not named: a FIFO called .newslint.toml.
    os.mkfifo(folder / ".newslint.toml")
    proc = _run("check", "in.txt", cwd=folder)
    assert proc.returncode in (1, 2) and "Traceback" not in proc.stderr


def test_oversized_packs_configurations_and_baselines_are_refused(tmp_path: Path):
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(9_000_000)  # sparse: costs no disk
    proc = _run("check", "--isolated", "--pack", "big.yaml", "in.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "the limit is" in proc.stderr
    config = tmp_path / "big.toml"
    with open(config, "wb") as fh:
        fh.truncate(5 << 20)
    proc = _run("check", "--config", "big.toml", "in.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "cannot read configuration" in proc.stderr
    assert "over the limit" in proc.stderr
