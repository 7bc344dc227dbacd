"""full: each finding with its source line and a caret under the span."""

from __future__ import annotations

import unicodedata

from lint.report.text import line as header
from lint.sources import read_input


def _width(text: str) -> int:
    """Display width: wide East Asian characters take two cells, marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def render(report) -> str:
    out = []
    texts: dict[str, list[str]] = {}
    for f in report.findings:
        if f.path not in texts:
            decoded = read_input(f.path) if f.path != "-" else None
            text = getattr(decoded, "text", "")
            texts[f.path] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines = texts[f.path]
        out.append(header(f))
        if 0 < f.line <= len(lines):
            source = lines[f.line - 1].replace("\t", " ")
            end = f.end_column if f.end_line == f.line else len(source) + 1
            pad = _width(source[: f.column - 1])
            span = max(1, _width(source[f.column - 1 : end - 1]))
            out.append(f"  {f.line:>4} | {source}")
            out.append(f"       | {' ' * pad}{'^' * span}")
        out.append("")
    return "\n".join(out) + ("\n" if out else "")
