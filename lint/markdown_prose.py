"""Markdown as prose: the text with everything that is not prose blanked.

A Markdown file holds code, link targets, HTML and front matter beside its
prose, and none of them is English text to check. As Vale does, newslint lints
a masked copy of the file in which every character that is not prose is
replaced by a space (line breaks kept), so offsets, lines and columns of every
finding still point into the original file, and `--fix` edits it in place.

Blocks come from markdown-it-py (CommonMark with tables and strikethrough):
only the text of paragraphs, headings and table cells is revealed; code blocks,
fences, HTML blocks, link reference definitions, front matter (YAML `---` or
TOML `+++`), thematic breaks, heading markers, list bullets, blockquote `>`
and table pipes stay blank. Inside that text, the inline markup is blanked:
code spans, autolinks, raw HTML and comments, link and image destinations and
reference labels (their text stays), emphasis and strikethrough markers,
backslashes of escapes, character references and footnote references.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")

_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(?:---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$"
    r"|\+\+\+[ \t]*\r?\n.*?^\+\+\+[ \t]*$)",
    re.DOTALL | re.MULTILINE,
)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_NOT_BREAK = re.compile(r"[^\r\n]")

# Inline markup, tried where a code span is not (CommonMark's precedence).
_AUTOLINK = r"<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>|<[\w.!#$%&'*+/=?^`{|}~\-]+@[\w\-.]+>"
_HTML_COMMENT = r"<!--.*?-->"
_ATTRIBUTE = r"""\s+[A-Za-z_:][\w.:\-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_HTML_TAG = rf"<[A-Za-z][A-Za-z0-9\-]*(?:{_ATTRIBUTE})*\s*/?>|</[A-Za-z][A-Za-z0-9\-]*\s*>"
_HTML_OTHER = r"<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>"
_RAW = re.compile(f"{_HTML_COMMENT}|{_AUTOLINK}|{_HTML_TAG}|{_HTML_OTHER}", re.DOTALL)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~\r\n])")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\](?::)?")
_EMPHASIS = re.compile(r"\*+|~~+|(?<![^\W_])_+|_+(?![^\W_])")
_BACKTICKS = re.compile(r"`+")


def is_markdown(path: str) -> bool:
    """Checked as Markdown: a file whose name ends in .md, .markdown, .mdown, .mkd
    or .mkdn (not .mdx, which holds JSX). A JSON Lines record named
    `feed.jsonl#post.md` is not a file, and not Markdown."""
    if not path.lower().endswith(MARKDOWN_SUFFIXES):
        return False
    return "#" not in path or os.path.isfile(path)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def prose_only(text: str) -> str:
    """`text` with every character that is not prose replaced by a space (line
    breaks kept): same length, same lines, same columns."""
    keep, _ = _prose_spans(text)
    out: list[str] = []
    last = 0
    for start, end in keep:
        if start > last:
            out.append(_NOT_BREAK.sub(" ", text[last:start]))
        out.append(text[start:end])
        last = end
    out.append(_NOT_BREAK.sub(" ", text[last:]))
    return "".join(out)


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the code in `text`: fenced and indented blocks,
    and code spans. A suppression comment written there is an example, not a
    suppression."""
    _, code = _prose_spans(text)
    return code


def _prose_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Sorted, disjoint (start, end) offsets of the prose of `text`, and those
    of its code."""
    front = _FRONT_MATTER.match(text)
    body = text
    if front is not None:  # blanked before parsing, or `---` would be a rule
        body = _NOT_BREAK.sub(" ", text[: front.end()]) + text[front.end() :]
    lines = [(m.start(), m.end()) for m in _LINE.finditer(body)]
    line_texts = [body[s:e].rstrip("\r\n") for s, e in lines]
    tokens = _parser().parse(body)
    keep: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    cells: dict[int, int] = {}  # table row line -> where the next cell is looked for
    previous = None
    for token in tokens:
        opener, previous = previous, token.type
        if token.type in ("fence", "code_block") and token.map:
            first, last = token.map
            if first < len(lines):
                code.append((lines[first][0], lines[min(last, len(lines)) - 1][1]))
            continue
        if token.type != "inline" or not token.map:
            continue
        first, last = token.map
        if first >= len(lines):
            continue
        if opener in ("th_open", "td_open"):  # a table cell: its text within the row
            row = first
            at = cells.get(row, 0)
            content = token.content.strip()
            found = line_texts[row].find(content, at) if content else -1
            if found < 0:
                continue
            cells[row] = found + len(content)
            parts = [(lines[row][0] + found, lines[row][0] + found + len(content))]
        else:
            parts = _content_parts(token.content, first, last, lines, line_texts)
        keep.extend(_without_markup(body, parts, code))
    return sorted(keep), sorted(code)


