"""What a rule reports: a located, explained problem."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

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

    def to_dict(self) -> dict:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        return data


def at_least(severity: str, floor: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[floor]
