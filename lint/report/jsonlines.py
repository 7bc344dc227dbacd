"""json-lines: one JSON object a finding, for streaming into other tools."""

import json

from lint.report.json import finding_dict


def render(report) -> str:
    return "".join(json.dumps(finding_dict(f), ensure_ascii=False) + "\n" for f in report.findings)
