"""Inputs: expand paths into documents, decode bytes into text.

A linter that gates ingestion sees whatever the crawler brought. Every input
that cannot be read becomes an `InputError` that names it and says why (binary,
bad UTF-8 with the byte offset, a FIFO, a symlink loop, a file that vanished),
and the run goes on with the other inputs. Nothing here can block: special
files are refused before they are read, and folders are walked one directory
at a time so that a folder of a million files is streamed, in a fixed order.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import os
import stat
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

STDIN = "-"
# A NUL byte this early means a binary file (git's rule); later, a corrupt text.
BINARY_SAMPLE = 8192
# Inputs larger than this are refused rather than read into memory.
MAX_INPUT_BYTES = 1 << 30
ENCODING_ERRORS = ("strict", "replace")


@dataclass(frozen=True)
class InputError:
    path: str
    reason: str
    kind: str = "unreadable"  # a short word for the summary: binary, encoding, missing...

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", ...
    newline: str  # the file's dominant line ending, for fixes that rewrite it
    replaced: bool = False  # undecodable bytes were replaced by U+FFFD


def _looks_utf16(sample: bytes) -> bool:
    """ASCII-heavy text in UTF-16 without a BOM: every other byte is NUL."""
    if len(sample) < 4:
        return False
    odd, even = sample[1::2], sample[0::2]
    return odd.count(0) > 0.7 * len(odd) or even.count(0) > 0.7 * len(even)


def decode(data: bytes, path: str, errors: str = "strict") -> Decoded | InputError:
    """Bytes to text: BOMs honoured, UTF-8 otherwise, binary refused.

    With errors="replace" a text with bad bytes or stray NULs is still checked,
    each bad byte (or NUL) becoming U+FFFD; binary files are refused either way.
    """
    replaced = False
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding, codec, body = "utf-32", "utf-32", data
    elif data.startswith(codecs.BOM_UTF8):
        encoding, codec, body = "utf-8-sig", "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, codec, body = "utf-16", "utf-16", data
    else:
        encoding, codec, body = "utf-8", "utf-8", data
    if codec == "utf-8":
        nul = body.find(b"\x00")
        if 0 <= nul < BINARY_SAMPLE:
            if _looks_utf16(body[:BINARY_SAMPLE]):
                return InputError(
                    path, "looks like UTF-16 without a byte-order mark, skipped", "encoding"
                )
            return InputError(path, f"binary file (NUL byte at offset {nul}), skipped", "binary")
        if nul >= 0:
            if errors != "replace":
                return InputError(
                    path,
                    f"NUL byte at offset {nul}; skipped (--encoding-errors replace checks it)",
                    "encoding",
                )
            body, replaced = body.replace(b"\x00", "\ufffd".encode()), True
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(data) - len(body))
        if errors != "replace":
            bad = body[exc.start : exc.start + 1].hex()
            return InputError(
                path,
                f"not valid {codec.upper()}: bad byte 0x{bad} at offset {offset}; skipped "
                "(--encoding-errors replace checks it)",
                "encoding",
            )
        text, replaced = body.decode(codec, errors="replace"), True
    if codec != "utf-8" and text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text, encoding, _dominant_newline(text), replaced)


def _dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if cr > lf and cr > crlf:
        return "\r"
    return "\r\n" if crlf and crlf >= lf else "\n"


def _os_reason(exc: OSError) -> tuple[str, str]:
    """A plain reason and a summary kind for an OS error."""
    code = exc.errno
    if code == errno.ENOENT:
        return "no such file (deleted after it was listed?)", "missing"
    if code == errno.ELOOP:
        return "symbolic link loop", "symlink loop"
    if code == errno.EISDIR:
        return "is a directory", "not a file"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied", "unreadable"
    return f"cannot read: {exc.strerror or exc}", "unreadable"


_SPECIAL = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
    (stat.S_ISCHR, "is a character device, not a file"),
    (stat.S_ISBLK, "is a block device, not a file"),
)


def _special_file(mode: int) -> str | None:
    for test, reason in _SPECIAL:
        if test(mode):
            return reason
    return None


def read_bytes(path: str) -> bytes | InputError:
    """The bytes of a regular file. Never blocks: the file is opened with
    O_NONBLOCK and checked with fstat before anything is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        special = _special_file(os.stat(path).st_mode)  # sockets cannot even be opened
        fd = os.open(path, flags) if special is None else None
    except OSError as exc:
        return InputError(path, *_os_reason(exc))
    if fd is None:
        return InputError(path, special, "not a file")
    try:
        info = os.fstat(fd)  # the file opened may not be the one stat saw
        special = _special_file(info.st_mode)
        if special is not None:
            return InputError(path, special, "not a file")
        if info.st_size > MAX_INPUT_BYTES:
            return InputError(
                path, f"{info.st_size} bytes; the limit is {MAX_INPUT_BYTES}", "too large"
            )
        with os.fdopen(fd, "rb", closefd=False) as fh:
            # Ask for the size fstat gave (read(n) allocates n bytes first: a
            # 1 GiB request costs ~25 us a file), then for whatever has grown.
            data = fh.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += fh.read(MAX_INPUT_BYTES + 1 - len(data))
            return data
    except OSError as exc:
        return InputError(path, *_os_reason(exc))
    finally:
        os.close(fd)


