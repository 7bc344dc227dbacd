"""Every built-in rule's findings on real text, for grading its severity.

For each rule, at every severity: findings per 1,000 words on original English
(clean_en_news, the ScrapingHub gold bodies, the trafilatura must-keep text;
nearly all false positives there are the rule's own), on WMT ru/uk-en machine
translation and on its human references, and with `--show N` the first N
findings of each rule on the clean and MT sets, to read.

Run `python bench/eval_trust.py` first: it writes the documents this reads
(bench/out/trust/).

    python bench/rule_table.py [--show 5] [--rules mt.,names.]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_trust import OUT, WORD  # noqa: E402

SETS = {
    "clean": ("clean_en_news", "scrapinghub_bodies", "trafilatura_articles"),
    "mt": ("mt-para",),
    "ref": ("ref-para",),
}


def findings_of(folder: Path) -> list[dict]:
    newslint = str(Path(sys.executable).parent / "newslint")
    cmd = [newslint, "check", "--format", "json", "--exit-zero", "--isolated", "--no-cache"]
    cmd += ["-q", "--no-progress", "-j", "2", str(folder)]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True).stdout)["findings"]


def words_in(folder: Path) -> int:
    return sum(len(WORD.findall(p.read_text(encoding="utf-8"))) for p in folder.glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="findings to print per rule and set")
    parser.add_argument("--rules", default="", help="comma-separated rule-id prefixes")
    args = parser.parse_args()
    prefixes = tuple(p for p in args.rules.split(",") if p)
    counts: dict[str, Counter] = defaultdict(Counter)
    severity: dict[str, str] = {}
    words: Counter = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for group, folders in SETS.items():
        for name in folders:
            folder = OUT / name
            if not folder.is_dir():
                sys.exit(f"{folder} is missing: run python bench/eval_trust.py first")
            words[group] += words_in(folder)
            for f in findings_of(folder):
                if prefixes and not f["rule"].startswith(prefixes):
                    continue
                counts[f["rule"]][group] += 1
                severity.setdefault(f["rule"], f["severity"])
                if len(examples[(f["rule"], group)]) < args.show:
                    line = Path(f["path"]).read_text(encoding="utf-8").splitlines()[f["line"] - 1]
                    col = f["column"] - 1
                    examples[(f["rule"], group)].append(
                        f"{f['severity'][0].upper()} {line[max(0, col - 50) : col + 70]}"
                    )
    print(f"words: clean {words['clean']}, MT {words['mt']}, references {words['ref']}")
    print(f"{'rule':34} {'sev':7} {'clean/1k':>8} {'MT/1k':>7} {'ref/1k':>7}  counts")
    for rule in sorted(counts, key=lambda r: -counts[r]["mt"]):
        c = counts[rule]
        per = {g: 1000 * c[g] / words[g] for g in SETS}
        print(
            f"{rule:34} {severity[rule]:7} {per['clean']:8.3f} {per['mt']:7.3f} {per['ref']:7.3f}"
            f"  clean {c['clean']}, MT {c['mt']}, ref {c['ref']}"
        )
        for group in SETS:
            for line in examples[(rule, group)]:
                print(f"      [{group}] {line}")


if __name__ == "__main__":
    main()
