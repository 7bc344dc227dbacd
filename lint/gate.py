"""Gating a batch of documents: per-document thresholds, statistics, a summary table.

A threshold fails a document (and so the run) when its findings per 1,000
words, or its number of findings at a severity, passes a limit. With any
threshold set, thresholds decide the exit code instead of `--fail-on`: a CI
gate on ingested text tolerates a little noise per document but not a lot.

A threshold may name a rule family, the first part of a rule id (`mt`,
`names`, `numbers`, `scrape`, `misinfo`, ...): it then counts only that
family's findings. An ingestion gate can reject garbled translations
(`mt:per-1000-words=2`) without rejecting opinionated but clean copy.

    [tool.newslint.thresholds]
    per-1000-words = 5.0        # findings per 1,000 words
    error = 0                   # findings of severity error
    warning = 10
    "mt:per-1000-words" = 2     # machine-translation findings per 1,000 words
    "misinfo:warning" = 0
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lint.finding import SEVERITIES

THRESHOLD_KEYS = ("per-1000-words", *SEVERITIES)
# The families every summary shows, whether or not they have findings.
FAMILIES = ("mt", "names", "numbers", "scrape", "misinfo")


def family_of(rule_id: str) -> str:
    return rule_id.split(".", 1)[0]


def split_key(key: str) -> tuple[str | None, str]:
    """`mt:warning` -> ("mt", "warning"); `warning` -> (None, "warning")."""
    family, sep, name = key.rpartition(":")
    return (family if sep else None), name


def check_key(key: str) -> None:
    """ValueError unless `key` is NAME or FAMILY:NAME with a known NAME."""
    family, name = split_key(key.strip())
    if name not in THRESHOLD_KEYS:
        raise ValueError(
            f"unknown threshold {key!r}: expected [FAMILY:]NAME with NAME one of "
            f"{', '.join(THRESHOLD_KEYS)}"
        )
    if family is not None and not family.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"threshold {key!r}: a family is a rule-id prefix such as mt or names")


def parse_threshold(text: str) -> tuple[str, float]:
    """`warning=3`, `per-1000-words=5` or `mt:per-1000-words=2` from the command line."""
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep:
        raise ValueError("expected [FAMILY:]NAME=LIMIT, e.g. warning=0 or mt:per-1000-words=2")
    check_key(key)
    try:
        limit = float(value)
    except ValueError:
        raise ValueError(f"limit of {key} must be a number, not {value!r}") from None
    if limit < 0:
        raise ValueError(f"limit of {key} must not be negative")
    return key, limit


def unknown_families(thresholds: dict[str, float], rule_ids) -> list[str]:
    """Families named by thresholds that no rule in the run belongs to (a typo
    there would make a gate that never fails)."""
    known = {family_of(rule_id) for rule_id in rule_ids}
    named = {split_key(key)[0] for key in thresholds} - {None}
    return sorted(named - known)


@dataclass(frozen=True)
class DocumentSummary:
    path: str
    words: int
    counts: dict[str, int]  # by severity
    density: float  # findings per 1,000 words
    breaches: tuple[str, ...]  # thresholds passed, e.g. "warning 4 > 3"
    families: dict[str, float]  # family -> its findings per 1,000 words

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _breaches(
    thresholds: dict[str, float], family: str | None, counts: Counter, density: float
) -> list[str]:
    label = f"{family}:" if family else ""
    found = []
    limit = thresholds.get(f"{label}per-1000-words")
    if limit is not None and density > limit:
        found.append(f"{label}{density:.1f}/1k words > {limit:g}")
    for severity in SEVERITIES:
        limit = thresholds.get(f"{label}{severity}")
        if limit is not None and counts[severity] > limit:
            found.append(f"{label}{severity} {counts[severity]} > {limit:g}")
    return found


def summarise(report, findings, thresholds: dict[str, float]) -> list[DocumentSummary]:
    """One row per checked document, in input order."""
    by_doc: dict[str, Counter] = {path: Counter() for path in report.checked}
    by_family: dict[str, dict[str, Counter]] = {path: {} for path in report.checked}
    for f in findings:
        by_doc.setdefault(f.path, Counter())[f.severity] += 1
        families = by_family.setdefault(f.path, {})
        families.setdefault(family_of(f.rule), Counter())[f.severity] += 1
    named = sorted({split_key(key)[0] for key in thresholds} - {None})
    rows = []
    for path, counts in by_doc.items():
        words = report.words.get(path, 0)

        def per_1000(n: int, words: int = words) -> float:
            return 1000 * n / words if words else 0.0

        density = per_1000(sum(counts.values()))
        breaches = _breaches(thresholds, None, counts, density)
        families = {}
        for family in dict.fromkeys([*FAMILIES, *sorted(by_family[path]), *named]):
            family_counts = by_family[path].get(family, Counter())
            families[family] = per_1000(sum(family_counts.values()))
            breaches += _breaches(thresholds, family, family_counts, families[family])
        rows.append(
            DocumentSummary(
                path,
                words,
                {s: counts[s] for s in SEVERITIES},
                density,
                tuple(breaches),
                families,
            )
        )
    return rows


def summary_table(rows: list[DocumentSummary], thresholds: dict[str, float]) -> str:
    """Per document: words, counts by severity, findings per 1,000 words in all
    and per family, and whether it passes the thresholds."""
    families = list(dict.fromkeys(f for r in rows for f in r.families)) or list(FAMILIES)
    header = ("document", "words", "error", "warning", "info", "per 1k", *families, "status")
    body = [
        (
            r.path,
            str(r.words),
            str(r.counts["error"]),
            str(r.counts["warning"]),
            str(r.counts["info"]),
            f"{r.density:.1f}",
            *(f"{r.families.get(f, 0.0):.1f}" for f in families),
            ("FAIL: " + "; ".join(r.breaches)) if r.breaches else ("ok" if thresholds else "-"),
        )
        for r in rows
    ]
    return _table(header, body, right=tuple(range(1, 6 + len(families))))


def statistics_table(findings) -> str:
    counts = Counter((f.rule, f.severity) for f in findings)
    body = [
        (str(n), rule, severity)
        for (rule, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return _table(("count", "rule", "severity"), body, right=(0,))


def statistics_json(findings) -> str:
    """The counts as JSON (ruff's `--statistics --output-format json`)."""
    import json

    counts = Counter((f.rule, f.severity) for f in findings)
    fixable = Counter(f.rule for f in findings if f.suggestions)
    rows = [
        {"rule": rule, "severity": severity, "count": n, "fixable": fixable[rule] > 0}
        for (rule, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


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
