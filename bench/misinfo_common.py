"""A Linter with only the misinfo and narratives packs, for the benchmarks."""

from __future__ import annotations

from pathlib import Path

from lint.engine import Linter
from lint.packs import load_pack

RULES = Path(__file__).resolve().parents[1] / "rules"
PACKS = ("misinfo.yaml", "narratives.yaml")


def misinfo_linter(only: tuple[str, ...] = ()) -> Linter:
    rules = [r for p in PACKS for r in load_pack(RULES / p).rules if r.enabled]
    if only:
        rules = [r for r in rules if r.id in only]
    return Linter(rules)
