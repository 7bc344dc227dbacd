"""Plain data (what JSON and YAML hold) checked against simple type annotations.

Caches hold data only: nothing read from disk is unpickled. What a cache entry
or a pack gives is checked against the annotation it must fit before anything
is built from it, so a malformed or tampered entry fails here (ValueError)
instead of somewhere in the middle of a run.

The annotations understood are the ones our dataclasses use: `str`, `int`,
`float`, `bool`, `None`, `Literal[...]` (one of the values listed: a mode
switch), unions of them, `list[...]`, `tuple[X, ...]` (a JSON list),
`dict[str, ...]` and `Any`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any


def conforms(value: Any, tp: Any) -> bool:
    """Does a plain value fit a (simple) type annotation?"""
    if tp is Any:
        return True
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return any(conforms(value, a) for a in args)
    if origin is typing.Literal:
        # The same value and type: `true` is not the mode 1.
        return any(type(value) is type(a) and value == a for a in args)
    if tp is type(None) or tp is None:
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
        return isinstance(value, list) and _all_conform(value, inner)
    if origin is dict:
        key_t, val_t = args or (Any, Any)
        return (
            isinstance(value, dict)
            and _all_conform(value.keys(), key_t)
            and _all_conform(value.values(), val_t)
        )
    if isinstance(tp, type):
        return isinstance(value, tp)
    return True


# The exact types a value of a simple annotation may have (bool is not an int).
_EXACT: dict[Any, set[type]] = {str: {str}, int: {int}, float: {int, float}, bool: {bool}}


def _all_conform(values: Any, tp: Any) -> bool:
    """Whether every value fits `tp`; tables of strings and numbers (tens of
    thousands of them in the cache) are checked at C speed."""
    exact = _EXACT.get(tp)
    if exact is not None:
        return set(map(type, values)) <= exact
    if typing.get_origin(tp) in (list, tuple):
        inner = _EXACT.get(typing.get_args(tp)[0] if typing.get_args(tp) else Any)
        if inner is not None:
            return all(type(v) is list and set(map(type, v)) <= inner for v in values)
    return all(conforms(v, tp) for v in values)


def type_name(tp: Any) -> str:
    """How an annotation reads in an error message."""
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(tp))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(type_name(a) for a in typing.get_args(tp))
    if tp is type(None) or tp is None:
        return "None"
    return getattr(tp, "__name__", None) or str(tp).replace("typing.", "")


def expect(value: Any, tp: Any, what: str = "value") -> Any:
    """`value` when it fits `tp`, else ValueError naming `what`."""
    if not conforms(value, tp):
        raise ValueError(f"{what} should be {type_name(tp)}, got {type(value).__name__}")
    return value


@cache
def _row_fields(cls: Any) -> tuple[tuple[str, Any, bool], ...]:
    """(name, annotation, is a tuple) per field of a dataclass."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (f.name, hints[f.name], typing.get_origin(hints[f.name]) is tuple)
        for f in dataclasses.fields(cls)
    )


def to_row(obj: Any) -> list:
    """A flat dataclass as a JSON array of its fields, in order (tuples, and
    tuples in them, as lists)."""
    row = []
    cls: Any = type(obj)
    for name, tp, is_tuple in _row_fields(cls):
        value = getattr(obj, name)
        row.append(_as_lists(value, tp) if is_tuple else value)
    return row


def from_row(cls: type, row: Any) -> Any:
    """The dataclass `to_row` made `row` from; ValueError when any field does
    not fit its annotation."""
    fields = _row_fields(cls)
    if not isinstance(row, list) or len(row) != len(fields):
        raise ValueError(f"a {cls.__name__} is a list of {len(fields)} values")
    values = []
    for (name, tp, is_tuple), value in zip(fields, row, strict=True):
        expect(value, tp, f"{cls.__name__}.{name}")
        values.append(_as_tuples(value, tp) if is_tuple else value)
    return cls(*values)


def _as_lists(value: Any, tp: Any) -> Any:
    if typing.get_origin(tp) is not tuple:
        return value
    inner = typing.get_args(tp)[0] if typing.get_args(tp) else Any
    return [_as_lists(v, inner) for v in value]


def _as_tuples(value: Any, tp: Any) -> Any:
    if typing.get_origin(tp) is not tuple:
        return value
    inner = typing.get_args(tp)[0] if typing.get_args(tp) else Any
    return tuple(_as_tuples(v, inner) for v in value)
