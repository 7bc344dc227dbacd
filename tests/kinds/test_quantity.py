"""quantity: one counted thing given two values that cannot both be true; words against digits."""

from __future__ import annotations

import pytest

from lint.engine import Linter
from lint.packs import builtin_rules_dir, load_pack
from tests.conftest import SEEDS

PACK = load_pack(builtin_rules_dir() / "numbers.yaml")


def rule(name: str) -> Linter:
    return Linter([r for r in PACK.rules if r.id == f"numbers.{name}"])


def test_seed_troops_and_a_later_lower_figure():
    text = (SEEDS / "001_d243b07e263ab49a.txt").read_text(encoding="utf-8")
    assert rule("quantity").check_text(text) == []
    later = text + "\nNATO estimates that the 100,000 troops could move within days.\n"
    found = rule("quantity").check_text(later)
    assert len(found) == 1
    assert found[0].line == 28 and "'more than 106,000 troops' on line 9" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Some 30,000 troops are in Belarus, out of 130,000 troops massed near Ukraine.",
        "About 1.5 million refugees had fled by March 8. Nearly 1.5 million refugees are here.",
        "At least 100 civilians were killed. Ukraine says more than 100 civilians died.",
        "Russia sent 5,000 Russian troops; Belarus added 5,500 Belarusian troops.",
    ],
)
def test_quantities_that_can_both_be_true(text):
    assert rule("quantity").check_text(text) == []


def test_words_against_digits():
    linter = rule("words-digits")
    found = linter.check_text("The court sentenced the activists to five (6) years in prison.")
    assert len(found) == 1 and "5" in found[0].message
    assert linter.check_text("The lease runs for twenty-five (25) years.") == []
    assert linter.check_text("One of the five (Mr Ivanov) was released.") == []
