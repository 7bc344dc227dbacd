"""Figures (rules/numbers.yaml): one thing counted twice, parts and wholes, shares."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from lint.engine import Linter
from lint.numbers import find_figures, parse_number
from lint.packs import builtin_rules_dir, load_pack
from lint.runner import Settings, run
from tests.conftest import SEEDS

PACK = load_pack(builtin_rules_dir() / "numbers.yaml")


def rule(name: str) -> Linter:
    return Linter([r for r in PACK.rules if r.id == f"numbers.{name}"])


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


def test_seed_troops_and_a_later_lower_figure():
    text = (SEEDS / "001_d243b07e263ab49a.txt").read_text(encoding="utf-8")
    assert rule("quantity").check_text(text) == []
    later = text + "\nNATO estimates that the 100,000 troops could move within days.\n"
    found = rule("quantity").check_text(later)
    assert len(found) == 1
    assert found[0].line == 28 and "'more than 106,000 troops' on line 9" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Some 30,000 troops are in Belarus, out of 130,000 troops massed near Ukraine.",
        "About 1.5 million refugees had fled by March 8. Nearly 1.5 million refugees are here.",
        "At least 100 civilians were killed. Ukraine says more than 100 civilians died.",
        "Russia sent 5,000 Russian troops; Belarus added 5,500 Belarusian troops.",
    ],
)
def test_quantities_that_can_both_be_true(text):
    assert rule("quantity").check_text(text) == []


def test_words_against_digits():
    linter = rule("words-digits")
    found = linter.check_text("The court sentenced the activists to five (6) years in prison.")
    assert len(found) == 1 and "5" in found[0].message
    assert linter.check_text("The lease runs for twenty-five (25) years.") == []
    assert linter.check_text("One of the five (Mr Ivanov) was released.") == []


def test_part_larger_than_whole():
    linter = rule("part-exceeds-total")
    assert len(linter.check_text("12 people died, including 15 children, officials said.")) == 1
    assert len(linter.check_text("At least 12 people died, including 15 children.")) == 1
    assert linter.check_text("At least 52 people died, including 15 children.") == []
    assert linter.check_text("Three people were hurt, including a 15-year-old boy.") == []
    assert linter.check_text("It employs 20 people, including 3 in Kyiv; 45% of them women.") == []


def test_share_of_people_over_100():
    linter = rule("share-over-100")
    assert len(linter.check_text("Exit polls suggest 104% of eligible voters took part.")) == 1
    assert linter.check_text("Exit polls suggest 64% of eligible voters took part.") == []
    assert linter.check_text("Debt stood at 104% of GDP and 130% of the target.") == []


def test_breakdown_over_100():
    linter = rule("breakdown-over-100")
    assert len(linter.check_text("Of those polled, 55% backed Brexit and 50% opposed it.")) == 1
    assert linter.check_text("Of those polled, 51.6% backed Brexit and 48.4% opposed it.") == []
    assert linter.check_text("Approval rose to 58% from 49% in May, the poll showed.") == []


def test_cross_document_figures_in_worker_processes(tmp_path):
    (tmp_path / "a.txt").write_text(
        "A missile strike on the Kramatorsk station killed 52 civilians, "
        "Governor Pavlo Kyrylenko said on Friday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "The rocket attack on Kramatorsk killed 39 civilians, Pavlo Kyrylenko said.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_text(
        "Shelling in Kharkiv killed 39 civilians, Oleh Synyehubov said.\n", encoding="utf-8"
    )
    settings = Settings(isolated=True, select=("numbers.cross-document-figure",))
    for jobs in (1, 2):
        findings = run([str(tmp_path)], settings, jobs=jobs).findings
        assert sorted((Path(f.path).name, f.severity) for f in findings) == [
            ("a.txt", "info"),
            ("b.txt", "info"),
        ]
        message = [f for f in findings if f.path.endswith("a.txt")][0].message
        assert "b.txt:1 ('39 civilians')" in message


def test_breakdowns_of_different_questions_or_years_pass():
    linter = rule("breakdown-over-100")
    mt = "56.7% of residents voted against independence in 2018, in 2020 - 53.3%."
    poll = (
        "60 percent of voters said they believe he is dishonest; 55 percent said he does not "
        "have good leadership skills; and 57 percent said he does not care."
    )
    assert linter.check_text(mt) == [] and linter.check_text(poll) == []


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
