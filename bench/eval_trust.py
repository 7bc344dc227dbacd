"""Can newslint be trusted as a gate? Every figure of issue 16 in one run.

1. Quiet on clean text: findings at warning and above per 1,000 words, every
   default pack, on original English text, each set on its own:
   - `clean_en_news`, grouped as ../shared/tools/trust.py groups it (one
     document per doc_id, a sentence a paragraph);
   - the ScrapingHub gold article bodies (English pages);
   - the trafilatura English pages, the lines humans marked must-keep (the
     article), a line a paragraph.
2. Loud on machine translation: the same density on the WMT22/23 ru/uk-en
   system outputs against the human references of the same segments
   (`mt_ruuk_en`), in both layouts (a segment a paragraph, a segment a line),
   pooled, per rule and per system, and Kendall's tau between each WMT22
   system's density and its mean DA z-score (higher density should go with
   lower DA: tau < 0).
3. Precision: 40 warning+ findings on MT output drawn with a fixed seed,
   printed with their line for reading, and every finding on the references
   (a reference's own defects, such as "mln" or an untranslated run, are real).
4. The seed documents' score (../shared/tools/score.py).

Run from the repository root: `python bench/eval_trust.py [--show-clean] [--sample N]`.
Documents are written under bench/out/trust/ and checked by the `newslint`
command (`-j 2`, no cache), so what is measured is what a user runs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
OUT = ROOT / "bench" / "out" / "trust"
WORD = re.compile(r"\w+(?:[-'’]\w+)*")  # as ../shared/tools/trust.py counts words
SERIOUS = ("warning", "error")
SAMPLE_SEED = 16


def read_jsonl(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


# --- the sets ----------------------------------------------------------------


def clean_news() -> dict[str, list[str]]:
    docs: dict[str, list[str]] = defaultdict(list)
    for r in read_jsonl(EVAL / "clean_en_news" / "clean_en_news.jsonl.gz"):
        docs[str(r.get("doc_id") or r.get("set"))].append(r["text"])
    return docs


def scrapinghub_bodies() -> dict[str, list[str]]:
    docs = {}
    for r in read_jsonl(EVAL / "web_boilerplate" / "scrapinghub_aeb.jsonl.gz"):
        body = r.get("gold_article_body") or ""
        if r.get("likely_english") and body.strip():
            docs[r["id"]] = [p.strip() for p in body.split("\n") if p.strip()]
    return docs


def trafilatura_articles() -> dict[str, list[str]]:
    docs = {}
    for i, r in enumerate(
        read_jsonl(EVAL / "web_boilerplate" / "trafilatura_english_pages_fulltext.jsonl.gz")
    ):
        lines = [line.strip() for line, label in r.get("lines", []) if label == "must_keep"]
        if lines:
            docs[f"{i:03d}"] = lines
    return docs


def mt_and_references() -> tuple[dict[str, list[str]], dict[str, list[str]], dict]:
    """MT documents (doc.system), reference documents (doc), and per system
    its WMT22 DA z-scores."""
    mt: dict[str, list[str]] = defaultdict(list)
    ref: dict[str, list[str]] = defaultdict(list)
    da: dict[str, list[float]] = defaultdict(list)
    for r in read_jsonl(EVAL / "mt_ruuk_en" / "mt_ruuk_en.jsonl.gz"):
        doc = f"{r['testset']}.{r['lp']}.{r['doc_id']}"
        if r.get("reference"):
            ref[doc].append(r["reference"])
        for system, hyp in (r.get("hyps") or {}).items():
            if hyp:
                mt[f"{doc}.{system}"].append(hyp)
        for system, score in (r.get("da_seg") or {}).items():
            if score and score.get("z") is not None:
                da[f"{r['testset']}.{r['lp']}.{system}"].append(score["z"])
    return mt, ref, da


# --- running newslint ----------------------------------------------------------


def write(folder: Path, docs: dict[str, list[str]], separator: str) -> dict[str, tuple[str, int]]:
    """Each document as a file; file name -> (document key, words)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    names = {}
    for i, (key, segments) in enumerate(sorted(docs.items())):
        text = separator.join(segments) + "\n"
        name = f"{i:05d}_" + re.sub(r"[^\w.-]", "_", key)[:80] + ".txt"
        (folder / name).write_text(text, encoding="utf-8")
        names[name] = (key, len(WORD.findall(text)))
    return names


