"""What used to end in a traceback is one line and exit 2 (issue 15 item 10)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

KIEV = "Missiles struck Kiev.\n"


def _one_error(proc, *words: str) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("newslint: error:")]
    assert len(errors) == 1, proc.stderr
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--isolated", "--pack", "nope.yaml", "in.txt"),
        ("rules", "--isolated", "--pack", "nope.yaml"),
        ("rule", "names.romanization", "--isolated", "--pack", "nope.yaml"),
        ("baseline", "--isolated", "--pack", "nope.yaml", "in.txt"),
        ("test-packs", "nope.yaml"),
    ],
)
def test_a_missing_pack_is_one_line(tmp_path: Path, args):
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    _one_error(run_cli(*args, cwd=tmp_path), "nope.yaml", "cannot read pack")


def test_a_missing_pack_in_the_configuration_is_one_line(tmp_path: Path):
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint]\npacks = ["style/nope.yaml"]\n', encoding="utf-8"
    )
    for args in (("check", "in.txt"), ("rules",), ("baseline", "in.txt")):
        _one_error(run_cli(*args, cwd=tmp_path), "nope.yaml", "cannot read pack")


def test_json_lines_integer_of_5000_digits_is_a_bad_record(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        f'{{"id": {"9" * 5000}, "text": "Kiev."}}\n{{"id": 2, "text": "Missiles hit Kiev."}}\n',
        encoding="utf-8",
    )
    proc = run_cli(
        "check", "--isolated", "--format", "json", "--jsonl-field", "text", "--jsonl-id", "id",
        "feed.jsonl", cwd=tmp_path,
    )  # fmt: skip
    _one_error(proc, "feed.jsonl:1", "4,300 digits")
    data = json.loads(proc.stdout)
    assert [f["path"] for f in data["findings"]] == ["feed.jsonl#2"]


def _lone_surrogates(tmp_path: Path) -> Path:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "\\udc00-a", "text": "Half \\ud800 of a pair in Kiev."}\n'
        '{"id": "b\\ud83d", "text": "Missiles struck Kiev."}\n',
        encoding="utf-8",
    )
    return feed


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "html", "junit", "markdown", "full"])
def test_lone_surrogates_in_json_lines_ids_and_texts(tmp_path: Path, fmt):
    _lone_surrogates(tmp_path)
    args = ("--jsonl-field", "text", "--jsonl-id", "id", "--format", fmt, "feed.jsonl")
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", *args],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
    )
    stdout = proc.stdout.decode("utf-8")  # valid UTF-8, whatever the records held
    stderr = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and "Traceback" not in stderr
    assert "feed.jsonl:1: the text holds a lone surrogate (\\ud800) at character 6" in stderr
    # The good record is checked; its id's surrogate is written as an escape.
    if fmt == "json":
        [path] = {f["path"] for f in json.loads(stdout)["findings"]}
        assert path == "feed.jsonl#b\\ud83d"
    elif fmt == "sarif":  # on the record's line of the file, the record named in properties
        results = json.loads(stdout)["runs"][0]["results"]
        assert {r["properties"]["record"] for r in results} == {"b\\ud83d"}
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        assert uris == {"feed.jsonl"}
    else:  # Markdown doubles a backslash, to show it
        assert "b\\ud83d" in stdout.replace("\\\\", "\\")
    replaced = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache"]
        + ["--encoding-errors", "replace", *args],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
    )
    assert replaced.returncode == 1, replaced.stderr
    assert "udc00-a" in replaced.stdout.decode("utf-8")
    if fmt in ("json", "sarif"):
        json.loads(replaced.stdout)


def test_closed_standard_input_and_output(tmp_path: Path):
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    command = [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [*command, "-"], cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, capture_output=True
    )
    assert proc.returncode == 0  # an empty stdin is an empty document
    closed = subprocess.run(
        ["sh", "-c", 'exec "$@" <&-', "sh", *command, "-", "in.txt"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    _one_error(closed, "-: standard input is closed")
    assert "in.txt:1:17" in closed.stdout  # the other input is checked
    no_stdout = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *command, "in.txt"],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    _one_error(no_stdout, "standard output is closed")


def _nest(root: Path, depth: int, name: str) -> None:
    """root/d/d/.../d/name, made through directory descriptors: os.makedirs
    itself recurses too deep for this."""
    fd = os.open(root, os.O_RDONLY)
    for _ in range(depth):
        os.mkdir("d", dir_fd=fd)
        inner = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    with open(os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as fh:
        fh.write(KIEV)
    os.close(fd)


def _unnest(root: Path) -> None:
    """Remove what `_nest` made, bottom up (shutil.rmtree recurses, and pytest
    would fail removing it)."""
    fds = [os.open(root, os.O_RDONLY)]
    while "d" in os.listdir(fds[-1]):
        fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
    for name in os.listdir(fds[-1]):
        os.unlink(name, dir_fd=fds[-1])
    while len(fds) > 1:
        os.close(fds.pop())
        os.rmdir("d", dir_fd=fds[-1])
    os.close(fds[0])


def test_folders_nested_1200_deep_are_walked(tmp_path: Path):
    _nest(tmp_path, 1200, "deep.txt")
    try:
        proc = run_cli("check", "--isolated", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    finally:
        _unnest(tmp_path)
    assert proc.returncode == 1, proc.stderr[-500:]
    [finding] = json.loads(proc.stdout)["findings"]
    assert finding["path"].split("/").count("d") == 1200


def test_a_file_name_with_a_0xff_byte_and_o(tmp_path: Path):
    name = os.fsdecode(b"caf\xe9-\xff.txt")
    (tmp_path / name).write_text(KIEV, encoding="utf-8")
    for fmt in ("text", "json", "sarif", "junit", "html", "github", "markdown", "full"):
        proc = run_cli("check", "--isolated", "--format", fmt, "-o", "out", ".", cwd=tmp_path)
        assert proc.returncode == 1, (fmt, proc.stderr)
        (tmp_path / "out").read_bytes().decode("utf-8")
    proc = run_cli("check", "--isolated", "--format", "json", "-o", "out", ".", cwd=tmp_path)
    [finding] = json.loads((tmp_path / "out").read_text(encoding="utf-8"))["findings"]
    assert os.fsencode(finding["path"]) == b"./caf\xe9-\xff.txt"  # the name, byte for byte
