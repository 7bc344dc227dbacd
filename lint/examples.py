"""A pack's examples: texts a rule must flag, and where and with what message.

In a pack, each item of `examples.flag` is either a plain string (the rule must
report something in it) or a mapping that also says where and what, as
textlint's rule tests do:

    flag:
      - "The the minister said so."
      - {text: "Missiles struck Kiev.", at: "1:17-1:21", message: "Kyiv"}

`at` is `line:column-end_line:end_column` exactly as the JSON report gives a
finding's `line`, `column`, `end_line` and `end_column`: 1-based, columns in
Unicode code points, and the end column exclusive (the column just after the
last character: "Kiev" at columns 17 to 20 is `1:17-1:21`). `message` is the
finding's whole message or a part of it. Either may be left out; with both, one
finding must satisfy both. An example of a cross-document rule holds several
documents separated by a `---` line, and `at` is a position in the document
the finding is reported in. `pass` examples stay plain strings: there is no
finding to place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

_SPAN = re.compile(r"(\d+):(\d+)-(\d+):(\d+)")
EXAMPLE_KEYS = ("text", "at", "message")


@dataclass(frozen=True, slots=True)
class Span:
    """Where a finding is, as the JSON report writes it (end column exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def parse(cls, text: str) -> Span:
        """`"1:14-1:19"` as a Span; ValueError with a plain reason otherwise."""
        found = _SPAN.fullmatch(text.strip())
        if not found:
            raise ValueError(f"{text!r} is not line:column-end_line:end_column (like 1:14-1:19)")
        span = cls(*(int(part) for part in found.groups()))
        if span.line < 1 or span.column < 1:
            raise ValueError(f"{text!r}: lines and columns count from 1")
        if (span.end_line, span.end_column) <= (span.line, span.column):
            raise ValueError(f"{text!r}: the end must come after the start (end column exclusive)")
        return span

    def __str__(self) -> str:
        return f"{self.line}:{self.column}-{self.end_line}:{self.end_column}"


@dataclass(frozen=True, slots=True)
class Expected:
    """A flag example that says where its finding is (`at`) and what it says."""

    text: str
    at: Span | None = None
    message: str | None = None

    def met_by(self, line: int, column: int, end_line: int, end_column: int, message: str) -> bool:
        """Whether one finding, given by its report fields, is the one expected."""
        if self.at is not None and (line, column, end_line, end_column) != (
            self.at.line,
            self.at.column,
            self.at.end_line,
            self.at.end_column,
        ):
            return False
        return self.message is None or self.message in message

    def describe(self) -> str:
        parts = [f"at {self.at}"] if self.at else []
        if self.message is not None:
            parts.append(f"with a message containing {self.message!r}")
        return "a finding " + " ".join(parts)

    def to_plain(self) -> dict[str, str]:
        plain = {"text": self.text}
        if self.at is not None:
            plain["at"] = str(self.at)
        if self.message is not None:
            plain["message"] = self.message
        return plain

    @classmethod
    def from_plain(cls, value: Any) -> Expected:
        """What `to_plain` wrote; ValueError for anything else."""
        if not (isinstance(value, dict) and set(value) <= set(EXAMPLE_KEYS)):
            raise ValueError("an example is a mapping of text, at and message")
        if not all(isinstance(v, str) for v in value.values()) or "text" not in value:
            raise ValueError("an example's text, at and message are strings")
        at = Span.parse(value["at"]) if "at" in value else None
        return cls(value["text"], at, value.get("message"))


@dataclass(frozen=True, slots=True)
class Examples:
    """A rule's examples: every flag text (plain or placed), pass texts, and the
    placed ones again with what they expect."""

    flag: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()
    expected: tuple[Expected, ...] = ()


def read_examples(
    raw: Any, fail: Callable[[str, int | None], NoReturn], line: Callable[..., int | None]
) -> Examples:
    """A rule's `examples` from YAML, checked: `fail(message, line)` reports a
    mistake, `line(*keys)` finds the line of a value below `examples`."""
    if not raw:
        return Examples()
    if not isinstance(raw, dict) or set(raw) - {"flag", "pass"}:
        fail("examples is a mapping with 'flag' and 'pass' lists", line())
    passing = raw.get("pass", [])
    if not (isinstance(passing, list) and all(isinstance(v, str) for v in passing)):
        fail("examples.pass must be a list of strings", line("pass"))
    flag = raw.get("flag", [])
    if not isinstance(flag, list):
        fail("examples.flag must be a list", line("flag"))
    texts, expected = [], []
    for index, item in enumerate(flag):
        if isinstance(item, str):
            texts.append(item)
            continue
        where = f"examples.flag[{index}]"
        if not isinstance(item, dict):
            fail(
                f"{where} must be a string or a mapping of text, at and message",
                line("flag", index),
            )
        for key in item:
            if key not in EXAMPLE_KEYS:
                known = ", ".join(EXAMPLE_KEYS)
                fail(f"{where}: unknown key {key!r} (known: {known})", line("flag", index, key))
        for key in EXAMPLE_KEYS:
            if key in item and not isinstance(item[key], str):
                fail(f"{where}.{key} must be a string", line("flag", index, key))
        if "text" not in item:
            fail(f"{where}: missing key 'text'", line("flag", index))
        if "at" not in item and "message" not in item:
            fail(
                f"{where}: give 'at', 'message' or both (or write the text alone)",
                line("flag", index),
            )
        at = None
        if "at" in item:
            try:
                at = Span.parse(item["at"])
            except ValueError as exc:
                fail(f"{where}.at: {exc}", line("flag", index, "at"))
            lines = item["text"].split("\n---\n")
            longest = max(part.count("\n") + 1 for part in lines)
            if at.line > longest:
                shown = f"{longest} line{'s' if longest > 1 else ''}"
                fail(
                    f"{where}.at: line {at.line} is past the example's {shown}",
                    line("flag", index, "at"),
                )
        texts.append(item["text"])
        expected.append(Expected(item["text"], at, item.get("message")))
    return Examples(tuple(texts), tuple(passing), tuple(expected))
