"""Every rule documents itself with examples; this runs them.

A `flag:` example must produce at least one finding from its rule, a `pass:`
example none. `newslint test-packs` and the test suite both call `run_examples`.
An example of a cross-document rule holds several documents separated by a
line of three dashes; they are checked as one batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lint.document import Document
from lint.engine import Linter
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


def run_examples(rules: Iterable[Rule]) -> tuple[int, list[ExampleFailure]]:
    """(examples run, failures)."""
    count = 0
    failures = []
    for rule in rules:
        if load_kind(rule.kind).unavailable(rule.compiled):
            continue  # a rule backed by a service (LanguageTool) that is not configured here
        linter = Linter([rule])
        for expected, texts in (("flag", rule.examples_flag), ("pass", rule.examples_pass)):
            for text in texts:
                count += 1
                got = _count(linter, text)
                if (expected == "flag") != (got > 0):
                    failures.append(ExampleFailure(rule.id, rule.source, expected, text, got))
    return count, failures


def _count(linter: Linter, text: str) -> int:
    """Findings for one example; documents split at '---' lines form a batch."""
    parts = text.split("\n---\n")
    if len(parts) == 1:
        return len(linter.check_text(text, "<example>"))
    results = [
        linter.check_document(Document(part, f"<example {i + 1}>")) for i, part in enumerate(parts)
    ]
    return sum(len(r.findings) for r in results) + len(linter.resolve_batch(results))
