"""Long documents are checked a segment at a time.

The rules share per-document indexes (lines, sentences, words, folded text,
token lists) that cost 30 to 60 bytes of memory per character while a
document is checked. A news article is a few kilobytes; a document longer than
`SEGMENT_CHARS` (a book, a dump of a whole site on one line) is cut into
segments of at most that many characters, each checked as a document of its
own, so that memory stays a fixed amount above the text and findings, and time
grows linearly with size.

A segment ends at the last paragraph break before the limit, else at the last
line break, else after the last sentence end, else at the last space, else
at the limit. Findings keep their line, column and offset in the whole text.
Rules that compare parts of one document (consistency, repeated lines,
document statistics, the dateline) compare within a segment.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from lint.document import Document
from lint.engine import DocumentResult, Linter
from lint.finding import Finding

SEGMENT_CHARS = 1 << 20
# Where a segment may end, best first: each pattern's last match before the
# limit, ending within the last half of the segment, is taken.
_CUTS = (
    re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)"),  # a blank line
    re.compile(r"\r\n|\r|\n"),  # a line break
    re.compile(r"[.!?][\"')\]’”]*[ \t]+"),  # a sentence end and the space after it
    re.compile(r"\s+"),  # any space
)


def segment_bounds(text: str, size: int = SEGMENT_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of each segment, covering `text` in order."""
    start = 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size)
        yield start, end
        start = end
    yield start, len(text)


def _cut(text: str, low: int, high: int) -> int:
    end = high
    for pattern in _CUTS:
        last = None
        for last in pattern.finditer(text, low, high):  # noqa: B007 - the last one is wanted
            pass
        if last is not None:
            end = last.end()
            break
    if text[end - 1] == "\r" and text[end : end + 1] == "\n":
        end += 1  # never between the two characters of a CRLF
    return end


def _line_breaks(text: str, start: int, end: int) -> int:
    """Line breaks in text[start:end] (LF, CRLF and lone CR, as Document counts)."""
    return (
        text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)
    )


def check_in_segments(
    linter: Linter, text: str, path: str, size: int = SEGMENT_CHARS, profile: bool = False
) -> DocumentResult:
    """The linter's result on `text`, checked a segment at a time."""
    total = DocumentResult(path, [])
    line, column, previous = 1, 1, 0
    for start, end in segment_bounds(text, size):
        breaks = _line_breaks(text, previous, start)
        if breaks:
            line += breaks
            column = 1 + start - (max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1)
        else:
            column += start - previous
        previous = start
        doc = Document(text[start:end], path, first_line=line, first_column=column)
        result = linter.check_document(doc, profile)
        del doc
        total.findings.extend(_moved(f, start) for f in result.findings)
        failed = {f.rule for f in total.failures}
        total.failures.extend(f for f in result.failures if f.rule not in failed)
        for rule_id, facts in result.facts.items():
            total.facts.setdefault(rule_id, []).extend(_moved_fact(x, start) for x in facts)
        total.words += result.words
        for rule_id, seconds in result.timings.items():
            total.timings[rule_id] = total.timings.get(rule_id, 0.0) + seconds
    total.findings.sort()
    return total


def _moved(finding: Finding, by: int) -> Finding:
    """A segment's finding, its offsets counted in the whole text (its line
    and column already are: see `Document.first_line`)."""
    return dataclasses.replace(
        finding, offset=finding.offset + by, end_offset=finding.end_offset + by
    )


def _moved_fact(fact: Any, by: int) -> Any:
    """A batch fact carries its position (lint.kinds.base): the same move."""
    if (
        dataclasses.is_dataclass(fact)
        and not isinstance(fact, type)
        and hasattr(fact, "end_offset")
    ):
        moved: Any = fact  # a dataclass instance with offsets
        return dataclasses.replace(
            moved, offset=moved.offset + by, end_offset=moved.end_offset + by
        )
    return fact
