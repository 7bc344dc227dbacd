"""Configuration: `[tool.newslint]` in pyproject.toml, or a `.newslint.toml`.

The nearest file wins, searching from the checked file's folder upwards (as
ruff does); in one folder `.newslint.toml` beats `pyproject.toml`. Paths in a
configuration file are relative to that file.

    [tool.newslint]
    packs = ["style/house.yaml"]       # user packs, added to the built-in ones
    builtin-packs = true               # or a list of pack names to keep
    select = ["mt", "scrape"]          # rule-id prefixes to run (default: all enabled)
    extend-select = ["quality.readability"]  # add rules that are off by default
    ignore = ["mt.repeated-word"]      # rule-id prefixes to skip
    fail-on = "warning"                # error | warning | info
    include = ["*.txt", "*.md"]
    extend-exclude = ["drafts/**"]     # skipped in folder walks, beside the defaults
    exclude = [...]                    # replaces the defaults (lint.discovery.DEFAULT_EXCLUDE)
    respect-gitignore = true           # skip what .gitignore and .ignore files ignore
    force-exclude = false              # apply the excludes to files named on the command line
    max-document-size = "10MB"         # larger inputs are skipped with a message
    extend = "../pyproject.toml"       # inherit another configuration (see `_inherit`)

    [tool.newslint.severity]           # override a rule's severity, or switch it off
    "mt.kiev" = "error"
    "style.metric" = "off"

    [tool.newslint.per-file-ignores]
    "archive/*.txt" = ["mt"]
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath

from lint.discovery import DEFAULT_EXCLUDE
from lint.finding import SEVERITIES
from lint.sources import DEFAULT_MAX_DOCUMENT_BYTES, InputError, parse_size, read_bytes

CONFIG_FILES = (".newslint.toml", "pyproject.toml")
KEYS = {
    "packs",
    "builtin-packs",
    "select",
    "extend-select",
    "ignore",
    "fail-on",
    "include",
    "exclude",
    "extend-exclude",
    "respect-gitignore",
    "force-exclude",
    "extend",
    "severity",
    "per-file-ignores",
    "thresholds",
    "max-document-size",
}
DEFAULT_INCLUDE = ("*.txt", "*.md")
# A configuration file larger than this is refused (pyproject.toml files are a few KB).
MAX_CONFIG_BYTES = 4 << 20


class ConfigError(Exception):
    """A configuration file that cannot be used; str() names the file."""


@dataclass(frozen=True)
class Config:
    packs: tuple[Path, ...] = ()
    builtin_packs: bool | tuple[str, ...] = True
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)  # see lint.gate
    max_document_size: int = DEFAULT_MAX_DOCUMENT_BYTES  # bytes; larger inputs are skipped
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None  # the file this came from, if any

    def key(self) -> tuple:
        """Identity for caching linters: two configs with one key share rules."""
        return (
            self.packs,
            self.builtin_packs,
            self.select,
            self.extend_select,
            self.ignore,
            tuple(sorted(self.severity.items())),
        )

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Rule prefixes ignored for one file by per-file-ignores."""
        if not self.per_file_ignores:
            return ()
        try:
            rel = _resolve(path).relative_to(_resolve_folder(str(self.root))).as_posix()
        except (ValueError, OSError):
            rel = PurePath(path).as_posix()
        out: list[str] = []
        for pattern, prefixes in self.per_file_ignores.items():
            if os.path.isabs(pattern):  # inherited from a configuration in another folder
                if fnmatch.fnmatch(_resolve(path).as_posix(), pattern):
                    out.extend(prefixes)
            elif fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(PurePath(path).name, pattern):
                out.extend(prefixes)
        return tuple(out)


def _resolve(path: str) -> Path:
    """`Path(path).resolve()`, resolving each folder once (per-file-ignores ask
    for every file, and `resolve` walks every component)."""
    p = Path(path)
    if p.name in ("", "..") or os.path.islink(p):
        return p.resolve()
    return _resolve_folder(str(p.parent)) / p.name


