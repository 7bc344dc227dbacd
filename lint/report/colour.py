"""ANSI colour for the text and full reports on a terminal.

`--color auto` (the default) colours only when the report goes to a terminal
and the `NO_COLOR` variable is unset or empty (https://no-color.org); `always`
and `never` decide alone, as a command-line option overrides the variable.
A report written to a file (`-o`) is never coloured.
"""

from __future__ import annotations

import os
from typing import Any

_CODES = {
    "path": "1",  # bold
    "position": "36",  # cyan
    "rule": "35",  # magenta
    "error": "1;31",  # bold red
    "warning": "33",  # yellow
    "info": "34",  # blue
    "faint": "2",
}


def wanted(choice: str, stream: Any, to_file: bool) -> bool:
    """Whether to colour a report going to `stream` (or to a file)."""
    if to_file or choice == "never":
        return False
    if choice == "always":
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str, style: str, on: bool = True) -> str:
    """`text` in `style` (a key of `_CODES` or a severity), or as it is."""
    if not on or not text:
        return text
    return f"\x1b[{_CODES[style]}m{text}\x1b[0m"
