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
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.atomic import MetadataNotKept, write_atomically
from lint.finding import Finding
from lint.sources import (
    DEFAULT_MAX_DOCUMENT_BYTES,
    STDIN,
    Decoded,
    InputError,
    decode,
    read_bytes,
    read_stdin,
)

if TYPE_CHECKING:
    from lint.runner import Runner

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
    unreadable: bool = False  # the error is the input's own: the check reports it too

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
    """Replace `path` by `data` atomically, keeping its owner, group, mode and
    extended attributes, unless its bytes are no longer `original` (checked
    just before the rename)."""

    def still_original() -> None:
        now = read_bytes(path, len(original) + 1, limit_hint="")
        if now != original:
            raise FileChanged(f"{path}: changed while being fixed; left as it is")

    write_atomically(path, data, before_rename=still_original, keep_metadata=True)


def why_not_rewrite(path: str) -> str | None:
    """Why the file at `path` (a symbolic link's target) must be left as it is."""
    info = os.stat(path)
    if info.st_nlink > 1:
        return (
            f"has {info.st_nlink} hard links, which a rewrite would split; left as it is "
            "(--diff shows the fixes)"
        )
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return f"is read-only (mode {stat.S_IMODE(info.st_mode):04o}); left as it is"
    if not os.access(path, os.W_OK):
        return "is not writable by you; left as it is"
    return None


def fix_file(
    path: str,
    lint: Callable[[str, str], list[Finding]],
    unsafe: bool = False,
    write: bool = True,
    limit: int = DEFAULT_MAX_DOCUMENT_BYTES,
) -> FileFix:
    """Fix one file; `lint(path, text)` returns the findings for a version of it.

    A symbolic link is fixed by rewriting its target (the link stays a link);
    a file with several hard links, a read-only file, or one whose owner or
    extended attributes could not be kept is left as it is, with a message.
    """
    original = read_bytes(path, limit)  # never blocks on a FIFO or device
    if isinstance(original, InputError):
        return FileFix(path, "", "", 0, str(original), unreadable=True)
    decoded = decode(original, path)
    if isinstance(decoded, InputError):
        return FileFix(path, "", "", 0, str(decoded), unreadable=True)
    after, applied = fix_text(decoded.text, lambda t: lint(path, t), unsafe, decoded.newline)
    result = FileFix(path, decoded.text, after, applied)
    if write and result.changed:
        try:
            target = os.path.realpath(path)
            refusal = why_not_rewrite(target)
            if refusal is not None:
                raise FileChanged(f"{path}: {refusal}")
            write_if_unchanged(target, original, encode(after, decoded, original))
        except (FileChanged, MetadataNotKept) as exc:
            message = str(exc) if isinstance(exc, FileChanged) else f"{path}: {exc}; left as it is"
            result.error, result.after, result.applied = message, decoded.text, 0
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


def _fix_stdin(lint: Callable[[str, str], list[Finding]], unsafe: bool, limit: int) -> FileFix:
    data = read_stdin(limit)
    if isinstance(data, InputError):
        return FileFix(STDIN, "", "", 0, str(data), unreadable=True)
    decoded = decode(data, STDIN)
    if isinstance(decoded, InputError):
        return FileFix(STDIN, "", "", 0, str(decoded), unreadable=True)
    after, applied = fix_text(decoded.text, lambda t: lint(STDIN, t), unsafe, decoded.newline)
    return FileFix(STDIN, decoded.text, after, applied)


@dataclass(frozen=True)
class FixError:
    message: str
    input_error: bool = False  # an input that cannot be read: the check reports it too


def fix_paths(
    runner: Runner,
    paths: list[str],
    unsafe: bool = False,
    write: bool = True,
    guard: Callable[[list[str]], None] | None = None,
) -> tuple[list[FileFix], list[FixError]]:
    """Fix every file the paths expand to, with the runner's configuration and
    rules (`Runner.fix`). Returns (fixes, errors). `guard(inputs)` sees the
    inputs before any is read, as in `Runner.run`."""
    config = runner.resolver.for_path(STDIN)

    def lint(path: str, text: str) -> list[Finding]:
        result = runner.check_input(path, text)
        return [] if isinstance(result, InputError) else result.findings

    fixes: list[FileFix] = []
    errors: list[FixError] = []
    items = list(runner.inputs(paths))
    if guard is not None:
        guard([i for i in items if not isinstance(i, InputError)])
    for item in items:
        if isinstance(item, InputError):
            errors.append(FixError(str(item), input_error=True))
        elif item == STDIN and write:
            errors.append(FixError("-: standard input cannot be fixed in place; use --diff"))
        else:
            if item == STDIN:
                fix = _fix_stdin(lint, unsafe, config.max_document_size)
                fix.path = runner.settings.shown(STDIN)
            else:
                limit = runner.resolver.for_path(item).max_document_size
                fix = fix_file(item, lint, unsafe, write, limit)
            if fix.error:
                errors.append(FixError(fix.error, input_error=fix.unreadable))
            fixes.append(fix)
    return fixes, errors