def _resolve_folder(folder: str) -> Path:
    # A relative folder depends on the working directory, which may change.
    where = folder if os.path.isabs(folder) else os.path.join(os.getcwd(), folder)
    return _resolved(where)


@lru_cache(maxsize=4096)
def _resolved(folder: str) -> Path:
    return Path(folder).resolve()


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file at or above `start` that configures newslint."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and _section(candidate) is not None:
                return candidate
    return None


def _section(path: Path) -> dict | None:
    """The newslint table of a configuration file, None when it has none."""
    data = read_bytes(str(path), MAX_CONFIG_BYTES, limit_hint="")  # never a FIFO or device
    if isinstance(data, InputError):
        raise ConfigError(f"{path}: cannot read configuration: {data.reason}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    return _parse_section(path, text)


@lru_cache(maxsize=64)
def _parse_section(path: Path, text: str) -> dict | None:
    """Parsed once per process for the same text (a run asks for the same file
    several times), so the table returned is shared: it must not be modified."""
    import tomllib  # only when there is a file to read

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("newslint")
    return data


def load_config(path: Path) -> Config:
    return parse_config(_inherit(path, ()), path)


# Keys whose lists add to those of the configuration extended, as in ruff.
_ADDING = ("extend-select", "extend-exclude")
_TABLES = ("severity", "per-file-ignores", "thresholds")  # merged key by key


def _inherit(path: Path, chain: tuple[Path, ...]) -> dict:
    """The newslint table of `path` on top of the one it `extend`s, as ruff
    does: a key the nearer file sets replaces the other's, except the
    `extend-*` lists, which add (a `select` drops the extended file's
    `extend-select`), and the tables (`severity`, `per-file-ignores`,
    `thresholds`), merged key by key. Paths and patterns with a '/' keep
    meaning what they meant in the file that wrote them."""
    path = path.resolve()
    if path in chain:
        cycle = " -> ".join(str(p) for p in (*chain, path))
        raise ConfigError(f"{chain[-1]}: extend makes a cycle: {cycle}")
    section = _section(path) or {}
    if "extend" not in section:
        return section
    target = section["extend"]
    if not isinstance(target, str) or not target:
        raise ConfigError(f"{path}: extend must be the path of a configuration file")
    base_path = path.parent / os.path.expanduser(os.path.expandvars(target))
    if not base_path.is_file():
        raise ConfigError(f"{path}: extend: no configuration file {target!r} ({base_path})")
    base = _anchored(_inherit(base_path, (*chain, path)), base_path.resolve())
    parse_config(base, base_path)  # the extended file's own errors, under its own name
    merged = {k: v for k, v in base.items() if k != "extend"}
    for key, value in section.items():
        if key == "extend":
            continue
        if key in _ADDING and isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = merged[key] + value
        elif key in _TABLES and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
        if key == "select":
            merged.pop("extend-select", None)
    return merged


def _anchored(section: dict, path: Path) -> dict:
    """A section whose relative paths (packs) and patterns with a '/'
    (excludes, per-file-ignores) are made absolute against its file's folder,
    before another file in another folder inherits them."""
    folder = path.parent
    out = dict(section)

    def pattern(p):
        return (folder / p).as_posix() if isinstance(p, str) and "/" in p.strip("/") else p

    if isinstance(out.get("packs"), list):
        out["packs"] = [str(folder / p) if isinstance(p, str) else p for p in out["packs"]]
    for key in ("exclude", "extend-exclude"):
        if isinstance(out.get(key), list):
            out[key] = [pattern(p) for p in out[key]]
    if isinstance(out.get("per-file-ignores"), dict):
        out["per-file-ignores"] = {pattern(k): v for k, v in out["per-file-ignores"].items()}
    return out


def parse_config(section: dict, path: Path | None = None) -> Config:
    where = str(path) if path else "configuration"
    root = path.parent if path else Path.cwd()
    unknown = set(section) - KEYS
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(KEYS))})"
        )

    def strings(key: str) -> tuple[str, ...] | None:
        if key not in section:
            return None
        value = section[key]
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ConfigError(f"{where}: {key} must be a list of strings")
        return tuple(value)

    builtin = section.get("builtin-packs", True)
    if isinstance(builtin, list):
        builtin = tuple(builtin)
    elif not isinstance(builtin, bool):
        raise ConfigError(f"{where}: builtin-packs must be true, false or a list of pack names")
    fail_on = section.get("fail-on", "warning")
    if fail_on not in SEVERITIES:
        raise ConfigError(f"{where}: fail-on must be one of {', '.join(SEVERITIES)}")
    severity = section.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{where}: severity must be a table of rule = level")
    for rule, level in severity.items():
        if level not in (*SEVERITIES, "off"):
            raise ConfigError(
                f"{where}: severity of {rule!r} must be one of {', '.join(SEVERITIES)} or off"
            )
    ignores = section.get("per-file-ignores", {})
    if not isinstance(ignores, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in ignores.values()
    ):
        raise ConfigError(f"{where}: per-file-ignores must be a table of glob = [rules]")
    thresholds = _thresholds(section.get("thresholds", {}), where)
    switches = {}
    for key in ("respect-gitignore", "force-exclude"):
        value = section.get(key, key == "respect-gitignore")
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {key} must be true or false")
        switches[key] = value
    max_size = DEFAULT_MAX_DOCUMENT_BYTES
    if "max-document-size" in section:
        try:
            max_size = parse_size(section["max-document-size"])
        except ValueError as exc:
            raise ConfigError(f"{where}: max-document-size: {exc}") from None
    return Config(
        packs=tuple((root / p).resolve() for p in strings("packs") or ()),
        builtin_packs=builtin,
        select=strings("select"),
        extend_select=strings("extend-select") or (),
        ignore=strings("ignore") or (),
        fail_on=fail_on,
        include=strings("include") or DEFAULT_INCLUDE,
        exclude=(strings("exclude") or ()) if "exclude" in section else DEFAULT_EXCLUDE,
        extend_exclude=strings("extend-exclude") or (),
        respect_gitignore=switches["respect-gitignore"],
        force_exclude=switches["force-exclude"],
        severity=dict(severity),
        per_file_ignores={k: tuple(v) for k, v in ignores.items()},
        thresholds=thresholds,
        max_document_size=max_size,
        root=root.resolve(),
        source=path,
    )


