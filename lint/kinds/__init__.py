"""Registry of rule kinds: a name in YAML -> the module that implements it.

Modules are imported on first use, so start-up only pays for kinds in use.
Adding a kind means adding one module (which declares `KIND`, see
lint.kinds.base) and one line here. Names are snake_case; `ALIASES` keeps the
older hyphenated spellings that packs may still use working (deprecated).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from lint.kinds.base import Kind

KINDS: dict[str, str] = {
    "existence": "lint.kinds.existence",
    "substitution": "lint.kinds.substitution",
    "repetition": "lint.kinds.repetition",
    "consistency": "lint.kinds.consistency",
    "script": "lint.kinds.script",
    "metric": "lint.kinds.metric",
    "grammar": "lint.kinds.grammar",
    "boilerplate": "lint.kinds.boilerplate",
    "caption": "lint.kinds.caption",
    "duplicate_lines": "lint.kinds.duplicate_lines",
    "menu_block": "lint.kinds.menu_block",
    "quote_balance": "lint.kinds.quote_balance",
    "fragment": "lint.kinds.fragment",
    "doc_quality": "lint.kinds.doc_quality",
    "weekday_date": "lint.kinds.weekday_date",
    "batch_facts": "lint.kinds.batch_facts",
    "batch_figures": "lint.kinds.batch_figures",
    "quantity": "lint.kinds.quantity",
    "arithmetic": "lint.kinds.arithmetic",
    "day_counter": "lint.kinds.day_counter",
    "lexicon": "lint.kinds.lexicon",
    "weasel": "lint.kinds.weasel",
    "unattributed_quote": "lint.kinds.unattributed_quote",
    "anonymous_quote": "lint.kinds.anonymous_quote",
    "sensational": "lint.kinds.sensational",
    "sentence_split": "lint.kinds.sentence_split",
    "name_misspelling": "lint.kinds.names",
    "batch_names": "lint.kinds.batch_names",
    "idiom": "lint.kinds.idiom",
    "locale_format": "lint.kinds.locale_format",
    "encoding": "lint.kinds.encoding",
    "language": "lint.kinds.language",
    "leftover": "lint.kinds.leftover",
}


# Deprecated spellings of `kind:` -> the canonical name.
ALIASES: dict[str, str] = {
    "unattributed-quote": "unattributed_quote",
    "anonymous-quote": "anonymous_quote",
}


def canonical(name: str) -> str:
    """The registry's name for `name` (an alias's canonical name, else itself)."""
    return ALIASES.get(name, name)


def known(name: str) -> bool:
    """Whether `name` names a kind, canonically or by a deprecated alias."""
    return canonical(name) in KINDS


def get_kind(name: str) -> ModuleType:
    """The module implementing kind `name` (or its alias), for its docstring and
    helpers; KeyError if unknown. The engine calls `load_kind`."""
    return importlib.import_module(KINDS[canonical(name)])


def load_kind(name: str) -> Kind[Any, Any]:
    """The `Kind` that kind `name` (or its alias) declares; KeyError if unknown."""
    kind: Kind[Any, Any] = get_kind(name).KIND
    return kind
