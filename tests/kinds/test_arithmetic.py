"""arithmetic: shares over 100 %, parts larger than their whole, breakdowns over 100 %."""

from __future__ import annotations

from lint.engine import Linter
from lint.packs import builtin_rules_dir, load_pack

PACK = load_pack(builtin_rules_dir() / "numbers.yaml")


def rule(name: str) -> Linter:
    return Linter([r for r in PACK.rules if r.id == f"numbers.{name}"])


def test_part_larger_than_whole():
    linter = rule("part-exceeds-total")
    assert len(linter.check_text("12 people died, including 15 children, officials said.")) == 1
    assert len(linter.check_text("At least 12 people died, including 15 children.")) == 1
    assert linter.check_text("At least 52 people died, including 15 children.") == []
    assert linter.check_text("Three people were hurt, including a 15-year-old boy.") == []
    assert linter.check_text("It employs 20 people, including 3 in Kyiv; 45% of them women.") == []


def test_share_of_people_over_100():
    linter = rule("share-over-100")
    assert len(linter.check_text("Exit polls suggest 104% of eligible voters took part.")) == 1
    assert linter.check_text("Exit polls suggest 64% of eligible voters took part.") == []
    assert linter.check_text("Debt stood at 104% of GDP and 130% of the target.") == []


def test_breakdown_over_100():
    linter = rule("breakdown-over-100")
    assert len(linter.check_text("Of those polled, 55% backed Brexit and 50% opposed it.")) == 1
    assert linter.check_text("Of those polled, 51.6% backed Brexit and 48.4% opposed it.") == []
    assert linter.check_text("Approval rose to 58% from 49% in May, the poll showed.") == []


def test_breakdowns_of_different_questions_or_years_pass():
    linter = rule("breakdown-over-100")
    mt = "56.7% of residents voted against independence in 2018, in 2020 - 53.3%."
    poll = (
        "60 percent of voters said they believe he is dishonest; 55 percent said he does not "
        "have good leadership skills; and 57 percent said he does not care."
    )
    assert linter.check_text(mt) == [] and linter.check_text(poll) == []
