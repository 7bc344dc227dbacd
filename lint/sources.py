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
import re
import stat
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

from lint.quoting import quote_path

STDIN = "-"
# A NUL byte this early means a binary file (git's rule); later, a corrupt text.
BINARY_SAMPLE = 8192
# Documents larger than this are skipped, not read (--max-document-size,
# `max-document-size` in the configuration). A news article is a few kilobytes;
# 10 MB is a thousand of them, and costs ~100 MB of memory and ~30 s to check.
DEFAULT_MAX_DOCUMENT_BYTES = 10 << 20
ENCODING_ERRORS = ("strict", "replace")
_SIZE_UNITS = {"": 1, "b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def parse_size(text: str | int) -> int:
    """'10MB', '512k', '2G' or a number of bytes (units are powers of 1024)."""
    if isinstance(text, int) and not isinstance(text, bool):
        value, unit = text, ""
    else:
        match = re.fullmatch(r"\s*(\d+)\s*([kmg]?)(?:i?b)?\s*", str(text), re.IGNORECASE)
        if match is None:
            raise ValueError(f"not a size: {text!r} (say 10MB, 512KB or a number of bytes)")
        value, unit = int(match.group(1)), match.group(2).lower()
    size = value * _SIZE_UNITS[unit]
    if size <= 0:
        raise ValueError(f"a size must be positive, not {text!r}")
    return size


@dataclass(frozen=True)
class InputError:
    path: str
    reason: str
    kind: str = "unreadable"  # a short word for the summary: binary, encoding, missing...

    def __str__(self) -> str:
        return f"{quote_path(self.path)}: {self.reason}"


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


def _os_reason(exc: OSError | ValueError) -> tuple[str, str]:
    """A plain reason and a summary kind for an OS error (or the ValueError of
    a file name holding a NUL byte)."""
    if not isinstance(exc, OSError):
        return f"cannot read: {exc}", "unreadable"
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


def open_regular(path: str) -> BinaryIO | InputError:
    """A regular file opened for reading, or why not. Never blocks: the file
    is opened with O_NONBLOCK and checked with fstat, so a FIFO, device or
    socket is refused before anything is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        special = _special_file(os.stat(path).st_mode)  # sockets cannot even be opened
        fd = os.open(path, flags) if special is None else None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        return InputError(path, *_os_reason(exc))
    if fd is None:
        return InputError(path, special, "not a file")
    try:
        special = _special_file(os.fstat(fd).st_mode)  # the file opened may not be the one seen
    except OSError as exc:
        os.close(fd)
        return InputError(path, *_os_reason(exc))
    if special is not None:
        os.close(fd)
        return InputError(path, special, "not a file")
    return os.fdopen(fd, "rb")


def read_bytes(
    path: str, limit: int = DEFAULT_MAX_DOCUMENT_BYTES, limit_hint: str = "--max-document-size"
) -> bytes | InputError:
    """The bytes of a regular file of at most `limit` bytes (`open_regular`),
    never reading more than `limit` + 1 bytes (a file may grow)."""
    fh = open_regular(path)
    if isinstance(fh, InputError):
        return fh
    try:
        with fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                return _too_large(path, f"{size} bytes", limit, limit_hint)
            # Ask for the size fstat gave (read(n) allocates n bytes first: a
            # 1 GiB request costs ~25 us a file), then for whatever has grown.
            data = fh.read(size + 1)
            if len(data) > size:
                data += _read_capped(fh, limit + 1 - len(data))
            if len(data) > limit:
                return _too_large(path, "grew while being read", limit, limit_hint)
            return data
    except OSError as exc:
        return InputError(path, *_os_reason(exc))


def _read_capped(stream, most: int) -> bytes:
    """Up to `most` bytes, a megabyte at a time (read(n) allocates n bytes
    before reading any, however little there is)."""
    parts = []
    left = most
    while left > 0:
        part = stream.read(min(left, 1 << 20))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _too_large(path: str, what: str, limit: int, hint: str) -> InputError:
    """'PATH: 12000000 bytes, over the limit of 10485760 (--max-document-size); skipped'."""
    where = f" ({hint})" if hint else ""
    return InputError(path, f"{what}, over the limit of {limit} bytes{where}; skipped", "too large")


def read_stdin(limit: int = DEFAULT_MAX_DOCUMENT_BYTES) -> bytes | InputError:
    """Standard input, at most `limit` bytes (`newslint check - < /dev/zero`
    stops there instead of filling the memory)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # started with stdin closed (`<&-`)
        return InputError(STDIN, "standard input is closed", "unreadable")
    try:
        data = _read_capped(stream, limit + 1)
    except (OSError, ValueError) as exc:  # ValueError: read from a closed file
        if isinstance(exc, OSError):
            return InputError(STDIN, *_os_reason(exc))
        return InputError(STDIN, "standard input is closed", "unreadable")
    if len(data) > limit:
        return InputError(
            STDIN,
            f"standard input holds more than {limit} bytes (--max-document-size); skipped",
            "too large",
        )
    return data


def read_input(
    path: str, errors: str = "strict", limit: int = DEFAULT_MAX_DOCUMENT_BYTES
) -> Decoded | InputError:
    data = read_stdin(limit) if path == STDIN else read_bytes(path, limit)
    if isinstance(data, InputError):
        return data
    return decode(data, path, errors)


def reread_text(path: str) -> str:
    """The text of a file already checked, for a report or baseline that needs
    it again ('' if it cannot be read now). Undecodable bytes become U+FFFD,
    as under --encoding-errors replace; the size limit was applied when it was
    checked."""
    decoded = read_input(path, "replace", limit=1 << 40)
    return "" if isinstance(decoded, InputError) else decoded.text


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


def _walk(
    root: Path, include: tuple[str, ...], exclude: tuple[str, ...]
) -> Iterator[str | InputError]:
    """Files under `root` in the order of their sorted full paths, one
    directory listing per level in memory (not the whole tree), and without
    recursion: a folder nested 10,000 deep is walked like any other.

    Sorting each directory by name, with a '/' after folder names, visits the
    files in exactly the order of sorting all their paths as strings.
    """
    listing = _listing(str(root))
    if isinstance(listing, InputError):
        yield listing
        return
    # Each level: the folder's path, its path relative to root, and what is left of it.
    stack = [(str(root), ".", iter(listing))]
    while stack:
        folder, rel_folder, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        name, is_dir = entry
        rel = os.path.normpath(os.path.join(rel_folder, name))
        path = os.path.join(folder, name)
        if not is_dir:
            if _matches(rel, include) and not _matches(rel, exclude):
                yield path
        elif not name.startswith(".") and not _matches(rel, exclude):
            inner = _listing(path)
            if isinstance(inner, InputError):
                yield inner
            else:
                stack.append((path, rel, iter(inner)))


def _listing(folder: str) -> list[tuple[str, bool]] | InputError:
    """(name, is a folder) for each entry, sorted as `_walk` needs; symlinked
    folders are left out (not followed)."""
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
        return InputError(folder, f"cannot list folder: {exc.strerror or exc}", "unreadable")
    entries.sort()
    return [(name, is_dir) for _, name, is_dir in entries]
