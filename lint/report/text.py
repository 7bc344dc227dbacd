"""text: one line a finding, `path:line:col: severity rule message`.

File names are quoted and control characters in messages escaped
(`lint.quoting`), so that one finding is always one line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.quoting import printable, quote_path
from lint.report.colour import paint

if TYPE_CHECKING:
    from lint.finding import Finding
    from lint.runner import Report


def line(f: Finding, colour: bool = False) -> str:
    hint = ""
    if f.suggestions:  # an empty suggestion deletes the span
        first = f.suggestions[0]
        hint = f" (suggestion: {printable(first)})" if first else " (fix: delete)"
    if not colour:
        return (
            f"{quote_path(f.path)}:{f.line}:{f.column}: {f.severity} {f.rule} "
            f"{printable(f.message)}{hint}"
        )
    return (
        f"{paint(quote_path(f.path), 'path')}:{paint(f'{f.line}:{f.column}', 'position')}: "
        f"{paint(f.severity, f.severity)} {paint(f.rule, 'rule')} {printable(f.message)}"
        f"{paint(hint, 'faint')}"
    )


def chunks(report: Report, colour: bool = False) -> Iterator[str]:
    for f in report.findings:
        yield line(f, colour) + "\n"
