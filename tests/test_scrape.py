"""Scraping residue kinds on real page text: boilerplate, captions, duplicates, quotes."""

import gzip
import json

import pytest

from lint import check_text
from lint.kinds import quote_balance
from tests.conftest import SHARED

WEB_PAGES = SHARED / "eval" / "web_boilerplate" / "scrapinghub_aeb.jsonl.gz"


def rules_hit(text: str, prefix: str = "scrape.") -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in check_text(text, path="t.txt") if f.rule.startswith(prefix)]


def test_seed_like_page_furniture_is_flagged_line_by_line():
    page = (
        "Connect with us\n\nHi, what are you looking for?\n\n"
        "China appears to be taking Russia's side in the conflict.\n\n"
        "Comments are closed.\n"
    )
    assert rules_hit(page) == [(n, "scrape.boilerplate") for n in (1, 3, 7)]


def test_prose_that_mentions_widgets_is_not_boilerplate():
    prose = (
        "Readers were asked to leave a comment on the ministry's website, and the comments "
        "are closed to the public after a week, officials said.\n\n"
        "The newspaper said it uses cookies to track readers, a practice regulators questioned."
    )
    assert rules_hit(prose) == []


def test_credit_lines_and_photo_tags():
    text = (
        "Maria Korechko mourns her son in Kamianka-Buzka, Ukraine.\n"
        "Joe Radley / Getty Images\n\n"
        "Biden spoke on Monday. (AP Photo/Evan Vucci)\n"
    )
    found = [(f.line, f.severity) for f in check_text(text) if f.rule == "scrape.photo-credit"]
    # The line over the credit is its caption (info); credit and tag are warnings.
    assert found == [(1, "info"), (2, "warning"), (4, "warning")]


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


def test_duplicate_line_points_at_the_repeat():
    text = "China cautions US over standoff\n\nBeijing spoke.\nChina cautions US over standoff.\n"
    found = [f for f in check_text(text, path="t.txt") if f.rule == "scrape.duplicate-line"]
    assert [(f.line, f.message) for f in found] == [(4, "this line repeats line 1")]


def test_unclosed_quote_points_at_its_opening_mark():
    text = "He called it a “serious challenge”. “The envoys fired back.\n\nOn Monday, Zhao spoke."
    found = [f for f in check_text(text, path="t.txt") if f.rule == "scrape.unbalanced-quote"]
    assert [(f.line, f.column) for f in found] == [(1, text.index("“The") + 1)]


def test_multi_paragraph_quotation_is_not_unbalanced():
    text = "“The first part runs on.\n\n“The second part closes it,” he said."
    assert rules_hit(text) == []


def test_apostrophes_are_not_closing_quotes():
    opened, strays = quote_balance.unbalanced(
        "NATO’s ‘China threat’ and the ’90s; the countries’ envoys.", quote_balance.Options()
    )
    assert opened == [] and strays == []


def test_quotation_split_over_paragraphs_is_balanced_across_them():
    text = (
        'A statement from his family said: "We cannot believe he has gone.\n\n'
        "He was loved by everyone who knew him.\n\n"
        'May God be with his parents."\n'
    )
    assert rules_hit(text) == []


def test_double_quote_standing_for_an_apostrophe_is_named():
    text = 'Brendan Rodgers" side suffered a 2-0 loss.'
    found = [f for f in check_text(text, path="t.txt") if f.rule == "scrape.unbalanced-quote"]
    assert len(found) == 1 and "apostrophe" in found[0].message


def test_mixed_straight_and_curly_pair_is_balanced_and_inch_marks_are_not_quotes():
    opened, strays = quote_balance.unbalanced(
        'The slogan “We’re On It" trended. The 65" TV costs $549.', quote_balance.Options()
    )
    assert opened == [] and strays == []
