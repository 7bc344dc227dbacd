"""The contract between the engine and a rule kind.

A rule kind is a module that declares one `KIND` object:

    KIND = Kind(Options, prepare, check)

- `Options`: a frozen dataclass of the options a rule of this kind takes in
  YAML. The pack loader checks every option's name and type against it (a
  `Literal[...]` field names the modes it accepts); a comment or docstring says
  what each option means.
- `prepare(options, context) -> Compiled`: validate and precompile once
  (regexes, tables). `context.read_text(name)` reads a data file beside the
  pack. Raise `ValueError` with a plain message for bad options.
- `check(doc, compiled) -> Iterable[Match]`: a pure function of the document.
  The engine turns each match into a finding (lint.finding).

A kind that compares documents with each other declares a `BatchKind`, which
adds `collect(doc, compiled) -> list[fact]` (the picklable facts of one
document, which carry their own positions since the other documents are no
longer at hand), `resolve(facts_by_path, compiled) -> Iterable[BatchMatch]`,
and `fact_to_json` / `fact_from_json` (a fact as plain data and back, checked
field by field, for the result cache, which holds data only). Its `check`
defaults to finding nothing.

The rest has documented defaults: `language_neutral` (False: the engine drops
the kind's matches on lines in another language), `cacheable` (True: its
result is a pure function of the text, so the result cache may keep it) and
`unavailable(compiled)` (None: the kind can run here; otherwise why not, and
`newslint test-packs` skips its examples).

Kinds import nothing above this module (no engine, no runner, no pack loader):
the engine imports the kinds, never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from lint.document import Document

OptionsT = TypeVar("OptionsT")
CompiledT = TypeVar("CompiledT")
FactT = TypeVar("FactT")


# A data file beside a pack is held to the pack's own size limit (lint.packs).
MAX_DATA_FILE_BYTES = 8_000_000


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
        with open(target, "rb") as fh:  # read no more than the limit, whatever the file says
            data = fh.read(MAX_DATA_FILE_BYTES + 1)
        if len(data) > MAX_DATA_FILE_BYTES:
            raise ValueError(f"data file {name!r} is over {MAX_DATA_FILE_BYTES} bytes, the limit")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"data file {name!r} is not UTF-8 (byte {exc.start})") from None


class Located(Protocol):
    """A span a batch kind's fact recorded in its document (1-based line and
    column, exclusive end column, 0-based character offsets)."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def end_line(self) -> int: ...
    @property
    def end_column(self) -> int: ...
    @property
    def offset(self) -> int: ...
    @property
    def end_offset(self) -> int: ...


@dataclass(frozen=True, slots=True)
class BatchMatch:
    """A cross-document match: a span of the document at `path`, with values
    for the rule's message template (as `Match.values`)."""

    path: str
    where: Located
    values: dict[str, str] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()


def always_available(compiled: Any) -> str | None:
    """The default `unavailable`: a kind that needs nothing outside newslint."""
    return None


def no_matches(doc: Document, compiled: Any) -> Iterable[Match]:
    """The default `check` of a batch kind: it reports only across documents."""
    return ()


@dataclass(frozen=True, kw_only=True)
class Kind(Generic[OptionsT, CompiledT]):
    """A rule kind: what the engine and the pack loader may call (see above)."""

    Options: type[OptionsT]
    prepare: Callable[[OptionsT, PackContext], CompiledT]
    check: Callable[[Document, CompiledT], Iterable[Match]]
    # Its matches stand on lines in any language (mojibake, layout, scripts).
    language_neutral: bool = False
    # Its result is a pure function of the text (not so for a network service).
    cacheable: bool = True
    # Why it cannot run here (a service that is not configured), or None.
    unavailable: Callable[[CompiledT], str | None] = always_available


@dataclass(frozen=True, kw_only=True)
class BatchKind(Kind[OptionsT, CompiledT], Generic[OptionsT, CompiledT, FactT]):
    """A kind that compares documents: per document it collects facts, and
    over a batch it resolves them into matches."""

    check: Callable[[Document, CompiledT], Iterable[Match]] = no_matches
    collect: Callable[[Document, CompiledT], list[FactT]]
    resolve: Callable[[dict[str, list[FactT]], CompiledT], Iterable[BatchMatch]]
    fact_to_json: Callable[[FactT], list[Any]]
    fact_from_json: Callable[[object], FactT]


@dataclass(frozen=True, slots=True)
class Match:
    """A span the rule objects to, with values for its message template.

    `values` fill `{placeholders}` of the rule's message; `match` is always
    available. `message` replaces the rule's own when set; `severity` lowers the
    rule's severity (a finding inside reported speech, a short repeated line)
    and never raises it, so a rule a user set to info reports only info.
    """

    start: int
    end: int
    values: dict[str, str] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    severity: str | None = None
    message: str | None = None


def preserve_case(template: str, replacement: str) -> str:
    """Give `replacement` the capitalisation pattern of `template`."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template[:1].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    if template.islower() and replacement[:1].isupper() and replacement[1:].islower():
        # Proper names keep their capital even when the match was lowercase.
        return replacement
    return replacement
