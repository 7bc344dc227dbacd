"""A cache folder whose files are reached without ever following a link.

newslint keeps two caches: results of unchanged files (`.newslint_cache/`, in
the project) and data built from the packs and dictionaries (in the user's
cache folder). A repository can hold anything at `.newslint_cache`, symbolic
links included (git stores them), so nothing here trusts a path:

- the folder is opened once with O_NOFOLLOW | O_DIRECTORY and refused when it
  is a link, not a folder, or not owned by the user running newslint; every
  later operation is relative to that open descriptor (`dir_fd`), so the
  folder cannot be swapped for a link afterwards;
- sub-folders are opened the same way, one level at a time;
- files are opened with O_NOFOLLOW | O_NONBLOCK and read only when they are
  regular files of the user's, with one link, under a size cap (a FIFO or a
  device neither hangs nor floods the run);
- files are written to a fresh temporary name (O_EXCL) and renamed into place;
- a file is deleted only when it is a regular file of the user's whose name
  the caller's entry format accepts; `unlink` removes a link, never its target.

On a platform without `dir_fd` support (Windows) the caches are off.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# Temporary files: the entry's name, a dot, 16 hex digits, ".tmp".
TEMPORARY = re.compile(r"(?P<name>.+)\.[0-9a-f]{16}\.tmp")


def supported() -> bool:
    """Whether this platform can open files relative to a folder descriptor."""
    needed = (os.open, os.stat, os.unlink, os.rename, os.mkdir, os.utime, os.link)
    return (
        hasattr(os, "geteuid")
        and hasattr(os, "O_NOFOLLOW")
        and all(f in os.supports_dir_fd for f in needed)
        and os.listdir in os.supports_fd
    )


class CacheFolder:
    """An open, verified cache folder; names given to its methods are single
    path components inside it."""

    def __init__(self, fd: int, path: Path):
        self.fd = fd
        self.path = path

    # --- opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike, create: bool = False) -> CacheFolder:
        """The folder at `path` (created with its parents when `create`);
        OSError with the reason when it cannot be used as a cache."""
        path = Path(path)
        if not supported():
            raise OSError(f"{path}: caches need dir_fd support, which this platform lacks")
        if create:
            if path.parent != path:
                path.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):
                os.mkdir(path, 0o700)
        return cls(_open_folder(path, None, path.name or str(path)), path)

    def sub(self, name: str, create: bool = False) -> CacheFolder:
        """A sub-folder, verified as this folder is; OSError when refused."""
        _check_name(name)
        if create:
            with contextlib.suppress(FileExistsError):
                os.mkdir(name, 0o700, dir_fd=self.fd)
        return CacheFolder(_open_folder(name, self.fd, str(self.path / name)), self.path / name)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> CacheFolder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading -------------------------------------------------------------

    def read(self, name: str, max_bytes: int) -> bytes | None:
        """The bytes of a regular file of the user's with one link and at most
        `max_bytes`; None for anything else (absent, a link, a FIFO, a device,
        a folder, another user's file, too big, unreadable)."""
        _check_name(name)
        try:
            fd = os.open(name, _READ_FLAGS | _CLOEXEC, dir_fd=self.fd)
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not _own_regular_file(info) or info.st_size > max_bytes:
                return None
            chunks, size = [], 0
            while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:  # it grew since fstat
                    return None
            return b"".join(chunks)
        except OSError:
            return None
        finally:
            os.close(fd)

    def lstat(self, name: str) -> os.stat_result | None:
        _check_name(name)
        try:
            return os.stat(name, dir_fd=self.fd, follow_symlinks=False)
        except OSError:
            return None

    def names(self) -> list[str]:
        """The names in the folder. Read through a descriptor of its own: one
        shared with forked workers would share their reading position too."""
        try:
            fd = os.open(".", _DIR_FLAGS | _CLOEXEC, dir_fd=self.fd)
        except OSError:
            return []
        try:
            return os.listdir(fd)
        except OSError:
            return []
        finally:
            os.close(fd)

    # --- writing -------------------------------------------------------------

    def write(self, name: str, data: bytes, mode: int = 0o600) -> None:
        """Replace `name` by a regular file holding `data`, atomically: a
        reader sees the old file or the new one, never a part. An existing
        link at `name` is replaced by the file, never written through."""
        temporary = self._write_temporary(name, data, mode)
        try:
            os.replace(temporary, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except BaseException:
            self._discard(temporary)
            raise

    def create(self, name: str, data: bytes, mode: int = 0o600) -> bool:
        """Create `name` holding `data` unless something is there already
        (then False). The file appears whole (a hard link of a finished
        temporary file), so a crash never leaves it empty."""
        temporary = self._write_temporary(name, data, mode)
        try:
            os.link(temporary, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
            return True
        except FileExistsError:
            return False
        finally:
            self._discard(temporary)

    def _write_temporary(self, name: str, data: bytes, mode: int) -> str:
        _check_name(name)
        temporary = f"{name}.{os.urandom(8).hex()}.tmp"
        fd = os.open(temporary, _NEW_FLAGS | _CLOEXEC, mode, dir_fd=self.fd)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except BaseException:
            self._discard(temporary)
            raise
        return temporary

    def _discard(self, name: str) -> None:
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=self.fd)

    def touch(self, name: str, times: tuple[float, float] | None = None) -> None:
        """Set a regular file's times (never a link's target's)."""
        info = self.lstat(name)
        if info is not None and _own_regular_file(info):
            with contextlib.suppress(OSError):
                os.utime(name, times, dir_fd=self.fd, follow_symlinks=False)

    # --- deleting ------------------------------------------------------------

    def remove(self, name: str, is_entry: Callable[[str], bool]) -> bool:
        """Delete `name` if the caller's entry format accepts it and it is a
        regular file of the user's (a link is never followed, and a link is
        not an entry). True when deleted."""
        if not is_entry(name):
            return False
        info = self.lstat(name)
        if info is None or not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
            return False
        try:
            os.unlink(name, dir_fd=self.fd)
            return True
        except OSError:
            return False

    def remove_stale_temporaries(self, older_than: float, is_entry: Callable[[str], bool]) -> int:
        """Delete temporary files of entries (a run killed mid-write) last
        changed before `older_than`."""
        deleted = 0
        for name in self.names():
            found = TEMPORARY.fullmatch(name)
            if found is None or not is_entry(found["name"]):
                continue
            info = self.lstat(name)
            if info is not None and info.st_mtime < older_than:
                deleted += self.remove(name, lambda _name: True)
        return deleted


def _check_name(name: str) -> None:
    if not name or name in (".", "..") or "/" in name or "\0" in name or os.sep in name:
        raise ValueError(f"not a name inside a cache folder: {name!r}")


def _own_regular_file(info: os.stat_result) -> bool:
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid() and info.st_nlink == 1


def _open_folder(path: str | Path, dir_fd: int | None, shown: str) -> int:
    """Open a folder without following a link; OSError naming the reason."""
    try:
        fd = os.open(path, _DIR_FLAGS | _CLOEXEC, dir_fd=dir_fd)
    except OSError as exc:
        try:
            info = os.stat(path, dir_fd=dir_fd, follow_symlinks=False)
        except OSError:
            raise OSError(exc.errno, f"{shown}: {exc.strerror}") from None
        if stat.S_ISLNK(info.st_mode):
            raise OSError(f"{shown} is a symbolic link") from None
        if not stat.S_ISDIR(info.st_mode):
            raise OSError(f"{shown} is not a folder") from None
        raise OSError(exc.errno, f"{shown}: {exc.strerror}") from None
    info = os.fstat(fd)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
        os.close(fd)
        raise OSError(f"{shown} is not a folder of the user running newslint")
    return fd
