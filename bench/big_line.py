"""A huge single line (default 100 MB) through the real command: time, peak
memory, exit code, and the time of each rule on the same text.

    python bench/big_line.py            # 100 MB
    python bench/big_line.py --mb 10    # smaller, for a quick figure
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PROSE = (
    "officials said the talks in Kiev went on while markets in the capital stayed shut "
    "after a night of shelling and the mayor asked residents to conserve power"
)
WORDS = _PROSE.split()


def make_line(megabytes: float, seed: int = 9) -> str:
    rng = random.Random(seed)
    sentence_count = int(megabytes * 1_000_000 / 80)
    return ". ".join(" ".join(rng.sample(WORDS, 12)) for _ in range(sentence_count)) + "."


def per_rule(text: str) -> None:
    sys.path.insert(0, str(ROOT))
    from lint import runner
    from lint.document import Document
    from lint.kinds import get_kind
    from lint.rulebook import linter_for

    config = runner.Runner(runner.Settings(isolated=True)).resolver.for_path("-")
    doc = Document(text, "big.txt")
    for rule in linter_for(config).rules:
        start = time.perf_counter()
        count = sum(1 for _ in get_kind(rule.kind).check(doc, rule.compiled))
        print(f"  {rule.id:<40} {time.perf_counter() - start:7.2f} s  {count} match(es)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--per-rule", action="store_true", help="also time each rule")
    args = parser.parse_args()
    text = make_line(args.mb)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "lint", "check", "--isolated", "--format", "json", "-q"]
            + ["-o", str(Path(folder) / "out.json"), str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{len(text) / 1e6:.1f} MB on one line: exit {proc.returncode}, "
        f"{elapsed:.1f} s, peak RSS {peak:.0f} MB"
    )
    if proc.stderr.strip():
        print(proc.stderr.strip()[-2000:])
    if args.per_rule:
        per_rule(text)


if __name__ == "__main__":
    main()
