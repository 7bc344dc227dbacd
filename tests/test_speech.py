"""Quotations and their speakers (lint/speech.py); the misinformation rules'
tests are in tests/kinds/ (lexicon, weasel, unattributed_quote, sensational)."""

from pathlib import Path

import pytest

from lint.document import Document
from lint.speech import indirect_speaker, quotations
from tests.conftest import by_rule

RULES = Path(__file__).resolve().parents[1] / "rules"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_quotation_speaker_after_closing_mark():
    doc = Document(
        "“NATO is a Cold War remnant and its expansion is bloc politics,” Zhao told reporters."
    )
    (q,) = quotations(doc)
    assert q.speaker == "Zhao" and q.word_count == 12


def test_quotation_speaker_before_and_according_to():
    doc = Document(
        "According to The New York Post, “the minister relayed the same message.”\n\n"
        "Medvedev wrote: “We will not stop.”"
    )
    assert [q.speaker for q in quotations(doc)] == ["The New York Post", "Medvedev"]


def test_continuation_quote_inherits_speaker_and_pronoun_resolves():
    doc = Document(
        "“We oppose blocs,” Zhao said. “China firmly opposes all kinds of small cliques.”\n\n"
        "“Talks must go on,” he continued."
    )
    assert [q.speaker for q in quotations(doc)] == ["Zhao", "Zhao", "Zhao"]


def test_united_states_is_not_a_speech_verb():
    doc = Document("It became “an instrument of hegemony,” a reference to the United States.")
    assert quotations(doc)[0].speaker is None


def test_indirect_speech_names_speaker_but_not_anonymous_officials():
    doc = Document("Lavrov said NATO expansion provoked the crisis. Officials said it was a sham.")
    assert indirect_speaker(doc, doc.text.index("NATO")) == "Lavrov"
    assert indirect_speaker(doc, doc.text.index("sham")) is None


def test_quote_paragraphs_continue_the_speaker_before_them():
    doc = Document(
        "“I'm devastated,” he told the BBC.\n\n"
        "“I have family in Spain who haven't seen their grandkids since Christmas.”\n\n"
        "Labour MP Jess Phillips said on Saturday:\n\n"
        "“Why on earth have they left up such blatant antisemitism and hatred online?”\n\n"
        "The vote was close.\n\n"
        "“Nobody here will ever accept a deal that sells out the fishing towns.”"
    )
    assert [q.speaker for q in quotations(doc)] == ["he", "he", "Labour MP Jess Phillips", None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“I like camping and swimming at the lake,” said one girl named Dakota.", "one girl"),
        ("“I was frustrated this week,” Lucas, a Democrat, said on Sunday.", "Lucas"),
        ("“We will not stop,” the bank said on Saturday.", "the bank"),
    ],
)
def test_speaker_forms_after_the_quotation(text, speaker):
    assert (quotations(Document(text))[0].speaker or "").startswith(speaker)


def test_multi_paragraph_quotation_keeps_the_speaker_of_its_first_paragraph():
    doc = Document(
        'Robert Hunter, of the friends group, said: "This is truly a historic bridge.\n\n'
        '"We had planned a number of celebrations, but they have had to be postponed.\n\n'
        '"However, the renovation is the best birthday present the bridge could have."\n\n'
        "Scientists were confident the rock came from Mars, added Smith, a team member.\n\n"
        '"Tiny bubbles of gas trapped inside that meteorite match the atmosphere of Mars."'
    )
    assert [q.speaker for q in quotations(doc)] == ["Robert Hunter", "Smith"]


def test_role_before_the_quotation_is_a_speaker(packs_linter):
    text = "The administration of the sanatorium told us: “You are already traitors!”"
    assert quotations(Document(text))[0].speaker == "The administration of the sanatorium"
    # The label is the administration's word, in quotation marks: not the author's.
    assert by_rule(packs_linter.check_text(text), "misinfo.name-calling") == []


def test_a_speaker_phrase_opened_by_a_conjunction_names_the_speaker_alone():
    doc = Document("Whether Benedict wrote of the “filth” in the Curia is disputed.")
    speaker = indirect_speaker(doc, doc.text.index("filth"))
    assert speaker == "Benedict"


def test_an_adverb_between_speaker_and_verb_is_not_part_of_the_speaker():
    text = "“We reaffirm our support for France and Germany,” the ministers also stated."
    (quotation,) = quotations(Document(text))
    assert quotation.speaker == "the ministers"
