"""Misinformation-marker density: clean English news per outlet, fake vs legit news.

Findings at warning or above per 1,000 words, from the misinfo and narratives
packs only. clean_en_news is scored per outlet on news-domain lines (the set
mixes wire services with rt.com and tabloids); fake_news compares fake and
legitimate articles and gives the AUC of per-article density.

    python bench/misinfo_density.py [--show RULE]   # --show prints the flagged lines
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
from collections import Counter, defaultdict
from pathlib import Path

from misinfo_common import misinfo_linter

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
SEVERE = {"warning", "error"}
# Wire services and public broadcasters in the set (abcnews and seattle_times
# carry AP copy): the "neutral wire copy" whose rate should stay under 0.3.
WIRE = (
    "abcnews",
    "bbc",
    "pa",
    "seattle_times",
    "nytimes",
    "cnn",
    "rte.en.ie",
    "euronews-en",
    "voa-en",
    "aj-english",
    "cnbc.com",
)


def read_jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def auc(positives: list[float], negatives: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", default="")
    parser.add_argument("--with-info", action="store_true", help="count info findings too")
    args = parser.parse_args()
    severe = SEVERE | {"info"} if args.with_info else SEVERE
    linter = misinfo_linter()

    words: Counter[str] = Counter()
    found: Counter[str] = Counter()
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    # Rebuild documents (segments in order, one paragraph each) so that an
    # attribution in the next sentence is visible; set A has no document ids
    # and is read as one stream in its original order.
    documents: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in read_jsonl(EVAL / "clean_en_news" / "clean_en_news.jsonl.gz"):
        if row.get("domain") in (None, "news"):
            documents[(row["set"], row.get("doc_id") or "")].append(row)
    for rows in documents.values():
        rows.sort(key=lambda r: r["line"])
        starts, parts, at = [], [], 0
        for row in rows:
            starts.append(at)
            parts.append(row["text"])
            at += len(row["text"]) + 2
        text = "\n\n".join(parts)
        for row in rows:
            words[row.get("outlet") or row["set"]] += len(row["text"].split())
        for f in linter.check_text(text):
            if f.severity not in severe:
                continue
            row = rows[bisect.bisect_right(starts, f.offset) - 1]
            outlet = row.get("outlet") or row["set"]
            found[outlet] += 1
            by_rule[outlet][f.rule] += 1
            if args.show and f.rule.endswith(args.show):
                print(f"  [{outlet}] {f.rule}: {row['text'][:160]}")
    print("clean_en_news (news domain): warning+ findings per 1,000 words")
    total_w = sum(words.values())
    all_found = sum(found.values())
    print(f"  ALL: {all_found} in {total_w} words = {1000 * all_found / total_w:.2f}")
    for outlet, n in sorted(words.items(), key=lambda kv: -kv[1]):
        if n < 300:
            continue
        rules = ", ".join(f"{r.split('.', 1)[1]} {c}" for r, c in by_rule[outlet].most_common())
        rate = 1000 * found[outlet] / n
        print(f"  {outlet:28s} {found[outlet]:3d} / {n:6d} words = {rate:.2f}  {rules}")
    wire_words = sum(words[o] for o in WIRE)
    wire_found = sum(found[o] for o in WIRE)
    wire_rate = 1000 * wire_found / max(wire_words, 1)
    print(f"  WIRE ({len(WIRE)} outlets): {wire_found} / {wire_words} words = {wire_rate:.2f}")
    # Set A is a stream of sentences without document boundaries.
    other = sum(c for o in by_rule for r, c in by_rule[o].items() if "unattributed" not in r)
    print(f"  ALL without unattributed-quote: {other} = {1000 * other / total_w:.2f} per 1k words")
    small = [o for o, n in words.items() if n < 300]
    sw, sf = sum(words[o] for o in small), sum(found[o] for o in small)
    print(f"  {len(small)} outlets under 300 words: {sf} / {sw} = {1000 * sf / max(sw, 1):.2f}")

    print("fake_news: warning+ findings per 1,000 words")
    density: dict[tuple[str, str], list[float]] = defaultdict(list)
    rules_by_label: dict[str, Counter[str]] = defaultdict(Counter)
    for row in read_jsonl(EVAL / "fake_news" / "fakenews_amt_celebrity.jsonl.gz"):
        text = (row.get("title") or "") + "\n\n" + row["text"]
        hits = [f for f in linter.check_text(text) if f.severity in severe]
        for f in hits:
            rules_by_label[(row["dataset"], row["label"])][f.rule] += 1
        n = max(len(text.split()), 1)
        density[(row["dataset"], row["label"])].append(1000 * len(hits) / n)
    for dataset in sorted({d for d, _ in density}):
        fake, legit = density[(dataset, "fake")], density[(dataset, "legit")]
        for label, values in (("fake", fake), ("legit", legit)):
            flagged = sum(v > 0 for v in values)
            rules = ", ".join(
                f"{r.split('.', 1)[1]} {c}"
                for r, c in rules_by_label[(dataset, label)].most_common(5)
            )
            print(
                f"  {dataset} {label}: {len(values)} articles, mean {sum(values) / len(values):.2f}"
                f"/1k words, {flagged} with a finding  ({rules})"
            )
        print(f"  {dataset} AUC (fake > legit): {auc(fake, legit):.3f}")


if __name__ == "__main__":
    main()
