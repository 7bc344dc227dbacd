"""The smaller gaps of issue 18, each through the real CLI on real files:
--stdin-filename, --output-format, colour, --statistics, the --fix count,
binary files, a bad --diff-base, configuration inheritance, every pack error,
and the packaging metadata."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

KIEV = "Missiles struck Kiev. The the mayor spoke.\n"  # names.romanization, mt.repeated-word
ESC = "\x1b["


# --- --stdin-filename ----------------------------------------------------------


def test_stdin_filename_applies_the_files_configuration_and_names_it(tmp_path: Path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint.per-file-ignores]\n"archive/*.txt" = ["names"]\n', encoding="utf-8"
    )
    proc = run_cli("check", "--stdin-filename", "archive/old.txt", cwd=tmp_path, stdin=KIEV)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "archive/old.txt:1:23: warning mt.repeated-word 'The' is repeated; delete one "
        "(suggestion: The)"
    ]
    proc = run_cli("check", "--stdin-filename", "news/new.txt", cwd=tmp_path, stdin=KIEV)
    assert [line.split(": ")[0] for line in proc.stdout.splitlines()] == [
        "news/new.txt:1:17",
        "news/new.txt:1:23",
    ]
    # The full report shows the text read from stdin, not a file of that name on disk.
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "new.txt").write_text("Something else entirely.\n")
    proc = run_cli(
        "check", "--format", "full", "--stdin-filename", "news/new.txt", "-", cwd=tmp_path,
        stdin=KIEV,
    )  # fmt: skip
    assert "   1 | Missiles struck Kiev." in proc.stdout
    assert "Something else" not in proc.stdout


def test_stdin_filename_with_force_exclude_and_with_other_paths(tmp_path: Path):
    (tmp_path / ".newslint.toml").write_text('extend-exclude = ["drafts"]\n')
    proc = run_cli(
        "check", "--force-exclude", "--stdin-filename", "drafts/a.txt", cwd=tmp_path, stdin=KIEV
    )
    assert (proc.returncode, proc.stdout) == (0, "")
    proc = run_cli("check", "--stdin-filename", "drafts/a.txt", cwd=tmp_path, stdin=KIEV)
    assert proc.returncode == 1 and "drafts/a.txt:1:17" in proc.stdout
    proc = run_cli("check", "--stdin-filename", "a.txt", "b.txt", cwd=tmp_path, stdin=KIEV)
    assert proc.returncode == 2
    assert proc.stderr.startswith("newslint: error: --stdin-filename names standard input")
    proc = run_cli("check", "--diff", "--stdin-filename", "x.txt", cwd=tmp_path, stdin=KIEV)
    assert "+++ b/x.txt" in proc.stdout


# --- --output-format, --color ----------------------------------------------------


def test_output_format_is_an_alias_of_format(tmp_path: Path):
    (tmp_path / "a.txt").write_text(KIEV)
    one = run_cli("check", "--isolated", "--output-format", "json", "a.txt", cwd=tmp_path)
    two = run_cli("check", "--isolated", "--format", "json", "a.txt", cwd=tmp_path)
    assert json.loads(one.stdout)["findings"] == json.loads(two.stdout)["findings"]
    assert json.loads(one.stdout)["findings"]


def _run_on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run newslint with its standard output on a pseudo-terminal; what it printed."""
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", *args],
        cwd=cwd,
        env=env,
        stdout=child,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    os.close(child)
    out = b""
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(main)
    return out.decode("utf-8", "replace")


