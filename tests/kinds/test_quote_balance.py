"""quote_balance (scrape.unbalanced-quote): the false-positive classes of issue 16.

Quotations that run on over lines or translation segments, closing marks that
translation detached onto the attribution, chat smileys, and the same findings
whatever the layout of the paragraphs.
"""

from __future__ import annotations

import lint
from lint import check_text
from lint.kinds import quote_balance

RULE = "scrape.unbalanced-quote"


def found(text: str) -> list[tuple[str, str, str]]:
    """(severity, matched text, message) of each finding, in order."""
    return [
        (f.severity, text[f.offset : f.end_offset], f.message)
        for f in lint.check_text(text, path="t.txt")
        if f.rule == RULE
    ]


def test_a_quotation_carried_over_unmarked_segments_is_closed_by_a_later_one():
    # Sentence-split sources (WMT segments, transcripts) carry a quotation over
    # lines that have no marks at all.
    segments = [
        'Tottenham said in a statement: "Jose is one of the most accomplished managers.',
        "He has won 25 senior trophies in four countries.",
        'We are delighted to welcome him to the club," the statement said.',
    ]
    assert found("\n\n".join(segments)) == []


def test_a_quotation_reopened_after_unmarked_segments_runs_on():
    segments = [
        'Justice Secretary Humza Yousaf said: "The decision was taken when the data improved.',
        "But the latest data has given us cause for concern.",
        '"We appreciate that this will be disappointing."',
    ]
    assert found("\n".join(segments)) == []


def test_a_quotation_never_closed_is_still_reported():
    text = 'The minister said "we will not back down.\n\nOfficials declined to comment.\n'
    assert [(s, m) for s, m, _ in found(text)] == [("warning", '"')]


def test_a_closing_mark_detached_onto_the_attribution_closes_the_quotation():
    same_line = '"There would still be no war, "he added.'
    over_segments = '"Every Ukrainian should know their names!\n\nThere would be no war, "he added.'
    assert found(same_line) == [] and found(over_segments) == []


def test_an_opening_quotation_after_a_comma_still_opens():
    assert found('He said, "we need to act now," and left.') == []


def test_a_bracket_broken_over_two_lines_is_closed_on_the_next():
    text = "It was something like paper plates (or plastic forks?\nstraws?). We paid."
    assert found(text) == []


def test_chat_smileys_are_info_with_their_own_message():
    for text in (
        "Hello) everything went very well.",
        "It grew into a strong friendship )",
        "We are fine) Kolya is working, yesterday we filled out the forms.",
        "I can't speak German ((",
    ):
        [(severity, _, message)] = found(text)
        assert severity == "info" and "smiley" in message, text


def test_a_real_unclosed_bracket_is_a_warning():
    [(severity, match, _)] = found("The summit (held in Madrid ended on Thursday.")
    assert (severity, match) == ("warning", "(")


def test_findings_do_not_depend_on_whether_paragraphs_are_lines_or_blocks():
    segments = [
        "Direct speech: “You know, today Mariupol is the heart of this war.",
        "We believe in our result.",
        "“People will accept peace in any case,” he said.",
        'The summit (held in Madrid ended on Thursday. "We are ready.',
        "Officials declined to comment.",
        "Good evening my brothers and sisters)",
        'His enemies" distress was plain.',
    ]
    as_lines = found("\n".join(segments) + "\n")
    as_blocks = found("\n\n".join(segments) + "\n")
    assert as_lines == as_blocks
    assert len(as_lines) >= 4


def test_a_line_in_the_writers_voice_ends_the_carry():
    text = (
        "He called it a “serious challenge”. “The ambassadors immediately fired back.\n\n"
        "On Monday, the spokesman issued a retaliation, Zhao said.\n\n"
        "“For some time, NATO has ignored the facts,” he said.\n"
    )
    assert [(s, m) for s, m, _ in found(text)] == [("warning", "“")]


def test_a_pair_with_a_wrong_facing_mark_is_one_typographic_note():
    # Shapes seen in scraped article bodies: a closing mark used to open, an
    # opening single quote used to close. The quotation is whole.
    text = (
        "Another reportedly said: ”Bird flu in the year of the rooster, the plague is coming.”\n\n"
        "The festival revolves around the theme ‘The Medium is the Message ‘, a famous line.\n"
    )
    assert found(text) == [
        ("info", "”", found(text)[0][2]),
        ("info", "‘", found(text)[1][2]),
    ]
    assert all("faces the wrong way" in message for _, _, message in found(text))


def test_a_quotation_nested_in_straight_quotes_is_balanced():
    # '..., "we hope' opens a nested quotation; it is no closing mark moved
    # onto an attribution, which needs a speech verb within a few words.
    text = '"The Government is just saying, "we hope that employers co-operate.""\n'
    assert found(text) == []
    assert found('The fees will be waived, "the deputy prime minister added.\n') != []
    assert found('He said "the fees will be waived, "the deputy prime minister added.\n') == []


def test_a_links_arrow_is_no_guillemet():
    assert found("A counselor can help find a licensed professional near you »\n") == []
    assert found("The sign read Кондитерская» in the window.\n") != []


def rules_hit(text: str, prefix: str = "scrape.") -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in check_text(text, path="t.txt") if f.rule.startswith(prefix)]


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
