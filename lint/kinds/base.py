"""The contract between the engine and a rule kind.

A rule kind is a module with:

- `Options`: a dataclass of the options a rule of this kind takes in YAML.
  The pack loader checks names and types against it.
- `compile(options, context) -> Compiled`: validate and precompile once (regexes,
  tables). `context.read_text(name)` reads a data file beside the pack.
  Raise `ValueError` with a plain message for bad options.
- `check(doc, compiled) -> Iterable[Match]`: a pure function of the document.

Optionally, a kind that compares documents with each other (a batch kind) adds
`collect(doc, compiled) -> list` (picklable facts of one document),
`resolve(facts_by_path, rule) -> Iterable[Finding]` (facts carry their own
positions, since the other documents are no longer at hand), and
`fact_to_json(fact)` / `fact_from_json(data)`: a fact as plain data and back,
checked field by field, for the result cache (which holds data only).
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
