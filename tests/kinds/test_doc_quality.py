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


def test_line_fractions_are_shown_as_percentages():
    menu = "\n".join(["Home", "World", "Politics", "Business", "Sport", "Opinion"] * 10)
    (found,) = [
        f for f in check_text(menu, path="t.txt") if f.rule == "quality.doc-punctuated-lines"
    ]
    assert "only 0% of the lines end in punctuation (below 12%)" in found.message


def test_a_few_unpunctuated_lines_are_not_a_list_of_links():
    chat = "\n\n".join(
        [
            "it's a small village just on the outskirts of the city and I like living here",
            "the village is small but life is bustling here and a lot of children come",
            "there is a city nearby and as I have a car it is convenient to go shopping",
            "I have lived here for a year and a half and I really enjoy living here",
        ]
    )
    assert "quality.doc-punctuated-lines" not in doc_rules(chat)


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


def test_str_split_and_regex_agree_on_whitespace_but_for_odd_spaces():
    """doc_quality takes `str.split` tokens for `\\S+` tokens unless ODD_SPACES occur."""
    import sys

    import regex

    space = regex.compile(r"\s")
    differ = "".join(
        chr(c)
        for c in range(sys.maxunicode + 1)
        if (space.match(chr(c)) is not None) != chr(c).isspace()
    )
    assert all(doc_quality.ODD_SPACES.fullmatch(ch) for ch in differ)


def test_odd_spaces_and_letterless_tokens_are_counted_like_regex_tokens():
    doc = Document("one\x1ctwo 42 -- x9 … " + "word " * 60)
    options = doc_quality.Options(statistic="alpha_word_fraction", min=0.99, min_words=5)
    assert doc_quality.alpha_word_fraction(doc, options).value == pytest.approx(62 / 65)
    [match] = doc_quality.check(doc, options)
    assert doc.text[match.start : match.end] == "42"


def test_stop_words_count_only_whole_words_in_any_case():
    # The count is exact when it may cross a bound (min 9: always).
    options = doc_quality.Options(statistic="stop_word_count", min=9, min_words=1)
    count = doc_quality.stop_word_count
    assert count(Document("The-end theory often wıth THE tide"), options).value == 1
    assert count(Document("mother of all, To be sure"), options).value == 3
    assert count(Document("lathe often"), options).value == 0


def test_stop_word_count_is_reported_exactly():
    text = "mother of all, To be sure. " * 10
    options = doc_quality.Options(statistic="stop_word_count", min=4, min_words=1)
    [match] = doc_quality.check(Document(text), options)
    assert match.values["value"] == "3"
    assert not list(doc_quality.check(Document(text), doc_quality.Options("stop_word_count", 3)))
