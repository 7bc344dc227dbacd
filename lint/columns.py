"""Column units. newslint counts columns in Unicode code points; editors and
LSP clients count UTF-16 code units (LSP's default) or UTF-8 bytes, and an
emoji or an accented letter before a finding moves it by one or more columns
between them. `--column-unit` converts the columns of every finding, in
every format, from the text of its document; lines and character offsets do
not change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from lint.document import Document
from lint.finding import Finding

UNITS = ("code-point", "utf-16", "byte")
DEFAULT = "code-point"
# SARIF's `columnKind`; it has no kind for bytes.
SARIF_KIND = {"code-point": "unicodeCodePoints", "utf-16": "utf16CodeUnits"}


def width(text: str, unit: str) -> int:
    """How many `unit`s `text` takes."""
    if unit == "utf-16":
        return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
    if unit == "byte":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text)


def convert(findings: list[Finding], text: str, unit: str) -> list[Finding]:
    """The findings of one document (whose text is `text`), their columns in `unit`."""
    if unit == DEFAULT or not findings or text.isascii():
        return findings
    starts = Document(text).line_starts

    def column(line: int, column: int) -> int:
        if not 0 < line <= len(starts):
            return column
        start = starts[line - 1]
        prefix = text[start : start + column - 1]
        return width(prefix, unit) + (column - 1 - len(prefix)) + 1

    return [
        replace(f, column=column(f.line, f.column), end_column=column(f.end_line, f.end_column))
        for f in findings
    ]


def convert_all(
    findings: Iterable[Finding], unit: str, text_of: Callable[[str], str]
) -> list[Finding]:
    """Findings of any documents, converted document by document; `text_of(path)`
    gives a document's text ('' when it is gone: its columns are left alone)."""
    findings = list(findings)
    if unit == DEFAULT:
        return findings
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    return [g for path, group in by_path.items() for g in convert(group, text_of(path), unit)]


def to_code_points(line_text: str, column: int, unit: str) -> int:
    """The code-point column of a `unit` column on a line (the inverse of `convert`)."""
    if unit == DEFAULT:
        return column
    counted = 0
    for index, ch in enumerate(line_text):
        if counted >= column - 1:
            return index + 1
        counted += width(ch, unit)
    return len(line_text) + 1 + max(0, column - 1 - counted)
