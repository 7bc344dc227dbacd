"""newslint: a linter for English news text after machine translation, scraping
and ingestion.

    >>> import lint
    >>> [f.rule for f in lint.check_text("Shelling hit Kiev on Monday.")]
    ['names.romanization']

`check_text` and `check_paths` are the public API; the CLI is a thin layer on top.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from lint.config import Config
from lint.document import Document
from lint.finding import Finding

__version__ = "0.1.0"
__all__ = ["Config", "Document", "Finding", "check_paths", "check_text", "__version__"]


def check_text(text: str, path: str = "-", config: Config | None = None) -> list[Finding]:
    """Findings for one text, with the built-in packs (or `config`): a function
    of its arguments (and of the packs' files), whatever ran before it."""
    from lint.rulebook import linter_for

    return linter_for(config or Config()).check_text(text, path)


def check_paths(paths: Iterable[str | os.PathLike], jobs: int = 1) -> list[Finding]:
    """Findings for files and folders, configured as `newslint check` would be."""
    from lint.runner import check_paths as run_paths

    return run_paths(paths, jobs=jobs)
