"""Which files a run checks: paths named on the command line, and the files
found by walking the folders among them.

As in ruff, a folder walk skips what a project never means to lint: the
usual vendor, build and cache folders (`DEFAULT_EXCLUDE`), hidden folders,
the configuration's `exclude` and `extend-exclude` patterns, and whatever
the project's `.gitignore` and `.ignore` files ignore (git's rules, through
`pathspec`: nested files, negation, anchored and folder-only patterns),
whether or not the folder is inside a git repository. Files named on the
command line are always checked, unless `force-exclude` is set (pre-commit
names every file it passes, so its hook sets it).

Folders are walked one directory at a time, in the order of the sorted full
paths, without recursion and without following symbolic links to folders.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from lint.sources import STDIN, InputError, _os_reason, read_bytes

# Folders no project means to lint (ruff's defaults, with newslint's cache and
# Python's byte-code folders). `exclude` replaces these; `extend-exclude` adds.
DEFAULT_EXCLUDE = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".newslint_cache",
    ".nox",
    ".pants.d",
    ".pytest_cache",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    "__pycache__",
    "__pypackages__",
    "_build",
    "buck-out",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)
IGNORE_FILES = (".ignore", ".gitignore")  # at one level, .ignore wins (as in ripgrep and ruff)
MAX_IGNORE_FILE_BYTES = 1 << 20


@dataclass(frozen=True)
class Discovery:
    """What a walk keeps: the configuration's patterns and switches."""

    include: tuple[str, ...] = ("*.txt", "*.md")
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # `exclude` + `extend-exclude`
    respect_gitignore: bool = True
    force_exclude: bool = False  # apply `exclude` to paths named on the command line too
    root: str | None = None  # the project folder: patterns with a '/' are relative to it
    stdin_filename: str | None = None  # the name standard input stands for

    @classmethod
    def of(cls, config, include: tuple[str, ...] | None = None, stdin_filename=None) -> Discovery:
        return cls(
            include=config.include if include is None else include,
            exclude=config.exclude + config.extend_exclude,
            respect_gitignore=config.respect_gitignore,
            force_exclude=config.force_exclude,
            root=str(config.root),
            stdin_filename=stdin_filename,
        )


def expand(paths: list[str], discovery: Discovery = Discovery()) -> Iterator[str | InputError]:
    """Each input once (a file named twice, or named and inside a named folder,
    is checked once), in the order given; folders walked."""
    seen: set[str] | None = set() if len(paths) > 1 else None
    for item in _expand(paths, discovery):
        if seen is not None and not isinstance(item, InputError):
            key = item if item == STDIN else os.path.abspath(item)
            if key in seen:
                continue
            seen.add(key)
        yield item


def _expand(paths: list[str], discovery: Discovery) -> Iterator[str | InputError]:
    for raw in paths:
        if raw == STDIN:
            name = discovery.stdin_filename
            if not (discovery.force_exclude and name and force_excluded(name, discovery)):
                yield STDIN
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError as exc:  # a symlink loop, a name too long...
            yield InputError(raw, *_os_reason(exc))
            continue
        if discovery.force_exclude and force_excluded(raw, discovery):
            continue
        if is_dir:
            yield from _walk(path, discovery)
        elif path.exists() or path.is_symlink():
            yield raw
        else:
            yield InputError(raw, "no such file or directory", "missing")


def _matches(rel: str, name: str, patterns: tuple[str, ...]) -> bool:
    """Whether a path or its last part matches one of the glob patterns
    (fnmatch's rules: `*` crosses '/'), with one regex for all of them."""
    if not patterns:
        return False
    match = _compiled(patterns)
    return match(rel) is not None or match(name) is not None


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]):
    return re.compile("|".join(fnmatch.translate(p) for p in patterns)).match


def _relative_to(path: str, folder: str | None) -> str | None:
    """`path` relative to `folder` ('a/b.txt'), None when it is not inside it."""
    if folder is None:
        return None
    rel = os.path.relpath(os.path.abspath(path), folder)
    return None if rel == ".." or rel.startswith("../") else rel


