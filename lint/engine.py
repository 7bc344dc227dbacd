"""The engine: run compiled rules over a document and turn matches into findings.

It knows nothing about any particular rule kind: it asks the registry for the
kind's module and calls its `check`. Everything here is a pure function of the
document and the rules, so it runs the same in a worker process.
"""

from __future__ import annotations

import bisect
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from lint.document import Document
from lint.finding import SEVERITY_RANK, Finding
from lint.kinds import get_kind
from lint.kinds.base import Match
from lint.language import foreign_lines
from lint.packs import Rule
from lint.patterns import PatternError, PatternFailure, start_budget, stop_budget, time_limit


class _Template(dict):
    """Message values; an unknown {placeholder} is left as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str, values: dict[str, str]) -> str:
    try:
        return template.format_map(_Template(values))
    except (ValueError, IndexError, AttributeError):
        return template


def to_finding(doc: Document, rule: Rule, match: Match, shared: dict | None = None) -> Finding:
    """The finding of one match. `shared`, a dict kept for one document, makes
    equal messages and suggestions one object: a document with 100,000
    findings of one rule holds its few distinct messages once, not 100,000 times."""
    start = doc.position(match.start)
    end = doc.position(match.end)
    values = {"match": doc.text[match.start : match.end], **match.values}
    message = match.message or render_message(rule.message, values)
    suggestions = tuple(match.suggestions)
    if shared is not None:
        message = shared.setdefault(message, message)
        suggestions = shared.setdefault(suggestions, suggestions)
    return Finding(
        path=doc.path,
        line=start.line,
        column=start.column,
        end_line=end.line,
        end_column=end.column,
        rule=rule.id,
        severity=_lowered(rule.severity, match.severity),
        message=message,
        suggestions=suggestions,
        offset=match.start,
        end_offset=match.end,
        fix_safe=rule.fix == "safe",
    )


def _lowered(rule_severity: str, match_severity: str | None) -> str:
    """A match may lower its rule's severity (a short repeated line, a quoted
    word), never raise it: a user who sets a rule to info gets only info."""
    if match_severity and SEVERITY_RANK[match_severity] < SEVERITY_RANK[rule_severity]:
        return match_severity
    return rule_severity


def finding_at(path: str, where, rule: Rule, message: str) -> Finding:
    """A cross-document finding, at a span a document recorded with its facts
    (`where` has line, column, end_line, end_column, offset and end_offset)."""
    return Finding(
        path=path,
        line=where.line,
        column=where.column,
        end_line=where.end_line,
        end_column=where.end_column,
        rule=rule.id,
        severity=rule.severity,
        message=message,
        offset=where.offset,
        end_offset=where.end_offset,
    )


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
    # Under NEWSLINT_PROFILE (newslint check --profile): seconds per rule id.
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
            kinds = [get_kind(rule.kind) for rule in self.rules]
            self._plan = tuple(
                (
                    rule,
                    rule.compiled,
                    kind.check,
                    getattr(kind, "collect", None),
                    getattr(kind, "LANGUAGE_NEUTRAL", False),
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

    def check_document(self, doc: Document) -> DocumentResult:
        findings: list[Finding] = []
        failures: list[RuleFailure] = []
        facts: dict[str, list] = {}
        timings: dict[str, float] = {}
        profile = bool(os.environ.get("NEWSLINT_PROFILE"))
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

    def check(self, text: str, path: str = "-") -> DocumentResult:
        """The result for one text; a long one is checked a segment at a time
        (lint.segments), which keeps memory and time in proportion to its size."""
        from lint.segments import SEGMENT_CHARS, check_in_segments

        if len(text) <= SEGMENT_CHARS:
            return self.check_document(Document(text, path))
        return check_in_segments(self, text, path)

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
            kind = get_kind(rule.kind)
            if hasattr(kind, "resolve"):
                extra.extend(kind.resolve(facts, rule))
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
