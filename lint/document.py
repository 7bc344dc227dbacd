"""The text being checked, and every way of pointing into it.

A `Document` is built once per input and shared by all rules. It maps character
offsets (Python string indices, i.e. Unicode code points) to 1-based line and
column numbers, UTF-16 columns (for SARIF consumers and LanguageTool) and UTF-8
byte offsets. Paragraphs, sentences and words are computed lazily, once.

Line breaks are LF, CRLF and lone CR, as editors and SARIF count them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Paragraphs break at a blank line: two line breaks (LF, CRLF or CR) with only
# horizontal space between them. The CR of a CRLF pair is not a break of its own.
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t\f\v\u00a0]*[\r\n]")
# A word: letters/digits (any script) joined by inner apostrophes or hyphens.
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")

# Sentence ends: terminal punctuation, optional closing quotes/brackets, then
# space; or a line break. That is `[.!?…]+["'”’)\]]*(?=\s)|\r\n|\r|\n`, written
# to open with one character class so that `re` skips ahead to candidates (3x).
_SENTENCE_END = re.compile(r"[.!?…\r\n](?:(?<=[.!?…])[.!?…]*[\"'”’)\]]*(?=\s)|(?<=\r)\n?|(?<=\n))")
_TOKEN_BEFORE_DOT = re.compile(r"[\w.]+$")
_DOTTED_ACRONYM = re.compile(r"(?:\w\.)+\w")
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "sr",
        "jr",
        "no",
        "nos",
        "vol",
        "fig",
        "figs",
        "p",
        "pp",
        "ed",
        "eds",
        "approx",
        "est",
        "dept",
        "univ",
        "corp",
        "inc",
        "ltd",
        "co",
        "bros",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "e.u",
        "al",
        "cf",
        "ca",
        "viz",
        "mt",
        "ft",
    ]
)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) of character offsets with its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, Unicode code points


class Document:
    """Text plus a lazily built index of lines, paragraphs, sentences and words.

    A document may be a segment of a longer text (`lint.segments`): then
    `first_line` and `first_column` say where it starts in the whole, and
    line and column numbers (`position`, `offset`, `line_text`) count in the
    whole text, while character offsets stay offsets into `text`.
    """

    def __init__(
        self, text: str, path: str = "-", first_line: int = 1, first_column: int = 1
    ) -> None:
        self.text = text
        self.path = path
        self.first_line = first_line
        self.first_column = first_column
        self._memo: dict = {}

    def memo(self, key, build):
        """`build()`, computed once per document for all the rules that need it
        (a kind's token list, say); `key` names it, e.g. ("doc_quality", "lines")."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            return value

    # --- positions -------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        text = self.text
        starts = [0]
        if "\r" in text:
            starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
            return starts
        at = text.find("\n")  # LF only: str.find beats a regex scan
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        return starts

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding `offset`."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        index = self.line_index(offset)
        # An offset inside a CRLF pair belongs to the end of its line.
        column = offset - self.line_starts[index] + 1
        if index == 0:
            column += self.first_column - 1
        return Position(index + self.first_line, column)

    def offset(self, line: int, column: int) -> int:
        """Inverse of `position`."""
        index = line - self.first_line
        if index == 0:
            column -= self.first_column - 1
        return self.line_starts[index] + column - 1

    def utf16_column(self, offset: int) -> int:
        """1-based column of `offset` counted in UTF-16 code units."""
        start = self.line_starts[self.line_index(offset)]
        prefix = self.text[start:offset]
        return len(prefix) + sum(1 for ch in prefix if ord(ch) > 0xFFFF) + 1

    def byte_offset(self, offset: int) -> int:
        """0-based offset of `offset` in the UTF-8 encoding of the text."""
        return len(self.text[:offset].encode("utf-8", "surrogatepass"))

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break (in a segment,
        the part of the line the segment holds)."""
        index = line - self.first_line
        start = self.line_starts[index]
        end = self.line_starts[index + 1] if index + 1 < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    # --- structure -------------------------------------------------------
    @cached_property
    def lines(self) -> list[Span]:
        """Every line, without its line break."""
        text = self.text
        starts = self.line_starts
        ends = starts[1:]
        ends.append(len(text))
        spans = []
        for start, end in zip(starts, ends, strict=True):
            stripped = text[start:end].rstrip("\r\n")
            spans.append(Span(start, start + len(stripped), stripped))
        return spans

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks of non-blank lines separated by blank lines, trimmed."""
        spans = []
        start = 0
        for sep in _PARAGRAPH_BREAK.finditer(self.text):
            spans.extend(self._trimmed(start, sep.start()))
            start = sep.end()
        spans.extend(self._trimmed(start, len(self.text)))
        return spans

    def _trimmed(self, start: int, end: int) -> list[Span]:
        chunk = self.text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        return [Span(start + lead, start + lead + len(body), body)] if body else []

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences, split at terminal punctuation and line breaks.

        A full stop after a known abbreviation, an initial or inside a number does
        not end a sentence. Rules that hunt for broken sentences look at the text
        itself; this split is for rules that want a sentence as context.
        """
        text = self.text
        spans: list[Span] = []
        start = 0
        for m in _SENTENCE_END.finditer(text):
            end = m.end()
            if text[m.start()] == "." and self._is_abbreviation(m.start()):
                continue
            chunk = text[start:end]
            body = chunk.strip()
            if body:  # as _trimmed, inline: most chunks between line breaks are empty
                lead = start + len(chunk) - len(chunk.lstrip())
                spans.append(Span(lead, lead + len(body), body))
            start = end
        spans.extend(self._trimmed(start, len(text)))
        return spans

    def _is_abbreviation(self, dot: int) -> bool:
        before = self.text[max(0, dot - 12) : dot]
        word = _TOKEN_BEFORE_DOT.search(before)
        if not word:
            return False
        token = word.group().lower()
        if token in ABBREVIATIONS:
            return True
        # Single initials ("J. Smith") and dotted acronyms ("U.S.").
        return len(token) == 1 and token.isalpha() or bool(_DOTTED_ACRONYM.fullmatch(token))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence holding `offset`, if any."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, offset + 1):
            return self.sentences[i]
        return None

    def paragraph_at(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    @cached_property
    def words(self) -> list[Span]:
        """Words with their offsets; rules that only need the words' text use
        `word_texts`, which builds no objects (a 1 KB news text has 170 words)."""
        return [Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.text)]

    @cached_property
    def word_texts(self) -> list[str]:
        """The text of each of `words`, in order, from one C-level regex pass."""
        return _WORD.findall(self.text)

    @cached_property
    def whitespace_tokens(self) -> list[str]:
        """The text split at whitespace (`str.split`): what `word_count` counts."""
        return self.text.split()

    @cached_property
    def word_count(self) -> int:
        return len(self.whitespace_tokens)
