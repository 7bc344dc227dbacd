"""Measure the machine-translation rules (packs mt, names, consistency) on real text.

1. Findings per 1,000 words at warning and above on original English news
   (`clean_en_news`, false positives by construction), each finding listed.
2. The same density on MT hypotheses vs the human references of the same
   segments (`mt_ruuk_en`), per system.
3. Precision and recall of the name rules on `toponym_probes.jsonl`: a hypothesis
   is positive when it lacks the reference spelling of the place name.

Run from the repository root: `python bench/eval_mt.py [--limit N] [--quiet]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

from lint.config import Config
from lint.rulebook import linter_for

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
PACKS = ("mt", "names", "consistency")
NAME_RULES = ("names.",)
SERIOUS = ("warning", "error")


def linter(prefixes=PACKS):
    return linter_for(Config(select=prefixes))


def serious(findings):
    return [f for f in findings if f.severity in SERIOUS]


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def clean_documents(limit: int | None) -> list[tuple[str, str]]:
    """Original English news as documents: lines of one doc_id, joined by newlines."""
    docs: dict[str, list[str]] = defaultdict(list)
    for i, row in enumerate(read_jsonl(EVAL / "clean_en_news" / "clean_en_news.jsonl.gz")):
        key = row.get("doc_id") or f"{row['set']}#{i // 20}"
        docs[key].append(row["text"])
    items = [(key, "\n".join(lines) + "\n") for key, lines in docs.items()]
    return items[:limit] if limit else items


def clean_report(limit: int | None, quiet: bool) -> None:
    lint = linter()
    docs = clean_documents(limit)
    words = 0
    found = []
    for key, text in docs:
        words += len(text.split())
        for f in serious(lint.check_text(text, key)):
            line = text.splitlines()[f.line - 1]
            found.append((key, f, line))
    rate = 1000 * len(found) / words
    print(f"clean_en_news: {len(docs)} docs, {words} words, {len(found)} findings ")
    print(f"  = {rate:.3f} per 1,000 words (warning+)")
    by_rule: dict[str, int] = defaultdict(int)
    for _, f, _ in found:
        by_rule[f.rule] += 1
    for rule, n in sorted(by_rule.items(), key=lambda kv: -kv[1]):
        print(f"  {rule}: {n}")
    if not quiet:
        for key, f, line in found:
            snippet = line[max(0, f.column - 40) : f.column + 40]
            print(f"    {key}:{f.line}:{f.column} {f.rule} | {snippet}")


def mt_report(limit: int | None) -> None:
    """Density on references vs each system, per rule, and a paired segment count."""
    lint = linter()
    rows = read_jsonl(EVAL / "mt_ruuk_en" / "mt_ruuk_en.jsonl.gz")
    rows = [r for r in rows if r.get("reference")]
    if limit:
        rows = rows[:limit]
    ref_rules: dict[str, int] = defaultdict(int)
    hyp_rules: dict[str, int] = defaultdict(int)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # system -> [findings, words]
    worse = better = 0  # segments where a hypothesis has more / fewer findings than the ref
    for r in rows:
        ref_found = serious(lint.check_text(r["reference"], "ref"))
        for f in ref_found:
            ref_rules[f.rule] += 1
        totals["reference"][0] += len(ref_found)
        totals["reference"][1] += len(r["reference"].split())
        for system, text in r["hyps"].items():
            if not text:
                continue
            found = serious(lint.check_text(text, "hyp"))
            for f in found:
                hyp_rules[f.rule] += 1
            key = f"{r['testset']}/{r['lp']}/{system}"
            totals[key][0] += len(found)
            totals[key][1] += len(text.split())
            totals["hypotheses (all)"][0] += len(found)
            totals["hypotheses (all)"][1] += len(text.split())
            worse += len(found) > len(ref_found)
            better += len(found) < len(ref_found)
    print(f"mt_ruuk_en: {len(rows)} segments")
    for key, (n, words) in sorted(totals.items()):
        print(f"  {key}: {n} findings / {words} words = {1000 * n / words:.3f} per 1,000")
    print(f"  paired: a hypothesis has more findings than its reference {worse} times,")
    print(f"  fewer {better} times")
    n_systems = totals["hypotheses (all)"][1] / max(1, totals["reference"][1])
    print(f"  per rule (reference | all hypotheses, {n_systems:.1f}x the words):")
    for rule in sorted(set(ref_rules) | set(hyp_rules), key=lambda k: -hyp_rules[k]):
        print(f"    {rule}: {ref_rules[rule]} | {hyp_rules[rule]}")


def toponym_report(quiet: bool) -> None:
    lint = linter(("names",))
    tp = fp = fn = tn = 0
    misses = []
    false_alarms = []
    # Per finding: is the flagged word absent from the human reference (the
    # hypothesis departs from it there) or in it (the translator wrote it too)?
    departs, agrees = 0, []
    for row in read_jsonl(EVAL / "mt_ruuk_en" / "toponym_probes.jsonl"):
        reference_words = set(re.findall(r"[\w'’-]+", row["reference"]))
        for system, hyp in row["hyps"].items():
            findings = lint.check_text(hyp["text"], "probe")
            for f in findings:
                word = hyp["text"][f.offset : f.end_offset]
                if all(w in reference_words for w in re.findall(r"[\w'’-]+", word)):
                    agrees.append((word, f.rule, hyp["text"]))
                else:
                    departs += 1
            flagged = bool(findings)
            wrong = not hyp["contains_reference_spelling"]
            tp += flagged and wrong
            fp += flagged and not wrong
            fn += wrong and not flagged
            tn += not wrong and not flagged
            if wrong and not flagged:
                misses.append((row["entity_in_reference"], system, hyp["text"]))
            if flagged and not wrong:
                false_alarms.append((row["entity_in_reference"], system, hyp["text"]))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"toponym_probes (names.*): tp={tp} fp={fp} fn={fn} tn={tn}")
    print(f"  precision {precision:.3f}  recall {recall:.3f}")
    total = departs + len(agrees)
    print(
        f"  per finding: {departs} of {total} flag a word the human reference does not use"
        f" (precision {departs / total if total else 0:.3f})"
    )
    if not quiet:
        for word, rule, text in agrees:
            print(f"    in the reference too: {word!r} {rule}: {text[:150]}")
        for entity, system, text in misses:
            print(f"    miss [{entity}] {system}: {text[:150]}")
        for entity, system, text in false_alarms:
            print(f"    false alarm [{entity}] {system}: {text[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="first N docs/segments")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    parser.add_argument("--only", choices=("clean", "mt", "toponyms"), default=None)
    args = parser.parse_args()
    if not EVAL.is_dir():
        raise SystemExit(f"no eval data at {EVAL}")
    if args.only in (None, "clean"):
        clean_report(args.limit, args.quiet)
    if args.only in (None, "mt"):
        mt_report(args.limit)
    if args.only in (None, "toponyms"):
        toponym_report(args.quiet)


if __name__ == "__main__":
    main()
