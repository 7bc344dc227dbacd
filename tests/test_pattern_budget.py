"""Every pattern a pack supplies runs under one time budget per rule per
document: a pattern that backtracks catastrophically fails its rule on that
document (a RuleFailure, exit 2) within about the budget, however many start
points, lines or sentences it is tried at, and the other rules still report.

`(?:a|aa)+c` backtracks exponentially on a run of "a" without a "c": a
fraction of a second on 25 to 30 of them, minutes on 40."""

from __future__ import annotations

import time

import pytest
import yaml

from lint.document import Document
from lint.engine import Linter
from lint.packs import parse_pack
from lint.patterns import MIN_SECONDS, time_limit
from tests.conftest import run_cli

SLOW = "(?:a|aa)+c"
# A budget of MIN_SECONDS on a small document; the rule must stop within it
# and a margin for a loaded machine, far below what the searches would take.
MARGIN = 4.0


def _pack(name: str, rules: list[dict]) -> str:
    pack = {"name": name, "version": "1", "description": "Patterns that backtrack."}
    for rule in rules:
        rule.setdefault("severity", "warning")
        rule.setdefault("message", "found")
        rule.setdefault("description", "d")
    return yaml.safe_dump({**pack, "rules": rules}, sort_keys=False)


def _rules(kind: str, options: dict):
    """A rule of `kind` with `options`, beside a fast rule, from a real pack."""
    text = _pack(
        "hostile",
        [
            {"id": "slow", "kind": kind, "options": options},
            {"id": "kiev", "kind": "existence", "options": {"tokens": ["Kiev"]}},
        ],
    )
    return parse_pack(text, "hostile.yaml").rules


def _check(rules, text: str):
    started = time.perf_counter()
    result = Linter(rules).check_document(Document(text, "doc.txt"))
    return result, time.perf_counter() - started


RUN = "a" * 40  # far beyond any budget for SLOW
# 32 start points of a prefix, each a fraction of a second (0.05 to 0.5 s
# here, by the machine's load): several seconds in all, and none alone near
# the budget, so only a budget shared by the rule's searches can stop them.
MANY = " ".join(["xq" + "a" * 29 + "b"] * 32)

