"""json-lines: one JSON object a finding, for streaming into other tools."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.report.json import finding_dict, with_record

if TYPE_CHECKING:
    from lint.runner import Report


def chunks(report: Report) -> Iterator[str]:
    for f in report.findings:
        yield json.dumps(with_record(finding_dict(f), report), ensure_ascii=False) + "\n"
