"""YAML rule packs: load, validate, compile.

A pack is data. This module turns a pack file into `Rule` objects, checking every
field against the schema below and every rule's options against its kind's
`Options` dataclass. Errors name the file, the line and the rule.

Only `yaml.safe_load` builds values; `yaml.compose` (which builds no Python
objects) is used to find line numbers. Anchors and aliases are refused, which
rules out "billion laughs" packs.

PyYAML is imported only when a pack is parsed: a run whose packs all come from
the on-disk cache never loads it.
"""

from __future__ import annotations

import dataclasses
import pickle
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.finding import SEVERITIES
from lint.kinds import KINDS, get_kind
from lint.patterns import compiling

if TYPE_CHECKING:
    import yaml

MAX_PACK_BYTES = 8_000_000
MAX_NESTING = 64  # a pack needs five or six levels
PACK_KEYS = {"name", "version", "description", "link", "rules"}
PACK_REQUIRED = {"name", "version", "description", "rules"}
RULE_KEYS = {
    "id",
    "kind",
    "severity",
    "message",
    "description",
    "link",
    "fix",
    "options",
    "examples",
    "enabled",
}
RULE_REQUIRED = {"id", "kind", "severity", "message", "description"}
FIX_LEVELS = ("safe", "unsafe", "none")


class PackError(Exception):
    """A pack that cannot be used. str() names file, line and rule."""

    def __init__(self, path: str, line: int | None, message: str, rule: str | None = None):
        self.path, self.line, self.rule, self.reason = path, line, rule, message
        where = f"{path}:{line}" if line else path
        who = f" rule {rule}:" if rule else ""
        super().__init__(f"{where}:{who} {message}")


@dataclass(frozen=True)
class PackContext:
    """What a kind may see of the pack it is compiled for: its own folder
    (and whether it is newslint's own, whose patterns are trusted)."""

    directory: Path
    builtin: bool = False

    def read_text(self, name: str) -> str:
        """Read a data file that ships beside the pack (and nowhere else)."""
        target = (self.directory / name).resolve()
        if not target.is_relative_to(self.directory.resolve()):
            raise ValueError(f"data file {name!r} is outside the pack's folder")
        if not target.is_file():
            raise ValueError(f"data file {name!r} not found beside the pack")
        return target.read_text(encoding="utf-8")


class RuleData:
    """A rule's options and compiled form, unpickled on first use.

    A pack from the on-disk cache keeps each rule's data as pickled bytes, so a
    run unpickles (and imports the kind modules of) only the rules it runs: an
    off-by-default or unselected rule costs nothing. What the result cache needs
    to know about a rule (`options_repr`, `data_files`, `cacheable`) is kept
    unpickled beside it, so a run whose results all come from that cache loads
    no rule at all.
    """

    __slots__ = ("_blob", "_value", "options_repr", "data_files", "cacheable")

    def __init__(self, options: Any, compiled: Any, cacheable: bool = True):
        self._blob: bytes | None = None
        self._value: tuple[Any, Any] | None = (options, compiled)
        self.options_repr = repr(options)
        self.data_files = _data_files(options)
        self.cacheable = cacheable

    @classmethod
    def _from_blob(
        cls, blob: bytes, options_repr: str, data_files: tuple[str, ...], cacheable: bool
    ) -> RuleData:
        data = cls.__new__(cls)
        data._blob, data._value = blob, None
        data.options_repr, data.data_files, data.cacheable = options_repr, data_files, cacheable
        return data

    def _load(self) -> tuple[Any, Any]:
        if self._value is None:
            self._value = pickle.loads(self._blob)
        return self._value

    @property
    def options(self) -> Any:
        return self._load()[0]

    @property
    def compiled(self) -> Any:
        return self._load()[1]

    def __reduce__(self):
        if self._blob is None:
            self._blob = pickle.dumps(self._value, pickle.HIGHEST_PROTOCOL)
        args = (self._blob, self.options_repr, self.data_files, self.cacheable)
        return (RuleData._from_blob, args)


def _data_files(options: Any) -> tuple[str, ...]:
    """The data files a rule's options name (`*_file`), relative to its pack."""
    if not dataclasses.is_dataclass(options):
        return ()
    names = []
    for f in dataclasses.fields(options):
        value = getattr(options, f.name)
        if f.name.endswith("_file") and isinstance(value, str):
            names.append(value)
    return tuple(names)


@dataclass(frozen=True, eq=False)
class Rule:
    id: str
    kind: str
    severity: str
    message: str
    description: str
    data: RuleData = field(repr=False)  # options and compiled form
    pack: str = ""
    source: str = ""  # "file:line" where the rule is defined
    link: str | None = None
    fix: str = "unsafe"
    examples_flag: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    enabled: bool = True  # off-by-default rules run only when selected

    @property
    def options(self) -> Any:
        """The kind's `Options`, as the pack gave them."""
        return self.data.options

    @property
    def compiled(self) -> Any:
        """What the kind's `compile` returned, handed to its `check`."""
        return self.data.compiled

    def with_severity(self, severity: str) -> Rule:
        return dataclasses.replace(self, severity=severity)


