"""markdown: a report for people reading a CI job summary ($GITHUB_STEP_SUMMARY).

GitHub shows at most a few annotations per step; this format lists every
finding, grouped by document, with a count per document and per rule first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.finding import SEVERITIES
from lint.quoting import printable, quote_path

if TYPE_CHECKING:
    from lint.runner import Report

ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def _cell(text: str) -> str:
    """Text safe inside a table cell: pipes escaped, no line breaks, no HTML,
    no control characters."""
    text = printable(text).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.split())


def chunks(report: Report) -> Iterator[str]:
    findings = report.findings
    by_severity = Counter(f.severity for f in findings)
    counts = ", ".join(f"{by_severity[s]} {s}" for s in reversed(SEVERITIES))
    head = [
        "## newslint",
        "",
        f"**{len(findings)} finding(s)** in {len(report.checked)} document(s) ({counts}).",
        "",
    ]
    if report.errors:
        head += ["**Inputs not checked:**", ""]
        head += [f"- `{_cell(quote_path(e.path))}`: {_cell(e.reason)}" for e in report.errors]
        head.append("")
    if not findings:
        yield "\n".join(head)
        return
    per_doc = Counter(f.path for f in findings)
    head += ["| document | words | findings |", "|---|---:|---:|"]
    for path, n in per_doc.most_common():
        head.append(f"| `{_cell(quote_path(path))}` | {report.words.get(path, '')} | {n} |")
    head += ["", "| rule | findings |", "|---|---:|"]
    for rule, n in sorted(Counter(f.rule for f in findings).items(), key=lambda kv: -kv[1]):
        head.append(f"| `{rule}` | {n} |")
    head.append("")
    yield "\n".join(head)
    current = None
    for f in findings:
        if f.path != current:
            current = f.path
            yield (
                f"\n\n### `{_cell(quote_path(f.path))}`\n\n| line:col | | rule | message |"
                "\n|---|---|---|---|"
            )
        hint = f" (suggestion: {_cell(f.suggestions[0])})" if f.suggestions else ""
        yield (
            f"\n| {f.line}:{f.column} | {ICON[f.severity]} {f.severity} | `{f.rule}` "
            f"| {_cell(f.message)}{hint} |"
        )
    yield "\n"
