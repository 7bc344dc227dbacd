"""From configuration to a ready `Linter`: which packs, which rules, which levels."""

from __future__ import annotations

import difflib
import os
import stat
from functools import lru_cache
from pathlib import Path

from lint.cache import Codec, cached, digest, json_codec, source_digest, tree_digest
from lint.config import Config, ConfigError, matches_prefix
from lint.engine import Linter
from lint.packs import (
    MAX_PACK_BYTES,
    Pack,
    PackError,
    Rule,
    builtin_pack_paths,
    builtin_rules_dir,
    load_pack,
    pack_from_plain,
    pack_to_plain,
    raise_all,
)


@lru_cache(maxsize=256)
def _cached_pack(path: str, mtime_ns: int, size: int) -> Pack:
    return load_pack(path)


def _pack_file_stat(path: Path) -> os.stat_result:
    """The stat of a user's pack, which must be a regular file of a sane size:
    a FIFO or a device would make `load_pack` wait or read without end."""
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise PackError(str(path), None, f"cannot read pack: {reason}") from None
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise PackError(str(path), None, f"cannot read pack: {what} (a FIFO or device?)")
    if info.st_size > MAX_PACK_BYTES:
        raise PackError(
            str(path), None, f"pack is {info.st_size} bytes; the limit is {MAX_PACK_BYTES}"
        )
    return info


def load_pack_file(path: Path) -> Pack:
    """`load_pack` for a pack a user names (--pack, `packs =`, test-packs)."""
    _pack_file_stat(path)
    return load_pack(path)


def cached_pack(path: Path) -> Pack:
    """Load a pack once per process (reloaded when the file changes)."""
    info = _pack_file_stat(path)
    return _cached_pack(str(path), info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=1)
def _builtin_key() -> str:
    """Everything the built-in packs' compilation depends on: newslint's code and
    every file in the built-in rules folder (packs and their data files)."""
    folder = builtin_rules_dir()
    # The folder's own name too, since rules name their source file.
    return digest([source_digest(), str(folder).encode(), tree_digest(str(folder))])


def _compile_builtin_packs() -> dict[str, Pack]:
    return {path.name: load_pack(path) for path in builtin_pack_paths()}


def _packs_from_plain(value: object) -> dict[str, Pack]:
    if not isinstance(value, list):
        raise ValueError("expected a list of packs")
    packs = [pack_from_plain(item) for item in value]
    return {Path(pack.path).name: pack for pack in packs}


PACKS: Codec[dict[str, Pack]] = json_codec(
    lambda packs: [pack_to_plain(pack) for pack in packs.values()], _packs_from_plain
)


def _literals_from_plain(value: object) -> dict[tuple[str, int], tuple]:
    """lint.patterns.literal_table's rows: [pattern, flags, words or null, positional]."""
    if not isinstance(value, list):
        raise ValueError("expected a list of rows")
    table = {}
    for row in value:
        if not (isinstance(row, list) and len(row) == 4):
            raise ValueError("a row is [pattern, flags, words, positional]")
        pattern, flags, words, positional = row
        if not (isinstance(pattern, str) and type(flags) is int and type(positional) is bool):
            raise ValueError("a row is [pattern, flags, words, positional]")
        if words is not None:
            if not (isinstance(words, list) and all(isinstance(w, str) for w in words)):
                raise ValueError("words are strings")
            words = frozenset(words)
        table[(pattern, flags)] = (words, positional)
    return table


LITERALS: Codec[dict[tuple[str, int], tuple]] = json_codec(
    lambda table: [
        [pattern, flags, None if words is None else sorted(words), positional]
        for (pattern, flags), (words, positional) in table.items()
    ],
    _literals_from_plain,
)


