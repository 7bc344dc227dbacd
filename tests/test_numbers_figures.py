"""Figures (lint/numbers.py), and cross-document figures under per-file ignores and
JSON Lines. The kinds are tested in tests/kinds/ (quantity, arithmetic, batch_figures)."""

from __future__ import annotations

import math
from pathlib import Path

from lint.numbers import find_figures, parse_number
from lint.packs import builtin_rules_dir, load_pack
from lint.runner import Settings, run

PACK = load_pack(builtin_rules_dir() / "numbers.yaml")


def test_parse_number_reads_digits_scales_and_words():
    assert parse_number("106,000") == 106000
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("twenty-five") == 25
    assert parse_number("one hundred and six") == 106
    assert parse_number("10.000") is None  # locale-ambiguous: left to the locale rules


def test_hedges_make_intervals():
    more, bare = find_figures("more than 106,000 troops and 100,000 troops")
    assert more.hedge == "more than" and more.interval[1] == math.inf
    assert bare.interval == (95000, 105000)


def test_per_file_ignores_silence_cross_document_findings_too(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint]\nper-file-ignores = { "b.txt" = ["numbers.cross-document-figure"] }\n',
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text(
        "A missile strike on the Kramatorsk station killed 52 civilians, "
        "Governor Pavlo Kyrylenko said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "The rocket attack on Kramatorsk killed 39 civilians, Pavlo Kyrylenko said.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    settings = Settings(select=("numbers.cross-document-figure",))
    findings = run(["a.txt", "b.txt"], settings).findings
    assert [Path(f.path).name for f in findings] == ["a.txt"]


def test_jsonl_records_are_checked_alike_with_jobs(tmp_path):
    import json

    from lint.runner import Runner

    texts = [
        "A missile strike on the Kramatorsk station killed 52 civilians, Pavlo Kyrylenko said.",
        "The rocket attack on Kramatorsk killed 39 civilians, Pavlo Kyrylenko said.",
        "Missiles struck Kiev.\nThe the city was dark.",
    ] * 5
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    settings = Settings(isolated=True)
    one = Runner(settings).run_jsonl([str(feed)], "text", None, jobs=1).findings
    two = Runner(settings).run_jsonl([str(feed)], "text", None, jobs=2).findings
    assert one == two
    assert {"numbers.cross-document-figure", "mt.repeated-word"} <= {f.rule for f in one}
