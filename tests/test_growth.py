"""Rules stay linear in document size (issue 20, item 2), by counting
operations, not by timing them: the time per MB of each rule on one long
document against short ones is bench/growth.py's printout.

Each test makes a text of n copies of a block and checks that the work a
kind does (regex calls, substring searches, passes over the text) grows in
proportion to n, and that the findings are those of the blocks checked alone."""

from __future__ import annotations

import time

import pytest

import lint.patterns as patterns
from lint.document import Document
from lint.kinds import consistency, leftover
from lint.patterns import (
    PatternTimeout,
    compile_pattern,
    finditer,
    phrase_pattern,
    remember_literals_from,
    start_budget,
    stop_budget,
)


class CountingRegex:
    """A compiled `regex` pattern that counts whole-text scans and anchored tries."""

    def __init__(self, compiled):
        self.compiled = compiled
        self.scans = 0
        self.tries = 0

    def finditer(self, *args, **kwargs):
        self.scans += 1
        return self.compiled.finditer(*args, **kwargs)

    def match(self, *args, **kwargs):
        self.tries += 1
        return self.compiled.match(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.compiled, name)


def counted(pattern):
    spy = CountingRegex(pattern.compiled())
    pattern._compiled = spy
    return spy


BLOCK = (
    "Officials in the capital said the witch hunt went on while markets stayed shut "
    "after a night of shelling, and the mayor asked residents to conserve power. "
)


@pytest.mark.parametrize("copies", [10, 1000])
def test_a_phrase_pattern_is_tried_at_its_candidates_on_a_long_text_too(copies):
    """A lexicon's alternation was tried at its candidate offsets up to 32 of
    them and scanned the whole text beyond: a 1 MB document paid a full scan
    of the alternation that its 10 KB pieces never did. Now it is tried at
    every candidate while they are sparse, on any length of text."""
    pattern = compile_pattern(phrase_pattern(["witch hunt", "warmonger", "puppet regime"]), True)
    spy = counted(pattern)
    text = BLOCK * copies
    found = [m.span() for m in finditer(pattern, text)]
    assert len(found) == copies
    assert spy.scans == 0
    assert spy.tries == copies  # one try per candidate: linear
    assert found == [m.span() for m in spy.compiled.finditer(text)]


def test_a_pattern_whose_anchored_match_looks_ahead_is_scanned_when_candidates_are_many():
    """`(?:the|1986)\\s+chernobyl`: regex looks for "chernobyl" from each start
    to the end of the text, so trying it at each of many "the" would cost a
    pass each; it is scanned once instead, however sparse the candidates."""
    pattern = compile_pattern(r"(?:the|1986)\s+chernobyl", True)
    spy = counted(pattern)
    text = ("x" * 200 + " the plant ") * 100  # 100 candidates, one per 211 characters
    assert list(finditer(pattern, text)) == []
    assert spy.scans == 1
    assert spy.tries == 0
    assert patterns._looks_ahead(pattern)
    assert not patterns._looks_ahead(compile_pattern(phrase_pattern(["witch hunt"]), True))


def test_a_rule_is_not_charged_for_loading_the_prefilter_table():
    """The first search of a process loads the prefilter's table (with a cold
    pack cache: compiling every rule); that time is given back to the rule
    whose search happened to trigger it, which timed out on a loaded machine."""

    def slow_table():
        time.sleep(0.3)
        return {}

    pattern = compile_pattern(r"(?<=\w)’(?=\w)(?#budget test)")
    remember_literals_from(slow_table)
    start_budget(0.2)
    try:
        assert [m.span() for m in finditer(pattern, "Russia’s demands")] == [(6, 7)]
    except PatternTimeout:  # pragma: no cover - the failure this test is about
        pytest.fail("the rule paid for loading the prefilter table")
    finally:
        stop_budget()


def _letters(i: int) -> str:
    return "".join(chr(ord("a") + int(d)) for d in str(i))


