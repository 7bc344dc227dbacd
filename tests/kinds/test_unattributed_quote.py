"""unattributed-quote: the attribution shapes of real news copy (issue 16, class 1).

Each text is built on a shape seen in real copy (wire stories, scraped article
bodies, gossip sites); the quotations themselves are written for the tests.
"""

from pathlib import Path

import pytest

from lint.document import Document
from lint.engine import Linter
from lint.packs import load_pack
from lint.speech import quotations
from tests.conftest import by_rule

RULES = Path(__file__).resolve().parents[2] / "rules"
RULE = "misinfo.unattributed-quote"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter([r for r in load_pack(RULES / "misinfo.yaml").rules if r.id == RULE])


def findings(linter: Linter, text: str) -> list:
    return [f for f in linter.check_text(text) if f.rule == RULE]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in quotations(Document(text))]


# (text, speaker): each shape once.
AFTER_THE_CLOSING_MARK = [
    # Verbs the list lacked, mined from real text (`," the X <verb>`).
    (
        "“The hospital will be equipped with modern technology for complex care,” the "
        "document reads.",
        "the document",
    ),
    (
        "“The batsman took part in the warm-up session before the second day,” the "
        "Cricket Board informed in a statement.",
        "the Cricket Board",
    ),
    (
        "“If we were any higher we would be in the next state over,” one user quipped.",
        "one user",
    ),
    (
        "“I then heard the president ask whether he would do the investigation,” Holmes testified.",
        "Holmes",
    ),
    (
        "“Had to find my own way and make my own mistakes on the road,” she sings.",
        "she",
    ),
    # A speaker with an appositive before the verb, its comma sometimes missing.
    (
        "“The statement will be strong on getting Iran back to the table,” the "
        "official, briefing reporters on the condition of anonymity, said.",
        "the official",
    ),
    (
        "“This is mainly due to the change in wind direction this week,” Kurinji "
        "Selvaraj, a research analyst at the Council on Energy, Environment and Water "
        "think tank told CBS News.",
        "Kurinji Selvaraj",
    ),
    (
        "“The defendants had a duty to ensure the safety of inmates in their care,” "
        "Geoffrey Berman, the U.S. attorney for the Southern District of New York, said"
        " in a news release.",
        "Geoffrey Berman",
    ),
    (
        "“The duty is paid at the border by a broker representing the importer,” Howard"
        " Gleckman, a senior fellow at the Tax Policy Center, has written.",
        "Howard Gleckman",
    ),
    # A role with an indefinite article, and roles in lowercase before a name.
    (
        "“More than half the soldiers in the regiment came from the paratroopers,” said"
        " a defence source.",
        "a defence source",
    ),
    (
        "“Since 2008 there has not been a single year of revenue gain in the industry,”"
        " says veteran industry analyst Ken Doctor.",
        "veteran industry analyst Ken Doctor",
    ),
    (
        "“This is not easy, and it is not at all what I expected to see here,” judge Inaba noted.",
        "judge Inaba",
    ),
    (
        "“Two months after the symptoms began I was unable to stand for long,” wrote "
        "43-year-old Martin Taylor.",
        "43-year-old Martin Taylor",
    ),
    (
        "“We have been trying to reach the family since the accident on Friday,” dispatch notes.",
        "dispatch",
    ),
    # Present-tense and report-style attribution.
    (
        "“A man in a velvet jacket must first of all acquire the right to wear it,” the"
        " authors of the study note.",
        "the authors of the study",
    ),
    (
        "“All units have returned to their bases after the exercises in the north,” "
        "according to the statement.",
        "the statement",
    ),
    # Signatures and citations.
    (
        "“Had he written five books set in that world he would have been famous.” — Neil Gaiman",
        "Neil Gaiman",
    ),
    (
        "“Christian Parent Furious After School Instructs Children To Write Prayers,” "
        "by Joshua Gill, Daily Caller.",
        "Joshua Gill",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), AFTER_THE_CLOSING_MARK)
def test_attribution_after_the_closing_mark(linter, text, speaker):
    assert speakers(text)[0] == speaker
    assert findings(linter, text) == []


def test_a_quotation_continued_over_an_unmarked_paragraph_keeps_its_speaker(linter):
    # A source split into a paragraph a sentence: the first quotation is never closed.
    text = (
        'He said: "I would like to apologise to my wife for going public with a private matter.\n\n'
        "I did not cover her like she has covered me.\n\n"
        '"To her I want to say I know I hurt you, and I ask her to forgive me for it."'
    )
    assert speakers(text) == ["He"]
    assert findings(linter, text) == []


