"""A rule: one check a pack defines, with its kind, severity, message and options.

This is the data the engine runs and the reporters describe; lint.packs builds
it from YAML (or from the pack cache), and nothing here reads YAML.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from lint.examples import Expected
from lint.kinds import load_kind
from lint.kinds.base import PackContext
from lint.options import build_options

# Where a rule whose cached options no longer build is built from instead:
# (pack file, rule id) -> (options, compiled). lint.packs reads the pack again.
Fallback = Callable[[str, str], tuple[Any, Any]]


class BadOptions(ValueError):
    """Options from the pack cache that do not fit the kind's `Options`."""


class RuleData:
    """A rule's options and compiled form.

    A rule read from YAML is compiled at once: that is what checks it. A rule
    from the pack cache (lint.rulebook) keeps the plain options its pack gave
    and is built on first use, inside `compiling(checked=True)`: a run builds
    only the rules it runs, and compiles only the patterns a document needs.
    Should that fail (a damaged cache entry), the pack file itself decides.
    What the result cache needs to know about a rule (`options_key`,
    `data_files`, `cacheable`) is known without building it, so a run whose
    results all come from that cache builds no rule at all.
    """

    __slots__ = (
        "rule_id",
        "kind",
        "raw_options",
        "pack_file",
        "builtin",
        "cacheable",
        "data_files",
        "fallback",
        "_options_key",
        "_value",
    )

    def __init__(
        self,
        rule_id: str,
        kind: str,
        raw_options: dict[str, Any],
        pack_file: str,
        builtin: bool,
        cacheable: bool,
        value: tuple[Any, Any] | None = None,
        fallback: Fallback | None = None,
    ):
        self.rule_id, self.kind, self.raw_options = rule_id, kind, raw_options
        self.pack_file, self.builtin, self.cacheable = pack_file, builtin, cacheable
        self.fallback = fallback
        self.data_files = _data_files(raw_options)
        self._options_key: str | None = None
        self._value = value

    @property
    def options_key(self) -> str:
        """The options as canonical JSON, for the result cache's key."""
        if self._options_key is None:
            self._options_key = json.dumps(self.raw_options, sort_keys=True, ensure_ascii=False)
        return self._options_key

    def _load(self) -> tuple[Any, Any]:
        if self._value is None:
            try:
                self._value = self._build()
            except (ValueError, TypeError, KeyError, AttributeError):
                if self.fallback is None:
                    raise
                self._value = self.fallback(self.pack_file, self.rule_id)
        return self._value

    def _build(self) -> tuple[Any, Any]:
        kind = load_kind(self.kind)

        def fail(message: str, line: int | None = None) -> NoReturn:
            raise BadOptions(message)

        options = build_options(kind.Options, self.raw_options, fail)
        context = PackContext(Path(self.pack_file).parent, builtin=self.builtin)
        from lint.patterns import compiling

        with compiling(checked=True, builtin=self.builtin):
            return options, kind.prepare(options, context)

    def load(self) -> tuple[Any, Any]:
        """(options, compiled), built on first use."""
        return self._load()

    @property
    def options(self) -> Any:
        return self._load()[0]

    @property
    def compiled(self) -> Any:
        return self._load()[1]

    def __reduce__(self) -> tuple[Any, ...]:
        # Built again, from its options, where it is used (a Dask worker).
        args = (self.rule_id, self.kind, self.raw_options, self.pack_file, self.builtin)
        return (RuleData, (*args, self.cacheable, None, self.fallback))


def _data_files(raw_options: dict[str, Any]) -> tuple[str, ...]:
    """The data files a rule's options name (`*_file`), relative to its pack."""
    return tuple(
        value
        for name, value in raw_options.items()
        if name.endswith("_file") and isinstance(value, str)
    )


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
    # Flag examples that also say where their finding is and what it says (lint.examples).
    examples_expected: tuple[Expected, ...] = ()

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
