"""text: one line a finding, `path:line:col: severity rule message`.

File names are quoted and control characters in messages escaped
(`lint.quoting`), so that one finding is always one line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.quoting import printable, quote_path

if TYPE_CHECKING:
    from lint.finding import Finding
    from lint.runner import Report


def line(f: Finding) -> str:
    hint = f" (suggestion: {printable(f.suggestions[0])})" if f.suggestions else ""
    return (
        f"{quote_path(f.path)}:{f.line}:{f.column}: {f.severity} {f.rule} "
        f"{printable(f.message)}{hint}"
    )


def chunks(report: Report) -> Iterator[str]:
    for f in report.findings:
        yield line(f) + "\n"
