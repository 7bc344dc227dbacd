"""Verbless fragments: found in prose, left alone in headlines, quotes and answers."""

from lint import check_text
from lint.kinds import fragment


def fragments(text: str) -> list[str]:
    found = [f for f in check_text(text, path="t.txt") if f.rule == "quality.fragment"]
    return [text.splitlines()[f.line - 1][f.column - 1 : f.end_column - 1] for f in found]


def test_part_of_speech_comes_from_the_lexicon():
    assert fragment.can_be_finite_verb("undermines")
    assert fragment.can_be_finite_verb("it's")
    assert not fragment.can_be_finite_verb("achievement")
    assert not fragment.can_be_finite_verb("NATO's")
    assert not fragment.can_be_finite_verb("mourning")


def test_dangling_piece_after_a_sentence_is_reported():
    text = (
        "Officials said the plan was dead. Across the region, a wave of protests against "
        "the tax on fuel and bread."
    )
    assert fragments(text) == [text[text.index("Across") :]]


def test_headlines_datelines_answers_and_quotes_are_not_fragments():
    text = (
        "China Cautions US Over Standoff With Russia\n\n"
        "MOSCOW, Jan 27 (Reuters) - Russia said it was studying the reply.\n\n"
        "What did they want? Security guarantees, quickly.\n\n"
        "He paused. “A shameful and dangerous day for the whole of Europe.”"
    )
    assert fragments(text) == []


def test_names_are_not_verbs():
    assert not fragment.has_finite_verb("From the Human Rights Council, the first member.")
    assert fragment.has_finite_verb("The council rights the wrong.")


def _lemminflect_verdict(lower: str) -> bool:
    """The verdict as first written, asking lemminflect word by word."""
    import lemminflect

    lemmas = lemminflect.getAllLemmas(lower, upos="VERB") or lemminflect.getAllLemmas(
        lower, upos="AUX"
    )
    if lemmas:
        readings = [lemma for forms in lemmas.values() for lemma in forms]
        return not (lower.endswith("ing") and lower not in readings)
    if any(lemminflect.getAllLemmas(lower, upos=pos) for pos in ("NOUN", "ADJ", "ADV")):
        return False
    return lower.endswith(("ed", "s"))


def test_the_cached_lexicon_gives_lemminflects_verdicts():
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    words = sorted(lemmatizer._getLemmaDict().keys() | lemmatizer._getOverridesDict().keys())
    sample = words[::40] + ["morphed", "livestreams", "rising", "bring", "x-ray", "1999"]
    for word in sample:
        lower = word.lower()
        if fragment._CONTRACTED_VERB.search(lower) or lower.endswith(("'s", "’s")):
            continue
        assert fragment.can_be_finite_verb(word) == _lemminflect_verdict(lower), word


def test_findings_do_not_depend_on_whether_paragraphs_are_lines_or_blocks():
    # The same translation segments, one a line or one a paragraph: a segment of
    # one sentence ("Tomorrow in the evening, after work.") is never checked, a
    # fragment beside a sentence on its line always is.
    segments = [
        "Tomorrow in the evening, after work.",
        "Officials said the plan was dead. Across the region, a wave of protests against "
        "the tax on fuel and bread.",
        "For each of the 27 elements of the European way of life, for all 27 EU countries.",
        "The talks ended without a deal.",
    ]
    as_lines = fragments("\n".join(segments))
    as_blocks = fragments("\n\n".join(segments))
    assert as_lines == as_blocks == [segments[1][segments[1].index("Across") :]]
