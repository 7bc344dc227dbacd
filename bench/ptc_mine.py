"""Mine candidate loaded-language and name-calling terms from the PTC mining split.

For every lowercased word and two-word phrase that occurs at least MIN_COUNT
times in the mining articles, count how often an occurrence overlaps a span of
each technique. Prints candidates with their precision (share of occurrences
inside a span) so that a person can curate the lexicons in rules/. Held-out
articles (see ptc_common.is_held_out) are never read here.

    python bench/ptc_mine.py [--min-count 3] [--min-precision 0.5]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from ptc_common import TECHNIQUES, is_held_out, load_articles

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def covered(spans: list[dict], start: int, end: int) -> set[str]:
    return {s["technique"] for s in spans if s["start"] < end and start < s["end"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-precision", type=float, default=0.5)
    args = parser.parse_args()
    total: Counter[str] = Counter()
    hits: dict[str, Counter[str]] = {t: Counter() for t in TECHNIQUES}
    for article in load_articles():
        if is_held_out(article["article_id"]):
            continue
        text, spans = article["text"], article["spans"]
        words = list(WORD.finditer(text))
        grams = [(w.group().lower(), w.start(), w.end()) for w in words]
        grams += [
            (f"{a.group().lower()} {b.group().lower()}", a.start(), b.end())
            for a, b in zip(words, words[1:], strict=False)
            if text[a.end() : b.start()] == " "
        ]
        for term, start, end in grams:
            total[term] += 1
            inside = covered(spans, start, end) & set(TECHNIQUES)
            if inside:
                # Credit one technique per occurrence (name-calling wins a tie).
                hits[sorted(inside, reverse=True)[0]][term] += 1
    rows = []
    for term, n in total.items():
        if n < args.min_count:
            continue
        best = max(TECHNIQUES, key=lambda t: hits[t][term])
        either = hits[TECHNIQUES[0]][term] + hits[TECHNIQUES[1]][term]
        if either / n >= args.min_precision:
            rows.append((either / n, n, term, best[:4]))
    for precision, n, term, technique in sorted(rows, reverse=True):
        print(f"{precision:.2f}\t{n}\t{technique}\t{term}")


if __name__ == "__main__":
    main()
