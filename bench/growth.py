"""Is every rule linear in document size? Per-MB time on one 1 MB document
against the same text as 10 KB documents, rule by rule (issue 20, item 2).

    python -m bench.growth                 # 1 MB against 10 KB, every default rule
    python -m bench.growth --mb 0.5 --top 0

The text is real news and MT output (bench/corpus.py), joined paragraph by
paragraph into one document of about `--mb` MB (below lint.segments'
SEGMENT_CHARS, so it is checked as one document), and the same paragraphs cut
into documents of about `--small-kb` KB. Each rule runs as the engine runs it
(a fresh Document per pass, the rules in pack order, each rule paying for the
shared indexes it is the first to ask for); a rule's figure is the least of
`--repeat` passes. The ratio is the big document's seconds over the small
documents' seconds: 1.0 is linear, above 1 grows faster than the text. The
issue's bound is 1.3x. Also printed: the fixed cost of an empty and of a
one-sentence document in all default rules (item 1; bench.fixed_cost).

This is a printout, not a timed test: the machine is shared and noisy, and
tests/test_growth.py counts operations instead.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import documents  # noqa: E402

BOUND = 1.3


def paragraphs(megabytes: float) -> list[str]:
    """Paragraphs of real documents, in corpus order, about `megabytes` MB of them."""
    out, size = [], 0
    for doc in documents():
        for para in doc.split("\n\n"):
            para = para.strip()
            if not para:
                continue
            out.append(para)
            size += len(para.encode()) + 2
            if size >= megabytes * 1_000_000:
                return out
    return out


def split_into(paras: list[str], chars: int) -> list[str]:
    """The paragraphs as documents of about `chars` characters each."""
    docs, current, size = [], [], 0
    for para in paras:
        current.append(para)
        size += len(para) + 2
        if size >= chars:
            docs.append("\n\n".join(current) + "\n")
            current, size = [], 0
    if current:
        docs.append("\n\n".join(current) + "\n")
    return docs


def linter():
    from lint.config import Config
    from lint.rulebook import linter_for

    return linter_for(Config())


SHARED = "(shared: document indexes, prefilter scan)"


def shared_indexes(doc) -> None:
    """Build what many rules share, so that no rule is charged for it: the
    document's lines, paragraphs, sentences and words, the prefilter's one
    pass over the text for every rule's literals (lint.patterns), and the
    lines in another language (which the engine finds as soon as an English
    rule has a finding, to drop those on such lines)."""
    from lint.language import foreign_lines
    from lint.patterns import prefilter_scan

    foreign_lines(doc)  # the engine's, for any document with a finding
    for name in ("line_starts", "lines", "paragraphs", "sentences", "word_texts"):
        getattr(doc, name)
    doc.word_count  # noqa: B018 - a cached property, built here
    prefilter_scan(doc.text)


def time_rules(lint, texts: list[str]) -> dict[str, float]:
    """Seconds per rule over `texts`, each a fresh Document, as the engine runs
    them, after the indexes they share (timed on their own line)."""
    from lint.document import Document
    from lint.patterns import start_budget, stop_budget

    plan = lint.plan()
    totals = dict.fromkeys((rule.id for rule, *_ in plan), 0.0)
    totals[SHARED] = 0.0
    clock = time.perf_counter
    gc.collect()
    gc.disable()  # a full collection lands on whichever rule is running: noise
    try:
        for text in texts:
            tick = clock()
            doc = Document(text, "x")
            shared_indexes(doc)
            totals[SHARED] += clock() - tick
            for rule, compiled, check, collect, _neutral in plan:
                start_budget(1e9)
                tick = clock()
                for _ in check(doc, compiled):
                    pass
                if collect is not None:
                    collect(doc, compiled)
                totals[rule.id] += clock() - tick
    finally:
        stop_budget()
        gc.enable()
    return totals


def least(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: min(run[key] for run in runs) for key in runs[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.growth", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--mb", type=float, default=1.0, help="size of the big document (MB)")
    parser.add_argument("--small-kb", type=float, default=10.0, help="size of the small ones (KB)")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the least time counts")
    parser.add_argument("--top", type=int, default=0, help="print only the N largest ratios")
    parser.add_argument("--rule", action="append", default=[], help="only these rule ids")
    args = parser.parse_args(argv)

    from lint.segments import SEGMENT_CHARS

    paras = paragraphs(args.mb)
    big = "\n\n".join(paras) + "\n"
    if len(big) > SEGMENT_CHARS:
        parser.error(f"{len(big)} characters: above one segment ({SEGMENT_CHARS})")
    small = split_into(paras, int(args.small_kb * 1000))
    lint = linter()
    if args.rule:
        from lint.engine import Linter

        lint = Linter(r for r in lint.rules if r.id in set(args.rule))
    time_rules(lint, small[:20])  # load lexicons and tables outside the timing
    big_runs, small_runs = [], []
    for _ in range(args.repeat):  # interleaved, so a noisy spell hits both sides
        big_runs.append(time_rules(lint, [big]))
        small_runs.append(time_rules(lint, small))
    big_s, small_s = least(big_runs), least(small_runs)
    mb = len(big.encode()) / 1e6
    print(
        f"one document of {mb:.2f} MB against {len(small)} documents of ~{args.small_kb:g} KB "
        f"(same text); least of {args.repeat} passes"
    )
    rows = sorted(big_s, key=lambda r: -(big_s[r] / max(small_s[r], 1e-9)))
    print(f"{'rule':<36} {'1 doc s/MB':>10} {'small s/MB':>10} {'ratio':>7}")
    over = []
    for index, rule_id in enumerate(rows):
        ratio = big_s[rule_id] / max(small_s[rule_id], 1e-9)
        flag = ""
        # Below a millisecond per MB on both sides the ratio is noise.
        if ratio > BOUND and big_s[rule_id] / mb > 0.001:
            flag = "  over"
            over.append(rule_id)
        if args.top and index >= args.top:
            continue
        print(
            f"{rule_id:<36} {big_s[rule_id] / mb:10.4f} {small_s[rule_id] / mb:10.4f} "
            f"{ratio:6.2f}x{flag}"
        )
    total_big, total_small = sum(big_s.values()), sum(small_s.values())
    print(
        f"{'all rules':<36} {total_big / mb:10.4f} {total_small / mb:10.4f} "
        f"{total_big / total_small:6.2f}x"
    )
    print(f"rules above {BOUND}x: {len(over)}" + (f" ({', '.join(over)})" if over else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