def force_excluded(raw: str, discovery: Discovery) -> bool:
    """Whether a path named on the command line, or one of the folders it is
    in (up to the project folder), matches an exclude pattern."""
    rel = _relative_to(raw, discovery.root)
    parts = PurePath(rel if rel is not None else os.path.normpath(raw)).parts
    absolute = PurePath(os.path.abspath(raw))
    for end in range(len(parts), 0, -1):
        if parts[end - 1] in ("..", "/", "."):
            break
        sub = "/".join(parts[:end])
        if _matches(sub, parts[end - 1], discovery.exclude):
            return True
    if any(os.path.isabs(p) for p in discovery.exclude):
        for folder in (absolute, *absolute.parents):
            if any(fnmatch.fnmatch(folder.as_posix(), p) for p in discovery.exclude):
                return True
    return False


# --- ignore files ----------------------------------------------------------


@dataclass(frozen=True)
class _IgnoreLevel:
    """The ignore files of one folder. `prefix` turns a path relative to the
    walked root into one relative to this folder: strip `strip` characters
    (a folder inside the walk), or prepend `prepend` (a folder above it)."""

    specs: dict[str, Any]  # ".ignore" / ".gitignore" / "info/exclude" -> GitIgnoreSpec
    strip: int = 0
    prepend: str = ""
    # For a folder above the walk: the pattern (by index) of each file that
    # ignores the walked folder itself. The folder was named on the command
    # line, so that pattern does not reach inside it (as in ripgrep and ruff).
    named: dict[str, int] = field(default_factory=dict)

    def local(self, rel: str) -> str:
        return self.prepend + rel[self.strip :]


def _read_spec(path: str):
    """A GitIgnoreSpec for one ignore file, None when it cannot be read (an
    unreadable .gitignore must not stop a run: git ignores it too)."""
    data = read_bytes(path, MAX_IGNORE_FILE_BYTES, limit_hint="")
    if isinstance(data, InputError):
        return None
    import pathspec  # only for a walk that meets an ignore file

    lines = data.decode("utf-8", "replace").splitlines()
    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return spec if len(spec) else None


def _level(folder: str, names: set[str], strip: int = 0, prepend: str = "") -> _IgnoreLevel | None:
    specs = {}
    for name in IGNORE_FILES:
        if name in names:
            spec = _read_spec(os.path.join(folder, name))
            if spec is not None:
                specs[name] = spec
    return _IgnoreLevel(specs, strip, prepend) if specs else None


def _git_top(folder: str) -> str | None:
    for directory in (folder, *map(str, Path(folder).parents)):
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
    return None


def _outer_levels(root: Path) -> list[_IgnoreLevel]:
    """Ignore files above the walked folder that apply inside it: up to the
    git repository's top (with its .git/info/exclude), or outside a repository
    up to the working folder when the walk is inside it. Outermost first."""
    start = os.path.abspath(root)
    top = _git_top(start)
    stop = top
    if stop is None:
        cwd = os.getcwd()
        stop = cwd if _relative_to(start, cwd) is not None else start
    levels: list[_IgnoreLevel] = []
    if top is not None:
        spec = _read_spec(os.path.join(top, ".git", "info", "exclude"))
        if spec is not None:
            levels.append(_outer({"info/exclude": spec}, _prefix(start, top)))
    folders = []  # from the walked folder's parent up to `stop`
    folder = start
    while folder != stop and folder != os.path.dirname(folder):
        folder = os.path.dirname(folder)
        folders.append(folder)
    for folder in reversed(folders):
        try:
            names = set(os.listdir(folder)) & set(IGNORE_FILES)
        except OSError:
            continue
        level = _level(folder, names)
        if level is not None:
            levels.append(_outer(level.specs, _prefix(start, folder)))
    return levels


def _outer(specs: dict[str, Any], prepend: str) -> _IgnoreLevel:
    named = {}
    for name, spec in specs.items():
        verdict = spec.check_file(prepend) if prepend else None  # prepend ends with '/'
        if verdict is not None and verdict.include:
            named[name] = verdict.index
    return _IgnoreLevel(specs, prepend=prepend, named=named)


