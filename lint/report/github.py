"""github: GitHub Actions workflow commands, shown as annotations on the diff."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.quoting import printable, quote_path

if TYPE_CHECKING:
    from lint.runner import Report

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def chunks(report: Report) -> Iterator[str]:
    for f in report.findings:
        props = (
            f"file={_escape_property(quote_path(f.path))},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f.rule)}"
        )
        yield f"::{LEVEL[f.severity]} {props}::{_escape_data(f.message)}\n"