def lint(folder: Path) -> list[dict]:
    newslint = shutil.which("newslint") or str(Path(sys.executable).parent / "newslint")
    cmd = [newslint, "check", "--format", "json", "--exit-zero", "--isolated", "--no-cache"]
    cmd += ["-q", "--no-progress", "-j", "2", str(folder)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"newslint failed ({done.returncode}): {done.stderr[:500]}")
    return json.loads(done.stdout)["findings"]


class Measured:
    """Findings on one set of documents written in one layout."""

    def __init__(self, name: str, docs: dict[str, list[str]], separator: str):
        self.folder = OUT / name
        self.names = write(self.folder, docs, separator)
        self.words = sum(words for _, words in self.names.values())
        self.findings = lint(self.folder)
        self.serious = [f for f in self.findings if f["severity"] in SERIOUS]

    def key(self, finding: dict) -> str:
        return self.names[Path(finding["path"]).name][0]

    def density(self, findings: list[dict] | None = None) -> float:
        found = self.serious if findings is None else findings
        return 1000 * len(found) / self.words if self.words else 0.0

    def line_of(self, finding: dict) -> str:
        lines = Path(finding["path"]).read_text(encoding="utf-8").splitlines()
        return lines[finding["line"] - 1] if finding["line"] <= len(lines) else ""


def by_rule(findings: list[dict]) -> str:
    return ", ".join(f"{r} {n}" for r, n in Counter(f["rule"] for f in findings).most_common())


