"""The rule reference as Markdown (`newslint rules --format markdown`, docs/rules.md).

Everything comes from what newslint runs: each rule as its pack defines it
(kind, severity, fix, message, description, options, examples) and each kind's
`Options` dataclass (names, types, defaults). What an option means is read
from the kind's source: a `doc` entry in the field's metadata, else the comment
on the field's line or the comment lines just above it. Nothing here is kept
by hand, so docs/rules.md cannot drift from the packs without a test noticing
(tests/test_rules_doc.py).
"""

from __future__ import annotations

import dataclasses
import inspect
import io
import json
import tokenize
import typing
from collections.abc import Iterable, Iterator
from functools import cache
from types import ModuleType
from typing import Any

from lint.kinds import KINDS, get_kind

REGENERATE = "newslint rules --isolated --format markdown -o docs/rules.md"


@dataclasses.dataclass(frozen=True)
class OptionDoc:
    name: str
    type: str
    default: str  # as YAML would write it, or "required"
    doc: str


def kind_summary(module: ModuleType) -> str:
    """The first paragraph of a kind module's docstring, on one line, without
    the module's name it opens with ("existence: ...")."""
    text = " ".join((inspect.getdoc(module) or "").split("\n\n")[0].split())
    head, _, rest = text.partition(": ")
    if rest and " " not in head:
        text = rest[:1].upper() + rest[1:]
    return text


def _docstring_entries(options_cls: type) -> dict[str, str]:
    """`name: meaning` lines (or "- `name`: meaning") in the Options docstring."""
    found = {}
    for line in (inspect.getdoc(options_cls) or "").splitlines():
        name, _, meaning = line.strip().lstrip("-* ").partition(":")
        name = name.strip("` ")
        if meaning.strip() and name.isidentifier():
            found[name] = meaning.strip()
    return found


@cache
def _field_comments(options_cls: type) -> dict[str, str]:
    """Comments beside or just above each field of an Options dataclass."""
    try:
        source = inspect.getsource(options_cls)
    except (OSError, TypeError):
        return {}
    comments: dict[int, str] = {}
    code_lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.string.lstrip("#").strip()
        elif token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            code_lines.add(token.start[0])
    found = {}
    for number, line in enumerate(source.splitlines(), 1):
        name = line.strip().split(":", 1)[0]
        if not (line.startswith("    ") and not line.startswith("     ") and name.isidentifier()):
            continue
        above: list[str] = []
        previous = number - 1
        while previous in comments and previous not in code_lines:
            above.insert(0, comments[previous])
            previous -= 1
        inline = [comments[number]] if number in comments else []
        if above or inline:
            found[name] = " ".join(above + inline)
    return found


