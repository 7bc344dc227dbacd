"""Write a whole file or nothing.

A temporary file beside the target (same file system, so the rename is atomic),
flushed to disk, then renamed over it. An interrupted run leaves the old file
or the new one, never a mix, and no temporary file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(
    path: str | os.PathLike,
    data: bytes,
    mode: int | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Replace `path` by `data`. `mode` defaults to the target's permission bits,
    or the umask's for a new file. `before_rename` may raise to cancel the write."""
    target = Path(path)
    if mode is None:
        mode = target.stat().st_mode & 0o7777 if target.exists() else _default_mode()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".newslint")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if before_rename:
            before_rename()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
