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

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from lint.examples import Expected, read_examples
from lint.finding import SEVERITIES
from lint.kinds import KINDS, canonical, known, load_kind
from lint.kinds.base import PackContext
from lint.options import build_options
from lint.plain import expect
from lint.rule import Rule, RuleData

__all__ = [
    "Pack",
    "PackContext",
    "PackError",
    "Rule",
    "RuleData",
    "builtin_pack_paths",
    "builtin_rules_dir",
    "load_pack",
    "pack_from_plain",
    "pack_to_plain",
    "parse_pack",
]

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


class PackErrors(PackError):
    """Several pack errors, each reported (a run names every broken rule and
    pack, not only the first). str() is one line per error."""

    def __init__(self, errors: list[PackError]):
        self.errors = [e for error in errors for e in getattr(error, "errors", [error])]
        first = self.errors[0]
        self.path, self.line, self.rule, self.reason = (
            first.path,
            first.line,
            first.rule,
            first.reason,
        )
        Exception.__init__(self, "\n".join(str(e) for e in self.errors))


def raise_all(errors: list[PackError]) -> None:
    """Raise the errors gathered, if any: one as itself, several together."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise PackErrors(errors)


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
                line = event.start_mark.line + 1 if event.start_mark else None
                raise PackError(path, line, "anchors and aliases are not allowed in packs")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    line = event.start_mark.line + 1 if event.start_mark else None
                    raise PackError(path, line, f"nested deeper than {MAX_NESTING} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError(path, line, f"malformed YAML: {problem}") from None


# --- messages -------------------------------------------------------------


def template_problem(template: str) -> str | None:
    """Why a message template cannot be used, or None. Placeholders are plain
    names (`{match}`, `{suggestion}`) filled with text: a format spec
    (`{match:>999999999}` makes a gigabyte), a conversion or an attribute or
    index lookup has no place in a message."""
    import string

    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"{exc} (write {{{{ and }}}} for literal braces)"
    for _literal, name, spec, conversion in fields:
        if name is None:
            continue
        if not name.isidentifier():
            return f"placeholder {{{name}}} is not a name (attribute, index or number)"
        if spec or conversion:
            shown = f"{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}"
            return f"placeholder {{{shown}}} has a conversion or format spec; write {{{name}}}"
    return None


# --- options ------------------------------------------------------------


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

    def fail(message: str, line: int | None = None, rule: str | None = None) -> NoReturn:
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
    errors: list[PackError] = []  # every broken rule is named, not only the first
    for index, raw in enumerate(data["rules"]):
        try:
            rule = _load_rule(raw, index, name, path, lines, context)
            if rule.id in seen:
                fail(f"duplicate rule id {rule.id!r}", lines.line("rules", index), rule.id)
        except PackError as exc:
            errors.append(exc)
            continue
        seen.add(rule.id)
        rules.append(rule)
    raise_all(errors)
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

    def fail(message: str, where: int | None = None) -> NoReturn:
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
    assert full_id is not None  # id is present and a string (checked just below)
    for key in ("id", "kind", "severity", "message", "description", "link", "fix"):
        if key in raw and not isinstance(raw[key], str):
            fail(f"{key} must be a string", lines.line(*at, key))
    problem = template_problem(raw["message"])
    if problem:
        fail(f"message: {problem}", lines.line(*at, "message"))
    if not all(part.replace("-", "").replace("_", "").isalnum() for part in full_id.split(".")):
        fail("id must be words joined by '-', '_' or '.'", lines.line(*at, "id"))
    if not known(raw["kind"]):
        fail(
            f"unknown kind {raw['kind']!r} (known: {', '.join(sorted(KINDS))})",
            lines.line(*at, "kind"),
        )
    kind_name = canonical(raw["kind"])  # a deprecated spelling too
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
    examples = read_examples(
        raw.get("examples"), fail, lambda *keys: lines.line(*at, "examples", *keys)
    )

    kind = load_kind(kind_name)

    def option_line(option: str | None) -> int | None:
        return lines.line(*at, "options", *([option] if option else []))

    options = build_options(kind.Options, options_raw, fail, option_line)
    from lint.patterns import compiling

    try:
        with compiling(builtin=context.builtin):
            compiled = kind.prepare(options, context)
    except ValueError as exc:
        fail(str(exc), lines.line(*at, "options"))
    return Rule(
        id=full_id,
        kind=kind_name,
        severity=raw["severity"],
        message=raw["message"],
        description=raw["description"].strip(),
        data=RuleData(
            full_id,
            kind_name,
            options_raw,
            path,
            context.builtin,
            kind.cacheable,
            (options, compiled),
            rule_from_pack_file,
        ),
        pack=pack,
        source=f"{path}:{line}",
        link=raw.get("link"),
        fix=fix,
        examples_flag=examples.flag,
        examples_pass=examples.passing,
        enabled=raw.get("enabled", True),
        examples_expected=examples.expected,
    )


# --- packs as plain data (the pack cache, lint.rulebook) -----------------------

_RULE_STRINGS = ("id", "kind", "severity", "message", "description", "pack", "source", "fix")


def pack_to_plain(pack: Pack) -> dict:
    """A loaded (so checked) pack as JSON-ready data: each rule with the options
    its pack gave, not its compiled form."""
    rules = []
    for rule in pack.rules:
        rules.append(
            {
                **{key: getattr(rule, key) for key in _RULE_STRINGS},
                "link": rule.link,
                "examples_flag": list(rule.examples_flag),
                "examples_pass": list(rule.examples_pass),
                "examples_expected": [e.to_plain() for e in rule.examples_expected],
                "enabled": rule.enabled,
                "options": rule.data.raw_options,
                "pack_file": rule.data.pack_file,
                "builtin": rule.data.builtin,
                "cacheable": rule.data.cacheable,
            }
        )
    fields = {key: getattr(pack, key) for key in ("name", "version", "description", "path", "link")}
    return {**fields, "rules": rules}


def pack_from_plain(value: Any) -> Pack:
    """The pack `pack_to_plain` gave `value`, its rules built on first use;
    ValueError when anything is not what it writes."""
    data = expect(value, dict, "a pack")
    for key in ("name", "version", "description", "path"):
        expect(data[key], str, f"pack {key}")
    rules = []
    for raw in expect(data["rules"], list, "rules"):
        raw = expect(raw, dict, "a rule")
        for key in _RULE_STRINGS:
            expect(raw[key], str, f"rule {key}")
        if raw["kind"] not in KINDS or raw["severity"] not in SEVERITIES:
            raise ValueError(f"rule {raw['id']}: unknown kind or severity")
        if raw["fix"] not in FIX_LEVELS:
            raise ValueError(f"rule {raw['id']}: unknown fix level")
        if template_problem(raw["message"]):
            raise ValueError(f"rule {raw['id']}: {template_problem(raw['message'])}")
        data_ = RuleData(
            raw["id"],
            raw["kind"],
            expect(raw["options"], dict[str, Any], "options"),
            expect(raw["pack_file"], str, "pack_file"),
            expect(raw["builtin"], bool, "builtin"),
            expect(raw["cacheable"], bool, "cacheable"),
            fallback=rule_from_pack_file,
        )
        rules.append(
            Rule(
                id=raw["id"],
                kind=raw["kind"],
                severity=raw["severity"],
                message=raw["message"],
                description=raw["description"],
                data=data_,
                pack=raw["pack"],
                source=raw["source"],
                link=expect(raw["link"], str | None, "link"),
                fix=raw["fix"],
                examples_flag=tuple(expect(raw["examples_flag"], list[str], "examples")),
                examples_pass=tuple(expect(raw["examples_pass"], list[str], "examples")),
                enabled=expect(raw["enabled"], bool, "enabled"),
                examples_expected=tuple(
                    Expected.from_plain(e)
                    for e in expect(raw["examples_expected"], list, "examples")
                ),
            )
        )
    return Pack(
        name=data["name"],
        version=data["version"],
        description=data["description"],
        path=data["path"],
        rules=tuple(rules),
        link=expect(data["link"], str | None, "pack link"),
    )


def rule_from_pack_file(pack_file: str, rule_id: str) -> tuple[Any, Any]:
    """(options, compiled) of a rule read again from its pack file: what a rule
    from the pack cache falls back on when its cached options do not build."""
    for rule in load_pack(pack_file).rules:
        if rule.id == rule_id:
            return rule.data.load()
    raise PackError(pack_file, None, "rule no longer in its pack", rule_id)


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