CASES = {
    # kind, options, text: each option that holds a pattern, made to try SLOW
    "existence patterns": ("existence", {"patterns": [SLOW]}, RUN),
    "existence allow": ("existence", {"tokens": ["Kiev"], "allow": [SLOW]}, f"Kiev {RUN}"),
    "existence many start points": ("existence", {"patterns": ["xq" + SLOW]}, MANY),
    "substitution regex swap": ("substitution", {"regex": True, "swap": {SLOW: "x"}}, RUN),
    "substitution allow": (
        "substitution",
        {"swap": {"Kiev": "Kyiv"}, "allow": [SLOW]},
        f"Kiev {RUN}",
    ),
    "consistency patterns": ("consistency", {"patterns": [{"slow": SLOW, "other": "zz"}]}, RUN),
    "boilerplate lines": ("boilerplate", {"lines": [SLOW]}, "\n".join([RUN] * 3)),
    "boilerplate lines, one short line each": (
        "boilerplate",
        {"lines": [SLOW]},
        "\n".join(["a" * 25] * 60),
    ),
    "boilerplate patterns": ("boilerplate", {"patterns": [SLOW]}, RUN),
    "caption patterns": ("caption", {"credits": False, "patterns": [SLOW]}, RUN),
    "lexicon patterns": ("lexicon", {"patterns": [SLOW]}, RUN),
    "lexicon allow": ("lexicon", {"terms": ["Kiev"], "allow": [SLOW]}, f"Kiev {RUN}"),
    "weasel patterns": ("weasel", {"patterns": [SLOW]}, RUN),
    "weasel allow": ("weasel", {"terms": ["Kiev"], "allow": [SLOW]}, f"Kiev {RUN}"),
    "sensational headline_patterns": ("sensational", {"headline_patterns": [SLOW]}, RUN),
    "fragment allow": (
        "fragment",
        {"allow": [SLOW]},
        f"Aaa the {RUN} near the big old house by the sea. Another one is here.\n",
    ),
    "day_counter context": (
        "day_counter",
        {"counters": [{"event": "invasion", "start": "2022-02-24", "context": SLOW}]},
        f"On the 50th day of the invasion, {RUN}.",
    ),
    "day_counter event": (
        "day_counter",
        {"counters": [{"event": SLOW, "start": "2022-02-24"}]},
        f"On the 50th day of the {RUN}.",
    ),
    "batch_facts events": (
        "batch_facts",
        {"events": {SLOW: "call"}},
        f"Antony Blinken and Wang Yi held a {RUN} on Wednesday, March 2, 2022.\n",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_slow_pattern_fails_its_rule_within_the_budget(case):
    kind, options, text = CASES[case]
    rules = _rules(kind, options)
    result, seconds = _check(rules, text + "\nMissiles struck Kiev.\n")
    assert [(f.rule, f.path) for f in result.failures] == [("hostile.slow", "doc.txt")]
    assert "pattern timed out: the rule's time budget" in result.failures[0].reason
    assert "hostile.kiev" in {f.rule for f in result.findings}  # the other rule ran
    assert seconds < time_limit(text) + MARGIN, seconds


def test_the_budget_is_per_rule_not_per_start_point():
    """The issue's case: 32 start points of a literal prefix, each under a
    per-call limit of 1 s (so a per-call limit never fired): the rule used to
    run them all and report the document clean."""
    rules = _rules("existence", {"patterns": ["xq" + SLOW]})
    started = time.perf_counter()
    result, seconds = _check(rules, MANY)
    assert result.failures, "the rule ran to the end: the budget was not shared"
    assert seconds < MIN_SECONDS + MARGIN
    assert time.perf_counter() - started < MIN_SECONDS + MARGIN


def test_each_rule_and_each_document_gets_its_own_budget():
    """Two slow rules on one document fail both; the next document starts afresh."""
    pack = _rules("existence", {"patterns": [SLOW]})
    other_pack = _pack(
        "other", [{"id": "slow", "kind": "lexicon", "options": {"patterns": [SLOW]}}]
    )
    other = parse_pack(other_pack, "other.yaml").rules
    linter = Linter([*pack, *other])
    first = linter.check_document(Document(RUN, "a.txt"))
    assert {f.rule for f in first.failures} == {"hostile.slow", "other.slow"}
    second = linter.check_document(Document("Missiles struck Kiev.", "b.txt"))
    assert second.failures == [] and [f.rule for f in second.findings] == ["hostile.kiev"]


def test_cli_reports_the_rule_as_failed_and_exits_2(tmp_path):
    pack = tmp_path / "hostile.yaml"
    rule = {"id": "slow", "kind": "existence", "options": {"patterns": ["xq" + SLOW]}}
    pack.write_text(_pack("hostile", [rule]), encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text(MANY + "\nMissiles struck Kiev.\n", encoding="utf-8")
    started = time.perf_counter()
    proc = run_cli("check", "--isolated", "--no-cache", "--pack", str(pack), str(doc))
    elapsed = time.perf_counter() - started
    assert proc.returncode == 2, proc.stderr
    assert f"{doc}: rule hostile.slow did not finish: pattern timed out: the rule's" in proc.stderr
    assert "names.romanization" in proc.stdout  # the built-in rules still ran
    assert elapsed < 20, elapsed  # the searches alone would take 3 s or more per document


def test_normal_text_is_untouched_by_the_budget():
    rules = _rules("existence", {"patterns": ["Kyiv|Kiev"]})
    result, _ = _check(rules, "Missiles struck Kiev and Kyiv.\n" * 2000)
    assert result.failures == []
    assert len([f for f in result.findings if f.rule == "hostile.slow"]) == 4000


def test_only_newslints_own_patterns_skip_the_per_try_timer():
    """Built-in patterns (tested and fuzzed) skip regex's per-call timer on
    per-line tries (the budget is still checked); a user pack's never do."""
    from lint.config import Config
    from lint.rulebook import linter_for

    builtin = linter_for(Config()).by_id
    assert builtin["names.romanization"].compiled.search.trusted
    assert all(p.trusted for p in builtin["scrape.boilerplate"].compiled.guarded)
    user = _rules("substitution", {"swap": {"Kiev": "Kyiv"}, "allow": ["chicken Kiev"]})
    assert not user[0].compiled.search.trusted
    assert not any(p.trusted for p in user[0].compiled.allow)


def test_a_builtin_rule_loading_its_tables_on_a_busy_machine_is_run_again(tmp_path):
    """The first run of a built-in rule in a process loads its tables (here the
    names rules' world tables) inside the rule's budget; with a budget shorter
    than that load, as on a loaded machine, the rule is run again once instead
    of failing. A fresh process, so the tables are really loaded."""
    import subprocess
    import sys

    script = (
        "import lint.patterns as p\n"
        "p.MIN_SECONDS = 0.02\n"
        "from lint.config import Config\n"
        "from lint.rulebook import linter_for\n"
        "text = 'The delegation flew to Dehran on Monday for talks.'\n"
        "r = linter_for(Config()).check(text, 'a.txt')\n"
        "print(sorted({f.rule for f in r.findings}), [f.rule for f in r.failures])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("[]"), out.stdout  # no rule failed
    assert "names.misspelt-name" in out.stdout