@dataclass(frozen=True)
class Pack:
    name: str
    version: str
    description: str
    path: str
    rules: tuple[Rule, ...]
    link: str | None = None


# --- line numbers --------------------------------------------------------


class _Lines:
    """Finds the line of a value by its path of keys/indexes in the YAML tree."""

    def __init__(self, root: yaml.Node | None):
        self.root = root

    def line(self, *path: str | int) -> int | None:
        import yaml

        node = self.root
        for step in path:
            if isinstance(node, yaml.MappingNode):
                found = None
                for key, value in node.value:
                    if getattr(key, "value", None) == step:
                        found = value if step != path[-1] else key
                        break
                if found is None:
                    break
                node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if step >= len(node.value):
                    break
                node = node.value[step]
            else:
                break
        return node.start_mark.line + 1 if node is not None else None


def _flow_depth(text: str) -> int:
    """Deepest nesting of [ and { (a cheap over-estimate: brackets in strings count)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}" and depth:
            depth -= 1
    return deepest


def _refuse_aliases(text: str, path: str) -> None:
    """Refuse anchors, aliases and deep nesting before anything is built: PyYAML
    is slow on deep flow nesting and recursive when building it."""
    import yaml

    if _flow_depth(text) > MAX_NESTING:
        raise PackError(path, None, f"brackets nested deeper than {MAX_NESTING} levels")
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1
                raise PackError(path, line, "anchors and aliases are not allowed in packs")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    line = event.start_mark.line + 1
                    raise PackError(path, line, f"nested deeper than {MAX_NESTING} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError(path, line, f"malformed YAML: {problem}") from None


# --- type checks ---------------------------------------------------------


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp).replace("typing.", "")


def _conforms(value: Any, tp: Any) -> bool:
    """Does a YAML value fit a (simple) type annotation?"""
    if tp is Any:
        return True
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, a) for a in args)
    if tp is type(None):
        return value is None
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is str:
        return isinstance(value, str)
    if tp is bool:
        return isinstance(value, bool)
    if origin in (list, tuple):
        inner = args[0] if args else Any
        return isinstance(value, list) and all(_conforms(v, inner) for v in value)
    if origin is dict:
        key_t, val_t = args or (Any, Any)
        return isinstance(value, dict) and all(
            _conforms(k, key_t) and _conforms(v, val_t) for k, v in value.items()
        )
    if isinstance(tp, type):
        return isinstance(value, tp)
    return True


def _build_options(kind_module: types.ModuleType, raw: dict, fail, lines: _Lines, at: tuple):
    options_cls = kind_module.Options
    hints = typing.get_type_hints(options_cls)
    names = {f.name for f in dataclasses.fields(options_cls)}
    for key in raw:
        if key not in names:
            known = ", ".join(sorted(names)) or "none"
            fail(f"unknown option {key!r} (known: {known})", lines.line(*at, key))
    values = {}
    for f in dataclasses.fields(options_cls):
        if f.name in raw:
            value = raw[f.name]
            if not _conforms(value, hints[f.name]):
                fail(
                    f"option {f.name!r} should be {_type_name(hints[f.name])}, "
                    f"got {type(value).__name__}",
                    lines.line(*at, f.name),
                )
            if isinstance(value, list) and typing.get_origin(hints[f.name]) is tuple:
                value = tuple(value)
            values[f.name] = value
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            fail(f"missing option {f.name!r}", lines.line(*at))
    return options_cls(**values)


# --- loading -------------------------------------------------------------


def load_pack(path: str | Path) -> Pack:
    path = Path(path)
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            raise PackError(shown, None, f"pack is {size} bytes; the limit is {MAX_PACK_BYTES}")
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise PackError(shown, None, f"cannot read pack: {exc.strerror or exc}") from None
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackError(shown, None, f"pack is not UTF-8 (byte {exc.start})") from None
    return parse_pack(text, shown, directory=path.parent)


def parse_pack(text: str, path: str = "<pack>", directory: Path | None = None) -> Pack:
    import yaml

    _refuse_aliases(text, path)
    try:
        data = yaml.safe_load(text)
        lines = _Lines(yaml.compose(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError(
            path, mark.line + 1 if mark else None, f"malformed YAML: {problem}"
        ) from None

    def fail(message: str, line: int | None = None, rule: str | None = None):
        raise PackError(path, line, message, rule)

    if not isinstance(data, dict):
        fail("a pack is a mapping with name, version, description and rules", 1)
    for key in data:
        if key not in PACK_KEYS:
            fail(f"unknown key {key!r} (known: {', '.join(sorted(PACK_KEYS))})", lines.line(key))
    for key in sorted(PACK_REQUIRED - data.keys()):
        fail(f"missing key {key!r}", 1)
    name = data["name"]
    if not isinstance(name, str) or not name.replace("-", "").replace("_", "").isalnum():
        fail("name must be a word (letters, digits, - and _)", lines.line("name"))
    if not isinstance(data["rules"], list):
        fail("rules must be a list", lines.line("rules"))
    folder = directory or Path.cwd()
    context = PackContext(folder, builtin=_is_builtin_folder(folder))
    rules = []
    seen: set[str] = set()
    for index, raw in enumerate(data["rules"]):
        rule = _load_rule(raw, index, name, path, lines, context)
        if rule.id in seen:
            fail(f"duplicate rule id {rule.id!r}", lines.line("rules", index), rule.id)
        seen.add(rule.id)
        rules.append(rule)
    return Pack(
        name=name,
        version=str(data["version"]),
        description=str(data["description"]),
        path=path,
        rules=tuple(rules),
        link=data.get("link"),
    )


def _load_rule(
    raw: Any, index: int, pack: str, path: str, lines: _Lines, context: PackContext
) -> Rule:
    at = ("rules", index)
    line = lines.line(*at)
    rule_id = raw.get("id") if isinstance(raw, dict) else None
    full_id = None
    if isinstance(rule_id, str):
        full_id = rule_id if rule_id.startswith(pack + ".") else f"{pack}.{rule_id}"

    def fail(message: str, where: int | None = None):
        raise PackError(path, where or line, message, full_id)

    if not isinstance(raw, dict):
        fail("a rule is a mapping")
    for key in raw:
        if key not in RULE_KEYS:
            fail(
                f"unknown key {key!r} (known: {', '.join(sorted(RULE_KEYS))})", lines.line(*at, key)
            )
    for key in sorted(RULE_REQUIRED - raw.keys()):
        fail(f"missing key {key!r}")
    for key in ("id", "kind", "severity", "message", "description", "link", "fix"):
        if key in raw and not isinstance(raw[key], str):
            fail(f"{key} must be a string", lines.line(*at, key))
    if not all(part.replace("-", "").replace("_", "").isalnum() for part in full_id.split(".")):
        fail("id must be words joined by '-', '_' or '.'", lines.line(*at, "id"))
    kind_name = raw["kind"]
    if kind_name not in KINDS:
        fail(
            f"unknown kind {kind_name!r} (known: {', '.join(sorted(KINDS))})",
            lines.line(*at, "kind"),
        )
    if raw["severity"] not in SEVERITIES:
        fail(f"severity must be one of {', '.join(SEVERITIES)}", lines.line(*at, "severity"))
    if not isinstance(raw.get("enabled", True), bool):
        fail("enabled must be true or false", lines.line(*at, "enabled"))
    fix = raw.get("fix", "unsafe")
    if fix not in FIX_LEVELS:
        fail(f"fix must be one of {', '.join(FIX_LEVELS)}", lines.line(*at, "fix"))
    options_raw = raw.get("options") or {}
    if not isinstance(options_raw, dict):
        fail("options must be a mapping", lines.line(*at, "options"))
    examples = raw.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"flag", "pass"}:
        fail("examples is a mapping with 'flag' and 'pass' lists", lines.line(*at, "examples"))
    for key in ("flag", "pass"):
        values = examples.get(key, [])
        if not (isinstance(values, list) and all(isinstance(v, str) for v in values)):
            fail(f"examples.{key} must be a list of strings", lines.line(*at, "examples", key))

    kind = get_kind(kind_name)
    options = _build_options(kind, options_raw, fail, lines, (*at, "options"))
    try:
        with compiling(builtin=context.builtin):
            compiled = kind.compile(options, context)
    except ValueError as exc:
        fail(str(exc), lines.line(*at, "options"))
    return Rule(
        id=full_id,
        kind=kind_name,
        severity=raw["severity"],
        message=raw["message"],
        description=raw["description"].strip(),
        data=RuleData(options, compiled, getattr(kind, "CACHEABLE", True)),
        pack=pack,
        source=f"{path}:{line}",
        link=raw.get("link"),
        fix=fix,
        examples_flag=tuple(examples.get("flag", [])),
        examples_pass=tuple(examples.get("pass", [])),
        enabled=raw.get("enabled", True),
    )


def builtin_rules_dir() -> Path:
    """Where the built-in packs live: inside the wheel, or the repo's rules/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("built-in rule packs not found (expected lint/rules or rules/)")


def _is_builtin_folder(folder: Path) -> bool:
    try:
        return folder.resolve() == builtin_rules_dir().resolve()
    except (OSError, FileNotFoundError):
        return False


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_rules_dir().glob("*.yaml"))
