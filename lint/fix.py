"""`--fix`, `--unsafe-fixes` and `--diff`: apply rules' suggestions to files.

A fix replaces a finding's span with its first suggestion. Fixes that overlap
cannot all be applied at once, so each round applies the non-overlapping ones,
lints the result again and repeats, a bounded number of times (as ruff does).

Writing is the only place newslint changes a user's file, so it is careful:
the new text is encoded as the file was (BOM, UTF-16 byte order), line endings
are kept, the bytes are written to a temporary file beside the original and
renamed over it, and a file whose bytes changed since they were read is left
alone.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lint.atomic import write_atomically
from lint.finding import Finding
from lint.sources import STDIN, Decoded, InputError, decode, read_bytes

MAX_ROUNDS = 10


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str


@dataclass
class FileFix:
    """What fixing one file did (or would do, under --diff)."""

    path: str
    before: str
    after: str
    applied: int  # number of edits applied, over all rounds
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def fixable(finding: Finding, unsafe: bool) -> bool:
    return bool(finding.suggestions) and (finding.fix_safe or unsafe)


def plan_edits(text: str, findings: Iterable[Finding], unsafe: bool = False) -> list[Edit]:
    """Non-overlapping edits, earliest first; of two overlapping fixes the one
    that starts first wins and the other waits for the next round."""
    candidates = sorted(
        (
            Edit(f.offset, f.end_offset, f.suggestions[0], f.rule)
            for f in findings
            if fixable(f, unsafe) and 0 <= f.offset <= f.end_offset <= len(text)
        ),
        key=lambda e: (e.start, e.end),
    )
    chosen: list[Edit] = []
    for edit in candidates:
        if text[edit.start : edit.end] == edit.replacement:
            continue
        if chosen and edit.start < chosen[-1].end:
            continue
        if chosen and edit.start == edit.end == chosen[-1].end:
            continue  # two insertions at one point: order would be arbitrary
        chosen.append(edit)
    return chosen


def apply_edits(text: str, edits: list[Edit], newline: str = "\n") -> str:
    out: list[str] = []
    last = 0
    for edit in edits:
        out.append(text[last : edit.start])
        out.append(_with_newline(edit.replacement, newline))
        last = edit.end
    out.append(text[last:])
    return "".join(out)


def _with_newline(replacement: str, newline: str) -> str:
    if "\n" not in replacement and "\r" not in replacement:
        return replacement
    return replacement.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)


def fix_text(
    text: str,
    lint: Callable[[str], list[Finding]],
    unsafe: bool = False,
    newline: str = "\n",
    max_rounds: int = MAX_ROUNDS,
) -> tuple[str, int]:
    """Fix, re-lint, repeat until nothing is left to fix or the rounds run out.
    A round that would bring back a text already seen stops the loop (two rules
    undoing each other)."""
    applied = 0
    seen = {text}
    for _ in range(max_rounds):
        edits = plan_edits(text, lint(text), unsafe)
        if not edits:
            break
        new = apply_edits(text, edits, newline)
        if new in seen:
            break
        seen.add(new)
        text = new
        applied += len(edits)
    return text, applied


def encode(text: str, decoded: Decoded, original: bytes) -> bytes:
    """Text back to bytes the way the file had them."""
    if decoded.encoding == "utf-16":
        if original.startswith(codecs.BOM_UTF16_BE):
            return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(decoded.encoding)


class FileChanged(Exception):
    """The file on disk is not the one that was read and fixed."""


def write_if_unchanged(path: str, original: bytes, data: bytes) -> None:
    """Replace `path` by `data` atomically, unless its bytes are no longer `original`."""

    def still_original() -> None:
        with open(path, "rb") as fh:
            if fh.read() != original:
                raise FileChanged(f"{path}: changed while being fixed; left as it is")

    write_atomically(path, data, before_rename=still_original)


def fix_file(
    path: str,
    lint: Callable[[str, str], list[Finding]],
    unsafe: bool = False,
    write: bool = True,
) -> FileFix:
    """Fix one file; `lint(path, text)` returns the findings for a version of it."""
    original = read_bytes(path)  # never blocks on a FIFO or device
    if isinstance(original, InputError):
        return FileFix(path, "", "", 0, str(original))
    decoded = decode(original, path)
    if isinstance(decoded, InputError):
        return FileFix(path, "", "", 0, str(decoded))
    after, applied = fix_text(decoded.text, lambda t: lint(path, t), unsafe, decoded.newline)
    result = FileFix(path, decoded.text, after, applied)
    if write and result.changed:
        try:
            write_if_unchanged(path, original, encode(after, decoded, original))
        except FileChanged as exc:
            result.error, result.after, result.applied = str(exc), decoded.text, 0
        except OSError as exc:
            result.error = f"{path}: cannot write: {exc.strerror or exc}"
            result.after, result.applied = decoded.text, 0
    return result


def unified_diff(fix: FileFix) -> str:
    """The change as a unified diff (line endings shown as LF)."""
    before = fix.before.replace("\r\n", "\n").splitlines(keepends=True)
    after = fix.after.replace("\r\n", "\n").splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, f"a/{fix.path}", f"b/{fix.path}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _fix_stdin(lint, unsafe: bool) -> FileFix:
    import sys

    decoded = decode(sys.stdin.buffer.read(), STDIN)
    if isinstance(decoded, InputError):
        return FileFix(STDIN, "", "", 0, str(decoded))
    after, applied = fix_text(decoded.text, lambda t: lint(STDIN, t), unsafe, decoded.newline)
    return FileFix(STDIN, decoded.text, after, applied)


@dataclass(frozen=True)
class FixError:
    message: str
    input_error: bool = False  # an input that cannot be read: the check reports it too


def fix_paths(paths: list[str], settings, unsafe: bool = False, write: bool = True):
    """Fix every file the paths expand to. Returns (fixes, errors)."""
    from lint import runner
    from lint.sources import expand

    runner._init_worker(settings)
    config = runner._RESOLVER.for_path(STDIN)

    def lint(path: str, text: str) -> list[Finding]:
        result = runner.check_input(path, text)
        return [] if isinstance(result, InputError) else result.findings

    fixes: list[FileFix] = []
    errors: list[FixError] = []
    for item in expand(paths, config.include, config.exclude):
        if isinstance(item, InputError):
            errors.append(FixError(str(item), input_error=True))
        elif item == STDIN and write:
            errors.append(FixError("-: standard input cannot be fixed in place; use --diff"))
        elif item == STDIN:
            fixes.append(_fix_stdin(lint, unsafe))
        else:
            fix = fix_file(item, lint, unsafe, write)
            if fix.error:
                errors.append(FixError(fix.error))
            fixes.append(fix)
    return fixes, errors
