"""newslint on a Dask cluster: a bag of texts or a dataframe column in, a
dataframe of findings out.

    import dask.bag as db
    from lint.integrations.dask import check_bag

    bag = db.from_sequence([("a.txt", text_a), ("b.txt", text_b)], npartitions=2)
    findings = check_bag(bag).compute()      # a pandas DataFrame

Each worker process compiles the packs once (and reads them from the on-disk
cache after the first run). Per-document rules run in `map_partitions`;
cross-document rules (kinds with `collect`/`resolve`) send their facts through
a reduction and are resolved once, so the batch never has to fit one machine's
memory as text, only as extracted facts.

Install with `pip install 'newslint[dask]'`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import partial
from itertools import chain

import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from lint.config import Config
from lint.engine import DocumentResult, Linter
from lint.finding import Finding

COLUMNS = {
    "path": str,
    "line": "int64",
    "column": "int64",
    "end_line": "int64",
    "end_column": "int64",
    "rule": str,
    "severity": str,
    "message": str,
    "suggestions": "object",
}


def _to_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows of findings as a frame whose dtypes match the declared metadata."""
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)


def _linter(config: Config) -> Linter:
    """Compiled once per worker process and configuration (rulebook caches it)."""
    from lint.rulebook import linter_for

    return linter_for(config)


def _row(f: Finding) -> dict:
    row = {name: getattr(f, name) for name in COLUMNS}
    row["suggestions"] = list(f.suggestions)
    return row


# The rule of a row that stands for a document that could not be checked (as
# ruff reports an unreadable file as a diagnostic, E902): severity error, at 1:1,
# the message saying why. The other documents' findings are kept.
FAILED_RULE = "newslint.input-error"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _as_pair(item, index: int) -> tuple[object, object]:
    if isinstance(item, str):
        return f"#{index}", item
    if isinstance(item, dict):
        return item.get("path"), item.get("text")
    path, text = item
    return path, text


def _path_of(raw) -> tuple[str, str | None]:
    """The path as text a dataframe can hold, and why it is unusable (or None).
    Bytes or lone surrogates that are not UTF-8 are written as escapes."""
    if isinstance(raw, bytes):
        try:
            return raw.decode("utf-8"), None
        except UnicodeDecodeError:
            shown = raw.decode("utf-8", "backslashreplace")
            return shown, "its path is not valid UTF-8 (shown with \\x escapes); not checked"
    path = str(raw)
    if _LONE_SURROGATE.search(path):
        shown = path.encode("utf-8", "backslashreplace").decode("utf-8")
        return shown, "its path is not valid UTF-8 (shown with \\u escapes); not checked"
    return path, None


def _text_problem(text) -> str | None:
    if text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text)):
        return f"its text is missing ({text}); not checked"
    if not isinstance(text, str):
        return f"its text is a {type(text).__name__}, not a string; not checked"
    if not text.isascii() and _LONE_SURROGATE.search(text):
        return "its text holds a lone surrogate, which is not text; not checked"
    return None


def _failed_row(path: str, reason: str) -> dict:
    return {
        "path": path,
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 1,
        "rule": FAILED_RULE,
        "severity": "error",
        "message": reason,
        "suggestions": [],
    }


def _check_partition(items: Iterable, config: Config) -> list[dict]:
    """One entry per document: its rows (findings, or one failed row) and facts.
    A document that cannot be checked fails alone, never the partition."""
    linter = _linter(config)
    out = []
    for index, item in enumerate(items):
        raw_path, text = _as_pair(item, index)
        path, problem = _path_of(raw_path)
        problem = problem or _text_problem(text)
        rows, facts = [], {}
        if problem is None:
            try:
                result = linter.check(text, path)
            except Exception as exc:  # MemoryError, or a bug: this document only
                problem = f"newslint failed on it ({type(exc).__name__}: {exc})"
            else:
                rows, facts = [_row(f) for f in result.findings], result.facts
        if problem is not None:
            rows = [_failed_row(path, problem)]
        out.append({"path": path, "rows": rows, "facts": facts})
    return out


def _concatenate(parts: list[list]) -> list:
    return list(chain.from_iterable(parts))


def _resolve(fact_lists: list, config: Config) -> list[dict]:
    """The reduction's last step: cross-document findings from all facts."""
    results = [DocumentResult(path, [], facts=facts) for path, facts in fact_lists]
    return [_row(f) for f in _linter(config).resolve_batch(results)]


def check_bag(bag: db.Bag, config: Config | None = None) -> dd.DataFrame:
    """Findings for a bag of texts, `(path, text)` pairs or `{"path", "text"}` dicts.

    Bare texts are named `#<index in partition>`; give paths for stable names.
    A document that cannot be checked (a text that is None or not a string, a
    path that is not valid UTF-8) is one row of rule `newslint.input-error`.
    """
    config = config or Config()
    checked = bag.map_partitions(_check_partition, config)
    rows = checked.map(lambda r: r["rows"]).flatten()
    facts = checked.map(lambda r: (r["path"], r["facts"])).filter(lambda pair: pair[1])
    # A tree reduction: every level concatenates (path, facts) pairs; the
    # cross-document rules are resolved once, on the result.
    batch = facts.reduction(list, _concatenate).apply(partial(_resolve, config=config))
    meta = _to_frame([])
    # Unoptimised, so that these tasks keep the keys of `checked` that the
    # facts' reduction reads too: fused and renamed, each partition would be
    # checked twice, once for its findings and once for its facts.
    per_document = rows.map_partitions(_to_frame).to_delayed(optimize_graph=False)
    per_document = dd.from_delayed(per_document, meta=meta)
    across = dd.from_delayed([_frame(batch)], meta=meta)
    return dd.concat([per_document, across])


def _frame(batch):
    import dask

    # Unoptimised for the same reason as the per-document frames.
    return dask.delayed(_to_frame)(batch.to_delayed(optimize_graph=False))


def check_dataframe(
    frame: dd.DataFrame, text: str = "text", path: str | None = None, config: Config | None = None
) -> dd.DataFrame:
    """Findings for one text column of a Dask dataframe; `path` names a column
    holding each row's document id (default: the row's index)."""
    columns = [path, text] if path else [text]
    if path:
        bag = frame[columns].to_bag(format="tuple")
    else:
        bag = frame[[text]].reset_index().to_bag(format="tuple")
    return check_bag(bag.map(lambda t: (t[0], t[1])), config)  # paths made text in _path_of


def sort_findings(frame: pd.DataFrame) -> pd.DataFrame:
    """The CLI's order: path, then position, then rule."""
    keys = ["path", "line", "column", "end_line", "end_column", "rule", "severity", "message"]
    return frame.sort_values(keys).reset_index(drop=True)