def _thresholds(table: object, where: str) -> dict[str, float]:
    """`[tool.newslint.thresholds]`: NAME = limit, "FAMILY:NAME" = limit, or a
    sub-table per family (`[tool.newslint.thresholds.mt]`)."""
    if table == {}:
        return {}
    from lint.gate import THRESHOLD_KEYS, check_key  # lint.gate only for a file that sets some

    usage = (
        f"{where}: thresholds must be a table of [FAMILY:]NAME = limit (>= 0), "
        f"NAME one of {', '.join(THRESHOLD_KEYS)}"
    )
    if not isinstance(table, dict):
        raise ConfigError(usage)
    flat: dict[str, object] = {}
    for key, value in table.items():
        if isinstance(value, dict) and key not in THRESHOLD_KEYS:
            flat.update({f"{key}:{name}": limit for name, limit in value.items()})
        else:
            flat[key] = value
    out = {}
    for key, value in flat.items():
        try:
            check_key(key)
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise ConfigError(usage)
        out[key] = float(value)
    return out


def matches_prefix(rule_id: str, prefixes: tuple[str, ...]) -> bool:
    """ruff-style selection: "mt" matches "mt.kiev"; "ALL" matches everything."""
    return any(p == "ALL" or rule_id == p or rule_id.startswith(p + ".") for p in prefixes)
