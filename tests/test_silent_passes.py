"""No silent passes (issue 15 item 12): a misspelt built-in pack is an error,
and a run with nothing to check says so."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

KIEV = "Missiles struck Kiev.\n"


def test_a_misspelt_builtin_pack_is_an_error_suggesting_the_closest(tmp_path: Path):
    (tmp_path / "in.txt").write_text(KIEV, encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('builtin-packs = ["names", "mtt"]\n', "utf-8")
    for args in (("check", "in.txt"), ("rules",), ("baseline", "in.txt")):
        proc = run_cli(*args, cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        [line] = proc.stderr.splitlines()
        assert "builtin-packs: no built-in pack 'mtt'; did you mean 'mt'?" in line
        assert ".newslint.toml" in line
    (tmp_path / ".newslint.toml").write_text('builtin-packs = ["names", "mt"]\n', "utf-8")
    proc = run_cli("check", "in.txt", cwd=tmp_path)
    assert proc.returncode == 1 and "names.romanization" in proc.stdout


def test_a_folder_with_nothing_to_check_says_so_and_exits_0_as_ruff_does(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF-1.4")
    proc = run_cli("check", "--isolated", "--no-cache", "empty", cwd=tmp_path)
    assert proc.returncode == 0
    assert "newslint: warning: no documents to check under the given path(s) (empty)" in (
        proc.stderr
    )
    proc = run_cli("check", "--isolated", "--no-cache", "-q", "empty", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    proc = run_cli("baseline", "--isolated", "-o", "b.json", "empty", cwd=tmp_path)
    assert proc.returncode == 0 and "no documents to check" in proc.stderr