@lru_cache(maxsize=1)
def builtin_packs() -> dict[str, Pack]:
    """The built-in packs by file name, compiled once and kept in the on-disk
    cache between runs as plain data: each rule's options, built on first use
    (see `lint.packs.RuleData`). The prefilter's analysis of their regexes
    (lint.patterns) is cached beside them."""
    packs = cached("packs", _builtin_key(), _compile_builtin_packs, PACKS)
    from lint.patterns import literal_table, remember_literals_from

    rules = [rule for pack in packs.values() for rule in pack.rules]
    remember_literals_from(
        lambda: cached(
            "literals",
            _builtin_key(),
            lambda: literal_table(r.compiled for r in rules),
            LITERALS,
        )
    )
    return packs


def packs_for(config: Config) -> list[Pack]:
    packs = []
    if config.builtin_packs:
        builtin = builtin_packs().values()
        if config.builtin_packs is not True:
            _check_pack_names(config, [pack.name for pack in builtin])
        for pack in builtin:
            if isinstance(config.builtin_packs, bool) or pack.name in config.builtin_packs:
                packs.append(pack)
    errors: list[PackError] = []
    for path in config.packs:
        try:
            packs.append(cached_pack(Path(path)))
        except PackError as exc:
            errors.append(exc)  # the other packs' errors are reported too
    raise_all(errors)
    return packs


def _check_pack_names(config: Config, known: list[str]) -> None:
    """A misspelt name in `builtin-packs` would switch its rules off in silence."""
    if isinstance(config.builtin_packs, bool):
        return
    for name in config.builtin_packs:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            where = config.source or "configuration"
            raise ConfigError(
                f"{where}: builtin-packs: no built-in pack {name!r}{hint} "
                f"(built-in packs: {', '.join(sorted(known))})"
            )


def all_rules(config: Config) -> list[Rule]:
    """Every rule the configured packs define; a later pack's rule replaces an
    earlier one with the same id (so a user pack can redefine a built-in rule)."""
    rules: dict[str, Rule] = {}
    for pack in packs_for(config):
        for rule in pack.rules:
            rules[rule.id] = rule
    return list(rules.values())


def check_selectors(config: Config, rules: list[Rule]) -> None:
    """ConfigError naming any rule id or prefix in select, extend-select,
    ignore, per-file-ignores or [severity] that matches no rule (`--select nmes`
    would otherwise run nothing and pass), with the closest known ones."""
    from lint.suppressions import UNKNOWN, UNUSED

    ids = [rule.id for rule in rules] + [UNKNOWN, UNUSED]  # findings about suppressions
    prefixes = {
        ".".join(parts[:n])
        for rule_id in ids
        for parts in [rule_id.split(".")]
        for n in range(1, len(parts) + 1)
    }
    named = [
        *(("select", p) for p in config.select or ()),
        *(("extend-select", p) for p in config.extend_select),
        *(("ignore", p) for p in config.ignore),
        *(("severity", p) for p in config.severity),
        *(("per-file-ignores", p) for group in config.per_file_ignores.values() for p in group),
    ]
    for where, selector in named:
        if selector == "ALL" or selector in prefixes:
            continue
        close = difflib.get_close_matches(selector, sorted(prefixes), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        source = f"{config.source}: " if config.source else ""
        raise ConfigError(f"{source}{where}: no rule id or prefix {selector!r}{hint}")


def selected_rules(config: Config) -> list[Rule]:
    chosen = []
    rules = all_rules(config)
    check_selectors(config, rules)
    for rule in rules:
        if config.select is not None:
            # Naming a prefix switches on everything under it; ALL keeps defaults.
            named = tuple(p for p in config.select if p != "ALL")
            on = matches_prefix(rule.id, named) or (rule.enabled and "ALL" in config.select)
        else:
            on = rule.enabled
        if matches_prefix(rule.id, config.extend_select):
            on = True
        if matches_prefix(rule.id, config.ignore):
            on = False
        level = config.severity.get(rule.id)
        if level == "off":
            on = False
        elif level:
            rule = rule.with_severity(level)
        if on:
            chosen.append(rule)
    return chosen


def linter_for(config: Config) -> Linter:
    """A linter of the rules `config` selects (a `Runner` keeps one per
    configuration; the packs behind it are loaded once per process)."""
    return Linter(selected_rules(config))
