"""The result cache: unchanged files are not re-checked, a changed file or rule
is, and a planted or damaged entry is ignored. --profile times every rule."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint import resultcache
from lint.config import Config
from lint.document import Document
from lint.engine import DocumentResult
from lint.finding import Finding
from lint.rulebook import linter_for
from tests.conftest import SEEDS, run_cli

TEXT = "Missiles struck Kiev on Monday. The the mayor said power was out.\n"


@pytest.fixture
def key_home(tmp_path, monkeypatch):
    """A fresh per-user cache folder for the signing key."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "home"))
    resultcache._secret.cache_clear()
    yield tmp_path / "home"
    resultcache._secret.cache_clear()


def _entries(folder: Path) -> list[Path]:
    return [p for p in folder.glob("??/*") if p.is_file()]  # entries, not the tag or marker


def _marker() -> Finding:
    # A finding the linter would never give (a real rule, an odd place and
    # message): only the cache can return it.
    return Finding("a.txt", 1, 2, 1, 3, "names.romanization", "info", "from the cache", (), 1, 2)


def test_a_stored_result_is_returned_only_for_the_same_path_text_and_rules(tmp_path, key_home):
    linter = linter_for(Config())
    cache = resultcache.ResultCache(tmp_path / "results")
    assert cache.get(linter, "a.txt", TEXT) is None
    real = linter.check_document(Document(TEXT, "a.txt"))
    assert {f.rule for f in real.findings} >= {"names.romanization"}
    cache.put(linter, "a.txt", TEXT, DocumentResult("a.txt", [_marker()], words=7))
    got = cache.get(linter, "a.txt", TEXT)
    assert got.findings == [_marker()] and got.words == 7
    assert cache.get(linter, "b.txt", TEXT) is None
    assert cache.get(linter, "a.txt", TEXT + "More.\n") is None
    other_rules = linter_for(Config(select=("names",)))
    assert cache.get(other_rules, "a.txt", TEXT) is None
    assert cache.hits == 1


def test_results_with_batch_facts_come_back_equal(tmp_path, key_home):
    """Findings and the facts cross-document rules collect (dataclasses of the
    batch kinds) go through JSON and back unchanged."""
    linter = linter_for(Config())
    cache = resultcache.ResultCache(tmp_path / "results")
    with_facts = 0
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result = linter.check_document(Document(text, path.name))
        cache.put(linter, path.name, text, result)
        got = cache.get(linter, path.name, text)
        assert got is not None
        assert (got.findings, got.facts, got.words) == (result.findings, result.facts, result.words)
        assert [(f.offset, f.end_offset, f.fix_safe) for f in got.findings] == [
            (f.offset, f.end_offset, f.fix_safe) for f in result.findings
        ]
        with_facts += any(result.facts.values())
    assert with_facts >= 2  # the seeds hold claims for numbers.cross-document-*


def _signed(payload: bytes) -> bytes:
    import hashlib
    import hmac

    return hmac.new(resultcache._secret(), payload, hashlib.sha256).digest() + payload