def _content_parts(
    content: str,
    first: int,
    last: int,
    lines: list[tuple[int, int]],
    line_texts: list[str],
) -> list[tuple[int, int]]:
    """Where each line of an inline token's content lies in the source: its
    text after the container markers (`>`, bullets, indentation), found as the
    end of the source line."""
    parts = []
    for index, piece in enumerate(content.split("\n")):
        row = first + index
        if row >= min(last, len(lines)):
            break
        piece = piece.strip()
        source = line_texts[row]
        if not piece:
            continue
        trimmed = source.rstrip()
        if trimmed.endswith(piece):
            at = len(trimmed) - len(piece)
        else:
            at = source.find(piece)
            if at < 0:
                continue
        parts.append((lines[row][0] + at, lines[row][0] + at + len(piece)))
    return parts


def _without_markup(
    text: str, parts: list[tuple[int, int]], code: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The prose of one inline run (its source `parts`, joined by line breaks):
    the parts less their inline markup. Its code spans are added to `code`."""
    joined = "\n".join(text[s:e] for s, e in parts)
    starts = []
    at = 0
    for s, e in parts:
        starts.append((at, s))
        at += e - s + 1
    blank = bytearray(len(joined))
    for s, e in _markup(joined):
        blank[s:e] = b"\x01" * (e - s)
    for s, e in _code_spans(joined):
        code.append((_source(starts, s), _source(starts, e - 1) + 1))
    spans = []
    for (offset, source), (s, e) in zip(starts, parts, strict=True):
        run = None
        for i in range(e - s):
            if blank[offset + i]:
                if run is not None:
                    spans.append((source + run, source + i))
                    run = None
            elif run is None:
                run = i
        if run is not None:
            spans.append((source + run, e))
    return spans


def _source(starts: list[tuple[int, int]], at: int) -> int:
    """The source offset of offset `at` of a joined inline run."""
    offset, source = starts[0]
    for joined, begin in starts:
        if joined > at:
            break
        offset, source = joined, begin
    return source + at - offset


def _markup(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inline markup in `text`."""
    spans = _code_spans(text)
    blank = bytearray(len(text))

    def mark(start: int, end: int) -> None:
        spans.append((start, end))
        blank[start:end] = b"\x01" * (end - start)

    for s, e in spans:
        blank[s:e] = b"\x01" * (e - s)
    for m in _RAW.finditer(text):
        if not any(blank[m.start() : m.end()]):
            mark(m.start(), m.end())
    for m in _FOOTNOTE.finditer(text):
        if not any(blank[m.start() : m.end()]):
            mark(m.start(), m.end())
    _links(text, blank, mark)
    for m in _ESCAPE.finditer(text):  # the backslash; the escaped character is text
        if not blank[m.start()]:
            mark(m.start(), m.start() + 1)
    for pattern in (_ENTITY, _EMPHASIS):
        for m in pattern.finditer(text):
            if not any(blank[m.start() : m.end()]) and not _escaped(text, m.start()):
                mark(m.start(), m.end())
    return spans


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans: a run of backticks up to the next run of the same length."""
    spans = []
    runs = [m for m in _BACKTICKS.finditer(text) if not _escaped(text, m.start())]
    i = 0
    while i < len(runs):
        opener = runs[i]
        width = opener.end() - opener.start()
        for j in range(i + 1, len(runs)):
            if runs[j].end() - runs[j].start() == width:
                spans.append((opener.start(), runs[j].end()))
                i = j + 1
                break
        else:
            i += 1
    return spans


def _escaped(text: str, at: int) -> bool:
    slashes = 0
    while at - slashes - 1 >= 0 and text[at - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def _links(text: str, blank: bytearray, mark) -> None:
    """Links and images: `[text](destination "title")`, `[text][label]`,
    `[text][]`: the brackets, the `!` of an image and what follows the text
    are blanked; the text itself is prose."""
    openers: list[int] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if blank[i] or _escaped(text, i):
            i += 1
            continue
        if ch == "[":
            openers.append(i)
        elif ch == "]" and openers:
            start = openers.pop()
            end = _link_tail(text, i + 1)
            if end is not None:
                bang = start > 0 and text[start - 1] == "!" and not blank[start - 1]
                mark(start - 1 if bang else start, start + 1)
                mark(i, end)
                i = end
                continue
        i += 1


def _link_tail(text: str, at: int) -> int | None:
    """The end of `(destination "title")` or `[label]` starting at `at`, if any."""
    if at >= len(text):
        return None
    if text[at] == "[":
        close = text.find("]", at + 1)
        return close + 1 if close >= 0 and "[" not in text[at + 1 : close] else None
    if text[at] != "(":
        return None
    depth = 0
    i = at
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        elif ch in "\"'" and depth == 1:
            close = text.find(ch, i + 1)
            if close < 0:
                return None
            i = close
        i += 1
    return None
