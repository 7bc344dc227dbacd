"""Gating a batch of documents: per-document thresholds, statistics, a summary table.

A threshold fails a document (and so the run) when its findings per 1,000
words, or its number of findings at a severity, passes a limit. With any
threshold set, thresholds decide the exit code instead of `--fail-on`: a CI
gate on ingested text tolerates a little noise per document but not a lot.

    [tool.newslint.thresholds]
    per-1000-words = 5.0   # findings per 1,000 words
    error = 0              # findings of severity error
    warning = 10
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lint.finding import SEVERITIES

THRESHOLD_KEYS = ("per-1000-words", *SEVERITIES)


def parse_threshold(text: str) -> tuple[str, float]:
    """`warning=3` or `per-1000-words=5` from the command line."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or name not in THRESHOLD_KEYS:
        raise ValueError(f"expected NAME=LIMIT with NAME one of {', '.join(THRESHOLD_KEYS)}")
    try:
        limit = float(value)
    except ValueError:
        raise ValueError(f"limit of {name} must be a number, not {value!r}") from None
    if limit < 0:
        raise ValueError(f"limit of {name} must not be negative")
    return name, limit


@dataclass(frozen=True)
class DocumentSummary:
    path: str
    words: int
    counts: dict[str, int]  # by severity
    density: float  # findings per 1,000 words
    breaches: tuple[str, ...]  # thresholds passed, e.g. "warning 4 > 3"

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def summarise(report, findings, thresholds: dict[str, float]) -> list[DocumentSummary]:
    """One row per checked document, in input order."""
    by_doc: dict[str, Counter] = {path: Counter() for path in report.checked}
    for f in findings:
        by_doc.setdefault(f.path, Counter())[f.severity] += 1
    rows = []
    for path, counts in by_doc.items():
        words = report.words.get(path, 0)
        total = sum(counts.values())
        density = 1000 * total / words if words else 0.0
        breaches = []
        limit = thresholds.get("per-1000-words")
        if limit is not None and density > limit:
            breaches.append(f"{density:.1f}/1k words > {limit:g}")
        for severity in SEVERITIES:
            limit = thresholds.get(severity)
            if limit is not None and counts[severity] > limit:
                breaches.append(f"{severity} {counts[severity]} > {limit:g}")
        rows.append(
            DocumentSummary(
                path, words, {s: counts[s] for s in SEVERITIES}, density, tuple(breaches)
            )
        )
    return rows


def summary_table(rows: list[DocumentSummary], thresholds: dict[str, float]) -> str:
    header = ("document", "words", "error", "warning", "info", "per 1k", "status")
    body = [
        (
            r.path,
            str(r.words),
            str(r.counts["error"]),
            str(r.counts["warning"]),
            str(r.counts["info"]),
            f"{r.density:.1f}",
            ("FAIL: " + "; ".join(r.breaches)) if r.breaches else ("ok" if thresholds else "-"),
        )
        for r in rows
    ]
    return _table(header, body, right=(1, 2, 3, 4, 5))


def statistics_table(findings) -> str:
    counts = Counter((f.rule, f.severity) for f in findings)
    body = [
        (str(n), rule, severity)
        for (rule, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return _table(("count", "rule", "severity"), body, right=(0,))


def _table(header: tuple[str, ...], body: list[tuple[str, ...]], right=()) -> str:
    rows = [header, *body]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]

    def fmt(row):
        cells = [
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(header), rule, *map(fmt, body)]) + "\n"
