"""The result cache: unchanged files are not re-checked, a changed file or rule
is, and a planted or damaged entry is ignored. --profile times every rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint import resultcache
from lint.config import Config
from lint.document import Document
from lint.engine import DocumentResult
from lint.finding import Finding
from lint.rulebook import linter_for
from tests.conftest import run_cli

TEXT = "Missiles struck Kiev on Monday. The the mayor said power was out.\n"


@pytest.fixture
def key_home(tmp_path, monkeypatch):
    """A fresh per-user key folder for the signing key."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "home"))
    resultcache._secret.cache_clear()
    yield tmp_path / "home"
    resultcache._secret.cache_clear()


def _entries(folder: Path) -> list[Path]:
    return [p for p in folder.glob("??/*") if p.is_file()]  # entries, not the tag or marker


def test_a_stored_result_is_returned_only_for_the_same_path_text_and_rules(tmp_path, key_home):
    linter = linter_for(Config())
    cache = resultcache.ResultCache(tmp_path / "results")
    assert cache.get(linter, "a.txt", TEXT) is None
    real = linter.check_document(Document(TEXT, "a.txt"))
    assert {f.rule for f in real.findings} >= {"names.romanization"}
    # Store a result the linter would never give: only the cache can return it.
    marker = Finding("a.txt", 9, 9, 9, 10, "x.marker", "info", "from the cache")
    cache.put(linter, "a.txt", TEXT, DocumentResult("a.txt", [marker]))
    assert cache.get(linter, "a.txt", TEXT).findings == [marker]
    assert cache.get(linter, "b.txt", TEXT) is None
    assert cache.get(linter, "a.txt", TEXT + "More.\n") is None
    other_rules = linter_for(Config(select=("names",)))
    assert cache.get(other_rules, "a.txt", TEXT) is None
    assert cache.hits == 1


def test_planted_or_damaged_entries_are_ignored(tmp_path, key_home):
    import pickle

    linter = linter_for(Config())
    cache = resultcache.ResultCache(tmp_path / "results")
    marker = Finding("a.txt", 9, 9, 9, 10, "x.marker", "info", "from the cache")
    cache.put(linter, "a.txt", TEXT, DocumentResult("a.txt", [marker]))
    (entry,) = _entries(tmp_path / "results")
    signed = entry.read_bytes()
    # Someone with write access to the project plants an unsigned pickle.
    planted = resultcache.FORMAT + pickle.dumps(DocumentResult("a.txt", []))
    entry.write_bytes(b"\0" * 32 + planted)
    assert cache.get(linter, "a.txt", TEXT) is None
    entry.write_bytes(signed[:-5])  # truncated
    assert cache.get(linter, "a.txt", TEXT) is None
    entry.write_bytes(signed)
    assert cache.get(linter, "a.txt", TEXT).findings == [marker]
    # Another user's key (or a lost key) does not verify either.
    resultcache._secret.cache_clear()
    (key_home / "result-cache.key").write_bytes(b"k" * 32)
    assert cache.get(linter, "a.txt", TEXT) is None


def test_failures_are_not_stored(tmp_path, key_home):
    from lint.engine import RuleFailure

    linter = linter_for(Config())
    cache = resultcache.ResultCache(tmp_path / "results")
    timed_out = DocumentResult("a.txt", [], [RuleFailure("a.txt", "x.y", "pattern timed out")])
    cache.put(linter, "a.txt", TEXT, timed_out)
    assert _entries(tmp_path / "results") == []


def test_cli_second_run_reads_the_cache_and_a_changed_file_is_checked_again(tmp_path):
    home = tmp_path / "home"
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    env_args = ("check", "--isolated", "--format", "json-lines", str(doc))

    def run():
        import os
        import subprocess
        import sys

        return subprocess.run(
            [sys.executable, "-m", "lint", *env_args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "NEWSLINT_CACHE_DIR": str(home)},
        )

    first = run()
    entries = _entries(tmp_path / ".newslint_cache")
    assert len(entries) == 1 and "names.romanization" in first.stdout
    second = run()
    assert second.stdout == first.stdout and second.returncode == first.returncode
    assert _entries(tmp_path / ".newslint_cache") == entries
    doc.write_text(TEXT.replace("Kiev", "Kyiv"), encoding="utf-8")
    third = run()
    assert "names.romanization" not in third.stdout and "repeated-word" in third.stdout
    assert len(_entries(tmp_path / ".newslint_cache")) == 2
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    env_args = ("check", "--isolated", "--no-cache", str(tmp_path / "b.txt"))
    run()
    assert len(_entries(tmp_path / ".newslint_cache")) == 2


def test_profile_times_every_rule_without_changing_the_report(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    plain = run_cli("check", "--isolated", "--no-cache", str(doc))
    timed = run_cli("check", "--isolated", "--profile", str(doc))
    assert timed.stdout == plain.stdout and timed.returncode == plain.returncode
    assert "profile:" in timed.stderr
    kinds = {line.split()[0] for line in timed.stderr.splitlines()}
    assert {"substitution", "repetition", "existence"} & kinds
    assert "names.romanization" in timed.stderr


def test_entries_unused_for_a_month_are_pruned_at_most_daily(tmp_path):
    import os

    from lint.resultcache import MAX_AGE_SECONDS, ResultCache

    cache = ResultCache(tmp_path)
    old, fresh = tmp_path / "ab" / "old", tmp_path / "cd" / "fresh"
    for entry in (old, fresh):
        entry.parent.mkdir()
        entry.write_bytes(b"x")
    now = 10 * MAX_AGE_SECONDS
    os.utime(old, (now - MAX_AGE_SECONDS - 10, now - MAX_AGE_SECONDS - 10))
    os.utime(fresh, (now - 10, now - 10))
    assert cache.prune_if_due(now) == 1
    assert not old.exists() and fresh.exists()
    os.utime(fresh, (0, 0))
    assert cache.prune_if_due(now + 60) == 0  # pruned less than a day ago
    assert fresh.exists()
    assert cache.prune_if_due(now + 2 * 24 * 3600) == 1
