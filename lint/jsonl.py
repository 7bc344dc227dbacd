"""JSON Lines input: each record's text field is checked as its own document.

Ingestion pipelines hand over records, not files. A record becomes a document
whose path is `file.jsonl#<id>` (the id field's value, or `L<line>` without
one), so every report format names it; positions are line:column inside the
record's text, and `Record` keeps the record's line in the file for the
formats that can carry it (json, json-lines) and for `--diff-base`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from lint.sources import STDIN, InputError, expand, read_input


@dataclass(frozen=True)
class Record:
    file: str  # the .jsonl file
    line: int  # 1-based line of the record in the file
    id: str  # the record's id (or L<line>)
    text: str

    @property
    def path(self) -> str:
        return f"{self.file}#{self.id}"


def read_records(path: str, field: str, id_field: str | None) -> Iterator[Record | InputError]:
    """Records of one JSON Lines file; a bad line is an error naming its line."""
    decoded = read_input(path)
    if isinstance(decoded, InputError):
        yield decoded
        return
    seen: set[str] = set()
    # Records end at LF only: str.splitlines() would also split inside a record
    # at U+2028, U+0085 or a form feed, which JSON strings may hold raw.
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON: {exc.msg} at column {exc.colno}", "jsonl")
            continue
        except RecursionError:
            yield InputError(where, "not valid JSON: nested too deeply", "jsonl")
            continue
        if not isinstance(data, dict):
            yield InputError(where, "a JSON Lines record must be an object", "jsonl")
            continue
        text = data.get(field)
        if not isinstance(text, str):
            yield InputError(where, f"field {field!r} is missing or not a string", "jsonl")
            continue
        raw_id = data.get(id_field) if id_field else None
        record_id = f"L{number}" if raw_id is None else str(raw_id)
        if record_id in seen:  # keep paths unique so findings stay apart
            record_id = f"{record_id}@L{number}"
        seen.add(record_id)
        yield Record(path, number, record_id, text)


def run_jsonl(paths: list[str], settings, field: str, id_field: str | None, jobs: int = 1):
    """Like `runner.run`, over the records of JSON Lines files (`-j N` too)."""
    from lint import runner
    from lint.rulebook import linter_for

    runner._init_worker(settings)
    resolver = runner._RESOLVER
    cwd_config = resolver.for_path(STDIN)
    report = runner.Report(fail_on=cwd_config.fail_on)
    report.records = {}
    include = tuple(p.replace(".txt", ".jsonl") for p in cwd_config.include) + ("*.jsonl",)
    records: list[Record] = []
    for item in expand(paths, include, cwd_config.exclude):
        if isinstance(item, InputError):
            report.errors.append(item)
            continue
        for record in read_records(item, field, id_field):
            if isinstance(record, InputError):
                report.errors.append(record)
            else:
                records.append(record)
    results = runner._check_all(
        [r.path for r in records], settings, jobs, texts=[r.text for r in records]
    )
    groups: dict[tuple, tuple] = {}
    for record, result in zip(records, results, strict=True):
        report.records[record.path] = record
        report.checked.append(record.path)
        report.findings.extend(result.findings)
        report.failures.extend(result.failures)
        report.words[record.path] = result.words
        config = resolver.for_path(record.path)
        linter = linter_for(config)
        if config.key() not in groups:
            groups[config.key()] = (linter, [])
            for rule in linter.rules:
                report.rules.setdefault(rule.id, rule)
        if any(result.facts.values()):
            groups[config.key()][1].append(
                runner.DocumentResult(record.path, [], facts=result.facts)
            )
    report.findings.extend(runner.batch_findings(groups.values(), resolver))
    report.findings.sort()
    return report
