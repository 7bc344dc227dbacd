"""json-lines: one JSON object a finding, for streaming into other tools."""

import json
from collections.abc import Iterator

from lint.report.json import finding_dict, with_record


def chunks(report) -> Iterator[str]:
    for f in report.findings:
        yield json.dumps(with_record(finding_dict(f), report), ensure_ascii=False) + "\n"
