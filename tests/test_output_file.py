"""`-o`: never over an input, checked before the run, one line and exit 2 when
it cannot be written (issue 15 items 3 and 10, issue 18 item 7)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import run_cli

KIEV = "Missiles struck Kiev on Monday.\n"


def _refused(proc, name: str) -> None:
    assert proc.returncode == 2, proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("newslint: error: ") and name in line and "refusing" in line


@pytest.mark.parametrize(
    ("output", "inputs"),
    [
        ("in.txt", ["in.txt"]),
        ("./in.txt", ["in.txt"]),
        ("in.txt", ["./in.txt"]),
        ("in.txt", ["."]),  # found by walking the folder
        ("hard.txt", ["in.txt"]),  # a hard link to the input
        ("soft.txt", ["in.txt"]),  # a symbolic link to the input
        ("in.txt", ["soft.txt"]),
        ("sub/../in.txt", ["in.txt"]),
    ],
)
def test_the_report_is_never_written_over_an_input(tmp_path: Path, output, inputs):
    (tmp_path / "sub").mkdir()
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    os.link(tmp_path / "in.txt", tmp_path / "hard.txt")
    (tmp_path / "soft.txt").symlink_to("in.txt")
    for command in ("check", "baseline"):
        proc = run_cli(command, "--isolated", "-o", output, *inputs, cwd=tmp_path)
        _refused(proc, output)
        assert (tmp_path / "in.txt").read_text(encoding="utf-8") == KIEV
        assert (tmp_path / "soft.txt").is_symlink()
    proc = run_cli("check", "--isolated", "--exit-zero", "-o", output, *inputs, cwd=tmp_path)
    assert proc.returncode == 2


def test_a_json_lines_input_and_a_baseline_are_inputs_too(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": KIEV}) + "\n", encoding="utf-8")
    proc = run_cli(
        "check", "--isolated", "--jsonl-field", "text", "-o", "feed.jsonl", ".", cwd=tmp_path
    )
    _refused(proc, "feed.jsonl")
    assert json.loads(feed.read_text(encoding="utf-8"))["id"] == "a"
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    assert run_cli("baseline", "--isolated", "in.txt", cwd=tmp_path).returncode == 0
    accepted = (tmp_path / ".newslint-baseline.json").read_bytes()
    proc = run_cli(
        "check",
        "--isolated",
        "--baseline",
        ".newslint-baseline.json",
        "-o",
        ".newslint-baseline.json",
        "in.txt",
        cwd=tmp_path,
    )
    _refused(proc, "baseline")
    assert (tmp_path / ".newslint-baseline.json").read_bytes() == accepted


@pytest.mark.parametrize("command", ["check", "baseline"])
def test_a_missing_folder_is_one_line_and_exit_2_before_the_run(tmp_path: Path, command):
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # were the run started, this input would be reported
    extra = ("--exit-zero",) if command == "check" else ()
    proc = run_cli(command, "--isolated", *extra, "-o", "missing/out.json", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"newslint: error: missing/out.json: folder {tmp_path / 'missing'} does not exist"
    ]
    assert proc.stdout == ""


def test_a_folder_where_nothing_can_be_written_is_refused_even_for_root(tmp_path: Path):
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    # /proc refuses new files whoever asks; a 0555 folder refuses all but root.
    proc = run_cli(
        "check", "--isolated", "-o", "/proc/newslint-report.json", "in.txt", cwd=tmp_path
    )
    assert proc.returncode == 2
    [line] = proc.stderr.splitlines()
    assert line.startswith("newslint: error: /proc/newslint-report.json: cannot write in folder")
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
        proc = run_cli("baseline", "--isolated", "-o", "locked/b.json", "in.txt", cwd=tmp_path)
        assert proc.returncode == 2 and "cannot write in folder" in proc.stderr
    proc = run_cli("check", "--isolated", "-o", ".", "in.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "is a folder" in proc.stderr


def test_a_symlinked_report_writes_its_target_and_keeps_the_link(tmp_path: Path):
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    (tmp_path / "reports").mkdir()
    (tmp_path / "latest.json").symlink_to("reports/run.json")  # dangling until written
    proc = run_cli(
        "check",
        "--isolated",
        "--no-cache",
        "--format",
        "json",
        "-o",
        "latest.json",
        "in.txt",
        cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr
    assert (tmp_path / "latest.json").is_symlink()
    data = json.loads((tmp_path / "reports" / "run.json").read_text(encoding="utf-8"))
    assert data["summary"]["files"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "latest.json", "reports"]


def test_a_device_is_written_in_place(tmp_path: Path):
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    proc = run_cli("check", "--isolated", "-o", "/dev/null", "in.txt", cwd=tmp_path)
    assert proc.returncode == 1 and os.path.exists("/dev/null") and not Path("/dev/null").is_file()
