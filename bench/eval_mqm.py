"""Span-level precision of every default rule on Chinese-to-English MT with
expert MQM error spans (../shared/eval/mqm_zhen).

Each MT segment is checked on its own with all default packs. A finding is
confirmed when its span overlaps a target-side error span of any rater. MQM
raters mark at most five errors per segment, many of them meaning errors a
source-blind linter cannot see, so recall is reported per MQM category only as
"segments with an error of this category that got any overlapping finding".

Usage: python bench/eval_mqm.py [--show RULE] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from lint import check_text

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "mqm_zhen"


def _offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", default="", help="print findings of this rule")
    parser.add_argument("--limit", type=int, default=0, help="segments to check (0: all)")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"no eval data at {DATA}")
    with gzip.open(DATA / "mqm_zhen.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    if args.limit:
        records = records[: args.limit]
    confirmed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    on_refs: Counter[str] = Counter()
    category_hit: Counter[str] = Counter()
    category_all: Counter[str] = Counter()
    mt_words = ref_words = 0
    for record in records:
        text = record["mt"]
        spans = [
            (e["start"], e["end"], e["category"])
            for e in record["errors"]
            if e["side"] == "target" and e["end"] > e["start"]
        ]
        findings = [
            f for f in check_text(text, path="segment.txt") if f.severity in ("error", "warning")
        ]
        if record["is_human_reference"]:
            ref_words += len(text.split())
            on_refs.update(f.rule for f in findings)
            continue
        mt_words += len(text.split())
        hit_categories = set()
        for f in findings:
            start = _offset(text, f.line, f.column)
            end = max(start + 1, _offset(text, f.end_line, f.end_column))
            hits = [c for s, e, c in spans if s < end and start < e]
            total[f.rule] += 1
            if hits:
                confirmed[f.rule] += 1
                hit_categories.update(hits)
            if args.show and f.rule == args.show:
                mark = "OK " if hits else "-- "
                print(f"{mark}{text[max(0, start - 50) : end + 50]!r} {hits[:2]}")
        for category in {c for _, _, c in spans}:
            category_all[category] += 1
            if category in hit_categories:
                category_hit[category] += 1
    print(f"MT segments: {sum(total.values())} findings at warning+ on {mt_words:,} words")
    print(f"{'rule':34} {'findings':>8} {'in an MQM span':>15} {'precision':>9}")
    for rule, n in total.most_common():
        print(f"{rule:34} {n:8d} {confirmed[rule]:15d} {confirmed[rule] / n:9.2f}")
    all_n, all_ok = sum(total.values()), sum(confirmed.values())
    if all_n:
        print(f"{'all':34} {all_n:8d} {all_ok:15d} {all_ok / all_n:9.2f}")
    print(
        f"human references: {sum(on_refs.values())} findings on {ref_words:,} words: "
        f"{dict(on_refs.most_common(8))}"
    )
    print("MQM categories (segments with such an error that got an overlapping finding):")
    for category, n in category_all.most_common(12):
        print(f"  {category:40} {category_hit[category]:5d} / {n}")


if __name__ == "__main__":
    main()
