"""Inputs: read documents, decode bytes into text.

A linter that gates ingestion sees whatever the crawler brought. Every input
that cannot be read becomes an `InputError` that names it and says why (binary,
bad UTF-8 with the byte offset, a FIFO, a symlink loop, a file that vanished),
and the run goes on with the other inputs. Nothing here can block: special
files are refused before they are read. Which files a folder holds is
`lint.discovery`'s business.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from collections import Counter
from dataclasses import dataclass
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
    """Text in UTF-16 without a BOM: every other byte is NUL (ASCII-heavy
    text), and what it decodes to is text. A binary file (an executable, a
    database) can have NULs in every other byte too, but decodes to control
    characters."""
    if len(sample) < 4:
        return False
    odd, even = sample[1::2], sample[0::2]
    if odd.count(0) > 0.7 * len(odd):
        codec = "utf-16-le"
    elif even.count(0) > 0.7 * len(even):
        codec = "utf-16-be"
    else:
        return False
    text = sample[: len(sample) // 2 * 2].decode(codec, "replace")
    bad = sum(1 for ch in text if ch == "\ufffd" or ch in _CONTROLS)
    return bad <= max(1, len(text) // 100)  # a sample may end inside a character


# C0 and C1 control characters other than tab and line ends: not in text.
_CONTROLS = frozenset(
    chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\t\n\r\f"
)


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


# Texts read from standard input under a name (--stdin-filename): a report
# that shows the text takes it from here, not from the file of that name.
_REMEMBERED: dict[str, str] = {}


def remember_text(path: str, text: str) -> None:
    _REMEMBERED[path] = text


def reread_text(path: str) -> str:
    """The text of a file already checked, for a report or baseline that needs
    it again ('' if it cannot be read now). Undecodable bytes become U+FFFD,
    as under --encoding-errors replace; the size limit was applied when it was
    checked."""
    if path in _REMEMBERED:
        return _REMEMBERED[path]
    decoded = read_input(path, "replace", limit=1 << 40)
    return "" if isinstance(decoded, InputError) else decoded.text


def skipped_summary(errors: list[InputError]) -> str:
    """'3 input(s) skipped (2 binary, 1 encoding)' for the summary line."""
    if not errors:
        return ""
    kinds = Counter(e.kind for e in errors)
    why = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    return f"{len(errors)} input(s) skipped ({why})"
