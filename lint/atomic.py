"""Write a whole file or nothing.

A temporary file beside the target (same file system, so the rename is atomic),
flushed to disk, then renamed over it. An interrupted run leaves the old file
or the new one, never a mix, and no temporary file behind: the temporary file
is removed on any exception, and the command line turns SIGTERM and SIGHUP
into one (see `lint.cli`). Only SIGKILL can leave one, named `.NAME.*.newslint`.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

# Test hook: seconds to wait with the temporary file written, before the rename,
# so that a test can send a real signal while it exists (tests/test_fix_metadata.py).
PAUSE_ENV = "NEWSLINT_TEST_PAUSE_BEFORE_RENAME"


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class MetadataNotKept(Exception):
    """Rewriting the file would lose something it has (its owner, an extended
    attribute): the caller leaves it as it is."""


def _copy_metadata(tmp_fd: int, target: os.stat_result, target_path: str) -> None:
    """Give the temporary file the target's owner, group and extended attributes."""
    if (target.st_uid, target.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(tmp_fd, target.st_uid, target.st_gid)
        except PermissionError:
            raise MetadataNotKept(
                f"owned by uid {target.st_uid}, gid {target.st_gid}; "
                "rewriting it would change its owner or group"
            ) from None
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(target_path)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return
        raise
    for name in names:
        try:
            os.setxattr(tmp_fd, name, os.getxattr(target_path, name))
        except OSError as exc:
            raise MetadataNotKept(
                f"its extended attribute {name} cannot be copied ({exc.strerror or exc})"
            ) from None


def write_atomically(
    path: str | os.PathLike,
    data: bytes | Iterable[bytes],
    mode: int | None = None,
    before_rename: Callable[[], None] | None = None,
    *,
    keep_metadata: bool = False,
) -> None:
    """Replace `path` by `data` (bytes, or chunks of bytes written as they come).

    `mode` defaults to the target's permission bits, or the umask's for a new
    file. With `keep_metadata`, the target's owner, group and extended
    attributes are kept too, or `MetadataNotKept` is raised before anything
    changes. `before_rename` may raise to cancel the write. A symbolic link at
    `path` is replaced, not followed: callers that mean its target resolve it.
    """
    target = Path(path)
    try:
        existing = target.stat()
    except FileNotFoundError:
        existing = None
    if mode is None:
        mode = existing.st_mode & 0o7777 if existing else _default_mode()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".newslint")
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in [data] if isinstance(data, bytes | bytearray) else data:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
            if keep_metadata and existing is not None:
                _copy_metadata(fh.fileno(), existing, str(target))
            os.fchmod(fh.fileno(), mode)  # after chown, which clears set-id bits
        pause = os.environ.get(PAUSE_ENV)
        if pause:
            time.sleep(float(pause))
        if before_rename:
            before_rename()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
