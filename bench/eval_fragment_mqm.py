"""Verbless fragments in machine translation with human MQM error labels.

Runs the fragment check on every MT segment of ../shared/eval/mqm_zhen/ (each
segment on its own, so `min_sentences` is 1 here; the built-in rule needs two
sentences in a paragraph) and prints how many flagged segments the MQM raters
also marked with an error, with a sample.

Usage: python bench/eval_fragment_mqm.py [--show N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from lint.document import Document
from lint.kinds import fragment

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "mqm_zhen"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"no eval data at {DATA}")
    compiled = fragment.prepare(fragment.Options(min_sentences=1))
    words = flagged = with_error = 0
    with gzip.open(DATA / "mqm_zhen.jsonl.gz", "rt") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("is_human_reference"):
                continue
            words += len(rec["mt"].split())
            doc = Document(rec["mt"])
            for m in fragment.check(doc, compiled):
                flagged += 1
                with_error += bool(rec["errors"])
                if flagged <= args.show:
                    categories = sorted({e["category"] for e in rec["errors"]})
                    print(f"  {rec['mt'][m.start : m.end][:120]!r} {categories}")
    print(
        f"mqm_zhen MT segments: {words} words, {flagged} fragments flagged, "
        f"{with_error} of them in segments with an MQM error"
    )


if __name__ == "__main__":
    main()
