"""Line-level precision and recall of the scrape pack's boilerplate and caption rules.

Each page of ../shared/eval/web_boilerplate/ is rebuilt as one document (its
lines joined by newlines) and a line counts as predicted boilerplate when a
finding of the measured rules covers it.

- trafilatura evaluation set: positive = `boilerplate` (a human `without`
  snippet), negative = `must_keep` (a human `with` snippet); other lines ignored.
- ScrapingHub article-extraction benchmark (English pages): positive =
  `non_body`, negative = `article` (derived labels, see its README), on the
  html-text lines (the whole visible page) and the trafilatura output lines.

Usage: python bench/eval_boilerplate.py [--show-fp N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from lint.engine import Linter
from lint.packs import builtin_rules_dir, load_pack

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "web_boilerplate"
MEASURED = (
    "scrape.boilerplate",
    "scrape.icon-residue",
    "scrape.markup",
    "scrape.photo-credit",
    "scrape.caption-lead",
    "scrape.menu-block",
)


def linter() -> Linter:
    rules = [r for r in load_pack(builtin_rules_dir() / "scrape.yaml").rules if r.id in MEASURED]
    return Linter(rules)


def flagged_lines(lint: Linter, lines: list[str]) -> dict[int, str]:
    """0-based line index -> rule id of the first finding on it (a finding
    over several lines, such as a menu block, flags each of them)."""
    hits: dict[int, str] = {}
    for f in lint.check_text("\n".join(lines), path="page.txt"):
        for line in range(f.line, f.end_line + 1):
            hits.setdefault(line - 1, f.rule)
    return hits


def score(pages, positive: str, negative: str, lint: Linter, show_fp: int, name: str) -> None:
    tp = fp = fn = tn = 0
    per_rule: dict[str, list[int]] = {}
    shown = 0
    for page in pages:
        texts = [t for t, _ in page]
        hits = flagged_lines(lint, texts)
        for i, (text, label) in enumerate(page):
            if label not in (positive, negative):
                continue
            pred = i in hits
            if pred:
                per_rule.setdefault(hits[i], [0, 0])[label == negative] += 1
            if pred and label == positive:
                tp += 1
            elif pred:
                fp += 1
                if shown < show_fp:
                    shown += 1
                    print(f"  FP {hits[i]}: {text[:110]!r}", file=sys.stderr)
            elif label == positive:
                fn += 1
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    print(
        f"{name}: {positive} lines {tp + fn}, {negative} lines {fp + tn}; "
        f"flagged {tp + fp}: precision {precision:.3f}, recall {recall:.3f}"
    )
    for rule, (good, bad) in sorted(per_rule.items()):
        print(f"    {rule}: {good} {positive}, {bad} {negative}")


def density(hub: list[dict]) -> None:
    """Findings per 1,000 words at warning+ from all of issue 4's rules: the
    human-extracted article bodies (clean) against the whole visible page."""
    rules = [r for r in load_pack(builtin_rules_dir() / "scrape.yaml").rules]
    quality = load_pack(builtin_rules_dir() / "quality.yaml").rules
    rules += [r for r in quality if r.id.startswith(("quality.fragment", "quality.doc-"))]
    lint = Linter(rules)
    for name, texts in (
        ("gold_article_body", [r["gold_article_body"] for r in hub]),
        ("html_text", ["\n".join(t for t, _ in r["html_text_lines"]) for r in hub]),
    ):
        words = sum(len(t.split()) for t in texts)
        per_rule: dict[str, int] = {}
        for text in texts:
            for f in lint.check_text(text, path="page.txt"):
                if f.severity in ("error", "warning"):
                    per_rule[f.rule] = per_rule.get(f.rule, 0) + 1
        total = sum(per_rule.values())
        print(f"scrapinghub {name}: {words} words, {1000 * total / words:.2f} findings per 1,000")
        print(f"    {dict(sorted(per_rule.items(), key=lambda kv: -kv[1]))}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-fp", type=int, default=0)
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"no eval data at {EVAL}")
    lint = linter()
    with gzip.open(EVAL / "trafilatura_english_pages_fulltext.jsonl.gz", "rt") as fh:
        traf = [[(t, lab) for t, lab in json.loads(line)["lines"]] for line in fh]
    score(traf, "boilerplate", "must_keep", lint, args.show_fp, "trafilatura eval (human labels)")
    with gzip.open(EVAL / "scrapinghub_aeb.jsonl.gz", "rt") as fh:
        hub = [json.loads(line) for line in fh]
    hub = [r for r in hub if r["likely_english"]]
    for field in ("html_text_lines", "trafilatura_lines"):
        pages = [[(t, lab) for t, lab in r[field]] for r in hub]
        score(pages, "non_body", "article", lint, args.show_fp, f"scrapinghub {field}")
    density(hub)


if __name__ == "__main__":
    main()
