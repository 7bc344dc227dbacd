"""Output formats: one module per format, each with `chunks(report) -> Iterator[str]`.

Reports are produced in pieces (a finding or a few at a time) and written as
they come, so a run with a million findings never holds its whole report in
memory. `render` joins the pieces, for callers that want one string.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.runner import Report

FORMATS: dict[str, str] = {
    "text": "lint.report.text",
    "full": "lint.report.full",
    "json": "lint.report.json",
    "json-lines": "lint.report.jsonlines",
    "sarif": "lint.report.sarif",
    "github": "lint.report.github",
    "junit": "lint.report.junit",
    "markdown": "lint.report.markdown",
    "html": "lint.report.html",
}


COLOURED = ("text", "full")  # the formats `colour=True` applies to (lint.report.colour)


def chunks(name: str, report: Report, colour: bool = False) -> Iterator[str]:
    module = importlib.import_module(FORMATS[name])
    return (
        module.chunks(report, colour=True) if colour and name in COLOURED else module.chunks(report)
    )


def render(name: str, report: Report) -> str:
    return "".join(chunks(name, report))


def record_of(report: Report, path: str) -> Any:
    """The JSON Lines record (`lint.jsonl.Record`) a finding's path names, or None."""
    return report.records.get(path)


def summary(report: Report) -> dict[str, Any]:
    """Counts shared by the machine-readable formats."""
    by_severity = {"error": 0, "warning": 0, "info": 0}
    by_rule: dict[str, int] = {}
    for f in report.findings:
        by_severity[f.severity] += 1
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    return {
        "files": len(report.checked),
        "findings": len(report.findings),
        "by_severity": by_severity,
        "by_rule": dict(sorted(by_rule.items())),
        "errors": [{"path": e.path, "reason": e.reason, "kind": e.kind} for e in report.errors],
        "rule_failures": [
            {"path": f.path, "rule": f.rule, "reason": f.reason} for f in report.failures
        ],
        "words": sum(report.words.values()),
        "documents": [
            {
                "path": row.path,
                "words": row.words,
                "by_severity": row.counts,
                "per_1000_words": round(row.density, 3),
                "families_per_1000_words": {k: round(v, 3) for k, v in row.families.items()},
            }
            for row in document_rows(report)
        ],
    }


def document_rows(report: Report) -> list[Any]:
    """Per checked document: counts, and findings per 1,000 words in all and
    per rule family (lint.gate)."""
    from lint.gate import summarise

    return summarise(report, report.findings, {})