def shown(measured: Measured, finding: dict, width: int = 90) -> str:
    line = measured.line_of(finding)
    col = finding["column"] - 1
    start = max(0, col - width // 2)
    snippet = line[start : start + width].replace("\n", " ")
    return (
        f"  {finding['severity'][0].upper()} {finding['rule']} "
        f"{measured.key(finding)}:{finding['line']}:{finding['column']} "
        f"[{line[col : col + max(1, finding['end_column'] - finding['column'])][:40]}] | {snippet}"
    )


def system_of(key: str) -> str:
    """'wmt22-general.ru-en.kp.96053.Online-B' -> 'wmt22-general.ru-en.Online-B'."""
    testset, lp, _ = key.split(".", 2)
    return f"{testset}.{lp}.{key.rsplit('.', 1)[1]}"


def kendall_tau(xs: list[float], ys: list[float]) -> float:
    """Kendall's tau-a (few points, no ties expected)."""
    concordant = discordant = 0
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            s = (xs[i] - xs[j]) * (ys[i] - ys[j])
            concordant += s > 0
            discordant += s < 0
    pairs = len(xs) * (len(xs) - 1) / 2
    return (concordant - discordant) / pairs if pairs else 0.0


# --- the report ----------------------------------------------------------------


def quiet(show: bool) -> None:
    print("== 1. Clean original English: warning+ findings per 1,000 words (goal <= 0.3)")
    sets = {
        "clean_en_news": clean_news(),
        "scrapinghub_bodies": scrapinghub_bodies(),
        "trafilatura_articles": trafilatura_articles(),
    }
    for name, docs in sets.items():
        m = Measured(name, docs, "\n\n")
        print(
            f"{name}: {len(docs)} documents, {m.words} words, {len(m.serious)} findings = "
            f"{m.density():.3f} per 1,000 words"
        )
        if m.serious:
            print(f"  by rule: {by_rule(m.serious)}")
        if show:
            for f in m.serious:
                print(shown(m, f))


def loud(sample: int) -> None:
    print("\n== 2. MT against the human references of the same segments (goal >= 3x)")
    mt_docs, ref_docs, da = mt_and_references()
    for layout, separator in (("para", "\n\n"), ("lines", "\n")):
        mt = Measured(f"mt-{layout}", mt_docs, separator)
        ref = Measured(f"ref-{layout}", ref_docs, separator)
        ratio = mt.density() / ref.density() if ref.density() else float("inf")
        print(
            f"{layout}: MT {mt.density():.2f} ({len(mt.serious)} in {mt.words} words) vs reference "
            f"{ref.density():.2f} ({len(ref.serious)} in {ref.words} words) = {ratio:.2f}x"
        )
        if layout != "para":
            continue
        mt_rules = Counter(f["rule"] for f in mt.serious)
        ref_rules = Counter(f["rule"] for f in ref.serious)
        print("  per rule, per 1,000 words, MT / reference:")
        for rule in sorted(set(mt_rules) | set(ref_rules), key=lambda r: -mt_rules[r]):
            print(
                f"    {rule}: {1000 * mt_rules[rule] / mt.words:.3f} / "
                f"{1000 * ref_rules[rule] / ref.words:.3f}"
            )
        systems: dict[str, list] = defaultdict(lambda: [0, 0])  # system -> [findings, words]
        for key, words in mt.names.values():
            systems[system_of(key)][1] += words
        for f in mt.serious:
            systems[system_of(mt.key(f))][0] += 1
        print("  per system (findings per 1,000 words; WMT22 mean DA z):")
        xs, ys = [], []
        for system, (count, words) in sorted(systems.items()):
            z = da.get(system)
            mean_z = sum(z) / len(z) if z else None
            density = 1000 * count / words
            print(f"    {system}: {density:.2f}" + (f" (DA z {mean_z:+.3f})" if z else ""))
            if z:
                xs.append(density)
                ys.append(mean_z)
        tau = kendall_tau(xs, ys)
        print(f"  Kendall tau, density against DA z, {len(xs)} WMT22 systems: {tau:+.2f}")
        print(f"\n  the references' own findings ({len(ref.serious)}), to read: are they real?")
        for f in ref.serious:
            print(shown(ref, f))
        chosen = random.Random(SAMPLE_SEED).sample(mt.serious, min(sample, len(mt.serious)))
        print(f"\n  {len(chosen)} warning+ findings on MT drawn with seed {SAMPLE_SEED}, to read:")
        for f in sorted(chosen, key=lambda f: (f["rule"], f["path"])):
            print(shown(mt, f))


def seeds() -> None:
    print("\n== 4. Seed documents")
    newslint = shutil.which("newslint") or str(Path(sys.executable).parent / "newslint")
    report = OUT / "seeds.json"
    with open(report, "w") as fh:
        subprocess.run(
            [
                newslint,
                "check",
                "--format",
                "json",
                "--exit-zero",
                "--isolated",
                "--no-cache",
                "-q",
                "--no-progress",
                str(SHARED / "seeds"),
            ],
            stdout=fh,
        )
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score.py"),
            "--gold",
            str(SHARED / "seeds" / "expected.yaml"),
            "--texts",
            str(SHARED / "seeds"),
            str(report),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-clean", action="store_true", help="list every clean-text finding")
    parser.add_argument("--sample", type=int, default=40, help="MT findings to draw for reading")
    parser.add_argument("--only", choices=("quiet", "loud", "seeds"), help="one part only")
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"no evaluation data at {EVAL}")
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("NEWSLINT_NO_CACHE", "1")
    if args.only in (None, "quiet"):
        quiet(args.show_clean)
    if args.only in (None, "loud"):
        loud(args.sample)
    if args.only in (None, "seeds"):
        seeds()


if __name__ == "__main__":
    main()
