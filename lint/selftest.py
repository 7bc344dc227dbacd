"""Every rule documents itself with examples; this runs them.

A `flag:` example must produce at least one finding from its rule, a `pass:`
example none; a flag example that states where and what (`{text, at, message}`,
see lint.examples) must produce a finding at exactly that span whose message
contains that text. `newslint test-packs` and the test suite both call `run_examples`.
An example of a cross-document rule holds several documents separated by a
line of three dashes; they are checked as one batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lint.document import Document
from lint.engine import Linter
from lint.examples import Expected
from lint.finding import Finding
from lint.kinds import load_kind
from lint.rule import Rule


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    source: str
    expected: str  # "flag" or "pass"
    text: str
    got: int

    def __str__(self) -> str:
        want = "at least one finding" if self.expected == "flag" else "no finding"
        return (
            f"{self.source}: {self.rule}: {self.expected} example {self.text!r} "
            f"should give {want}, got {self.got}"
        )


@dataclass(frozen=True)
class PlacementFailure:
    """A flag example whose findings are not where, or not what, it says."""

    rule: str
    source: str
    expected: Expected
    found: tuple[Finding, ...]

    def __str__(self) -> str:
        got = "; ".join(
            f"{f.line}:{f.column}-{f.end_line}:{f.end_column} {f.message!r}" for f in self.found
        )
        return (
            f"{self.source}: {self.rule}: flag example {self.expected.text!r} should give "
            f"{self.expected.describe()}, got {got}"
        )


def run_examples(rules: Iterable[Rule]) -> tuple[int, list[ExampleFailure | PlacementFailure]]:
    """(examples run, failures)."""
    count = 0
    failures: list[ExampleFailure | PlacementFailure] = []
    for rule in rules:
        if load_kind(rule.kind).unavailable(rule.compiled):
            continue  # a rule backed by a service (LanguageTool) that is not configured here
        linter = Linter([rule])
        placed: dict[str, list[Expected]] = {}
        for wanted in rule.examples_expected:
            placed.setdefault(wanted.text, []).append(wanted)
        for expected, texts in (("flag", rule.examples_flag), ("pass", rule.examples_pass)):
            for text in texts:
                count += 1
                found = _findings(linter, text)
                if (expected == "flag") != bool(found):
                    failure = ExampleFailure(rule.id, rule.source, expected, text, len(found))
                    failures.append(failure)
                    continue
                for wanted in placed.get(text, []) if expected == "flag" else []:
                    if not any(
                        wanted.met_by(f.line, f.column, f.end_line, f.end_column, f.message)
                        for f in found
                    ):
                        failures.append(PlacementFailure(rule.id, rule.source, wanted, found))
    return count, failures


def _findings(linter: Linter, text: str) -> tuple[Finding, ...]:
    """Findings for one example; documents split at '---' lines form a batch."""
    parts = text.split("\n---\n")
    if len(parts) == 1:
        return tuple(linter.check_text(text, "<example>"))
    results = [
        linter.check_document(Document(part, f"<example {i + 1}>")) for i, part in enumerate(parts)
    ]
    found = [f for r in results for f in r.findings]
    return (*found, *linter.resolve_batch(results))
