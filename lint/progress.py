"""A progress bar on standard error for long runs, only when it is a terminal.

Reports go to standard output (or -o FILE) untouched; the bar is redrawn in
place with a carriage return and erased when the run ends, so a terminal shows
the report alone afterwards and a pipe or CI log never sees it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

MIN_INPUTS = 10  # shorter runs finish before a bar is worth drawing
WIDTH = 30


def progress(
    items: Iterable[T], total: int, label: str = "files", enabled: bool = True
) -> Iterator[T]:
    """`items`, drawing a bar as they come (unless `enabled` is False: the
    command line's -q / --no-progress, which travel in the runner's settings)."""
    stream = sys.stderr
    if not (enabled and total >= MIN_INPUTS and stream.isatty()):
        yield from items
        return
    last = 0.0
    done = 0
    try:
        for item in items:
            done += 1
            now = time.monotonic()
            if now - last >= 0.1 or done == total:
                last = now
                filled = WIDTH * done // total
                bar = "█" * filled + "·" * (WIDTH - filled)
                stream.write(f"\r{bar} {done}/{total} {label}")
                stream.flush()
            yield item
    finally:
        stream.write("\r\x1b[2K")  # erase the bar
        stream.flush()
