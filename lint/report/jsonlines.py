"""json-lines: one JSON object a finding, for streaming into other tools."""

import json

from lint.report.json import finding_dict, with_record


def render(report) -> str:
    return "".join(
        json.dumps(with_record(finding_dict(f), report), ensure_ascii=False) + "\n"
        for f in report.findings
    )
