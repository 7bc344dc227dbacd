"""The caches never follow a link, never delete what is not theirs, never run
code they find on disk and never hang on what is not a regular file.

Everything here is real: symbolic and hard links, FIFOs, folders owned by
another user, pickles that would write a marker file if anything unpickled
them, and the real `newslint` command in a subprocess."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lint import resultcache
from tests.conftest import SEEDS

DOC = "Missiles struck Kiev on Monday. The the mayor said power was out.\n"
SEED = SEEDS / "000_744cba33126f6084.txt"
DAY = 24 * 3600
OLD = time.time() - 90 * DAY  # older than anything pruning keeps


def _newslint(cwd: Path, *args: str, home: Path, timeout: float = 120, **env: str):
    """`newslint check --isolated` with the user cache folder `home` (which is
    $XDG_CACHE_HOME/newslint, so results go to the project's .newslint_cache)."""
    base = {k: v for k, v in os.environ.items() if k != "NEWSLINT_CACHE_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**base, "XDG_CACHE_HOME": str(home.parent), **env},
    )


@pytest.fixture(scope="module")
def warm_home(tmp_path_factory) -> Path:
    """A user cache folder filled by one run (so later runs are quick)."""
    home = tmp_path_factory.mktemp("xdg") / "newslint"
    work = tmp_path_factory.mktemp("work")
    (work / "a.txt").write_text(DOC, encoding="utf-8")
    shutil.copy(SEED, work / "seed.txt")  # long enough for the readability rules' tables
    proc = _newslint(work, "--no-cache", "a.txt", "seed.txt", home=home)
    assert proc.returncode == 1, proc.stderr
    return home


@pytest.fixture
def home(tmp_path, warm_home) -> Path:
    """A copy of the warm user cache folder this test may damage."""
    copy = tmp_path / "xdg" / "newslint"
    shutil.copytree(warm_home, copy)
    return copy


def _outside(tmp_path: Path) -> Path:
    """A folder of someone's old documents (90 days old), beside the project."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    for i in range(3):
        path = folder / f"notes-{i}.txt"
        path.write_text(f"precious {i}\n", encoding="utf-8")
        os.utime(path, (OLD, OLD))
    (folder / "CACHEDIR.TAG").write_text("mine\n", encoding="utf-8")
    os.utime(folder / "CACHEDIR.TAG", (OLD, OLD))
    return folder


def _snapshot(folder: Path) -> dict[str, tuple[bytes, float]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.lstat().st_mtime)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    (project / "a.txt").write_text(DOC, encoding="utf-8")
    return project


# --- links ----------------------------------------------------------------------------


def test_the_issues_repro_deletes_and_writes_nothing_outside_the_cache(tmp_path, home):
    """`.newslint_cache/ab -> ~/Documents`, pruning due: nothing outside is
    deleted or written. Every shard name is a link, so any write would land
    outside; CACHEDIR.TAG and .gitignore are links to a file outside too."""
    outside = _outside(tmp_path)
    before = _snapshot(outside)
    project = _project(tmp_path)
    cache = project / ".newslint_cache"
    cache.mkdir()
    for n in range(256):
        (cache / f"{n:02x}").symlink_to(outside)
    (cache / "CACHEDIR.TAG").symlink_to(outside / "CACHEDIR.TAG")
    (cache / ".gitignore").symlink_to(outside / "notes-0.txt")
    for _ in range(2):  # the first run writes, both prune (no last-prune marker)
        proc = _newslint(project, "a.txt", home=home)
        assert proc.returncode == 1, proc.stderr
        assert "names.romanization" in proc.stdout
    assert _snapshot(outside) == before
    assert sorted(p.name for p in outside.iterdir()) == sorted(before)
    assert (cache / "ab").is_symlink() and (cache / "CACHEDIR.TAG").is_symlink()


def test_a_cache_folder_that_is_a_link_is_refused_and_said_once(tmp_path, home):
    outside = _outside(tmp_path)
    before = _snapshot(outside)
    project = _project(tmp_path)
    (project / ".newslint_cache").symlink_to(outside)
    proc = _newslint(project, "a.txt", home=home)
    assert proc.returncode == 1 and "names.romanization" in proc.stdout
    assert proc.stderr.count("result cache off: .newslint_cache is a symbolic link") == 1
    assert _snapshot(outside) == before and len(list(outside.iterdir())) == len(before)
    # The same for --cache-dir, and for the user's data cache folder.
    proc = _newslint(project, "--cache-dir", str(outside.parent / "elsewhere"), "a.txt", home=home)
    assert proc.returncode == 1 and (outside.parent / "elsewhere" / "CACHEDIR.TAG").is_file()
    linked_home = tmp_path / "linked-home"
    linked_home.symlink_to(outside)
    proc = _newslint(project, "--no-cache", "a.txt", home=home, NEWSLINT_CACHE_DIR=str(linked_home))
    assert proc.returncode == 1 and "names.romanization" in proc.stdout
    assert "data cache off: linked-home is a symbolic link" in proc.stderr
    assert _snapshot(outside) == before and len(list(outside.iterdir())) == len(before)


def test_pruning_deletes_only_regular_files_named_as_entries(tmp_path):
    """Old links, hard links, folders and files with other names stay; the
    targets of links and the other names of hard links are untouched."""
    outside = _outside(tmp_path)
    before = _snapshot(outside)
    root = tmp_path / "results"
    shard = root / "ab"
    shard.mkdir(parents=True)
    entry = "c" * 62
    (shard / entry).write_bytes(b"old entry")
    (shard / ("d" * 62)).symlink_to(outside / "notes-1.txt")  # a link named as an entry
    os.link(outside / "notes-2.txt", shard / ("e" * 62))  # a hard link named as an entry
    (shard / ("f" * 62)).mkdir()  # a folder named as an entry
    (shard / ("f" * 62) / "inside").write_bytes(b"x")
    (shard / "notes.txt").write_bytes(b"not an entry")  # a file not named as one
    (root / "zz").mkdir()  # a folder not named as a shard
    (root / "zz" / entry).write_bytes(b"not in a shard")
    for path in [*shard.iterdir(), root / "zz" / entry]:
        os.utime(path, (OLD, OLD), follow_symlinks=False)
    deleted = resultcache.ResultCache(root).prune_if_due()
    assert not (shard / entry).exists()
    assert (shard / ("d" * 62)).is_symlink() and (shard / ("f" * 62) / "inside").exists()
    assert (shard / "notes.txt").exists() and (root / "zz" / entry).exists()
    assert deleted in (1, 2)  # the hard link's name may go; its data stays outside
    assert _snapshot(outside) == before


def test_writes_replace_a_planted_link_never_write_through_it(tmp_path):
    from lint.cachefolder import CacheFolder

    outside = _outside(tmp_path)
    before = _snapshot(outside)
    root = tmp_path / "cache"
    root.mkdir()
    (root / "entry").symlink_to(outside / "notes-0.txt")
    with CacheFolder.open(root) as folder:
        assert folder.read("entry", 1000) is None
        folder.write("entry", b"new")
        assert folder.read("entry", 1000) == b"new"
        assert not folder.create("entry", b"other")
    assert not (root / "entry").is_symlink()
    assert _snapshot(outside) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a folder to another user")
def test_a_cache_folder_of_another_user_is_refused(tmp_path, home):
    project = _project(tmp_path)
    cache = project / ".newslint_cache"
    cache.mkdir()
    os.chown(cache, 4242, 4242)
    proc = _newslint(project, "a.txt", home=home)
    assert proc.returncode == 1 and "names.romanization" in proc.stdout
    assert "result cache off: .newslint_cache is not a folder of the user" in proc.stderr
    assert list(cache.iterdir()) == []


# --- nothing read from disk runs ------------------------------------------------------


class _Plant:
    """Unpickling this writes its marker file: proof that something ran."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


def _planted(marker: Path) -> bytes:
    return pickle.dumps(_Plant(marker))


def test_planted_pickles_in_the_data_cache_never_run(tmp_path, home):
    """Each entry of the warm cache, and an old-style `.pickle` beside each,
    replaced by a pickle that would write a marker: nothing runs, every table
    is rebuilt, and the findings are the same."""
    project = _project(tmp_path)
    shutil.copy(SEED, project / "seed.txt")
    clean = _newslint(project, "--no-cache", "a.txt", "seed.txt", home=home)
    marker = tmp_path / "ran"
    entries = sorted(home.glob("*-*.*"))
    kinds = {p.name.split("-")[0] for p in entries}
    assert {"packs", "literals", "names", "boilerplate", "syllables"} <= kinds
    for entry in entries:
        kind, rest = entry.name.split("-", 1)
        key = rest.split(".")[0]
        header = entry.read_bytes().split(b"\n", 1)[0] + b"\n"
        entry.write_bytes(header + _planted(marker))  # a valid header, then a pickle
        (home / f"{kind}-{key}.pickle").write_bytes(_planted(marker))
        for legacy in ("pack", "english", "verbs", "pyphen"):
            (home / f"{legacy}-{key}.pickle").write_bytes(_planted(marker))
    again = _newslint(project, "--no-cache", "a.txt", "seed.txt", home=home)
    assert not marker.exists()
    assert (again.stdout, again.returncode) == (clean.stdout, clean.returncode)
    assert again.stderr == clean.stderr
    assert all(not p.read_bytes().endswith(_planted(marker)) for p in home.glob("*.json"))


def test_planted_result_entries_never_run_even_signed_or_with_an_empty_key(tmp_path, home):
    """An empty key file (a crash between creating and writing it) used to make
    a planted, signed pickle run. Now the key is replaced and nothing is
    unpickled, signed or not."""
    import hashlib
    import hmac

    project = _project(tmp_path)
    proc = _newslint(project, "a.txt", home=home)
    (entry,) = [p for p in (project / ".newslint_cache").glob("??/*") if p.is_file()]
    key = (home / "result-cache.key").read_bytes()
    assert len(key) == 32 and (home / "result-cache.key").stat().st_mode & 0o777 == 0o600
    marker = tmp_path / "ran"
    old_format = b"newslint-results-1\n" + _planted(marker)
    new_format = resultcache.FORMAT + _planted(marker)
    for payload in (old_format, new_format):
        for signing_key in (key, b""):
            entry.write_bytes(hmac.new(signing_key, payload, hashlib.sha256).digest() + payload)
            (home / "result-cache.key").write_bytes(b"" if signing_key == b"" else key)
            again = _newslint(project, "a.txt", home=home)
            assert not marker.exists()
            assert (again.stdout, again.returncode) == (proc.stdout, proc.returncode)
            assert len((home / "result-cache.key").read_bytes()) == 32


def test_fifos_and_oversized_files_in_the_caches_neither_hang_nor_are_read(tmp_path, home):
    project = _project(tmp_path)
    clean = _newslint(project, "a.txt", home=home)
    (entry,) = [p for p in (project / ".newslint_cache").glob("??/*") if p.is_file()]
    entry.unlink()
    os.mkfifo(entry)
    for path in list(home.glob("*-*.json")) + [home / "result-cache.key"]:
        path.unlink()
        os.mkfifo(path)
    started = time.monotonic()
    proc = _newslint(project, "a.txt", home=home, timeout=60)
    assert time.monotonic() - started < 60
    assert (proc.stdout, proc.returncode) == (clean.stdout, clean.returncode)
    assert entry.exists()  # the FIFO was left alone, not read


def test_an_entry_over_the_size_cap_is_a_miss(tmp_path, monkeypatch):
    from lint.config import Config
    from lint.engine import DocumentResult
    from lint.rulebook import linter_for

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "home"))
    resultcache._secret.cache_clear()
    linter = linter_for(Config())
    cache = resultcache.ResultCache(tmp_path / "results")
    cache.put(linter, "a.txt", DOC, DocumentResult("a.txt", [], words=3))
    assert cache.get(linter, "a.txt", DOC).words == 3
    monkeypatch.setattr(resultcache, "MAX_ENTRY_BYTES", 40)
    assert cache.get(linter, "a.txt", DOC) is None
    resultcache._secret.cache_clear()


