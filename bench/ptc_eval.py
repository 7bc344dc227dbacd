"""Precision and recall of the loaded-language and name-calling rules on held-out PTC.

Only the held-out articles (ptc_common.is_held_out, ~30%, never used for
mining) are scored. A finding is correct for a technique when its characters
overlap a gold span of that technique; recall is the share of gold spans that
some finding overlaps. Also reports precision against either technique, since
annotators often label the same word as one or the other. The rules report
the author's own voice, not words in quotation marks (someone else's), so
recall is also given for the gold spans that no quotation overlaps.

    python bench/ptc_eval.py [--all]   # --all scores every article (optimistic)
"""

from __future__ import annotations

import argparse

from misinfo_common import misinfo_linter
from ptc_common import TECHNIQUES, is_held_out, load_articles

from lint.document import Document
from lint.speech import quotations

RULES = {"misinfo.loaded-language": "Loaded_Language", "misinfo.name-calling": TECHNIQUES[1]}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    linter = misinfo_linter(tuple(RULES))
    stats = {rule: {"found": 0, "right": 0, "either": 0} for rule in RULES}
    gold_total = {t: 0 for t in TECHNIQUES}
    gold_hit = {t: 0 for t in TECHNIQUES}
    voice_total = {t: 0 for t in TECHNIQUES}  # gold spans outside quotation marks
    voice_hit = {t: 0 for t in TECHNIQUES}
    articles = [a for a in load_articles() if args.all or is_held_out(a["article_id"])]
    for article in articles:
        spans = [s for s in article["spans"] if s["technique"] in TECHNIQUES]
        findings = linter.check_text(article["text"], path=str(article["article_id"]))
        hits = [(f.rule, (f.offset, f.end_offset)) for f in findings]
        for rule, span in hits:
            gold = [s for s in spans if overlaps(span, (s["start"], s["end"]))]
            stats[rule]["found"] += 1
            stats[rule]["right"] += any(s["technique"] == RULES[rule] for s in gold)
            stats[rule]["either"] += bool(gold)
        quoted = quotations(Document(article["text"]))
        for s in spans:
            hit = any(
                r == rule_for and overlaps(span, (s["start"], s["end"]))
                for r, span in hits
                for rule_for in RULES
                if RULES[rule_for] == s["technique"]
            )
            gold_total[s["technique"]] += 1
            gold_hit[s["technique"]] += hit
            if not any(q.start < s["end"] and s["start"] < q.end for q in quoted):
                voice_total[s["technique"]] += 1
                voice_hit[s["technique"]] += hit
    print(f"articles scored: {len(articles)} ({'all' if args.all else 'held-out'})")
    for rule, technique in RULES.items():
        s = stats[rule]
        p = s["right"] / s["found"] if s["found"] else 0.0
        pe = s["either"] / s["found"] if s["found"] else 0.0
        r = gold_hit[technique] / gold_total[technique] if gold_total[technique] else 0.0
        print(
            f"{rule}: findings {s['found']}, precision vs {technique} {p:.2f}, "
            f"vs either technique {pe:.2f}; recall of {technique} spans "
            f"{gold_hit[technique]}/{gold_total[technique]} = {r:.3f}"
        )
        rv = voice_hit[technique] / voice_total[technique] if voice_total[technique] else 0.0
        print(
            f"  outside quotation marks: recall {voice_hit[technique]}/{voice_total[technique]}"
            f" = {rv:.3f}"
        )


if __name__ == "__main__":
    main()
