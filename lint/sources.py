"""Inputs: expand paths into documents, decode bytes into text.

Every failure becomes an `InputError` that names the input and says why; the
run goes on with the other inputs.
"""

from __future__ import annotations

import codecs
import fnmatch
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

STDIN = "-"


@dataclass(frozen=True)
class InputError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", ...
    newline: str  # the file's dominant line ending, for fixes that rewrite it


def decode(data: bytes, path: str) -> Decoded | InputError:
    """Bytes to text: BOMs honoured, UTF-8 otherwise, binary refused."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
        if b"\x00" in data[:8192]:
            return InputError(path, "binary file (NUL bytes), skipped")
    try:
        text = body.decode("utf-16" if encoding == "utf-16" else "utf-8")
    except UnicodeDecodeError as exc:
        return InputError(path, f"not valid {encoding.upper()}: bad byte at offset {exc.start}")
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"
    return Decoded(text, encoding, newline)


def read_input(path: str) -> Decoded | InputError:
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except IsADirectoryError:
        return InputError(path, "is a directory")
    except FileNotFoundError:
        return InputError(path, "no such file")
    except PermissionError:
        return InputError(path, "permission denied")
    except OSError as exc:
        return InputError(path, f"cannot read: {exc.strerror or exc}")
    return decode(data, path)


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
        if path.is_dir():
            yield from _walk(path, include, exclude)
        elif path.exists() or path.is_symlink():
            yield raw
        else:
            yield InputError(raw, "no such file or directory")


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[str]:
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        rel_folder = os.path.relpath(folder, root)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not _matches(os.path.join(rel_folder, d), exclude)
        )
        for name in files:
            rel = os.path.normpath(os.path.join(rel_folder, name))
            if _matches(rel, include) and not _matches(rel, exclude):
                found.append(os.path.join(folder, name))
    yield from sorted(found)
