"""The fixed cost of a document: an empty one and a one-sentence one through
all default rules, in microseconds, against a no-op dispatch of as many rules
(issue 20, item 1: goal under 30 us).

    python -m bench.fixed_cost              # totals and the ten dearest rules
    python -m bench.fixed_cost --top 0      # totals only
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCE = "Officials said the talks in the capital went on while markets stayed shut.\n"
TEXTS = {"empty": "", "one sentence": SENTENCE}


def per_document(linter, text: str, runs: int) -> float:
    """Least seconds per document over `runs` batches of 20 (engine path)."""
    from lint.document import Document

    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(20):
            linter.check_document(Document(text, "x"))
        best = min(best, (time.perf_counter() - start) / 20)
    return best


def per_rule(linter, text: str, runs: int) -> dict[str, float]:
    """Least seconds per rule on a fresh Document of `text`."""
    from lint.document import Document

    best: dict[str, float] = {}
    for _ in range(runs):
        doc = Document(text, "x")
        for rule, compiled, check, collect, _ in linter.plan():
            start = time.perf_counter()
            for _ in check(doc, compiled):
                pass
            if collect is not None:
                collect(doc, compiled)
            seconds = time.perf_counter() - start
            best[rule.id] = min(best.get(rule.id, seconds), seconds)
    return best


def noop_dispatch(count: int, runs: int) -> float:
    """Seconds for `count` calls of an empty generator, the floor of a dispatch."""

    def check(doc, compiled):
        return iter(())

    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(count):
            for _ in check(None, None):
                pass
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fixed_cost")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)

    from bench.growth import linter

    lint = linter()
    for text in TEXTS.values():  # load tables outside the timing
        per_document(lint, text, 2)
    gc.disable()
    try:
        floor = noop_dispatch(len(lint.rules), args.runs)
        print(f"no-op dispatch of {len(lint.rules)} rules: {floor * 1e6:.1f} us")
        for name, text in TEXTS.items():
            seconds = per_document(lint, text, args.runs)
            print(f"{name} document, all default rules: {seconds * 1e6:.1f} us")
            if args.top:
                rules = per_rule(lint, text, args.runs)
                dear = sorted(rules.items(), key=lambda kv: -kv[1])[: args.top]
                print("  " + ", ".join(f"{r} {s * 1e6:.1f}" for r, s in dear))
    finally:
        gc.enable()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
