"""A small on-disk cache for work that is the same on every run.

Compiling the built-in packs (the names gazetteer above all) and reading the
CMU dictionary cost seconds; their results depend only on input bytes we can
hash. Entries live in `$NEWSLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/newslint`,
else `~/.cache/newslint`, named by a SHA-256 of everything they depend on, and
are written atomically. A missing, unreadable or corrupt entry is rebuilt;
`NEWSLINT_NO_CACHE=1` turns the cache off. Entries are pickles: the cache is the
user's own, with the same trust as their home directory.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
FORMAT = b"newslint-cache-1"
# Entries of one kind kept when a new one is written (older code, other packs).
KEEP_PER_KIND = 4


def cache_dir() -> Path:
    if os.environ.get("NEWSLINT_CACHE_DIR"):
        return Path(os.environ["NEWSLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def digest(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256(FORMAT)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """`build()`, or its result from an earlier run with the same `key`."""
    if os.environ.get("NEWSLINT_NO_CACHE"):
        return build()
    path = cache_dir() / f"{kind}-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # absent, unreadable or corrupt: rebuild
        pass
    value = build()
    try:
        from lint.atomic import write_atomically

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, pickle.dumps(value, pickle.HIGHEST_PROTOCOL), mode=0o600)
        prune(path.parent, kind)
    except Exception:  # a read-only home must not stop a lint run
        pass
    return value


def prune(folder: Path, kind: str, keep: int = KEEP_PER_KIND) -> None:
    """Delete all but the `keep` newest entries of `kind`, so that upgrades and
    edited packs do not grow the cache without end."""
    entries = []
    for path in folder.glob(f"{kind}-*.pickle"):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _, path in sorted(entries, reverse=True)[keep:]:
        path.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def source_digest() -> bytes:
    """Identity of newslint's own code, so a changed kind invalidates its packs.

    Once per process (the pack cache and the result cache both ask); `os.walk`
    rather than `Path.rglob`, which costs more than the hashing on start-up.
    """
    package = os.path.dirname(os.path.realpath(__file__))
    return tree_digest(package, lambda name: name.endswith(".py"))


@lru_cache(maxsize=1)
def _dist_info_versions() -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                dist, _, version = name[: -len(".dist-info")].partition("-")
                found.setdefault(_normalise(dist), version)
    return found


def _normalise(distribution: str) -> str:
    return distribution.lower().replace("-", "_").replace(".", "_")


def installed_version(distribution: str) -> str:
    """The installed version of a distribution (for cache keys), from its
    `.dist-info` folder on sys.path: importlib.metadata costs 40 ms of
    start-up to say the same; it remains the fallback."""
    version = _dist_info_versions().get(_normalise(distribution))
    if version is None:
        from importlib.metadata import version as metadata_version

        version = metadata_version(distribution)
    return version


def tree_digest(folder: str, wanted: Callable[[str], bool] = lambda name: True) -> bytes:
    """SHA-256 over the relative paths and bytes of the wanted files under `folder`."""
    found: list[tuple[str, str]] = []
    for directory, _dirs, names in os.walk(folder):
        relative = os.path.relpath(directory, folder)
        for name in names:
            if wanted(name):
                rel = name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")
                found.append((rel, os.path.join(directory, name)))
    h = hashlib.sha256()
    for rel, path in sorted(found):
        h.update(rel.encode())
        with open(path, "rb") as fh:
            h.update(fh.read())
    return h.digest()
