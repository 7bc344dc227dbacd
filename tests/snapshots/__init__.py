"""Snapshots of newslint's full JSON report, checked in and compared exactly.

Each case is a `newslint check --format json` run of the real CLI from the
repository root, on the seeds, on the documents written for each pack
(tests/data/packs/<pack>/, every rule of the pack at work at least once) and on
the in-the-wild mojibake cases. A change to any finding, position, message or
summary figure shows up as a diff of a file in tests/snapshots/ in review, as
ruff's snapshot tests (insta) do. When the change is intended, write the new
snapshots and commit them with it:

    python -m tests.snapshots --update            # every case
    python -m tests.snapshots --update seeds      # some
    NEWSLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACK_DOCUMENTS = "tests/data/packs"
MOJIBAKE_CASES = "tests/data/mojibake_cases.jsonl"
UPDATE_ENV = "NEWSLINT_UPDATE_SNAPSHOTS"
UPDATE_COMMAND = "python -m tests.snapshots --update"

# The same for every case: no configuration but the built-in packs, no result
# cache, one process, and findings never decide the exit code.
COMMON = ("check", "--isolated", "--no-cache", "--no-progress", "--exit-zero", "-j", "1")
COMMON += ("--format", "json")
PACKS = ("consistency", "misinfo", "mt", "names", "narratives", "numbers", "quality", "scrape")

CASES: dict[str, tuple[str, ...]] = {
    "seeds": ("seeds",),
    # Every pack's documents under every default rule: how the packs meet.
    "packs-all-rules": (PACK_DOCUMENTS,),
    **{f"pack-{pack}": ("--select", pack, f"{PACK_DOCUMENTS}/{pack}") for pack in PACKS},
    # ftfy's in-the-wild mojibake and the correct texts beside them, as JSON Lines.
    "mojibake-cases": ("--select", "mt", "--jsonl-field", "text", MOJIBAKE_CASES),
}


def snapshot_path(name: str) -> Path:
    return HERE / f"{name}.json"


def render(name: str, attempts: int = 3) -> str:
    """The JSON report of case `name`. A run in which a rule ran out of its time
    budget (a loaded machine) is tried again: that is not a change of findings."""
    for _ in range(attempts):
        proc = subprocess.run(
            [sys.executable, "-m", "lint", *COMMON, *CASES[name]],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        if proc.returncode != 0:
            raise RuntimeError(f"snapshot {name}: newslint exited {proc.returncode}: {proc.stderr}")
        if not json.loads(proc.stdout)["summary"]["rule_failures"]:
            break
    return proc.stdout


def difference(name: str, expected: str, actual: str) -> str:
    """A unified diff of the stored snapshot against this run's output."""
    shown = snapshot_path(name).relative_to(ROOT)
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"{shown} (stored)",
        tofile=f"{shown} (this run)",
    )
    return "".join(lines)


def update(names: list[str]) -> list[str]:
    """Write the snapshots of `names`; return those that changed."""
    changed = []
    for name in names:
        path = snapshot_path(name)
        text = render(name)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tests.snapshots", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="CASE", help="cases (default: all)")
    parser.add_argument("--update", action="store_true", help="write the snapshots")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - CASES.keys())
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)} (known: {', '.join(sorted(CASES))})")
    names = args.names or sorted(CASES)
    if args.update:
        changed = update(names)
        print(f"{len(changed)} snapshot(s) written: {', '.join(changed) or 'none changed'}")
        return 0
    stale = 0
    for name in names:
        path = snapshot_path(name)
        actual = render(name)
        expected = path.read_text(encoding="utf-8") if path.is_file() else ""
        if actual != expected:
            stale += 1
            print(difference(name, expected, actual))
    print(f"{stale} of {len(names)} snapshot(s) differ" + (f"; {UPDATE_COMMAND}" if stale else ""))
    return 1 if stale else 0


def wants_update() -> bool:
    return os.environ.get(UPDATE_ENV, "") not in ("", "0")
