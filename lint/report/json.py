"""json: the contract read by ../shared/tools/score.py and by machines.

{"version": 1, "findings": [{path, line, column, end_line, end_column, rule,
 severity, message, suggestions}], "summary": {...}}
"""

import json

from lint.report import summary

FIELDS = ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message")


def finding_dict(f) -> dict:
    data = {name: getattr(f, name) for name in FIELDS}
    data["suggestions"] = list(f.suggestions)
    return data


def with_record(data: dict, report) -> dict:
    """JSON Lines input: name the record's file, line in the file and id."""
    record = getattr(report, "records", {}).get(data["path"])
    if record is not None:
        data["record"] = {"file": record.file, "line": record.line, "id": record.id}
    return data


def render(report) -> str:
    data = {
        "version": 1,
        "findings": [with_record(finding_dict(f), report) for f in report.findings],
        "summary": summary(report),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
