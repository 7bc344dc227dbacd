"""Baselines: accept today's findings, fail only on new ones.

A finding is identified by its document, rule, the text it matched and a little
context around it, never by line numbers, so editing elsewhere in a document
does not resurrect old findings. Identical keys are counted, so a second copy
of an accepted problem is new.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lint.finding import Finding
from lint.quoting import quote_path
from lint.sources import STDIN, InputError, read_bytes, reread_text

CONTEXT = 24  # characters each side of the match
VERSION = 1


@dataclass(frozen=True)
class Key:
    path: str
    rule: str
    text: str
    context: str


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Texts:
    """Document texts, read once: files from disk, records from the report."""

    def __init__(self, report):
        self.records = report.records
        self._cache: dict[str, str] = {}

    def __getitem__(self, path: str) -> str:
        if path not in self._cache:
            if path in self.records:
                self._cache[path] = self.records[path].text
            elif path == STDIN:
                self._cache[path] = ""
            else:
                self._cache[path] = reread_text(path)
        return self._cache[path]


def key_of(finding: Finding, text: str) -> Key:
    match = text[finding.offset : finding.end_offset]
    # Context stays within the finding's own line, so text added around it does not count.
    line_start = max(text.rfind("\n", 0, finding.offset), text.rfind("\r", 0, finding.offset)) + 1
    ends = [i for i in (text.find("\n", finding.end_offset), text.find("\r", finding.end_offset))]
    line_end = min((i for i in ends if i >= 0), default=len(text))
    before = text[max(line_start, finding.offset - CONTEXT) : finding.offset]
    after = text[finding.end_offset : min(line_end, finding.end_offset + CONTEXT)]
    context = _squash(before) + "\u2038" + _squash(after)
    return Key(_normal_path(finding.path), finding.rule, _squash(match), context)


def _normal_path(path: str) -> str:
    file, sep, record = path.partition("#")
    return Path(file).as_posix().removeprefix("./") + sep + record


def baseline_json(report) -> tuple[str, int]:
    """The baseline file's text for a report, and how many findings it holds."""
    texts = Texts(report)
    keys = [key_of(f, texts[f.path]) for f in report.findings]
    data = {
        "version": VERSION,
        "findings": [
            {"path": k.path, "rule": k.rule, "text": k.text, "context": k.context} for k in keys
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n", len(keys)


class BaselineError(Exception):
    pass


# A baseline larger than this is refused (a million findings take ~200 MB).
MAX_BASELINE_BYTES = 512 << 20


def load_baseline(path: str) -> Counter:
    data = read_bytes(path, MAX_BASELINE_BYTES, limit_hint="")  # never a FIFO or device
    if isinstance(data, InputError):
        raise BaselineError(f"{quote_path(path)}: cannot read baseline: {data.reason}")
    try:
        found = json.loads(data.decode("utf-8"))["findings"]
        return Counter(Key(d["path"], d["rule"], d["text"], d["context"]) for d in found)
    except (ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{quote_path(path)}: not a newslint baseline: {exc}") from None


def new_findings(report, accepted: Counter) -> list[Finding]:
    """Findings not covered by the baseline (each accepted key absorbs one)."""
    texts = Texts(report)
    left = Counter(accepted)
    out = []
    for finding in report.findings:
        key = key_of(finding, texts[finding.path])
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(finding)
    return out