def _prefix(start: str, folder: str) -> str:
    rel = os.path.relpath(start, folder)
    return "" if rel == "." else rel + "/"


def _ignored(rel: str, is_dir: bool, levels: list[_IgnoreLevel]) -> bool:
    """git's verdict on a path (relative to the walked root): the deepest
    ignore file with a matching pattern decides, its last matching pattern
    first ('!' re-includes); .ignore files before .gitignore files."""
    if not levels:
        return False
    tail = "/" if is_dir else ""
    for name in (*IGNORE_FILES, "info/exclude"):
        for level in reversed(levels):
            spec = level.specs.get(name)
            if spec is None:
                continue
            verdict = spec.check_file(level.local(rel) + tail)
            if verdict.include is None:
                continue
            if verdict.include and level.named.get(name) == verdict.index:
                continue  # the pattern that ignores the folder named on the command line
            return verdict.include
    return False


# --- the walk --------------------------------------------------------------


def _walk(root: Path, discovery: Discovery) -> Iterator[str | InputError]:
    """Files under `root` in the order of their sorted full paths, one
    directory listing per level in memory (not the whole tree), and without
    recursion: a folder nested 10,000 deep is walked like any other.

    Sorting each directory by name, with a '/' after folder names, visits the
    files in exactly the order of sorting all their paths as strings.
    """
    listing = _listing(str(root))
    if isinstance(listing, InputError):
        yield listing
        return
    include, exclude = discovery.include, discovery.exclude
    # Patterns with a '/' are relative to the project folder, or to the walked
    # one; absolute ones come from a configuration another one extends.
    prefixes = []
    to_project = _relative_to(str(root), discovery.root)
    if to_project is not None and to_project != ".":
        prefixes.append(to_project + "/")
    if any(os.path.isabs(p) for p in exclude):
        prefixes.append(os.path.abspath(root).rstrip("/") + "/")
    levels: list[_IgnoreLevel] = []
    if discovery.respect_gitignore:
        levels = _outer_levels(root)
        level = _level(str(root), _file_names(listing))
        if level is not None:
            levels.append(level)
    # Each level: the folder's path, its path relative to root, what is left
    # of it, and whether it added a level of ignore files.
    stack = [(str(root), ".", iter(listing), False)]
    while stack:
        folder, rel_folder, entries, has_level = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            if has_level:
                levels.pop()
            continue
        name, is_dir = entry
        rel = name if rel_folder == "." else f"{rel_folder}/{name}"
        path = os.path.join(folder, name)
        if is_dir and name.startswith("."):
            continue  # hidden folders
        if _matches(rel, name, exclude) or any(_matches(p + rel, name, exclude) for p in prefixes):
            continue
        if levels and _ignored(rel, is_dir, levels):
            continue
        if not is_dir:
            if _matches(rel, name, include):
                yield path
            continue
        inner = _listing(path)
        if isinstance(inner, InputError):
            yield inner
            continue
        level = None
        if discovery.respect_gitignore:
            level = _level(path, _file_names(inner), strip=len(rel) + 1)
            if level is not None:
                levels.append(level)
        stack.append((path, rel, iter(inner), level is not None))


def _file_names(listing: list[tuple[str, bool]]) -> set[str]:
    return {name for name, is_dir in listing if not is_dir and name in IGNORE_FILES}


def _listing(folder: str) -> list[tuple[str, bool]] | InputError:
    """(name, is a folder) for each entry, sorted as `_walk` needs; symlinked
    folders are left out (not followed)."""
    try:
        with os.scandir(folder) as listing:
            entries = []
            for entry in listing:
                try:
                    is_dir = entry.is_dir()
                    is_link = entry.is_symlink()
                except OSError:
                    is_dir, is_link = False, True
                if is_dir and is_link:
                    continue  # symlinked folders are not followed
                entries.append((entry.name + "/" if is_dir else entry.name, entry.name, is_dir))
    except OSError as exc:
        return InputError(folder, f"cannot list folder: {exc.strerror or exc}", "unreadable")
    entries.sort()
    return [(name, is_dir) for _, name, is_dir in entries]