def _type_text(tp: Any) -> str:
    """An option's type in the words of YAML: lists, mappings, strings, numbers."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        return "list"  # of a fixed length
    if origin in (tuple, list):
        return f"list of {_type_text(args[0])}" if args else "list"
    if origin is dict:
        return f"mapping of {_type_text(args[0])} to {_type_text(args[1])}" if args else "mapping"
    if args:  # a union (X | None) or a Literal
        if origin is typing.Literal:
            return " or ".join(json.dumps(a) for a in args)
        return " or ".join(_type_text(a) for a in args)
    if tp is type(None):
        return "null"
    return {str: "string", int: "integer", float: "number", bool: "true or false"}.get(
        tp, getattr(tp, "__name__", str(tp))
    )


def _yaml_value(value: Any) -> str:
    if isinstance(value, tuple):
        value = list(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def kind_options(module: ModuleType) -> list[OptionDoc]:
    """Every option of a kind, with its type, default and meaning."""
    options_cls = module.Options
    hints = typing.get_type_hints(options_cls)
    comments = _field_comments(options_cls)
    described = _docstring_entries(options_cls)
    documented = []
    for field in dataclasses.fields(options_cls):
        if field.default is not dataclasses.MISSING:
            default = _yaml_value(field.default)
        elif field.default_factory is not dataclasses.MISSING:
            default = _yaml_value(field.default_factory())
        else:
            default = "required"
        doc = field.metadata.get("doc") or comments.get(field.name) or described.get(field.name, "")
        documented.append(OptionDoc(field.name, _type_text(hints[field.name]), default, doc))
    return documented


# --- Markdown ---------------------------------------------------------------


def _code(text: str) -> str:
    """Inline code that survives backticks inside."""
    ticks = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _example(text: str, note: str = "") -> Iterator[str]:
    if "\n" in text or "`" in text:
        yield f"- {note or 'text'}:"
        yield ""
        yield "  ```text"
        yield from (f"  {line}".rstrip() for line in text.split("\n"))
        yield "  ```"
        yield ""
    else:
        yield f"- {_code(text)}{' — ' + note if note else ''}"


def _anchor(prefix: str, name: str) -> str:
    return f"{prefix}-{name}".replace(".", "-").replace("_", "-").lower()


def _rule_section(rule: Any) -> Iterator[str]:
    yield f'<a id="{_anchor("rule", rule.id)}"></a>'
    yield f"### {rule.id}"
    yield ""
    state = "" if rule.enabled else " · **off by default** (`--extend-select` it)"
    kind = f"[`{rule.kind}`](#{_anchor('kind', rule.kind)})"
    yield f"kind {kind} · severity **{rule.severity}** · fix: {rule.fix}{state}"
    yield ""
    yield " ".join(rule.description.split()) if "\n\n" not in rule.description else rule.description
    yield ""
    yield f"Message: {_code(rule.message)}"
    if rule.link:
        yield ""
        yield f"See: <{rule.link}>"
    options = rule.data.raw_options
    if options:
        yield ""
        yield "Options:"
        yield ""
        for name, value in options.items():
            yield f"- `{name}`: {_code(_yaml_value(value))}"
    placed = {e.text: e for e in rule.examples_expected}
    if rule.examples_flag:
        yield ""
        yield "Flagged:"
        yield ""
        for text in rule.examples_flag:
            wanted = placed.get(text)
            note = ""
            if wanted is not None:
                parts = [f"at {wanted.at}"] if wanted.at else []
                if wanted.message is not None:
                    parts.append(f"“{wanted.message}”")
                note = ": ".join(parts)
            yield from _example(text, note)
    if rule.examples_pass:
        yield ""
        yield "Not flagged:"
        yield ""
        for text in rule.examples_pass:
            yield from _example(text)
    yield ""


def _kind_section(name: str, rules: list[Any]) -> Iterator[str]:
    module = get_kind(name)
    yield f'<a id="{_anchor("kind", name)}"></a>'
    yield f"### {name}"
    yield ""
    yield kind_summary(module)
    yield ""
    for paragraph in (inspect.getdoc(module) or "").split("\n\n")[1:]:
        yield paragraph.strip("\n")
        yield ""
    yield f"Module: `{module.__name__}`."
    if rules:
        links = ", ".join(f"[{r.id}](#{_anchor('rule', r.id)})" for r in rules)
        yield f"Rules: {links}."
    options = kind_options(module)
    yield ""
    if not options:
        yield "No options."
    else:
        yield "| option | type | default | meaning |"
        yield "|---|---|---|---|"
        for option in options:
            doc = option.doc.replace("|", "\\|")
            default = option.default.replace("|", "\\|")
            yield f"| `{option.name}` | {option.type} | `{default}` | {doc} |"
    yield ""


def render_markdown(rules: Iterable[Any]) -> str:
    """The whole reference: packs and their rules, then every registered kind."""
    rules = sorted(rules, key=lambda r: r.id)
    packs: dict[str, list[Any]] = {}
    for rule in rules:
        packs.setdefault(rule.pack, []).append(rule)
    lines = [
        "# Rules",
        "",
        f"<!-- Generated by `{REGENERATE}`. Do not edit by hand. -->",
        "",
        f"{len(rules)} rules in {len(packs)} packs, run by {len(KINDS)} kinds. Positions in",
        "examples are `line:column-end_line:end_column` as the JSON report gives them",
        "(end column exclusive). `newslint rule ID` explains one rule.",
        "",
        "Packs: "
        + ", ".join(f"[{pack}](#{_anchor('pack', pack)}) ({len(r)})" for pack, r in packs.items())
        + ". [Kinds](#kinds).",
        "",
    ]
    for pack, members in packs.items():
        lines += [f'<a id="{_anchor("pack", pack)}"></a>', f"## {pack}", ""]
        for rule in members:
            lines.extend(_rule_section(rule))
    lines += ['<a id="kinds"></a>', "## Kinds", ""]
    by_kind: dict[str, list[Any]] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    for name in sorted(KINDS):
        lines.extend(_kind_section(name, by_kind.get(name, [])))
    return "\n".join(lines).rstrip("\n") + "\n"
