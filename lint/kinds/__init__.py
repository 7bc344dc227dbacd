"""Registry of rule kinds: a name in YAML -> the module that implements it.

Modules are imported on first use, so start-up only pays for kinds in use.
Adding a kind means adding one module and one line here.
"""

from __future__ import annotations

import importlib
from types import ModuleType

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
    "unattributed-quote": "lint.kinds.unattributed_quote",
    "anonymous-quote": "lint.kinds.anonymous_quote",
    "sensational": "lint.kinds.sensational",
    "sentence_split": "lint.kinds.sentence_split",
    "name_misspelling": "lint.kinds.names",
    "idiom": "lint.kinds.idiom",
    "locale_format": "lint.kinds.locale_format",
    "encoding": "lint.kinds.encoding",
    "language": "lint.kinds.language",
    "leftover": "lint.kinds.leftover",
}


def get_kind(name: str) -> ModuleType:
    """The module implementing kind `name`; KeyError if unknown."""
    return importlib.import_module(KINDS[name])
