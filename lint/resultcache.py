"""Results of unchanged files, kept between runs (`.newslint_cache/`).

A pre-commit hook or a CI gate re-checks mostly the same files. A document's
result depends only on its path, its text, the rules that ran and newslint's
own code, so it is stored under a SHA-256 of all four and reused while none
changes. `--no-cache` (or `NEWSLINT_NO_CACHE=1`) turns it off.

The folder sits in the project, where anyone who can write to the repository
could plant an entry; entries are pickles (batch facts are arbitrary picklable
values), so each is signed with HMAC-SHA256 under a random key kept in the
user's own cache folder (mode 0600), and one that does not verify is ignored
like a corrupt or missing one. Results with rule failures (timeouts) are never
stored: they depend on the machine's load, not on the text.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import time
from functools import cache
from pathlib import Path

from lint.engine import DocumentResult, Linter

DEFAULT_DIR = Path(".newslint_cache")
# Entries not used for this long are deleted, at most once a day per folder.
MAX_AGE_SECONDS = 30 * 24 * 3600
PRUNE_EVERY_SECONDS = 24 * 3600
FORMAT = b"newslint-results-1\n"
_MAC_BYTES = 32


@cache
def _secret() -> bytes:
    """The signing key, created once per user (never inside the project)."""
    from lint.cache import cache_dir

    path = cache_dir() / "result-cache.key"
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    import secrets

    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
    except FileExistsError:  # another process won the race: use its key
        return path.read_bytes()
    except OSError:  # no writable home: this run's key still signs this run's entries
        pass
    return key


def _option_files(rule) -> list[bytes]:
    """Bytes of the data files a rule's options name (`*_file`), beside its pack."""
    out: list[bytes] = []
    pack_file = rule.source.rsplit(":", 1)[0]
    for name in rule.data.data_files:
        try:
            out.append((Path(pack_file).parent / name).read_bytes())
        except OSError:
            out.append(b"?")
    return out


@cache
def _pack_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        return b"?"


def linter_key(linter: Linter) -> bytes:
    """What a linter's results depend on besides the text: code and every rule."""
    key = getattr(linter, "_result_key", None)
    if key is None:
        from lint.cache import source_digest

        h = hashlib.sha256(FORMAT)
        h.update(source_digest())
        for rule in linter.rules:
            # The rule's data stays pickled: its repr and files were noted at load.
            parts = [rule.id, rule.kind, rule.severity, rule.message, rule.fix]
            parts.append(rule.data.options_repr)
            h.update(repr(parts).encode())
            h.update(_pack_bytes(rule.source.rsplit(":", 1)[0]))
            for data in _option_files(rule):
                h.update(hashlib.sha256(data).digest())
        key = h.digest()
        linter._result_key = key
    return key


def cacheable(linter: Linter) -> bool:
    """False when a rule's kind is not a pure function of the text (it says so
    with `CACHEABLE = False`, as the LanguageTool kind does; noted at load)."""
    return all(rule.data.cacheable for rule in linter.rules)


def _mark_used(entry: Path) -> None:
    """Refresh an entry's time (at most daily), so pruning keeps what is used."""
    try:
        if time.time() - entry.stat().st_mtime > PRUNE_EVERY_SECONDS:
            os.utime(entry)
    except OSError:
        pass


class ResultCache:
    """Signed pickled `DocumentResult`s under `folder`, one file per entry."""

    def __init__(self, folder: Path = DEFAULT_DIR):
        self.folder = Path(folder)
        self.hits = self.misses = 0

    def _entry(self, linter: Linter, path: str, text: str) -> Path:
        h = hashlib.sha256(linter_key(linter))
        h.update(path.encode("utf-8", "surrogatepass") + b"\0")
        h.update(text.encode("utf-8", "surrogatepass"))
        name = h.hexdigest()
        return self.folder / name[:2] / name[2:]

    def get(self, linter: Linter, path: str, text: str) -> DocumentResult | None:
        entry = self._entry(linter, path, text)
        try:
            blob = entry.read_bytes()
        except OSError:
            self.misses += 1
            return None
        mac, payload = blob[:_MAC_BYTES], blob[_MAC_BYTES:]
        expected = hmac.new(_secret(), payload, hashlib.sha256).digest()
        result = None
        if hmac.compare_digest(mac, expected) and payload.startswith(FORMAT):
            try:
                result = pickle.loads(payload[len(FORMAT) :])
            except Exception:  # signed by us but unreadable (an older Python?)
                result = None
        if not isinstance(result, DocumentResult) or result.path != path:
            self.misses += 1
            return None
        self.hits += 1
        _mark_used(entry)
        return result

    def prune_if_due(self, now: float | None = None) -> int:
        """Delete entries unused for MAX_AGE_SECONDS, if the last pruning was
        more than a day ago; returns how many were deleted."""
        now = time.time() if now is None else now
        marker = self.folder / "last-prune"
        try:
            if now - marker.stat().st_mtime < PRUNE_EVERY_SECONDS:
                return 0
        except FileNotFoundError:
            pass
        except OSError:
            return 0
        deleted = 0
        for entry in self.folder.glob("??/*"):
            try:
                if now - entry.stat().st_mtime > MAX_AGE_SECONDS:
                    entry.unlink()
                    deleted += 1
            except OSError:
                continue
        try:
            marker.touch()
            os.utime(marker, (now, now))
        except OSError:
            pass
        return deleted

    def put(self, linter: Linter, path: str, text: str, result: DocumentResult) -> None:
        if result.failures:
            return
        payload = FORMAT + pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
        mac = hmac.new(_secret(), payload, hashlib.sha256).digest()
        entry = self._entry(linter, path, text)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n")
            temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
            temporary.write_bytes(mac + payload)
            os.replace(temporary, entry)
        except OSError:  # a read-only project must not stop a lint run
            pass
