"""markdown: a report for people reading a CI job summary ($GITHUB_STEP_SUMMARY).

GitHub shows at most a few annotations per step; this format lists every
finding, grouped by document, with a count per document and per rule first.
"""

from __future__ import annotations

from collections import Counter

from lint.finding import SEVERITIES

ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def _cell(text: str) -> str:
    """Text safe inside a table cell: pipes escaped, no line breaks, no HTML."""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.split())


def render(report) -> str:
    findings = report.findings
    by_severity = Counter(f.severity for f in findings)
    counts = ", ".join(f"{by_severity[s]} {s}" for s in reversed(SEVERITIES))
    out = [
        "## newslint",
        "",
        f"**{len(findings)} finding(s)** in {len(report.checked)} document(s) ({counts}).",
        "",
    ]
    if report.errors:
        out += ["**Inputs not checked:**", ""]
        out += [f"- `{_cell(e.path)}`: {_cell(e.reason)}" for e in report.errors]
        out.append("")
    if not findings:
        return "\n".join(out)
    per_doc = Counter(f.path for f in findings)
    out += ["| document | words | findings |", "|---|---:|---:|"]
    for path, n in per_doc.most_common():
        out.append(f"| `{_cell(path)}` | {report.words.get(path, '')} | {n} |")
    out += ["", "| rule | findings |", "|---|---:|"]
    for rule, n in sorted(Counter(f.rule for f in findings).items(), key=lambda kv: -kv[1]):
        out.append(f"| `{rule}` | {n} |")
    out.append("")
    current = None
    for f in findings:
        if f.path != current:
            current = f.path
            out += ["", f"### `{_cell(f.path)}`", "", "| line:col | | rule | message |"]
            out.append("|---|---|---|---|")
        hint = f" (suggestion: {_cell(f.suggestions[0])})" if f.suggestions else ""
        out.append(
            f"| {f.line}:{f.column} | {ICON[f.severity]} {f.severity} | `{f.rule}` "
            f"| {_cell(f.message)}{hint} |"
        )
    return "\n".join(out) + "\n"
