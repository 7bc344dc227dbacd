"""What a rule reports: a located, explained problem, and how a kind's match
becomes one (the engine renders every finding here)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.document import Document
    from lint.kinds.base import BatchMatch, Match
    from lint.rule import Rule

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
# The severity policy every built-in rule is graded by, on its measured precision.
SEVERITY_MEANING = {
    "error": "the text must not ship like this (mojibake, mixed scripts inside a word, an "
    "impossible date, a sentence cut in two, an untranslated run)",
    "warning": "a probable defect a reader would notice (a misspelt name, a foreign number "
    "format, an unclosed quotation, a weekday that contradicts its date)",
    "info": "a marker or style note for an editor (loaded words, weasel phrases, typographic "
    "consistency, readability)",
}


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One problem at one place. Positions are 1-based; end_column is exclusive.

    Columns count Unicode code points. `offset`/`end_offset` are the 0-based
    character offsets behind them, kept for reporters and fixes.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    suggestions: tuple[str, ...] = ()
    offset: int = field(default=0, compare=False)
    end_offset: int = field(default=0, compare=False)
    fix_safe: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        return data


def at_least(severity: str, floor: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[floor]


class _Template(dict[str, str]):
    """Message values; an unknown {placeholder} is left as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str, values: dict[str, str]) -> str:
    """A rule's message template filled with a match's values."""
    try:
        return template.format_map(_Template(values))
    except (ValueError, IndexError, AttributeError):
        return template


def to_finding(
    doc: Document, rule: Rule, match: Match, shared: dict[Any, Any] | None = None
) -> Finding:
    """The finding of one match. `shared`, a dict kept for one document, makes
    equal messages and suggestions one object: a document with 100,000
    findings of one rule holds its few distinct messages once, not 100,000 times."""
    start = doc.position(match.start)
    end = doc.position(match.end)
    values = {"match": doc.text[match.start : match.end], **match.values}
    message = match.message or render_message(rule.message, values)
    suggestions = tuple(match.suggestions)
    if shared is not None:
        message = shared.setdefault(message, message)
        suggestions = shared.setdefault(suggestions, suggestions)
    return Finding(
        path=doc.path,
        line=start.line,
        column=start.column,
        end_line=end.line,
        end_column=end.column,
        rule=rule.id,
        severity=lowered(rule.severity, match.severity),
        message=message,
        suggestions=suggestions,
        offset=match.start,
        end_offset=match.end,
        fix_safe=rule.fix == "safe",
    )


def lowered(rule_severity: str, match_severity: str | None) -> str:
    """A match may lower its rule's severity (a short repeated line, a quoted
    word), never raise it: a user who sets a rule to info gets only info."""
    if match_severity and SEVERITY_RANK[match_severity] < SEVERITY_RANK[rule_severity]:
        return match_severity
    return rule_severity


def batch_finding(rule: Rule, match: BatchMatch) -> Finding:
    """A cross-document finding, at the span a document recorded with its facts
    (the other documents are no longer at hand). Never a safe fix: the other
    documents decide it."""
    where = match.where
    return Finding(
        path=match.path,
        line=where.line,
        column=where.column,
        end_line=where.end_line,
        end_column=where.end_column,
        rule=rule.id,
        severity=rule.severity,
        message=render_message(rule.message, match.values),
        suggestions=match.suggestions,
        offset=where.offset,
        end_offset=where.end_offset,
    )