def read_input(path: str, errors: str = "strict") -> Decoded | InputError:
    if path == STDIN:
        try:
            data = sys.stdin.buffer.read()
        except OSError as exc:
            return InputError(path, *_os_reason(exc))
    else:
        data = read_bytes(path)
        if isinstance(data, InputError):
            return data
    return decode(data, path, errors)


def skipped_summary(errors: list[InputError]) -> str:
    """'3 input(s) skipped (2 binary, 1 encoding)' for the summary line."""
    if not errors:
        return ""
    kinds = Counter(e.kind for e in errors)
    why = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    return f"{len(errors)} input(s) skipped ({why})"


def _matches(rel: str, patterns: tuple[str, ...]) -> bool:
    name = PurePath(rel).name
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def expand(
    paths: list[str], include: tuple[str, ...], exclude: tuple[str, ...]
) -> Iterator[str | InputError]:
    """Files named directly are always checked; folders are walked (sorted,
    symlinked folders not followed) keeping files that match `include` and not
    `exclude`."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError as exc:  # a symlink loop, a name too long...
            yield InputError(raw, *_os_reason(exc))
            continue
        if is_dir:
            yield from _walk(path, include, exclude)
        elif path.exists() or path.is_symlink():
            yield raw
        else:
            yield InputError(raw, "no such file or directory", "missing")


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[str]:
    """Files under `root` in the order of their sorted full paths, one
    directory listing in memory at a time (not the whole tree).

    Sorting each directory by name, with a '/' after folder names, visits the
    files in exactly the order of sorting all their paths as strings.
    """
    yield from _walk_folder(str(root), ".", include, exclude)


def _walk_folder(
    folder: str, rel_folder: str, include: tuple[str, ...], exclude: tuple[str, ...]
) -> Iterator[str | InputError]:
    try:
        with os.scandir(folder) as listing:
            entries = []
            for entry in listing:
                try:
                    is_dir = entry.is_dir()
                    is_link = entry.is_symlink()
                except OSError:
                    is_dir, is_link = False, True
                if is_dir and is_link:
                    continue  # symlinked folders are not followed
                entries.append((entry.name + "/" if is_dir else entry.name, entry.name, is_dir))
    except OSError as exc:
        yield InputError(folder, f"cannot list folder: {exc.strerror or exc}", "unreadable")
        return
    entries.sort()
    for _, name, is_dir in entries:
        rel = os.path.normpath(os.path.join(rel_folder, name))
        if is_dir:
            if not name.startswith(".") and not _matches(rel, exclude):
                yield from _walk_folder(os.path.join(folder, name), rel, include, exclude)
        elif _matches(rel, include) and not _matches(rel, exclude):
            yield os.path.join(folder, name)
