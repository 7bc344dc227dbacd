"""`--fix` keeps what it finds (issue 15 item 9): real symbolic and hard links,
owners, extended attributes, read-only files, a file edited during the run,
and a real SIGTERM while the temporary file exists."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lint.atomic import PAUSE_ENV
from tests.conftest import ROOT, run_cli

TEXT = "Missiles struck Kiev.\n"
FIXED = "Missiles struck Kyiv.\n"


def _fix(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run_cli("check", "--isolated", "--no-cache", "--fix", *args, cwd=cwd)


def _temporary_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".newslint")]


def test_a_symlink_is_fixed_through_its_target_and_stays_a_link(tmp_path: Path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "story.txt"
    target.write_text(TEXT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to("real/story.txt")
    proc = _fix("link.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == "real/story.txt"
    assert target.read_text(encoding="utf-8") == FIXED
    assert not _temporary_files(tmp_path) and not _temporary_files(tmp_path / "real")


def test_a_file_with_hard_links_is_left_whole_with_a_message(tmp_path: Path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    os.link(doc, tmp_path / "b.txt")
    proc = _fix("a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "newslint: error: a.txt: has 2 hard links" in proc.stderr
    assert doc.read_text(encoding="utf-8") == TEXT
    assert os.stat(doc).st_ino == os.stat(tmp_path / "b.txt").st_ino  # still one file
    assert "names.romanization" in proc.stdout  # and still reported


def test_a_read_only_file_is_not_rewritten_even_by_root(tmp_path: Path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    doc.chmod(0o444)
    proc = _fix("a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "a.txt: is read-only (mode 0444); left as it is" in proc.stderr
    assert doc.read_text(encoding="utf-8") == TEXT
    assert stat.S_IMODE(doc.stat().st_mode) == 0o444


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_owner_and_group_are_kept(tmp_path: Path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    os.chown(doc, 4321, 8765)
    doc.chmod(0o640)
    proc = _fix("a.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    info = doc.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 8765, 0o640)
    assert doc.read_text(encoding="utf-8") == FIXED


def test_extended_attributes_are_kept(tmp_path: Path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    try:
        os.setxattr(doc, "user.newslint.origin", b"wire copy")
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
            pytest.skip(f"no user extended attributes on {tmp_path}: {exc.strerror}")
        raise
    proc = _fix("a.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert doc.read_text(encoding="utf-8") == FIXED
    assert os.getxattr(doc, "user.newslint.origin") == b"wire copy"


def _start_paused_fix(folder: Path, pause: float) -> subprocess.Popen:
    """`--fix` that waits `pause` seconds with its temporary file written."""
    return subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "--fix", "a.txt"],
        cwd=folder,
        env=dict(os.environ, **{PAUSE_ENV: str(pause), "PYTHONPATH": str(ROOT)}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_temporary_file(folder: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while not _temporary_files(folder):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.02)


def test_a_file_edited_during_the_fix_is_left_alone(tmp_path: Path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    proc = _start_paused_fix(tmp_path, pause=3)
    _wait_for_temporary_file(tmp_path, proc)
    doc.write_text("Someone else's edit about Kiev.\n", encoding="utf-8")
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert "a.txt: changed while being fixed; left as it is" in stderr
    assert doc.read_text(encoding="utf-8") == "Someone else's edit about Kiev.\n"
    assert not _temporary_files(tmp_path)


def test_sigterm_during_fix_leaves_no_temporary_file(tmp_path: Path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    proc = _start_paused_fix(tmp_path, pause=30)
    _wait_for_temporary_file(tmp_path, proc)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    assert "Traceback" not in stderr
    assert not _temporary_files(tmp_path)
    assert doc.read_text(encoding="utf-8") == TEXT  # the old file, whole
