"""Every finding of rules/numbers.yaml on the MT and fake-news eval sets, to read.

    python bench/numbers_corpora.py

mt_ruuk_en: each system's output (and the reference) rebuilt into documents by
doc_id; fake_news: each article. Prints counts per rule and every finding, so
true and false positives can be judged by eye (there is no gold for these rules).
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lint.document import Document
from lint.engine import Linter
from lint.packs import builtin_rules_dir, load_pack

EVAL = Path(__file__).resolve().parent.parent.parent / "shared/eval"


def mt_documents() -> dict[str, str]:
    segments: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with gzip.open(EVAL / "mt_ruuk_en/mt_ruuk_en.jsonl.gz", "rt", encoding="utf-8") as fh:
        for raw in fh:
            rec = json.loads(raw)
            outputs = {**rec["hyps"], "REF": rec["reference"]}
            for system, text in outputs.items():
                key = f"{rec['testset']}|{rec['lp']}|{rec['doc_id']}|{system}"
                segments[key].append((int(rec["seg_id_in_doc"]), text))
    return {k: "\n\n".join(t for _, t in sorted(v)) + "\n" for k, v in segments.items()}


def fake_documents() -> dict[str, str]:
    path = EVAL / "fake_news/fakenews_amt_celebrity.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {rec["file"]: rec["text"] for rec in map(json.loads, fh)}


def main() -> int:
    if not EVAL.exists():
        print(f"missing {EVAL}", file=sys.stderr)
        return 2
    linter = Linter(load_pack(builtin_rules_dir() / "numbers.yaml").rules)
    for name, docs in (("mt_ruuk_en", mt_documents()), ("fake_news", fake_documents())):
        results = [linter.check_document(Document(text, path)) for path, text in docs.items()]
        findings = [f for r in results for f in r.findings] + linter.resolve_batch(results)
        words = sum(r.words for r in results)
        print(f"{name}: {len(docs)} documents, {words} words, {len(findings)} findings")
        for rule_id, n in sorted(Counter(f.rule for f in findings).items()):
            print(f"  {rule_id}: {n}")
        for f in sorted(findings):
            print(f"    {f.path}:{f.line} {f.rule} {f.message[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