# --- where results go -----------------------------------------------------------------


def test_the_project_cache_is_ignored_by_git_and_tagged_for_backups(tmp_path, home):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project = _project(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "a.txt"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "a"], cwd=project, check=True)
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")  # the user's data cache, not the project's
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "a.txt"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 1, proc.stderr
    cache = project / ".newslint_cache"
    assert (cache / ".gitignore").read_text() == "*\n"
    assert (
        (cache / "CACHEDIR.TAG")
        .read_bytes()
        .startswith(b"Signature: 8a477f597d28d172789f06886806bc55")
    )
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    assert status.stdout == ""
    assert any((tmp_path / "xdg" / "newslint").glob("packs-*.json"))


def test_cache_dir_and_newslint_cache_dir_say_where_results_go(tmp_path, home):
    project = _project(tmp_path)
    chosen = tmp_path / "chosen" / "results"
    proc = _newslint(project, "--cache-dir", str(chosen), "a.txt", home=home)
    assert proc.returncode == 1
    assert len(list(chosen.glob("??/*"))) == 1 and (chosen / ".gitignore").exists()
    assert not (project / ".newslint_cache").exists()
    elsewhere = tmp_path / "elsewhere"
    _newslint(project, "a.txt", home=home, NEWSLINT_CACHE_DIR=str(elsewhere))
    assert len(list((elsewhere / "results").glob("??/*"))) == 1
    assert not (project / ".newslint_cache").exists()
    _newslint(project, "a.txt", home=home)
    assert len(list((project / ".newslint_cache").glob("??/*"))) == 1


def test_seeds_give_the_same_findings_from_a_warm_cache_as_without_one(tmp_path, home):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    plain = _newslint(tmp_path, "--no-cache", "seeds", home=home, NEWSLINT_NO_CACHE="1")
    first = _newslint(tmp_path, "seeds", home=home)
    second = _newslint(tmp_path, "seeds", home=home)
    assert plain.stdout == first.stdout == second.stdout
