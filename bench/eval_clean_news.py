"""False-positive rate of issue 4's rules on human-written English news.

../shared/eval/clean_en_news/ holds one sentence per record. Documents are
rebuilt by grouping records on `doc_id` in `line` order (set A has no doc ids:
it is cut into runs of 20 consecutive lines), news domain only. Two layouts:

- `paragraphs`: one segment per paragraph (blank line between), as the WMT
  source files keep one segment per line; harsh for quote balance, because
  WMT splits sentences inside multi-sentence quotations.
- `joined`: all segments of a document in one paragraph.

Findings at warning and above from the measured rule prefixes are counted per
1,000 words (words = whitespace tokens).

Usage: python bench/eval_clean_news.py [--layout paragraphs|joined] [--show N] [--rules a,b]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lint.engine import Linter
from lint.packs import builtin_rules_dir, load_pack

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "clean_en_news"
PACKS = ("scrape.yaml", "quality.yaml")
PREFIXES = ("scrape.", "quality.fragment", "quality.doc-")


def documents(layout: str) -> dict[str, str]:
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with gzip.open(DATA / "clean_en_news.jsonl.gz", "rt") as fh:
        for n, line in enumerate(fh):
            rec = json.loads(line)
            if rec["domain"] != "news":
                continue
            doc = rec["doc_id"] or f"{rec['set']}#{n // 20}"
            groups[doc].append((int(rec["line"]), rec["text"].strip()))
    sep = "\n\n" if layout == "paragraphs" else " "
    return {doc: sep.join(t for _, t in sorted(segs)) for doc, segs in groups.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layout", choices=("paragraphs", "joined"), default="paragraphs")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--rules", default=",".join(PREFIXES))
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"no eval data at {DATA}")
    prefixes = tuple(args.rules.split(","))
    rules = []
    for pack in PACKS:
        pack_rules = load_pack(builtin_rules_dir() / pack).rules
        rules += [r for r in pack_rules if r.id.startswith(prefixes)]
    linter = Linter(rules)
    docs = documents(args.layout)
    words = 0
    per_rule: Counter[str] = Counter()
    info: Counter[str] = Counter()
    shown = 0
    for name, text in docs.items():
        words += len(text.split())
        for f in linter.check_text(text, path=name):
            if f.severity not in ("error", "warning"):
                info[f.rule] += 1
                continue
            per_rule[f.rule] += 1
            if shown < args.show:
                shown += 1
                line = text.splitlines()[f.line - 1]
                print(f"  {f.rule} {name}:{f.line}:{f.column}: {line[:140]!r}", file=sys.stderr)
    total = sum(per_rule.values())
    print(
        f"clean_en_news ({args.layout}): {len(docs)} documents, {words} words, "
        f"{total} findings at warning+ = {1000 * total / words:.3f} per 1,000 words"
    )
    for rule, n in per_rule.most_common():
        print(f"    {rule}: {n}")
    print(f"  and {sum(info.values())} at info: {dict(info.most_common())}")


if __name__ == "__main__":
    main()
