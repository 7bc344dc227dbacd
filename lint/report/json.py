"""json: the contract read by ../shared/tools/score.py and by machines.

{"version": 1, "findings": [{path, line, column, end_line, end_column, rule,
 severity, message, suggestions}], "summary": {...}}

Written a finding at a time, byte for byte what `json.dumps(..., indent=2)`
would give for the whole. Strings are JSON strings: control characters are
escaped, and a file name's byte that is not UTF-8 is written as the escape
`\\udcXX` (Python's surrogateescape; `os.fsencode` gives the byte back).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from lint.report import summary

if TYPE_CHECKING:
    from lint.finding import Finding
    from lint.runner import Report

FIELDS = ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message")


def finding_dict(f: Finding) -> dict[str, Any]:
    data = {name: getattr(f, name) for name in FIELDS}
    data["suggestions"] = list(f.suggestions)
    return data


def with_record(data: dict[str, Any], report: Report) -> dict[str, Any]:
    """JSON Lines input: name the record's file, line in the file and id."""
    record = report.records.get(data["path"])
    if record is not None:
        data["record"] = {"file": record.file, "line": record.line, "id": record.id}
    return data


class Fields(list):
    """(key, value) pairs of an object to stream (see `stream_object`)."""


def _nested(value: Any, depth: int) -> str:
    """`value` as json.dumps(indent=2) writes it `depth` levels down."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth)


def stream_object(fields: list[tuple[str, object]], depth: int = 0) -> Iterator[str]:
    """An object as json.dumps(indent=2) writes it; a field whose value is an
    iterator (not a list) is streamed as an array, an item at a time, and one
    whose value (or item) is `Fields` as an object."""
    pad = "  " * (depth + 1)
    yield "{"
    for k, (key, value) in enumerate(fields):
        yield ("," if k else "") + f"\n{pad}{json.dumps(key)}: "
        if isinstance(value, Iterator):
            yield from _stream_array(value, depth + 1)
        elif isinstance(value, Fields):
            yield from stream_object(value, depth + 1)
        else:
            yield _nested(value, depth + 1)
    yield "\n" + "  " * depth + "}"


def _stream_array(items: Iterable, depth: int) -> Iterator[str]:
    pad = "  " * (depth + 1)
    empty = True
    for item in items:
        yield ("[" if empty else ",") + f"\n{pad}"
        if isinstance(item, Fields):
            yield from stream_object(item, depth + 1)
        else:
            yield _nested(item, depth + 1)
        empty = False
    yield "[]" if empty else "\n" + "  " * depth + "]"


def chunks(report: Report) -> Iterator[str]:
    findings = (with_record(finding_dict(f), report) for f in report.findings)
    yield from stream_object([("version", 1), ("findings", findings), ("summary", summary(report))])
    yield "\n"