def test_the_sentence_or_paragraph_before_names_the_speaker(linter):
    sentence_before = (
        "It is important for doctors to take detailed histories of patients, Dempsey said. "
        "“That way they may uncover things in the environment that trigger lung disease.”"
    )
    paragraph_before = (
        "Vardy paid tribute to his team-mates and said there were plenty of miles left in him.\n\n"
        "“I am delighted, it is all about the team, and I would not have scored without them.”"
    )
    assert speakers(sentence_before) == ["Dempsey"]
    assert speakers(paragraph_before) == ["Vardy"]
    assert findings(linter, sentence_before + "\n\n" + paragraph_before) == []


def test_a_colon_or_a_saying_before_the_paragraph_introduces_the_quotation(linter):
    text = (
        "A former student of his wrote to me today saying,\n\n"
        "“I see that the committee has decided to squash the letter after all.”\n\n"
        "The company was quick to condemn the man's actions:\n\n"
        "“We were shocked to see this video and do not condone this behaviour.”"
    )
    assert findings(linter, text) == []


def test_attribution_below_a_quotation_that_asks_for_it(linter):
    # A line break after `,”` and a testimonial's signature line.
    text = (
        "“Loud music or singing could cause further damage to her hearing,”\n"
        "says New York internist Dr. Stuart Fischer, who has not treated the singer.\n\n"
        "“The show was really great and booking the tickets was really easy.”\n\n"
        "– Man**"
    )
    assert speakers(text) == ["New York internist Dr. Stuart Fischer", "Man**"]
    assert findings(linter, text) == []


def test_a_person_quoted_elsewhere_opens_the_sentence_before(linter):
    text = (
        "“What is the contingency if those commercial rockets are not ready?” Aderholt asked.\n\n"
        "Aderholt returned to the issue later in the hearing. “What commercial launch "
        "vehicles exist today that can launch the lander to the Moon?”"
    )
    assert speakers(text) == ["Aderholt", "Aderholt"]
    assert findings(linter, text) == []


def test_headline_pull_quote_title_and_record_shapes_are_not_reported(linter):
    headline = (
        "“We will not back down from this fight for our fishing towns”\n\nFishermen met on Friday."
    )
    pull_quote = (
        "“Adding another rocket into the mix could happen, but I am not confident,” "
        "Bridenstine said.\n\n"
        "The hearing went on.\n\n"
        "“Adding another rocket into the mix could happen, but I am not confident.”"
    )
    title = (
        "Her piece, “Argentine Victims Who Tried to Meet with Pope Francis Were Turned Away”, "
        "ran on Monday."
    )
    record = "“The quality in both the squad and the academy excites me every single day.”\n"
    for text in (headline, pull_quote, title, record):
        assert findings(linter, text) == [], text


def test_a_quotation_nobody_said_is_reported_with_its_position(linter):
    text = (
        "The mood in the capital was grim.\n\n"
        "Crowds gathered. “We will never accept this humiliation from the West and its puppets.” "
        "Police watched."
    )
    (found,) = findings(linter, text)
    assert (found.line, found.column) == (3, 18)
    assert found.message == (
        "a quotation of 12 words with no speaker or source around it; who said it?"
    )


def test_findings_do_not_depend_on_the_layout_of_paragraphs(linter):
    paragraphs = [
        'British Justice Secretary Humza Yousaf said: "The decision to exempt Spain was taken '
        "on the data.",
        "But clearly the latest data has given us cause for concern.",
        '"We appreciate that this will be disappointing for the many families who booked."',
        "The mood in the resort was grim.",
        '"Nobody here will ever accept a deal that sells out the fishing towns."',
    ]
    by_lines = findings(linter, "\n".join(paragraphs))
    by_blocks = findings(linter, "\n\n".join(paragraphs))
    assert [f.message for f in by_lines] == [f.message for f in by_blocks]
    assert [f.line for f in by_lines] == [5] and [f.line for f in by_blocks] == [9]


def test_unattributed_quote_next_sentence_attribution_counts(packs_linter):
    text = (
        "“We will never accept this humiliation from the West and its allies.” "
        "Medvedev wrote this on Telegram.\n\n"
        "The crowd dispersed.\n\n"
        "“Nobody in this town will ever forget what happened on that night.” Crowds cheered."
    )
    found = by_rule(packs_linter.check_text(text), "misinfo.unattributed-quote")
    assert [f.line for f in found] == [5]
