"""File names and message text made safe to print.

A file name is data: it may hold a newline (which would split a report line
in two), an escape sequence (which would colour or rewrite the terminal), a
bidirectional control (which would reorder what is shown), or bytes that are
not UTF-8 (which Python carries as lone surrogates, and which would make the
report invalid UTF-8). Such a name is shown as git shows it: in double quotes,
with C escapes, and any other byte in octal (`"a\\nb.txt"`, `"\\033[31m.txt"`,
`"caf\\351.txt"`). Names without them are shown as they are.
"""

from __future__ import annotations

import re

# Control characters (C0, DEL, C1), line and paragraph separators, bidirectional
# controls, and lone surrogates (undecodable bytes under surrogateescape).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_C_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}


def _octal(ch: str) -> str:
    # An undecodable byte kept by surrogateescape is that byte; the rest, UTF-8.
    data = ch.encode("utf-8", "surrogateescape" if "\udc80" <= ch <= "\udcff" else "surrogatepass")
    return "".join(f"\\{byte:03o}" for byte in data)


def quote_path(path: str) -> str:
    """`path` as it is, or git-style quoted when it holds anything unsafe."""
    if _UNSAFE.search(path) is None:
        return path
    out = []
    for ch in path:
        if ch in _C_ESCAPES:
            out.append(_C_ESCAPES[ch])
        elif _UNSAFE.match(ch):
            out.append(_octal(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def printable(text: str) -> str:
    """Message text for a line-oriented report: control characters, separators
    and lone surrogates become escapes (`\\n`, `\\x1b`, `\\u2028`, `\\udcff`);
    a tab stays a tab."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape_one, text)


def _escape_one(match: re.Match) -> str:
    ch = match.group()
    if ch == "\t":
        return ch
    if ch in _C_ESCAPES:
        return _C_ESCAPES[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
