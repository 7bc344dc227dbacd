"""Where a report goes: standard output, or the file `-o` names.

The file is checked before the run, not after it: a missing or read-only
folder, a folder given as the file, or a file that is one of the run's own
inputs (the same file by another name: a symbolic or hard link, `./in.txt`
for `in.txt`) ends the command at once with one line and exit 2, before any
input is read. A symbolic link is followed (its target gets the report, the
link stays); a device or FIFO (`-o /dev/stdout`) is written in place; a regular
file is replaced atomically. Reports are written as UTF-8 whatever they hold:
a character UTF-8 cannot carry (a lone surrogate) is written as its
`\\uXXXX` escape.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lint.quoting import quote_path


class OutputError(Exception):
    """The report cannot be written where asked; str() is one line."""


@dataclass(frozen=True)
class Output:
    shown: str  # the name as given
    path: Path | None  # the file to write; None: standard output
    direct: bool = False  # a device or FIFO: written in place, no temporary file


STDOUT = Output("-", None)


def plan_output(name: str | None) -> Output:
    """Where the report will go, after checking that it can go there."""
    if name is None or name == "-":
        if getattr(sys.stdout, "buffer", None) is None:  # started with `>&-`
            raise OutputError("standard output is closed; use -o FILE")
        return STDOUT
    shown = quote_path(name)
    if "\0" in name:
        raise OutputError(f"{shown}: a file name cannot hold a NUL byte")
    try:
        info = os.stat(name)  # through symbolic links
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write the report there: {exc.strerror}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{shown}: is a folder; -o takes a file name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        return Output(name, Path(name), direct=True)
    target = Path(os.path.realpath(name))
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"{shown}: folder {quote_path(str(folder))} does not exist")
    try:  # the only test that holds for root and for read-only file systems
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".newslint-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(
            f"{shown}: cannot write in folder {quote_path(str(folder))}: {exc.strerror}"
        ) from None
    return Output(name, target)


def refuse_inputs(output: Output, inputs: Iterable[str], what: str = "input") -> None:
    """Raise `OutputError` when the report would replace one of `inputs`."""
    if output.path is None or output.direct:
        return
    try:
        mine = os.stat(output.path)
    except OSError:
        return  # not there yet: no input can be it
    for name in inputs:
        if name == "-":
            continue
        try:
            info = os.stat(name)
        except (OSError, ValueError):
            continue
        if (info.st_dev, info.st_ino) == (mine.st_dev, mine.st_ino):
            raise OutputError(
                f"{quote_path(output.shown)}: is the {what} {quote_path(name)}; "
                "refusing to write the report over it"
            )


def _encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    for piece in pieces:
        yield piece.encode("utf-8", "backslashreplace")


def write_output(output: Output, pieces: Iterable[str]) -> None:
    """Write the report's pieces as they come."""
    from lint.atomic import write_atomically

    data = _encoded(pieces)
    try:
        if output.path is None:
            stream = getattr(sys.stdout, "buffer", None)
            if stream is None:
                raise OutputError("standard output is closed; use -o FILE")
            sys.stdout.flush()
            for chunk in data:
                stream.write(chunk)
            stream.flush()
        elif output.direct:
            with open(output.path, "wb") as fh:
                for chunk in data:
                    fh.write(chunk)
        else:
            write_atomically(output.path, data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(
            f"{quote_path(output.shown)}: cannot write the report: {exc.strerror or exc}"
        ) from None
