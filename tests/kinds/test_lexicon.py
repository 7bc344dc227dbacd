"""lexicon (loaded language, name-calling): markers in their ordinary senses (issue 16, class 2)."""

from pathlib import Path

import pytest

from lint.document import Document
from lint.engine import Linter
from lint.kinds import lexicon
from lint.packs import load_pack
from tests.conftest import by_rule

RULES = Path(__file__).resolve().parents[2] / "rules"
LOADED, LABEL = "misinfo.loaded-language", "misinfo.name-calling"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter([r for r in load_pack(RULES / "misinfo.yaml").rules if r.id in (LOADED, LABEL)])


def found(linter: Linter, text: str) -> list[tuple[str, str]]:
    return [(f.rule, text[f.offset : f.end_offset]) for f in linter.check_text(text)]


def test_words_in_quotation_marks_are_someone_elses(linter):
    # Scare quotes around a word the article reports someone used, and a quotation.
    text = (
        "She now feels like a “traitor” to the party she led for a decade. "
        'The prime minister has called the claims "complete nonsense". '
        'North Korea has stepped up a campaign criticising defectors as "human scum". '
        "“This investigation is a sham,” Smith told reporters."
    )
    assert found(linter, text) == []


def test_the_same_words_in_the_authors_voice_are_reported(linter):
    text = "The traitors in parliament pushed through this sham of a vote."
    assert found(linter, text) == [(LABEL, "traitors"), (LOADED, "sham")]


def test_indirect_speech_is_reported_with_the_speakers_name(linter):
    text = "The White House called the impeachment process a sham."
    (finding,) = linter.check_text(text)
    assert finding.severity == "info"
    assert finding.message.endswith("(in words attributed to The White House)")


def test_reviews_and_fiction_use_the_words_in_their_ordinary_senses(linter):
    game = (
        "Experience fast-paced combat: hunt monsters and huge bosses in a guild.\n\n"
        "Kill vicious monsters, craft gear from them and take on the next quest; "
        "the multiplayer gameplay never gets old."
    )
    film = (
        "The film is a goofball comedy with an enormous cast.\n\n"
        "The show within the movie is too hysterical for words, and the plot is a delight."
    )
    assert found(linter, game) == []
    assert found(linter, film) == []


def test_a_word_without_an_ordinary_sense_is_reported_in_a_review_too(linter):
    text = "The film and its sequel were a charade; the trailer promised a plot it never had."
    assert found(linter, text) == [(LOADED, "charade")]


def test_outside_reviews_the_same_words_are_markers(linter):
    text = "These monsters in the ministry and their vicious smears must be stopped."
    assert found(linter, text) == [(LABEL, "monsters"), (LOADED, "vicious"), (LOADED, "smears")]


def test_an_adjective_of_degree_before_a_quantity_is_an_intensifier(linter):
    text = (
        "Players will enjoy an insane level of character customization and a ridiculous "
        "amount of loot. The ridiculous demands of the opposition were rejected."
    )
    assert found(linter, text) == [(LOADED, "ridiculous")]
    assert text.index("ridiculous demands") == next(f.offset for f in linter.check_text(text))


def test_leftist_as_a_partys_standard_description_is_not_name_calling(linter):
    text = (
        "Gustavo Petro was sworn in as Colombia's first leftist president. "
        "The leftist coalition will have a majority in Congress. "
        "The leftist media never tells you the truth."
    )
    assert found(linter, text) == [(LABEL, "leftist")]
    assert text.index("leftist media") == next(f.offset for f in linter.check_text(text))


def test_fiction_terms_need_cue_words():
    with pytest.raises(ValueError, match="fiction_cues"):
        lexicon.prepare(lexicon.Options(terms=("monsters",), ordinary_in_fiction=("monsters",)))


def test_quoted_keep_leaves_the_rules_severity():
    compiled = lexicon.prepare(lexicon.Options(terms=("sham",), quoted="keep"))
    (match,) = lexicon.check(Document("The “sham” vote went ahead."), compiled)
    assert match.severity is None
    assert match.values["voice"] == " (in quotation marks: someone else's words)"


def test_loaded_word_in_a_quotation_is_not_the_authors(packs_linter):
    text = "“This investigation is a sham and a charade,” Smith told reporters."
    assert by_rule(packs_linter.check_text(text), "misinfo.loaded-language") == []


def test_loaded_word_in_indirect_speech_names_the_speaker(packs_linter):
    text = "Smith told reporters the investigation was a sham."
    (found,) = by_rule(packs_linter.check_text(text), "misinfo.loaded-language")
    assert found.severity == "info" and "in words attributed to Smith" in found.message


def test_same_word_in_author_voice_is_an_info_marker(packs_linter):
    found = by_rule(packs_linter.check_text("The sham vote was held."), "misinfo.loaded-language")
    assert [f.severity for f in found] == ["info"] and "attributed" not in found[0].message


def test_narrative_in_reported_speech_is_lowered(packs_linter):
    text = (
        "Lavrov said the Kiev regime shelled the town. The Kiev regime shelled the town. "
        "Peskov called it “a crime of the Kiev regime”."
    )
    found = by_rule(packs_linter.check_text(text), "narratives.kiev-regime")
    assert [f.severity for f in found] == ["info", "warning", "info"]
    assert "Lavrov" in found[0].message and "Peskov" in found[2].message


def test_narrative_topics_that_historians_and_fact_checkers_write_about_are_info(packs_linter):
    text = (
        "Denazification was an Allied programme launched after 1945. "
        "There are no U.S.-run biolabs in Ukraine."
    )
    assert [
        f.severity for f in packs_linter.check_text(text) if f.rule.startswith("narratives.")
    ] == [
        "info",
        "info",
    ]