@pytest.mark.parametrize("copies", [1, 200])
def test_hyphenated_pairs_cost_one_pass_in_all_not_one_per_pair(copies, monkeypatch):
    """Each distinct hyphenated pair whose closed-up form occurs used to cost
    a pass of the prefilter over the whole text for its new literals (and each
    pair a substring search of it): quadratic in a long document with many
    distinct pairs. Now the new literals are learnt together: one pass."""
    passes = []
    real = patterns._AnchorIndex._find

    def counting_find(automaton, folded, hits):
        passes.append(len(folded))
        return real(automaton, folded, hits)

    monkeypatch.setattr(patterns._AnchorIndex, "_find", staticmethod(counting_find))
    pairs = [(f"x{_letters(i)}q", f"y{_letters(i)}") for i in range(copies)]
    text = "".join(
        f"The {a}-{b} plan went on. The {a}{b} plan and the {a}{b} talks ended. " for a, b in pairs
    )
    rule = consistency.prepare(consistency.Options(hyphenation=True))
    found = [text[m.start : m.end] for m in consistency.check(Document(text), rule)]
    assert found == [f"{a}-{b}" for a, b in pairs]  # the minority form, each once
    assert len(passes) == 1


def test_leftover_reads_only_the_lines_with_another_script():
    """One Cyrillic word in a long English document: the lines without one are
    never searched (they were, one Unicode-class search and two letter counts
    each, and the whole text's letters listed twice)."""
    english = "Officials said the talks went on while markets stayed shut.\n" * 5000
    text = english + "The talks went on, дякую, and stayed.\n" + english
    rule = leftover.prepare(leftover.Options(find="word"))
    doc = Document(text)
    starts = leftover._foreign_line_starts(text)
    assert starts == [len(english)]
    found = [text[m.start : m.end] for m in leftover.check(doc, rule)]
    assert found == ["дякую"]


def test_latin_share_counts_as_the_letter_classes_do():
    import regex

    letter, latin = regex.compile(r"\p{L}"), regex.compile(r"[A-Za-z]")
    for text in ["", "123 ...", "Kyiv Київ", "ﬁß\u0307 Ωé 中 ª", "a\ud800b", "дякую"]:
        letters = len(letter.findall(text))
        expected = len(latin.findall(text)) / letters if letters else 0.0
        assert leftover._latin_share(text) == expected


class ReadCounter:
    """A compiled pattern whose findall adds up the characters it reads."""

    def __init__(self, compiled):
        self.compiled = compiled
        self.read = 0

    def findall(self, text, pos=0, endpos=None):
        end = len(text) if endpos is None else min(endpos, len(text))
        self.read += max(0, end - pos)
        return self.compiled.findall(text, pos, end)

    def __getattr__(self, name):
        return getattr(self.compiled, name)


def _english_share_reads(lines: int, monkeypatch) -> tuple[int, int]:
    from lint.kinds import names

    spy = ReadCounter(names._PLAIN_WORD)
    monkeypatch.setattr(names, "_PLAIN_WORD", spy)
    names._prefix_counts.cache_clear()
    line = "the talks went on and the markets stayed shut " * 8 + "says Vlachoggiannis here.\n"
    text = line * lines
    document = names.Lazy(lambda: names.prefix_share(text, len(text)))
    starts = [i * len(line) + line.index("Vlachoggiannis") for i in range(lines)]
    assert all(names.in_english(text, start, document) for start in starts)
    for end in (len(line) * 2 - 7, len(text) // 2 + 3, len(text)):  # the same as a slice
        assert names.prefix_share(text, end) == names.english_share(text[:end])
    return spy.read, len(text)


def test_the_english_share_before_each_name_reads_the_text_about_once(monkeypatch):
    """A name more than 300 characters into a long line was judged on the
    text from the document's start: each name read the whole prefix again,
    quadratic in a long document of long paragraphs. Now the characters read
    grow as the text does."""
    short_read, short = _english_share_reads(20, monkeypatch)
    long_read, long = _english_share_reads(400, monkeypatch)
    assert long_read / short_read <= 1.3 * long / short


def test_mixed_script_reads_only_the_words_around_foreign_letters():
    """mt.mixed-script read every word of a text holding one Cyrillic letter
    anywhere; now only the words around such letters (every word only when
    they are many: a Russian text)."""
    from lint.kinds import script

    english = "Officials said the talks in Kyiv went on while markets stayed shut. " * 2000
    text = english + "The Кyiv office and the Εurope desk. " + english
    words = [m.group() for m in script._words_with_foreign_letters(text)]
    assert words == ["Кyiv", "Εurope"]
    russian = "Переговоры в Киеве продолжались. " * 100
    assert len(list(script._words_with_foreign_letters(russian))) == 400
    rule = script.prepare(script.Options())
    found = [text[m.start : m.end] for m in script.check(Document(text), rule)]
    assert found == ["Кyiv", "Εurope"]
