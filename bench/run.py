"""newslint's speed against its peers, in one run.

    python -m bench                          # 1, 10 and 100 MB + 10,000 small files
    python -m bench --sizes 1,10 --small 0   # quicker
    python -m bench --sizes 1 --markdown     # also print the README table

For each corpus (bench/corpus.py: real news and MT text, whole documents, one
per file) it runs, each in a fresh child process:

- `newslint check` with all default packs, one process and `-j 2` (the result
  cache off): wall time, MB/s, peak RSS of the child (os.wait4; with -j the
  largest process);
- `proselint check` on the same files (on a sample of at most
  `--proselint-mb` MB when the corpus is larger: it is slow, and MB/s is
  what is compared);
- the floor: one Aho-Corasick pass over newslint's own lexicons (bench/floor.py);

then start-up on one small file (cold and warm pack cache), the time of each
rule kind on the first corpus, the fixed cost of a document (bench.fixed_cost;
bench.growth is run on its own), and, when Dask is installed, the throughput of
`lint.integrations.dask` with 1 and 2 worker processes. Figures go to stdout
and to bench/out/results.json and results.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.corpus import OUT, ROOT, documents, sized_corpus, small_files_corpus

SMALL_FILE = ROOT / "seeds" / "000_744cba33126f6084.txt"


def measure(
    cmd: list[str], env: dict[str, str] | None = None, cwd: str | Path | None = None
) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB of the child or its largest descendant, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {stderr[-2000:]!r}")
    return wall, usage.ru_maxrss / 1024, proc.returncode


def _cli_supports(flag: str) -> bool:
    out = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--help"], capture_output=True, text=True
    ).stdout
    return flag in out


def newslint_cmd(folder: Path, jobs: int, report: Path) -> list[str]:
    cmd = [sys.executable, "-m", "lint", "check", "--isolated", "--exit-zero", "-q"]
    cmd += ["--format", "json-lines", "-o", str(report), "-j", str(jobs)]
    if _cli_supports("--no-cache"):
        cmd.append("--no-cache")
    if _cli_supports("--no-progress"):
        cmd.append("--no-progress")
    return cmd + [str(folder)]


def proselint_sample(folder: Path, max_bytes: int) -> tuple[Path, int, int]:
    """The folder itself when small enough, else a sibling folder of its first
    files (hard links) up to `max_bytes`."""
    files = sorted(folder.rglob("*.txt"))
    total = sum(p.stat().st_size for p in files)
    if total <= max_bytes:
        return folder, len(files), total
    sample = folder.with_name(folder.name + f"-sample{max_bytes // 1_000_000}mb")
    chosen, size = [], 0
    for path in files:
        if size >= max_bytes:
            break
        chosen.append(path)
        size += path.stat().st_size
    if not (sample / "READY").exists():
        sample.mkdir(exist_ok=True)
        for index, path in enumerate(chosen):
            target = sample / f"{index:07d}.txt"
            if not target.exists():
                os.link(path, target)
        (sample / "READY").write_text("done\n")
    return sample, len(chosen), size


def floor(folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "floor.py"), str(folder)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    files, size, matches, phrases, build, scan = out
    return {
        "files": int(files),
        "bytes": int(size),
        "matches": int(matches),
        "phrases": int(phrases),
        "build_s": float(build),
        "scan_s": float(scan),
        "mb_s": int(size) / 1e6 / float(scan),
    }


def bench_corpus(name: str, folder: Path, files: int, size: int, args) -> dict:
    mb = size / 1e6
    row: dict = {"corpus": name, "files": files, "mb": round(mb, 2)}
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in args.jobs:
            wall, rss, _ = measure(newslint_cmd(folder, jobs, Path(tmp) / "out.jsonl"))
            row[f"j{jobs}"] = {"s": round(wall, 2), "mb_s": round(mb / wall, 3), "rss_mb": rss}
            print(f"  newslint -j {jobs}: {wall:.1f} s, {mb / wall:.2f} MB/s, peak {rss:.0f} MB")
    if args.proselint_mb > 0:
        sample, sample_files, sample_bytes = proselint_sample(
            folder, int(args.proselint_mb * 1_000_000)
        )
        cmd = [sys.executable, "-m", "proselint", "--output-format", "json", "check", str(sample)]
        wall, rss, _ = measure(cmd)
        row["proselint"] = {
            "s": round(wall, 2),
            "mb": round(sample_bytes / 1e6, 2),
            "files": sample_files,
            "mb_s": round(sample_bytes / 1e6 / wall, 3),
            "rss_mb": rss,
        }
        print(f"  proselint on {sample_bytes / 1e6:.1f} MB: {wall:.1f} s, peak {rss:.0f} MB")
    row["floor"] = floor(folder)
    print(f"  Aho-Corasick floor: {row['floor']['mb_s']:.2f} MB/s")
    return row


def startup(runs: int = 7) -> dict:
    """Seconds to lint one small file through the CLI (to its last, so also its
    first, finding), medians: a real check with the pack cache warm; the same
    with an empty pack cache; an unchanged file answered by the result cache;
    and `python -c pass`, the floor, measured alongside."""
    base = [sys.executable, "-m", "lint", "check", "--isolated", "-q"]
    check = base + ["--no-cache", str(SMALL_FILE)]
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as work:
        env = {"NEWSLINT_CACHE_DIR": cache}
        cold, _, _ = measure(check, env)
        small = Path(work) / SMALL_FILE.name
        small.write_bytes(SMALL_FILE.read_bytes())
        hit_cmd = base + [small.name]  # its results cached in <cache>/results
        warm, hit, floor = [], [], []
        measure(hit_cmd, env, cwd=work)  # fill the result cache
        for _ in range(runs):
            warm.append(measure(check, env)[0])
            hit.append(measure(hit_cmd, env, cwd=work)[0])
            floor.append(measure([sys.executable, "-c", "pass"])[0])
    return {
        "cold_s": round(cold, 3),
        "warm_s": round(statistics.median(warm), 3),
        "result_cache_s": round(statistics.median(hit), 3),
        "python_s": round(statistics.median(floor), 3),
    }


def per_kind(folder: Path, limit_bytes: int = 1_000_000) -> dict:
    """Seconds per rule kind and per rule over the first `limit_bytes` of a corpus,
    in this process (after one warm-up document, so one-time loading is excluded)."""
    sys.path.insert(0, str(ROOT))
    from lint.config import Config
    from lint.document import Document
    from lint.kinds import load_kind
    from lint.kinds.base import BatchKind
    from lint.rulebook import linter_for

    linter = linter_for(Config())
    texts, size = [], 0
    for path in sorted(folder.rglob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
        size += len(texts[-1].encode())
        if size >= limit_bytes:
            break
    linter.check_document(Document(texts[0], "warm-up"))
    by_rule: Counter[str] = Counter()
    kinds = {rule.id: rule.kind for rule in linter.rules}
    started = time.perf_counter()
    for text in texts:
        doc = Document(text, "x")
        for rule in linter.rules:
            kind = load_kind(rule.kind)
            tick = time.perf_counter()
            for _ in kind.check(doc, rule.compiled):
                pass
            if isinstance(kind, BatchKind):
                kind.collect(doc, rule.compiled)
            by_rule[rule.id] += time.perf_counter() - tick
    total = time.perf_counter() - started
    by_kind: Counter[str] = Counter()
    for rule_id, seconds in by_rule.items():
        by_kind[kinds[rule_id]] += seconds
    return {
        "mb": round(size / 1e6, 2),
        "total_s": round(total, 2),
        "kinds": {k: round(v, 3) for k, v in by_kind.most_common()},
        "rules": {k: round(v, 3) for k, v in by_rule.most_common(10)},
    }


def fixed_cost() -> list[str]:
    """bench.fixed_cost's totals (an empty and a one-sentence document through
    all default rules, and a no-op dispatch), in a child process."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.fixed_cost", "--top", "0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def dask_scaling(folder: Path, workers: list[int]) -> list[dict] | None:
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        return None
    rows = []
    for n in workers:
        out = subprocess.run(
            [sys.executable, "-m", "bench.dask_scale", str(folder), str(n)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if out.returncode != 0:
            print(f"  dask with {n} worker(s) failed: {out.stderr[-800:]}")
            continue
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"  dask, {n} worker(s): {rows[-1]['s']:.1f} s, {rows[-1]['mb_s']:.2f} MB/s")
    return rows


def markdown(results: dict) -> str:
    lines = [
        "| corpus | files | MB | newslint -j 1 MB/s | peak RSS | -j 2 MB/s | -j 2 / -j 1 "
        "| proselint MB/s | newslint / proselint | Aho-Corasick floor MB/s | newslint / floor |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results["corpora"]:
        one, two = row.get("j1"), row.get("j2")
        prose, fl = row.get("proselint"), row["floor"]
        cells = [
            row["corpus"],
            f"{row['files']:,}",
            f"{row['mb']:g}",
            f"{one['mb_s']:.2f}" if one else "",
            f"{one['rss_mb']:.0f} MB" if one else "",
            f"{two['mb_s']:.2f}" if two else "",
            f"{two['mb_s'] / one['mb_s']:.2f}×" if one and two else "",
            f"{prose['mb_s']:.2f}" if prose else "",
            f"{one['mb_s'] / prose['mb_s']:.1f}×" if one and prose else "",
            f"{fl['mb_s']:.1f}",
            f"{one['mb_s'] / fl['mb_s']:.3f}×" if one else "",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    s = results.get("startup")
    if s:
        lines.append("")
        lines.append(
            f"Start-up to the findings of one small file (all default packs): "
            f"{s['warm_s'] * 1000:.0f} ms, {s['warm_s'] / s['python_s']:.1f}× a bare "
            f"`python -c pass` ({s['python_s'] * 1000:.0f} ms) in the same run; "
            f"{s['result_cache_s'] * 1000:.0f} ms when the file is unchanged (result cache); "
            f"{s['cold_s'] * 1000:.0f} ms with an empty pack cache (first run after install)."
        )
    k = results.get("per_kind")
    if k:
        top = ", ".join(f"{name} {sec:.2f} s" for name, sec in list(k["kinds"].items())[:8])
        lines.append(f"Time per rule kind on {k['mb']} MB ({k['total_s']} s in all): {top}.")
    f = results.get("fixed_cost")
    if f:
        lines.append("Fixed cost per document (bench.fixed_cost): " + "; ".join(f) + ".")
    d = results.get("dask")
    if d:
        parts = [f"{r['workers']} worker(s) {r['mb_s']:.2f} MB/s" for r in d]
        lines.append(f"Dask on {d[0]['mb']} MB: " + ", ".join(parts) + ".")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="corpus sizes in MB (default 1,10,100)")
    parser.add_argument("--small", type=int, default=10000, help="small-file corpus (0: none)")
    parser.add_argument("--jobs", default="1,2", help="newslint -j values (default 1,2)")
    parser.add_argument(
        "--proselint-mb", type=float, default=2, help="proselint sample cap in MB (0: skip)"
    )
    parser.add_argument("--dask-workers", default="1,2", help="Dask scaling ('' to skip)")
    parser.add_argument("--dask-mb", type=float, default=10, help="corpus size for Dask scaling")
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    args = parser.parse_args(argv)
    args.jobs = [int(j) for j in args.jobs.split(",") if j]
    sizes = [float(s) for s in args.sizes.split(",") if s]

    docs = documents()
    results: dict = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cpus": os.cpu_count(),
        "load": os.getloadavg()[0],
        "corpora": [],
    }
    # Compile the packs into the on-disk cache first: the corpora measure checking.
    measure([sys.executable, "-m", "lint", "check", "--isolated", "-q", str(SMALL_FILE)])
    corpora = [(f"{s:g} MB", *sized_corpus(s, docs)) for s in sizes]
    if args.small:
        corpora.append((f"{args.small:,} small files", *small_files_corpus(args.small, docs)))
    for name, folder, files, size in corpora:
        print(f"{name}: {files} files, {size / 1e6:.1f} MB in {folder.relative_to(ROOT)}")
        results["corpora"].append(bench_corpus(name, folder, files, size, args))
    results["startup"] = startup()
    print(f"start-up on one small file: {results['startup']}")
    if corpora:
        results["per_kind"] = per_kind(corpora[0][1])
        print(f"per rule kind: {results['per_kind']}")
    results["fixed_cost"] = fixed_cost()
    print("fixed cost per document: " + "; ".join(results["fixed_cost"]))
    workers = [int(w) for w in args.dask_workers.split(",") if w]
    if workers:
        folder, _, _ = sized_corpus(args.dask_mb, docs)
        results["dask"] = dask_scaling(folder, workers)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    table = markdown(results)
    (OUT / "results.md").write_text(table)
    if args.markdown:
        print()
        print(table)


if __name__ == "__main__":
    main()
