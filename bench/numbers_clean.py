"""False positives of rules/numbers.yaml on human-written English news.

    python bench/numbers_clean.py [--all-domains] [--show]

Rebuilds documents from ../shared/eval/clean_en_news (segments grouped by doc_id,
in line order; the doc-less newstest2021 set A in blocks of 20 lines), checks them
as one batch, and prints findings per 1,000 words at warning and above, per rule,
plus every finding with --show.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lint.document import Document
from lint.engine import Linter
from lint.finding import at_least
from lint.packs import builtin_rules_dir, load_pack

DATA = (
    Path(__file__).resolve().parent.parent.parent
    / "shared/eval/clean_en_news/clean_en_news.jsonl.gz"
)


def documents(all_domains: bool) -> dict[str, str]:
    lines: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for raw in fh:
            rec = json.loads(raw)
            if not all_domains and rec["domain"] != "news":
                continue
            doc_id = rec["doc_id"] or f"{rec['set']}#{(rec['line'] - 1) // 20}"
            lines[doc_id].append((rec["line"], rec["text"]))
    return {k: "\n\n".join(t for _, t in sorted(v)) + "\n" for k, v in lines.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all-domains", action="store_true")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 2
    linter = Linter(load_pack(builtin_rules_dir() / "numbers.yaml").rules)
    docs = documents(args.all_domains)
    results = [linter.check_document(Document(text, path)) for path, text in docs.items()]
    findings = [f for r in results for f in r.findings] + linter.resolve_batch(results)
    words = sum(r.words for r in results)
    serious = [f for f in findings if at_least(f.severity, "warning")]
    print(f"documents {len(docs)}, words {words}")
    print(
        f"findings at warning+: {len(serious)} = {1000 * len(serious) / words:.3f} per 1,000 words"
    )
    for rule_id, n in sorted(Counter(f.rule for f in findings).items()):
        print(f"  {rule_id}: {n}")
    if args.show:
        for f in sorted(findings):
            line = Document(docs[f.path]).line_text(f.line)
            print(
                f"{f.path}:{f.line}:{f.column} {f.severity} {f.rule} {f.message}\n    {line[:200]}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
