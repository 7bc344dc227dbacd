"""menu_block: a run of short capitalised lines, a navigation menu kept by extraction."""

import gzip
import json

import pytest

from lint import check_text
from tests.conftest import SHARED

WEB_PAGES = SHARED / "eval" / "web_boilerplate" / "scrapinghub_aeb.jsonl.gz"


def rules_hit(text: str, prefix: str = "scrape.") -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in check_text(text, path="t.txt") if f.rule.startswith(prefix)]


def test_menu_block_is_one_finding_over_its_lines():
    page = (
        "Home\nWorld\nU.K. News\nLife & Style\nOpinion\n\n"
        "The talks ended on Friday without a deal, officials said.\n\n"
        "More from Europe\nFrance Braces for Strikes\nGerman Coalition Talks Stall\n"
        "Italy Votes in June\n"
    )
    found = [
        (f.line, f.end_line, f.severity, f.message)
        for f in check_text(page)
        if f.rule == "scrape.menu-block"
    ]
    assert [(start, end, severity) for start, end, severity, _ in found] == [
        (1, 5, "info"),
        (9, 12, "info"),
    ]
    assert found[0][3].startswith("5 short title-like lines in a row")


def test_menu_block_needs_a_run_without_sentences_digits_or_blank_lines():
    assert rules_hit("Home\nWorld\n\nBusiness\nOpinion\n", "scrape.menu-block") == []
    assert rules_hit("Top 10 Stories\nWorld Cup 2022\nHome\nOpinion\n", "scrape.menu-block") == []
    sentences = "Talks ended.\nOfficials left.\nMarkets were calm.\nPrices fell.\n"
    assert rules_hit(sentences, "scrape.menu-block") == []


@pytest.mark.skipif(not WEB_PAGES.is_file(), reason="no shared eval data")
def test_menu_blocks_on_real_pages_are_page_furniture():
    # ScrapingHub's English pages, whole visible text, lines labelled non_body
    # (furniture) or article: menu blocks must cover furniture, not articles.
    furniture = article = 0
    with gzip.open(WEB_PAGES, "rt") as fh:
        pages = [json.loads(line) for line in fh]
    for page in [p for p in pages if p["likely_english"]][:60]:
        labels = [label for _, label in page["html_text_lines"]]
        text = "\n".join(line for line, _ in page["html_text_lines"])
        for f in check_text(text):
            if f.rule == "scrape.menu-block":
                covered = labels[f.line - 1 : f.end_line]
                furniture += covered.count("non_body")
                article += covered.count("article")
    assert furniture > 2000
    assert article <= 0.02 * furniture
