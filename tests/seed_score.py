"""Score findings against the seeds' annotations (seeds/expected.yaml).

The same matching as the project's shared scorer: a finding matches an entry
when it is in the same file (by base name) and its span overlaps the entry's
text on the entry's line. Kept here so that the seed test runs in any clone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class SeedScore:
    hits: dict[str, list[dict]] = field(default_factory=dict)  # level -> entries found
    misses: dict[str, list[dict]] = field(default_factory=dict)  # level -> entries not found

    def count(self, level: str) -> tuple[int, int]:
        found = len(self.hits.get(level, []))
        return found, found + len(self.misses.get(level, []))


def _span(entry: dict, texts: Path) -> tuple[int, int, int]:
    line = (texts / entry["file"]).read_text(encoding="utf-8").splitlines()[entry["line"] - 1]
    at = line.index(entry["text"])
    return entry["line"], at + 1, at + 1 + len(entry["text"])


def _overlaps(finding: dict, line: int, start: int, end: int) -> bool:
    f_line, f_col = finding["line"], finding["column"]
    f_end_line, f_end_col = finding["end_line"], finding["end_column"]
    finish = (f_end_line, max(f_end_col, f_col + 1) if f_end_line == f_line else f_end_col)
    return (f_line, f_col) < (line, end) and (line, start) < finish


def score(findings: list[dict], texts: Path) -> SeedScore:
    gold = yaml.safe_load((texts / "expected.yaml").read_text(encoding="utf-8"))
    result = SeedScore()
    for entry in gold:
        span = _span(entry, texts)
        found = any(Path(f["path"]).name == entry["file"] and _overlaps(f, *span) for f in findings)
        (result.hits if found else result.misses).setdefault(entry["level"], []).append(entry)
    return result
