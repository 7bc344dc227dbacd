"""`--diff-base REV`: keep only findings on lines added or changed since REV.

Lines come from `git diff -U0 REV` (the working tree against the revision);
files git does not track yet are new in full. A JSON Lines record counts as
changed when its line in the file changed.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from lint.finding import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL = None  # every line of the file is new


class GitError(Exception):
    pass


def _git(*args: str, cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8"
        )
    except FileNotFoundError:
        raise GitError("--diff-base needs git, which is not installed") from None
    if proc.returncode != 0:
        raise GitError(f"git {' '.join(args)}: {proc.stderr.strip()}")
    return proc.stdout


def changed_lines(rev: str, cwd: Path | None = None) -> tuple[Path, dict[str, set[int] | None]]:
    """(repository root, {path relative to the root: changed line numbers or ALL})."""
    cwd = cwd or Path.cwd()
    try:
        top = Path(_git("rev-parse", "--show-toplevel", cwd=cwd).strip())
    except GitError as exc:
        if "not a git repository" not in str(exc):
            raise
        raise GitError(
            f"--diff-base {rev}: {cwd} is not in a git repository (run newslint from inside one)"
        ) from None
    try:
        _git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}", cwd=top)
    except GitError:
        raise GitError(
            f"--diff-base {rev}: no such revision (a commit, branch or tag) in {top}"
        ) from None
    diff = _git("diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", rev, "--", cwd=top)
    changed: dict[str, set[int] | None] = {}
    current: str | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else name.removeprefix("b/")
            if current is not None:
                changed.setdefault(current, set())
        elif current is not None and (m := _HUNK.match(line)):
            start, count = int(m.group(1)), int(m.group(2) or 1)
            lines = changed[current]
            if lines is not ALL:
                lines.update(range(start, start + count))
    for name in _git("ls-files", "--others", "--exclude-standard", cwd=top).splitlines():
        changed[name] = ALL
    return top, changed


def only_changed(report, rev: str) -> list[Finding]:
    top, changed = changed_lines(rev)
    records = report.records
    keep = []
    for f in report.findings:
        if f.path in records:
            file, lines = records[f.path].file, {records[f.path].line}
        else:
            file, lines = f.path, set(range(f.line, f.end_line + 1))
        try:
            rel = Path(file).resolve().relative_to(top.resolve()).as_posix()
        except ValueError:
            continue  # outside the repository: nothing changed there by git's account
        if rel not in changed:
            continue
        if changed[rel] is ALL or lines & changed[rel]:
            keep.append(f)
    return keep
