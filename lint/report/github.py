"""github: GitHub Actions workflow commands, shown as annotations on the diff.

A finding in a JSON Lines record is annotated on the record's line of the
.jsonl file; the title and message name the record and the line:column inside
its text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.quoting import printable, quote_path
from lint.report import record_of

if TYPE_CHECKING:
    from lint.runner import Report

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def chunks(report: Report) -> Iterator[str]:
    for f in report.findings:
        record = record_of(report, f.path)
        message = f.message
        if record is None:
            props = (
                f"file={_escape_property(quote_path(f.path))},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f.rule)}"
            )
        else:  # on the record's line of the .jsonl file, a line GitHub can show
            where = f"record {record.id}, {record.field} {f.line}:{f.column}"
            props = (
                f"file={_escape_property(quote_path(record.file))},line={record.line},"
                f"title={_escape_property(f'{f.rule} ({where})')}"
            )
            message = f"{message} ({where})"
        yield f"::{LEVEL[f.severity]} {props}::{_escape_data(message)}\n"
