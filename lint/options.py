"""A rule's options, checked against its kind's `Options` dataclass.

The pack loader (lint.packs) and a rule built from the pack cache (lint.rule)
both build options here: every name must be a field, every value must fit the
field's annotation (lint.plain, which understands `Literal` mode switches), and
every field without a default must be given. `fail(message, line)` reports a
problem; `line_of(option)` finds the line of an option (None: the options).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, NoReturn

from lint.plain import conforms, type_name

Fail = Callable[[str, int | None], NoReturn]
LineOf = Callable[[str | None], int | None]


@cache
def _type_hints(options_cls: type) -> dict[str, Any]:
    return typing.get_type_hints(options_cls)


def _no_line(option: str | None) -> int | None:
    return None


def build_options(
    options_cls: type, raw: dict[str, Any], fail: Fail, line_of: LineOf = _no_line
) -> Any:
    """An `options_cls` from a pack's plain `options:` mapping, or `fail`."""
    hints = _type_hints(options_cls)
    fields = dataclasses.fields(options_cls)
    names = {f.name for f in fields}
    for key in raw:
        if key not in names:
            known = ", ".join(sorted(names)) or "none"
            fail(f"unknown option {key!r} (known: {known})", line_of(key))
    values = {}
    for f in fields:
        if f.name in raw:
            value = raw[f.name]
            hint = hints[f.name]
            if not conforms(value, hint):
                got = repr(value) if _literal_mismatch(value, hint) else type(value).__name__
                fail(f"option {f.name!r} should be {type_name(hint)}, got {got}", line_of(f.name))
            if isinstance(value, list) and typing.get_origin(hint) is tuple:
                value = tuple(value)
            values[f.name] = value
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            fail(f"missing option {f.name!r}", line_of(None))
    return options_cls(**values)


def _literal_mismatch(value: Any, hint: Any) -> bool:
    """Whether `hint` lists modes and `value` is a plain value that is not one
    (the message then shows the value, not its type)."""
    return "Literal" in str(hint) and isinstance(value, str | int | float | bool)
