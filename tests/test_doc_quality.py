"""Document statistics (Gopher, C4, FineWeb) as findings at a telling position."""

import gzip
import json

import pytest

from lint import check_text
from lint.document import Document
from lint.kinds import doc_quality
from tests.conftest import SHARED

ARTICLE = (
    "China appears to be taking Russia's side in the conflict over Ukraine.\n\n"
    "On Wednesday, spokesman Zhao Lijian criticised NATO when asked about the United States "
    "rejecting the demands of Russian President Vladimir Putin that Ukraine never join.\n\n"
    '"We hope all sides can consider each other\'s legitimate security concerns," he said, '
    "adding that talks were the only way forward for the region and for Europe."
)


def doc_rules(text: str) -> dict[str, tuple[int, int]]:
    return {
        f.rule: (f.line, f.column)
        for f in check_text(text, path="t.txt")
        if f.rule.startswith("quality.doc-")
    }


def test_an_article_passes_every_statistic():
    assert doc_rules(ARTICLE) == {}


def test_a_menu_is_reported_at_its_first_repeated_and_first_bare_line():
    menu = "\n".join(["Home", "World", "Politics", "Business", "Sport", "Opinion"] * 10)
    found = doc_rules(menu)
    assert found["quality.doc-duplicate-lines"] == (7, 1)
    assert found["quality.doc-punctuated-lines"] == (1, 1)


def test_statistics_follow_gopher_definitions():
    doc = Document("a bb ccc #tag ... 42\nnext line…\n")
    options = doc_quality.Options(statistic="mean_word_length", max=10)
    assert doc_quality.symbol_word_ratio(doc, options).value == pytest.approx(3 / 8)
    assert doc_quality.alpha_word_fraction(doc, options).value == pytest.approx(6 / 8)
    assert doc_quality.ellipsis_line_fraction(doc, options).value == pytest.approx(1 / 2)


@pytest.mark.skipif(not (SHARED / "eval" / "web_boilerplate").is_dir(), reason="no eval data")
def test_whole_scraped_pages_trip_more_statistics_than_their_article_bodies():
    path = SHARED / "eval" / "web_boilerplate" / "scrapinghub_aeb.jsonl.gz"
    with gzip.open(path, "rt") as fh:
        pages = [json.loads(line) for _, line in zip(range(15), fh, strict=False)]
    page_hits = body_hits = 0
    for page in (p for p in pages if p["likely_english"]):
        page_hits += len(doc_rules("\n".join(t for t, _ in page["html_text_lines"])))
        body_hits += len(doc_rules(page["gold_article_body"]))
    assert page_hits >= 3 * max(body_hits, 1)
