"""sarif: SARIF 2.1.0 for code-scanning tools. Columns count Unicode code points
(or UTF-16 code units under `--column-unit utf-16`), stated as `columnKind`
(SARIF has no kind for bytes: the command line refuses `--column-unit byte`);
every rule that ran is described in `tool.driver.rules`.

A finding in a JSON Lines record is located on the record's line of the
.jsonl file (so code scanning shows it on a real line), and its place inside
the record's text is in the result's `properties`: record id, field, line,
column, endLine and endColumn."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import lint
from lint.columns import DEFAULT, SARIF_KIND
from lint.report import record_of
from lint.report.json import Fields, stream_object

if TYPE_CHECKING:
    from lint.finding import Finding
    from lint.jsonl import Record
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


def _in_record(f: Finding, record: Record) -> dict[str, Any]:
    """Where a finding is inside a JSON Lines record's text: the result's
    location is the record's line of the .jsonl file, a line that exists, and
    this property bag says the rest."""
    where = {
        "record": record.id,
        "field": record.field,
        "line": f.line,
        "column": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    if f.suggestions:  # no fix: the text sits JSON-escaped inside the line
        where["suggestions"] = list(f.suggestions)
    return where


def _result(f: Finding, rule_index: dict[str, int], record: Any = None) -> dict[str, Any]:
    region = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    uri = _uri(f.path)
    if record is not None:
        region, uri = {"startLine": record.line}, _uri(record.file)
    location = {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [location],
    }
    if f.rule in rule_index:
        result["ruleIndex"] = rule_index[f.rule]
    if record is not None:
        result["properties"] = _in_record(f, record)
    elif f.suggestions:
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
            ("columnKind", SARIF_KIND[getattr(report, "column_unit", DEFAULT)]),
            (
                "invocations",
                [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
            ),
            (
                "results",
                (_result(f, rule_index, record_of(report, f.path)) for f in report.findings),
            ),
        ]
    )
    yield from stream_object([("$schema", SCHEMA), ("version", "2.1.0"), ("runs", iter([run]))])
    yield "\n"
