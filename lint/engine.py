"""The engine: run compiled rules over a document and turn matches into findings.

It knows nothing about any particular rule kind: it asks the registry for the
kind's module and calls its `check`. Everything here is a pure function of the
document and the rules, so it runs the same in a worker process.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lint.document import Document
from lint.finding import Finding, batch_finding, to_finding
from lint.kinds import load_kind
from lint.kinds.base import BatchKind
from lint.language import foreign_lines
from lint.patterns import PatternError, PatternFailure, start_budget, stop_budget, time_limit
from lint.rule import Rule


@dataclass
class RuleFailure:
    """A rule that could not finish on a document (for instance a regex timeout)."""

    path: str
    rule: str
    reason: str


@dataclass
class DocumentResult:
    path: str
    findings: list[Finding]
    failures: list[RuleFailure] = field(default_factory=list)
    # Per batch rule: facts this document contributes to cross-document checks.
    facts: dict[str, list] = field(default_factory=dict)
    words: int = 0
    # With profile (newslint check --profile): seconds per rule id.
    timings: dict[str, float] = field(default_factory=dict)


class Linter:
    """A fixed set of compiled rules."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = tuple(rules)
        self.by_id = {rule.id: rule for rule in self.rules}
        self._plan: tuple | None = None
        self._retried: set[str] = set()  # rules given a second run after a timeout

    def plan(self) -> tuple:
        """(rule, compiled, check, collect or None, language-neutral) per rule,
        looked up once, not per document (a rule's compiled form is unpickled on
        first use)."""
        if self._plan is None:
            kinds = [load_kind(rule.kind) for rule in self.rules]
            self._plan = tuple(
                (
                    rule,
                    rule.compiled,
                    kind.check,
                    kind.collect if isinstance(kind, BatchKind) else None,
                    kind.language_neutral,
                )
                for rule, kind in zip(self.rules, kinds, strict=True)
            )
        return self._plan

    def _may_retry(self, rule: Rule, exc: PatternFailure) -> bool:
        """Once per process, a built-in rule that ran out of time is run again:
        its first run may have spent the budget loading the rule's tables (word
        lists, dictionaries) on a busy machine, not in its patterns, which are
        newslint's own. A user's pattern gets no second budget."""
        if isinstance(exc, PatternError) or not rule.data.builtin or rule.id in self._retried:
            return False
        self._retried.add(rule.id)
        return True

    def check_document(self, doc: Document, profile: bool = False) -> DocumentResult:
        """Every rule's findings on one document (and its facts for the batch
        rules); with `profile`, the seconds each rule took."""
        findings: list[Finding] = []
        failures: list[RuleFailure] = []
        facts: dict[str, list[Any]] = {}
        timings: dict[str, float] = {}
        # Each rule's patterns share one time budget on this document
        # (lint.patterns); when it runs out the rule fails here, the others go on.
        budget = time_limit(doc.text)
        shared: dict = {}
        foreign: ForeignSpans | None = None  # found on the first English rule's match
        try:
            for rule, compiled, check, collect, neutral in self.plan():
                started = time.perf_counter() if profile else 0.0
                kept = len(findings)
                for attempt in (1, 2):
                    start_budget(budget)
                    try:
                        for match in check(doc, compiled):
                            if not neutral:
                                foreign = foreign or ForeignSpans(doc)
                                if foreign.holds(match.start):
                                    continue  # an English rule on a line in another language
                            findings.append(to_finding(doc, rule, match, shared))
                        if collect is not None:
                            facts[rule.id] = list(collect(doc, compiled))
                        break
                    except PatternFailure as exc:
                        del findings[kept:]
                        if attempt == 1 and self._may_retry(rule, exc):
                            continue
                        failures.append(
                            RuleFailure(doc.path, rule.id, _failure_reason(exc, budget))
                        )
                        break
                if profile:
                    timings[rule.id] = time.perf_counter() - started
        finally:
            stop_budget()
        findings.sort()
        return DocumentResult(doc.path, _dedupe(findings), failures, facts, doc.word_count, timings)

    def check(self, text: str, path: str = "-", profile: bool = False) -> DocumentResult:
        """The result for one text; a long one is checked a segment at a time
        (lint.segments), which keeps memory and time in proportion to its size."""
        from lint.segments import SEGMENT_CHARS, check_in_segments

        if len(text) <= SEGMENT_CHARS:
            return self.check_document(Document(text, path), profile)
        return check_in_segments(self, text, path, profile=profile)

    def check_text(self, text: str, path: str = "-") -> list[Finding]:
        return self.check(text, path).findings

    def resolve_batch(self, results: Iterable[DocumentResult]) -> list[Finding]:
        """Cross-document findings from the facts every document contributed
        (a runner may leave out documents that contributed no facts at all)."""
        results = list(results)
        extra: list[Finding] = []
        for rule in self.rules:
            facts = {r.path: r.facts[rule.id] for r in results if r.facts.get(rule.id)}
            if not facts:
                continue  # no document holds a fact for it: nothing to compare
            kind = load_kind(rule.kind)
            if isinstance(kind, BatchKind):
                extra.extend(batch_finding(rule, m) for m in kind.resolve(facts, rule.compiled))
        return sorted(extra)


def _failure_reason(exc: PatternFailure, budget: float) -> str:
    if isinstance(exc, PatternError):
        return f"pattern {exc.excerpt()} {exc.reason}"
    return (
        f"pattern timed out: the rule's time budget on this document ({budget:.1f} s) "
        f"ran out in {exc.excerpt()}"
    )


class ForeignSpans:
    """The lines of a document in another language (lint.language), for
    dropping English rules' findings there."""

    def __init__(self, doc: Document):
        lines = foreign_lines(doc)
        self.starts = [line.span.start for line in lines]
        self.ends = [line.span.end for line in lines]

    def holds(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in findings:
        if out and out[-1] == f:
            continue
        out.append(f)
    return out
