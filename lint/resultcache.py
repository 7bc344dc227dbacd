"""Results of unchanged files, kept between runs.

A pre-commit hook or a CI gate re-checks mostly the same files. A document's
result depends only on its path, its text, the rules that ran and newslint's
own code, so it is stored under a SHA-256 of all four and reused while none
changes. `--no-cache` (or `NEWSLINT_NO_CACHE=1`) turns it off.

Where: `--cache-dir DIR`; else `$NEWSLINT_CACHE_DIR/results`; else
`.newslint_cache/` in the current folder, which holds a `.gitignore` of `*`
(git never shows it) and a `CACHEDIR.TAG` (backup tools skip it). The folder
is opened through lint.cachefolder: a link, or a folder of another user's,
turns the cache off; links inside are never followed, and pruning deletes
only regular files named as entries are.

An entry is JSON: the findings, word count and batch facts of one document,
each field checked on load; anything malformed is a miss. Nothing is
unpickled. Entries are still signed (HMAC-SHA256 under a random per-user key
kept in the user's cache folder, mode 0600): the folder may sit in the
project, and a planted entry could otherwise decide a file's findings, which
a repository's own configuration can also do, but not when the person
running newslint sets the rules (`--isolated`, `--config`). Results with rule
failures (time-outs) are never stored: they depend on the machine's load.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import sys
import time
from functools import cache
from pathlib import Path

from lint.cachefolder import CacheFolder
from lint.engine import DocumentResult, Linter
from lint.finding import SEVERITIES, Finding
from lint.kinds import load_kind
from lint.kinds.base import BatchKind
from lint.plain import expect, from_row, to_row

DEFAULT_DIR = Path(".newslint_cache")
# Entries not used for this long are deleted, at most once a day per folder.
MAX_AGE_SECONDS = 30 * 24 * 3600
PRUNE_EVERY_SECONDS = 24 * 3600
FORMAT = b"newslint-results-2\n"
MAX_ENTRY_BYTES = 32 * 1024 * 1024
KEY_FILE = "result-cache.key"
KEY_BYTES = 32
_MAC_BYTES = 32
_SHARD = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"[0-9a-f]{62}")
CACHEDIR_TAG = (
    b"Signature: 8a477f597d28d172789f06886806bc55\n"
    b"# This file is a cache directory tag created by newslint.\n"
    b"# For information about cache directory tags see https://bford.info/cachedir/\n"
)
_WARNED: set[str] = set()


def default_folder() -> Path:
    """Where results go when `--cache-dir` is not given."""
    if os.environ.get("NEWSLINT_CACHE_DIR"):
        return Path(os.environ["NEWSLINT_CACHE_DIR"]) / "results"
    return DEFAULT_DIR


def _warn_once(message: str) -> None:
    if message not in _WARNED:
        _WARNED.add(message)
        print(f"newslint: warning: {message}", file=sys.stderr)


@cache
def _secret() -> bytes | None:
    """The signing key, kept once per user in the user's cache folder (never
    in the project). It is created whole (lint.cachefolder.create), so a
    crash never leaves an empty key; a key file that is not exactly a key
    (empty, short, a link, a FIFO) is replaced. None when no key can be kept:
    then nothing is stored or read."""
    from lint.cache import data_folder

    folder = data_folder()
    if folder is None:
        return None
    key = folder.read(KEY_FILE, 4 * KEY_BYTES)
    if key is not None and len(key) == KEY_BYTES:
        return key
    fresh = os.urandom(KEY_BYTES)
    try:
        if folder.lstat(KEY_FILE) is not None:
            folder.write(KEY_FILE, fresh)  # unusable: replaced, never written through
            return fresh
        if folder.create(KEY_FILE, fresh):
            return fresh
    except OSError:
        return None
    key = folder.read(KEY_FILE, 4 * KEY_BYTES)  # another process created it first
    return key if key is not None and len(key) == KEY_BYTES else None


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
            # Noted at load, so a rule need not be compiled to be keyed.
            parts = [rule.id, rule.kind, rule.severity, rule.message, rule.fix]
            parts.append(rule.data.options_key)
            h.update(repr(parts).encode())
            h.update(_pack_bytes(rule.source.rsplit(":", 1)[0]))
            for data in _option_files(rule):
                h.update(hashlib.sha256(data).digest())
        key = h.digest()
        linter._result_key = key
    return key


def cacheable(linter: Linter) -> bool:
    """False when a rule's kind is not a pure function of the text (it says so
    with `cacheable=False`, as the LanguageTool kind does; noted at load)."""
    return all(rule.data.cacheable for rule in linter.rules)


# --- entries as JSON ------------------------------------------------------------


def encode(result: DocumentResult, linter: Linter) -> bytes | None:
    """The entry for `result`, or None when a batch kind cannot write its facts
    as data (only a `BatchKind` has `fact_to_json`: the result is then not cached)."""
    findings = [to_row(f)[1:] for f in result.findings]  # the path is the entry's
    facts = {}
    for rule_id, items in result.facts.items():
        if items:
            kind = load_kind(linter.by_id[rule_id].kind)
            if not isinstance(kind, BatchKind):
                return None
            facts[rule_id] = [kind.fact_to_json(item) for item in items]
        else:
            facts[rule_id] = []
    data = {"path": result.path, "words": result.words, "findings": findings, "facts": facts}
    # ASCII, so a file name's undecodable bytes (lone surrogates) are kept as escapes.
    return json.dumps(data, separators=(",", ":")).encode("ascii")


def decode(payload: bytes, linter: Linter, path: str, text: str) -> DocumentResult:
    """The result an entry holds; ValueError (or TypeError, KeyError) on any
    field that is not what `encode` writes for this path, text and linter."""
    data = expect(json.loads(payload), dict, "an entry")
    if data.get("path") != path or set(data) != {"path", "words", "findings", "facts"}:
        raise ValueError("an entry for another path")
    findings = []
    for row in expect(data["findings"], list, "findings"):
        finding = from_row(Finding, [path, *expect(row, list, "a finding")])
        if finding.rule not in linter.by_id or finding.severity not in SEVERITIES:
            raise ValueError(f"a finding of an unknown rule or severity: {finding.rule}")
        if not (0 <= finding.offset <= len(text) and 0 <= finding.end_offset <= len(text)):
            raise ValueError("a finding outside the text")
        findings.append(finding)
    facts = {}
    for rule_id, items in expect(data["facts"], dict, "facts").items():
        if not expect(items, list, rule_id):
            facts[rule_id] = []  # no fact: no need to import the kind
            continue
        kind = load_kind(linter.by_id[rule_id].kind)
        if not isinstance(kind, BatchKind):
            raise ValueError(f"facts for {rule_id}, which collects none")
        facts[rule_id] = [kind.fact_from_json(item) for item in expect(items, list, rule_id)]
    words = expect(data["words"], int, "words")
    return DocumentResult(path, findings, [], facts, words)


# --- the folder -------------------------------------------------------------------


class ResultCache:
    """Signed JSON `DocumentResult`s under `folder`, one file per entry."""

    def __init__(self, folder: Path = DEFAULT_DIR):
        self.folder = Path(folder)
        self.hits = self.misses = 0
        self._open: CacheFolder | None = None
        self._refused = False
        self._tagged = False

    def _root(self, create: bool) -> CacheFolder | None:
        """The verified cache folder (created when `create`), or None: absent,
        or refused (a link, not ours: then said once on stderr)."""
        if self._open is None and not self._refused:
            if not create and self.folder.is_symlink():
                create = True  # say why it is refused, not merely "absent"
            if not create and not self.folder.exists():
                return None
            try:
                self._open = CacheFolder.open(self.folder, create=create)
            except OSError as exc:
                self._refused = True
                if exc.errno is None:  # refused (a link, not ours), not merely read-only
                    _warn_once(f"result cache off: {exc}")
        return self._open

    def close(self) -> None:
        if self._open is not None:
            self._open.close()
            self._open = None

    def _name(self, linter: Linter, path: str, text: str) -> str:
        h = hashlib.sha256(linter_key(linter))
        h.update(path.encode("utf-8", "surrogatepass") + b"\0")
        h.update(text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def get(self, linter: Linter, path: str, text: str) -> DocumentResult | None:
        result = self._read(linter, path, text)
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def _read(self, linter: Linter, path: str, text: str) -> DocumentResult | None:
        root = self._root(create=False)
        secret = _secret() if root is not None else None
        if secret is None:
            return None
        name = self._name(linter, path, text)
        try:
            shard = root.sub(name[:2])
        except OSError:
            return None
        with shard:
            blob = shard.read(name[2:], MAX_ENTRY_BYTES)
            if blob is None:
                return None
            mac, payload = blob[:_MAC_BYTES], blob[_MAC_BYTES:]
            expected = hmac.new(secret, payload, hashlib.sha256).digest()
            if not hmac.compare_digest(mac, expected) or not payload.startswith(FORMAT):
                return None
            try:
                result = decode(payload[len(FORMAT) :], linter, path, text)
            except (ValueError, TypeError, KeyError, RecursionError):
                return None
            info = shard.lstat(name[2:])
            if info is not None and time.time() - info.st_mtime > PRUNE_EVERY_SECONDS:
                shard.touch(name[2:])  # used: pruning keeps it
        return result

    def put(self, linter: Linter, path: str, text: str, result: DocumentResult) -> None:
        if result.failures or any(f.path != path for f in result.findings):
            return
        root = self._root(create=True)
        secret = _secret() if root is not None else None
        if secret is None:
            return
        data = encode(result, linter)
        if data is None or len(FORMAT) + len(data) + _MAC_BYTES > MAX_ENTRY_BYTES:
            return
        payload = FORMAT + data
        mac = hmac.new(secret, payload, hashlib.sha256).digest()
        name = self._name(linter, path, text)
        try:
            self._tag(root)
            with root.sub(name[:2], create=True) as shard:
                shard.write(name[2:], mac + payload)
        except OSError:  # a read-only project must not stop a lint run
            pass

    def _tag(self, root: CacheFolder) -> None:
        """CACHEDIR.TAG and a `.gitignore` of `*`, once, where none is."""
        if not self._tagged:
            self._tagged = True
            for name, content in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", b"*\n")):
                if root.lstat(name) is None:
                    root.create(name, content, 0o644)

    def prune_if_due(self, now: float | None = None) -> int:
        """Delete entries unused for MAX_AGE_SECONDS, if the last pruning was
        more than a day ago; returns how many were deleted. Only regular files
        named as entries, in sub-folders named as shards, are ever deleted."""
        now = time.time() if now is None else now
        root = self._root(create=False)
        if root is None:
            return 0
        marker = root.lstat("last-prune")
        if marker is not None and now - marker.st_mtime < PRUNE_EVERY_SECONDS:
            return 0
        deleted = 0
        for shard_name in root.names():
            if not _SHARD.fullmatch(shard_name):
                continue
            try:
                shard = root.sub(shard_name)
            except OSError:  # a link or a file: not ours to walk
                continue
            with shard:
                for name in shard.names():
                    info = shard.lstat(name) if _ENTRY.fullmatch(name) else None
                    if info is not None and now - info.st_mtime > MAX_AGE_SECONDS:
                        deleted += shard.remove(name, _ENTRY.fullmatch)
                shard.remove_stale_temporaries(now - PRUNE_EVERY_SECONDS, _ENTRY.fullmatch)
        try:
            if marker is None:
                root.create("last-prune", b"", 0o644)
            root.touch("last-prune", (now, now))
        except OSError:
            pass
        return deleted
