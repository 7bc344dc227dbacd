"""An on-disk cache of plain data built from the packs and dictionaries.

Parsing the built-in packs, the names gazetteer, lemminflect's lexicon and the
CMU dictionary cost seconds; what they give depends only on input bytes we can
hash. Entries live in `$NEWSLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/newslint`,
else `~/.cache/newslint`, named `<kind>-<SHA-256 of everything they depend
on>.<codec>`, and are written atomically through lint.cachefolder (no link is
ever followed; only files named as entries are ever deleted).
`NEWSLINT_NO_CACHE=1` turns the cache off.

Entries hold data only, never pickles: a `Codec` turns a value into bytes and
back, and its `load` checks what it reads (lint.plain), so a missing, corrupt
or tampered entry is rebuilt and can never run code. `json_codec` covers the
tables we keep today; a compact binary layout of numbers and strings (issue 20)
is another Codec with its own suffix, and `cached` stays the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from lint.cachefolder import CacheFolder

T = TypeVar("T")
FORMAT = b"newslint-cache-2"
# Entries of one kind kept when a new one is written (older code, other packs).
KEEP_PER_KIND = 4
MAX_ENTRY_BYTES = 256 * 1024 * 1024
_KEY = re.compile(r"[0-9a-f]{64}")
_KIND = re.compile(r"[a-z0-9][a-z0-9_]*")


@dataclass(frozen=True)
class Codec(Generic[T]):
    """How a value is kept on disk: `dump` makes bytes of it, `load` makes it
    back and raises (ValueError, TypeError, KeyError...) on anything it did not
    write. `suffix` names the layout in the file name."""

    suffix: str
    dump: Callable[[T], bytes]
    load: Callable[[bytes], T]


def json_codec(to_plain: Callable[[T], Any], from_plain: Callable[[Any], T]) -> Codec[T]:
    """A Codec through JSON: `to_plain` gives lists, dicts, strings and numbers;
    `from_plain` checks them and builds the value."""

    def dump(value: T) -> bytes:
        text = json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))
        return text.encode("utf-8")

    def load(data: bytes) -> T:
        return from_plain(json.loads(data))

    return Codec("json", dump, load)


def cache_dir() -> Path:
    if os.environ.get("NEWSLINT_CACHE_DIR"):
        return Path(os.environ["NEWSLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


@lru_cache(maxsize=8)
def _open_data_folder(path: Path) -> CacheFolder | None:
    try:
        return CacheFolder.open(path, create=True)
    except OSError as exc:
        if exc.errno is None:  # refused (a link, not ours), not merely read-only
            print(f"newslint: warning: data cache off: {exc}", file=sys.stderr)
        return None


def data_folder() -> CacheFolder | None:
    """The user's cache folder, opened and verified once per process; None
    when the cache is off or the folder cannot be used (said once when it is
    refused)."""
    if os.environ.get("NEWSLINT_NO_CACHE"):
        return None
    return _open_data_folder(cache_dir())


def digest(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256(FORMAT)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def _header(kind: str, key: str) -> bytes:
    return FORMAT + b" " + kind.encode() + b" " + key.encode() + b"\n"


def cached(kind: str, key: str, build: Callable[[], T], codec: Codec[T]) -> T:
    """`build()`, or its value from an earlier run with the same `key` (a
    digest()); what is read is checked by the codec, and anything wrong with
    it means building again."""
    if not _KIND.fullmatch(kind) or not _KEY.fullmatch(key):
        raise ValueError(f"a cache entry is named <kind>-<digest>: {kind}-{key}")
    folder = data_folder()
    if folder is None:
        return build()
    name = f"{kind}-{key}.{codec.suffix}"
    blob = folder.read(name, MAX_ENTRY_BYTES)
    header = _header(kind, key)
    if blob is not None and blob.startswith(header):
        try:
            return codec.load(blob[len(header) :])
        except Exception:  # malformed: built again below (loading runs no code)
            pass
    value = build()
    try:
        folder.write(name, header + codec.dump(value), 0o600)
        prune(folder, kind, codec.suffix)
    except OSError:  # a read-only home must not stop a lint run
        pass
    return value


def prune(folder: CacheFolder, kind: str, suffix: str, keep: int = KEEP_PER_KIND) -> int:
    """Delete all but the `keep` newest entries of `kind` in this layout, so
    that upgrades and edited packs do not grow the cache without end (the
    pickles of newslint 0.1, never read, are left to it: another installed
    version may still use them). Returns how many were deleted."""
    entry = re.compile(rf"{re.escape(kind)}-[0-9a-f]{{64}}\.{re.escape(suffix)}")
    entries = []
    deleted = 0
    for name in folder.names():
        if entry.fullmatch(name):
            info = folder.lstat(name)
            if info is not None:
                entries.append((info.st_mtime, name))
    for _, name in sorted(entries, reverse=True)[keep:]:
        deleted += folder.remove(name, entry.fullmatch)
    return deleted


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


# --- codecs for common shapes ---------------------------------------------------


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return value


WORD_SET: Codec[frozenset[str]] = json_codec(sorted, lambda v: frozenset(_strings(v)))
"""A set of strings, kept as a sorted list."""


def word_sets(count: int) -> Codec[tuple[frozenset[str], ...]]:
    """A tuple of `count` sets of strings."""

    def from_plain(value: Any) -> tuple[frozenset[str], ...]:
        if not isinstance(value, list) or len(value) != count:
            raise ValueError(f"expected {count} lists of strings")
        return tuple(frozenset(_strings(v)) for v in value)

    return json_codec(lambda sets: [sorted(s) for s in sets], from_plain)