@pytest.mark.parametrize("fmt", ["text", "full"])
def test_colour_on_a_terminal_only_and_never_under_no_color_or_into_a_file(tmp_path, fmt):
    (tmp_path / "a.txt").write_text(KIEV)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    env["TERM"] = "xterm"
    base = ["check", "--isolated", "--no-cache", "--format", fmt, "a.txt"]
    on_tty = _run_on_a_terminal(base, tmp_path, env)
    assert "Kiev" in on_tty and ESC in on_tty
    assert "\x1b[33mwarning\x1b[0m" in on_tty  # severities in their colours
    assert ESC not in _run_on_a_terminal(base, tmp_path, {**env, "NO_COLOR": "1"})
    assert ESC not in _run_on_a_terminal([*base, "--color", "never"], tmp_path, env)
    always = [*base, "--color", "always"]
    assert ESC in _run_on_a_terminal(always, tmp_path, {**env, "NO_COLOR": "1"})
    # A pipe is not a terminal; a file is never coloured, even with --color always.
    piped = subprocess.run(
        [sys.executable, "-m", "lint", *base], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert "Kiev" in piped.stdout and ESC not in piped.stdout
    assert ESC in run_cli(*base, "--color", "always", cwd=tmp_path).stdout
    run_cli(*base, "--color", "always", "-o", "report.txt", cwd=tmp_path)
    written = (tmp_path / "report.txt").read_text()
    assert "Kiev" in written and ESC not in written
    # Coloured or not, the same text.
    plain = run_cli(*base, cwd=tmp_path).stdout
    coloured = run_cli(*always, cwd=tmp_path).stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


# --- --statistics ----------------------------------------------------------------


def test_statistics_print_only_the_counts(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Kiev. Kiev again. The the end.\n")
    proc = run_cli("check", "--isolated", "--statistics", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "count  rule                severity",
        "-----  ------------------  --------",
        "    2  names.romanization  warning",
        "    1  mt.repeated-word    warning",
    ]
    proc = run_cli("check", "--isolated", "--statistics", "--format", "json", "a.txt", cwd=tmp_path)
    assert json.loads(proc.stdout) == [
        {"rule": "names.romanization", "severity": "warning", "count": 2, "fixable": True},
        {"rule": "mt.repeated-word", "severity": "warning", "count": 1, "fixable": True},
    ]
    proc = run_cli("check", "--isolated", "--statistics", "--format=sarif", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "--statistics prints a table" in proc.stderr
    (tmp_path / "clean.txt").write_text("Missiles struck Kyiv.\n")
    proc = run_cli("check", "--isolated", "--statistics", "clean.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, "")


# --- the --fix count ---------------------------------------------------------------


def test_the_fix_count_counts_edits(tmp_path: Path):
    (tmp_path / "a.txt").write_text(KIEV)
    (tmp_path / "b.txt").write_text("Nothing to fix in Kyiv.\n")
    proc = run_cli("check", "--isolated", "--diff", ".", "a.txt", "b.txt", cwd=tmp_path)
    assert "2 fix(es) would be applied to 1 file(s)" in proc.stderr
    proc = run_cli("check", "--isolated", "--fix", "a.txt", ".", cwd=tmp_path)
    assert "fixed 2 finding(s) in 1 file(s)" in proc.stderr
    assert (tmp_path / "a.txt").read_text() == "Missiles struck Kyiv. The mayor spoke.\n"


# --- binary files --------------------------------------------------------------------


def test_binary_files_are_reported_as_binary_not_as_utf16(tmp_path: Path):
    # An executable and a database: NULs in every other byte, but not text.
    (tmp_path / "prog.txt").write_bytes(Path(sys.executable).resolve().read_bytes()[:20000])
    (tmp_path / "db.txt").write_bytes(
        b"SQLite format 3\x00\x10\x00\x01\x01\x00@  \x00\x00\x00\x02" + b"\x00" * 4000
    )
    (tmp_path / "ints.txt").write_bytes(b"".join(i.to_bytes(4, "little") for i in range(3000)))
    # Real UTF-16 without a byte-order mark is still called what it is.
    (tmp_path / "utf16.txt").write_bytes("Missiles struck Kyiv.\n".encode("utf-16-le") * 20)
    proc = run_cli("check", "--isolated", "--no-cache", ".", cwd=tmp_path)
    assert proc.returncode == 2
    errors = dict(
        line.removeprefix("newslint: error: ./").split(": ", 1)
        for line in proc.stderr.splitlines()
        if line.startswith("newslint: error:")
    )
    for name in ("prog.txt", "db.txt", "ints.txt"):
        assert errors[name].startswith("binary file (NUL byte at offset"), errors
    assert errors["utf16.txt"] == "looks like UTF-16 without a byte-order mark, skipped"
    assert "3 binary, 1 encoding" in proc.stderr


# --- --diff-base -------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_bad_diff_base_is_named(tmp_path: Path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.txt").write_text(KIEV)
    for args in (["init", "-q"], ["add", "a.txt"]):
        subprocess.run(["git", *args], cwd=repo, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "one"],
        cwd=repo,
        check=True,
    )
    for rev in ("no-such-branch", "--output=x"):
        proc = run_cli("check", "--isolated", f"--diff-base={rev}", "a.txt", cwd=repo)
        assert proc.returncode == 2
        assert proc.stderr.splitlines() == [
            f"newslint: error: --diff-base {rev}: no such revision (a commit, branch or tag) "
            f"in {repo}"
        ]
        assert not (repo / "x").exists()
    proc = run_cli("check", "--isolated", "--exit-zero", "--diff-base", "HEAD", "a.txt", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "a.txt").write_text(KIEV)
    proc = run_cli("check", "--isolated", "--diff-base", "HEAD", "a.txt", cwd=outside)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"newslint: error: --diff-base HEAD: {outside} is not in a git repository "
        "(run newslint from inside one)"
    )


# --- configuration inheritance -------------------------------------------------------------


def test_a_nested_configuration_extends_the_projects(tmp_path: Path):
    (tmp_path / "house.yaml").write_text(
        "name: house\nversion: '1'\ndescription: d\nrules:\n"
        "  - {id: no-utilize, kind: existence, severity: warning, message: m, description: d,"
        " options: {tokens: [utilize]}}\n"
    )
    (tmp_path / "pyproject.toml").write_text(
        "[tool.newslint]\n"
        'packs = ["house.yaml"]\n'
        'ignore = ["mt.repeated-word"]\n'
        "[tool.newslint.per-file-ignores]\n"
        '"desk/archive/*.txt" = ["house"]\n'
    )
    desk = tmp_path / "desk"
    (desk / "archive").mkdir(parents=True)
    (desk / ".newslint.toml").write_text(
        'extend = "../pyproject.toml"\n[severity]\n"names.romanization" = "error"\n'
    )
    text = "We utilize Kiev. The the end.\n"
    (desk / "a.txt").write_text(text)
    (desk / "archive" / "old.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text)
    proc = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    found = sorted(
        (f["path"], f["rule"], f["severity"]) for f in json.loads(proc.stdout)["findings"]
    )
    assert found == [
        ("./b.txt", "house.no-utilize", "warning"),
        ("./b.txt", "names.romanization", "warning"),
        # the pack (a path relative to the extended file), the ignore and the
        # per-file-ignores come from ../pyproject.toml; the severity from desk/
        ("./desk/a.txt", "house.no-utilize", "warning"),
        ("./desk/a.txt", "names.romanization", "error"),
        ("./desk/archive/old.txt", "names.romanization", "error"),
    ]


def test_an_extend_cycle_or_a_missing_file_is_a_clear_error(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / ".newslint.toml").write_text('extend = "../b/.newslint.toml"\n')
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / ".newslint.toml").write_text('extend = "../a/.newslint.toml"\n')
    (tmp_path / "a" / "x.txt").write_text(KIEV)
    proc = run_cli("check", "a/x.txt", cwd=tmp_path)
    assert proc.returncode == 2
    [line] = proc.stderr.splitlines()
    assert "extend makes a cycle" in line and str(tmp_path / "a" / ".newslint.toml") in line
    (tmp_path / "b" / ".newslint.toml").write_text('extend = "../missing.toml"\n')
    proc = run_cli("check", "a/x.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "extend: no configuration file '../missing.toml'" in proc.stderr


# --- every pack error ----------------------------------------------------------------------------


def test_every_pack_error_is_reported(tmp_path: Path):
    rule = "  - {{id: {id}, kind: {kind}, severity: {severity}, message: m, description: d}}\n"
    (tmp_path / "one.yaml").write_text(
        "name: one\nversion: '1'\ndescription: d\nrules:\n"
        + rule.format(id="a", kind="existence", severity="loud")
        + rule.format(id="b", kind="no-such-kind", severity="warning")
    )
    (tmp_path / "two.yaml").write_text("name: two\nversion: '1'\n")
    (tmp_path / "x.txt").write_text(KIEV)
    for args in (
        ("check", "--isolated", "--pack", "one.yaml", "--pack", "two.yaml", "x.txt"),
        ("test-packs", "one.yaml", "two.yaml"),
    ):
        proc = run_cli(*args, cwd=tmp_path)
        assert proc.returncode == 2
        lines = proc.stderr.splitlines()
        assert len(lines) == 3, lines
        assert "one.yaml:5: rule one.a: severity must be one of" in lines[0]
        assert "one.yaml:6: rule one.b: unknown kind 'no-such-kind'" in lines[1]
        assert "two.yaml:1: missing key 'description'" in lines[2]
        assert all(line.startswith("newslint: error: ") for line in lines)


# --- packaging ------------------------------------------------------------------------------------


def test_the_licence_file_matches_the_declared_licence():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n") and "the newslint authors" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in text
    urls = project["urls"]
    assert set(urls) == {"Homepage", "Documentation", "Issues"}
    assert all(u.startswith("https://github.com/newslint/newslint") for u in urls.values())
