"""sarif: SARIF 2.1.0 for code-scanning tools. Columns count Unicode code points,
stated as `columnKind`; every rule that ran is described in `tool.driver.rules`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import lint
from lint.report.json import Fields, stream_object

if TYPE_CHECKING:
    from lint.finding import Finding
    from lint.rule import Rule
    from lint.runner import Report

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    # As bytes: a name's bytes that are not UTF-8 are percent-encoded as they are.
    return quote(os.fsencode(p.as_posix()))


def _rule(rule: Rule) -> dict[str, Any]:
    first_line = rule.description.splitlines()[0] if rule.description else rule.id
    data = {
        "id": rule.id,
        "name": rule.id.split(".", 1)[-1],
        "shortDescription": {"text": first_line},
        "fullDescription": {"text": rule.description or first_line},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"kind": rule.kind, "pack": rule.pack},
    }
    if rule.link:
        data["helpUri"] = rule.link
    return data


def _result(f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    region = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": region}}
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [location],
    }
    if f.rule in rule_index:
        result["ruleIndex"] = rule_index[f.rule]
    if f.suggestions:
        result["fixes"] = [
            {
                "description": {"text": f"Replace with {s!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(f.path)},
                        "replacements": [{"deletedRegion": region, "insertedContent": {"text": s}}],
                    }
                ],
            }
            for s in f.suggestions
        ]
    return result


def chunks(report: Report) -> Iterator[str]:
    """The log, its results streamed one at a time."""
    rules = sorted(report.rules.values(), key=lambda r: r.id)
    rule_index = {rule.id: i for i, rule in enumerate(rules)}
    notifications = [
        {
            "level": "error",
            "message": {"text": str(e)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}],
        }
        for e in report.errors
    ] + [
        {"level": "warning", "message": {"text": f"{x.path}: rule {x.rule}: {x.reason}"}}
        for x in report.failures
    ]
    run = Fields(
        [
            (
                "tool",
                {
                    "driver": {
                        "name": "newslint",
                        "version": lint.__version__,
                        "informationUri": "https://pypi.org/project/newslint/",
                        "rules": [_rule(r) for r in rules],
                    }
                },
            ),
            ("columnKind", "unicodeCodePoints"),
            (
                "invocations",
                [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
            ),
            ("results", (_result(f, rule_index) for f in report.findings)),
        ]
    )
    yield from stream_object([("$schema", SCHEMA), ("version", "2.1.0"), ("runs", iter([run]))])
    yield "\n"
