"""Mojibake and source-language leftovers (issue 17): every figure in one run.

1. mt.mojibake on tests/data/mojibake_cases.jsonl (real-world cases collected
   from public bug reports, each with its address, and correct texts): recall,
   findings on correct text, and findings on the Russian and Ukrainian source
   sentences of mt_ruuk_en (correct Cyrillic).
2. Each leftover rule on mt_ruuk_en: findings on all MT hypotheses against the
   human references of the same segments (6 systems per segment, so the MT
   side has about 6x the words).
3. The same on mqm_zhen (Chinese-English MT with expert error spans): findings
   on MT, how many overlap an MQM error span, findings on human references.
4. Findings on original English news (clean_en_news), on the ScrapingHub
   article bodies (web_boilerplate) and on the propaganda and fake-news
   articles, per 1,000 words: false alarms by construction, unless the text
   really has the defect (read them: --show).

Run from the repository root: `python bench/eval_leftovers.py [--show RULE]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lint.config import Config
from lint.rulebook import linter_for

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
CASES = ROOT / "tests" / "data" / "mojibake_cases.jsonl"
RULES = (
    "mt.mojibake",
    "mt.untranslated-word",
    "mt.untranslated-acronym",
    "mt.transliterated-word",
    "mt.spaced-quotes",
    "mt.lone-guillemet",
    "mt.dash-attribution-unquoted",
    "mt.dash-attribution",
    "mt.unknown-token",
    "scrape.footnote-marker",
    "scrape.markup",
)


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


class Runner:
    """The measured rules, and what they found where, for --show."""

    def __init__(self, show: str) -> None:
        self.lint = linter_for(Config(select=RULES, extend_select=RULES))
        self.show = show

    def findings(self, text: str, where: str) -> list:
        found = [f for f in self.lint.check_text(text, "doc.txt") if f.rule in RULES]
        for f in found:
            if f.rule == self.show:
                line = text.split("\n")[f.line - 1]
                start = max(0, f.column - 60)
                print(f"  [{where}] {line[start : f.end_column + 40]!r}", file=sys.stderr)
        return found


def mojibake_report(run: Runner) -> None:
    cases = read_jsonl(CASES)
    bad = [c for c in cases if c["expect"] == "flag"]
    good = [c for c in cases if c["expect"] == "pass"]
    missed = [c for c in bad if not _rule(run.findings(c["text"], "case"), "mt.mojibake")]
    false = [c for c in good if _rule(run.findings(c["text"], "correct"), "mt.mojibake")]
    found = len(bad) - len(missed)
    print(
        f"mt.mojibake, {len(bad)} real-world cases from {len({c['source'] for c in bad})} sources:"
    )
    print(f"  recall {found}/{len(bad)} = {found / len(bad):.3f}")
    kinds = Counter(c["kind"].split(",")[0].split(" ")[0] for c in bad)
    print(f"  by confusion: {dict(kinds.most_common())}")
    for c in missed:
        print(f"  missed: {c['text'][:70]!r} ({c['kind']})")
    print(f"  correct texts with a finding: {len(false)}/{len(good)}")
    path = EVAL / "mt_ruuk_en" / "mt_ruuk_en.jsonl.gz"
    if path.exists():
        sources = [r["source"] for r in read_jsonl(path)]
        n = sum(len(_rule(run.findings(s, "source"), "mt.mojibake")) for s in sources)
        print(f"  Russian and Ukrainian source sentences ({len(sources)}): {n} findings")


def _rule(findings: list, rule: str) -> list:
    return [f for f in findings if f.rule == rule]


def _table(title: str, columns: tuple[str, ...], rows: dict[str, list[int]]) -> None:
    print(title)
    print(f"  {'rule':32}" + "".join(f"{c:>14}" for c in columns))
    for rule in RULES:
        print(f"  {rule:32}" + "".join(f"{v:>14}" for v in rows.get(rule, [0] * len(columns))))


def ruuk_report(run: Runner) -> None:
    rows = [
        r for r in read_jsonl(EVAL / "mt_ruuk_en" / "mt_ruuk_en.jsonl.gz") if r.get("reference")
    ]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    words = [0, 0]
    for r in rows:
        for f in run.findings(r["reference"], "ref"):
            counts[f.rule][1] += 1
        words[1] += len(r["reference"].split())
        for system, text in r["hyps"].items():
            if text:
                for f in run.findings(text, system):
                    counts[f.rule][0] += 1
                words[0] += len(text.split())
    _table(
        f"mt_ruuk_en, {len(rows)} segments: MT {words[0]:,} words, references {words[1]:,} words",
        ("MT", "references"),
        counts,
    )


def mqm_report(run: Runner) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    words = [0, 0]
    for record in read_jsonl(EVAL / "mqm_zhen" / "mqm_zhen.jsonl.gz"):
        text = record["mt"]
        human = record["is_human_reference"]
        spans = [
            (e["start"], e["end"])
            for e in record["errors"]
            if e["side"] == "target" and e["end"] > e["start"]
        ]
        words[human] += len(text.split())
        for f in run.findings(text, "ref" if human else "mt"):
            if human:
                counts[f.rule][2] += 1
                continue
            counts[f.rule][0] += 1
            counts[f.rule][1] += any(s < f.end_offset and f.offset < e for s, e in spans)
    _table(
        f"mqm_zhen: MT {words[0]:,} words, human references {words[1]:,} words",
        ("MT", "in MQM span", "references"),
        counts,
    )


def clean_report(run: Runner) -> None:
    docs: dict[str, list[str]] = defaultdict(list)
    for i, row in enumerate(read_jsonl(EVAL / "clean_en_news" / "clean_en_news.jsonl.gz")):
        docs[row.get("doc_id") or f"{row['set']}#{i // 20}"].append(row["text"])
    sh = read_jsonl(EVAL / "web_boilerplate" / "scrapinghub_aeb.jsonl.gz")
    web = [r["text"] for r in read_jsonl(EVAL / "propaganda_ptc" / "ptc_train.jsonl.gz")]
    web += [r["text"] for r in read_jsonl(EVAL / "fake_news" / "fakenews_amt_celebrity.jsonl.gz")]
    for name, texts in (
        ("clean_en_news", ["\n".join(lines) for lines in docs.values()]),
        ("ScrapingHub article bodies", [r["gold_article_body"] for r in sh]),
        ("propaganda and fake-news articles (original English web text)", web),
    ):
        counts: Counter[str] = Counter()
        words = sum(len(t.split()) for t in texts)
        for text in texts:
            counts.update(f.rule for f in run.findings(text, name))
        total = sum(counts.values())
        print(
            f"{name}: {len(texts)} documents, {words:,} words, {total} findings "
            f"= {1000 * total / words:.3f} per 1,000 words {dict(counts)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", default="", help="print the findings of this rule on stderr")
    args = parser.parse_args()
    run = Runner(args.show)
    mojibake_report(run)
    if not EVAL.is_dir():
        sys.exit(f"no evaluation data at {EVAL}: only the mojibake cases were measured")
    ruuk_report(run)
    mqm_report(run)
    clean_report(run)


if __name__ == "__main__":
    main()
