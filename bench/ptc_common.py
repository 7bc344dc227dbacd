"""Shared helpers for the PTC (SemEval-2020 Task 11) benchmarks: loading and the split.

Articles are split by a stable hash of their id: about 70% are for mining
candidate terms, the rest are held out to measure the curated rules.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

PTC = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "propaganda_ptc"
TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")


def load_articles() -> list[dict]:
    with gzip.open(PTC / "ptc_train.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def is_held_out(article_id: str | int) -> bool:
    """True for the ~30% of articles kept out of mining (stable across runs)."""
    digest = hashlib.sha256(str(article_id).encode()).digest()
    return digest[0] < 77  # 77/256 = 30%