def test_planted_or_damaged_entries_are_ignored(tmp_path, key_home):
    linter = linter_for(Config())
    cache = resultcache.ResultCache(tmp_path / "results")
    cache.put(linter, "a.txt", TEXT, DocumentResult("a.txt", [_marker()]))
    (entry,) = _entries(tmp_path / "results")
    signed = entry.read_bytes()
    payload = signed[32:]
    data = json.loads(payload[len(resultcache.FORMAT) :])
    # Someone with write access to the project plants an unsigned entry.
    entry.write_bytes(b"\0" * 32 + payload)
    assert cache.get(linter, "a.txt", TEXT) is None
    entry.write_bytes(signed[:-5])  # truncated
    assert cache.get(linter, "a.txt", TEXT) is None
    # Signed but not what an entry holds: each is a miss, never an exception.
    damaged = [
        {**data, "path": "b.txt"},
        {**data, "words": "7"},
        {**data, "findings": [[1, 2, 1, 3, "no.such-rule", "info", "m", [], 1, 2, False]]},
        {**data, "findings": [[1, 2, 1, 3, "names.romanization", "fatal", "m", [], 1, 2, False]]},
        {**data, "findings": [[1, 2, 1, 3, "names.romanization", "info", "m", [], 1, 10**6, 0]]},
        {**data, "findings": [["1", 2, 1, 3, "names.romanization", "info", "m", [], 1, 2, False]]},
        {**data, "facts": {"names.romanization": [[1]]}},
        {**data, "facts": {"numbers.cross-document-day": [["call"]]}},
        {**data, "extra": 1},
        [data],
    ]
    for planted in damaged:
        entry.write_bytes(_signed(resultcache.FORMAT + json.dumps(planted).encode()))
        assert cache.get(linter, "a.txt", TEXT) is None, planted
    entry.write_bytes(_signed(resultcache.FORMAT + b"[" * 100_000))  # nesting bomb
    assert cache.get(linter, "a.txt", TEXT) is None
    entry.write_bytes(signed)
    assert cache.get(linter, "a.txt", TEXT).findings == [_marker()]
    # Another user's key (or a lost key) does not verify either.
    resultcache._secret.cache_clear()
    (key_home / "result-cache.key").write_bytes(b"k" * 32)
    assert cache.get(linter, "a.txt", TEXT) is None


def test_a_file_name_with_undecodable_bytes_is_stored_and_read_back(tmp_path, key_home):
    """A name's undecodable bytes are lone surrogates in Python; an entry keeps
    them (as JSON escapes) and gives the same findings back."""
    import os

    path = os.fsdecode(b"./caf\xe9-\xff.txt")
    linter = linter_for(Config())
    cache = resultcache.ResultCache(tmp_path / "results")
    result = linter.check_document(Document(TEXT, path))
    cache.put(linter, path, TEXT, result)
    got = cache.get(linter, path, TEXT)
    assert got is not None and got.findings == result.findings
    assert os.fsencode(got.findings[0].path) == b"./caf\xe9-\xff.txt"


def test_failures_are_not_stored(tmp_path, key_home):
    from lint.engine import RuleFailure

    linter = linter_for(Config())
    cache = resultcache.ResultCache(tmp_path / "results")
    timed_out = DocumentResult("a.txt", [], [RuleFailure("a.txt", "x.y", "pattern timed out")])
    cache.put(linter, "a.txt", TEXT, timed_out)
    assert _entries(tmp_path / "results") == []


def _run(cwd: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )


def test_cli_second_run_reads_the_cache_and_a_changed_file_is_checked_again(tmp_path):
    home = tmp_path / "home"
    results = home / "results"  # beside the data cache when NEWSLINT_CACHE_DIR is set
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    args = ("check", "--isolated", "--format", "json-lines", str(doc))
    env = {"NEWSLINT_CACHE_DIR": str(home)}
    first = _run(tmp_path, *args, env=env)
    entries = _entries(results)
    assert len(entries) == 1 and "names.romanization" in first.stdout
    second = _run(tmp_path, *args, env=env)
    assert second.stdout == first.stdout and second.returncode == first.returncode
    assert _entries(results) == entries
    doc.write_text(TEXT.replace("Kiev", "Kyiv"), encoding="utf-8")
    third = _run(tmp_path, *args, env=env)
    assert "names.romanization" not in third.stdout and "repeated-word" in third.stdout
    assert len(_entries(results)) == 2
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    _run(tmp_path, "check", "--isolated", "--no-cache", str(tmp_path / "b.txt"), env=env)
    assert len(_entries(results)) == 2
    assert not (tmp_path / ".newslint_cache").exists()


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


def _entry_name(n: int) -> tuple[str, str]:
    name = f"{n:064x}"
    return name[:2], name[2:]


def test_entries_unused_for_a_month_are_pruned_at_most_daily(tmp_path):
    from lint.resultcache import MAX_AGE_SECONDS, ResultCache

    cache = ResultCache(tmp_path)
    old, fresh = tmp_path.joinpath(*_entry_name(1)), tmp_path.joinpath(*_entry_name(2 << 248))
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
