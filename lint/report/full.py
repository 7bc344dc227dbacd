"""full: each finding with its source line and a caret under the span."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.columns import to_code_points
from lint.quoting import printable
from lint.report.colour import paint
from lint.report.text import line as header
from lint.sources import reread_text

if TYPE_CHECKING:
    from lint.runner import Report


def _width(text: str) -> int:
    """Display width: wide East Asian characters take two cells, marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    """Findings come sorted by path: one file's lines are held at a time."""
    path, lines = None, []
    unit = report.column_unit
    for f in report.findings:
        if f.path != path:
            text = reread_text(f.path) if f.path != "-" else ""
            path, lines = f.path, text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        out = [header(f, colour)]
        if 0 < f.line <= len(lines):
            source = lines[f.line - 1].replace("\t", " ")
            # The caret is placed by code points, whatever unit the columns count.
            column = to_code_points(source, f.column, unit)
            end = to_code_points(source, f.end_column, unit) if f.end_line == f.line else 0
            end = end or len(source) + 1
            pad = _width(source[: column - 1])
            span = max(1, _width(source[column - 1 : end - 1]))
            out.append(f"  {paint(f'{f.line:>4} |', 'faint', colour)} {printable(source)}")
            caret = paint("^" * span, f.severity, colour)
            out.append(f"       {paint('|', 'faint', colour)} {' ' * pad}{caret}")
        out.append("")
        yield "\n".join(out) + "\n"
