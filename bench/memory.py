"""Memory and time of one large input, against reading it.

    python bench/memory.py                     # 1, 10 and 50 MB, one line and many lines
    python bench/memory.py --mb 1 10           # some sizes only
    python bench/memory.py --text news         # real news (needs ../shared/eval) instead

For each size and shape, two processes run one after the other on the same file:

- the baseline imports newslint, compiles the default packs and reads and
  decodes the file, and stops there: what any run costs before a rule runs;
- the check is `newslint check` on the file (default packs, no cache, JSON
  report to a file).

Each prints its peak resident memory (from wait4, for that process alone) and
its time; the table gives the check's peak per input byte, the part of it above
the baseline per input byte, seconds per MB, and the check's time over the
baseline's. The synthetic text (bench/big_line.py's, the text of issue 15's
"60 bytes per byte") has a finding every ~46 bytes, far more than news, so
it is the harder case for memory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.big_line import make_line  # noqa: E402

BASELINE = """
import sys
from lint import runner
from lint.rulebook import linter_for
from lint.sources import read_input
linter_for(runner.Runner(runner.Settings(isolated=True)).resolver.for_path("-")).plan()
decoded = read_input(sys.argv[1], limit=1 << 40)
print(len(decoded.text))
"""


def news_text(megabytes: float) -> str:
    """Real news documents, one after another, to the size asked for."""
    from bench.corpus import documents

    docs = documents()
    parts, size, k = [], 0, 0
    while size < megabytes * 1_000_000:
        doc = docs[k % len(docs)]
        parts.append(doc)
        size += len(doc.encode("utf-8")) + 1
        k += 1
    return "\n".join(parts)


def one_line(text: str) -> str:
    return " ".join(text.split())


def many_lines(text: str, every: int = 5) -> str:
    """Sentences grouped into paragraphs of `every`, a blank line between."""
    sentences = text.split(". ")
    return "\n\n".join(". ".join(sentences[i : i + every]) for i in range(0, len(sentences), every))


def measured(command: list[str], env: dict) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024, elapsed, proc.returncode


def row(path: Path, shape: str, env: dict) -> dict:
    size = path.stat().st_size
    base_mb, base_s, _ = measured([sys.executable, "-c", BASELINE, str(path)], env)
    report = path.with_suffix(".json")
    check_mb, check_s, code = measured(
        [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "-q"]
        + ["--no-progress", "--format", "json", "--max-document-size", "1GB"]
        + ["-o", str(report), str(path)],
        env,
    )
    return {
        "shape": shape,
        "mb": size / 1e6,
        "exit": code,
        "peak_mb": check_mb,
        "per_byte": check_mb * 1024 * 1024 / size,
        "above_per_byte": (check_mb - base_mb) * 1024 * 1024 / size,
        "s_per_mb": check_s / (size / 1e6),
        "base_mb": base_mb,
        "base_s": base_s,
        "slowdown": check_s / base_s,
    }


def write_input(path: Path, megabytes: float, text: str, shape: str) -> None:
    body = make_line(megabytes) if text == "synthetic" else news_text(megabytes)
    body = one_line(body) if shape == "one line" else many_lines(body)
    path.write_text(body, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 10, 50])
    parser.add_argument("--text", choices=("synthetic", "news"), default="synthetic")
    parser.add_argument("--write", nargs=2, metavar=("PATH", "SHAPE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:  # in a process of its own (see below)
        write_input(Path(args.write[0]), args.mb[0], args.text, args.write[1])
        return
    print(
        "| input | MB | exit | peak RSS MB | RSS / input byte | above baseline / byte "
        "| s / MB | baseline RSS MB | baseline s | check / baseline time |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        # A cache of compiled packs of this run's own, filled before measuring:
        # compiling them (seconds, 100 MB) is not what is measured.
        env = dict(os.environ, NEWSLINT_CACHE_DIR=str(Path(folder) / "cache"))
        warm = Path(folder) / "warm.txt"
        warm.write_text("Missiles struck Kiev.\n", encoding="utf-8")
        measured([sys.executable, "-c", BASELINE, str(warm)], env)
        path = Path(folder) / "input.txt"
        for megabytes in args.mb:
            for shape in ("one line", "many lines"):
                # Written by another process: Linux counts in a child's peak RSS
                # what it had when forked, so this process stays small.
                subprocess.run(
                    [sys.executable, __file__, "--mb", str(megabytes), "--text", args.text]
                    + ["--write", str(path), shape],
                    check=True,
                )
                r = row(path, shape, env)
                print(
                    f"| {args.text}, {r['shape']} | {r['mb']:.1f} | {r['exit']} | "
                    f"{r['peak_mb']:.0f} | {r['per_byte']:.1f} | {r['above_per_byte']:.1f} | "
                    f"{r['s_per_mb']:.2f} | {r['base_mb']:.0f} | {r['base_s']:.2f} | "
                    f"{r['slowdown']:.1f}x |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
