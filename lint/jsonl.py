"""JSON Lines input: each record's text field is checked as its own document.

Ingestion pipelines hand over records, not files. A record becomes a document
whose path is `file.jsonl#<id>` (the id field's value, or `L<line>` without
one), so every report format names it; positions are line:column inside the
record's text, and `Record` keeps the record's line in the file for the
formats that can carry it (json, json-lines) and for `--diff-base`.

A JSON Lines file is read a line at a time, never whole, so its size is not
limited; each record's text is, by --max-document-size. A bad record is an
error naming its line, and the other records are checked: a line that is not
JSON (or holds an integer of more than 4,300 digits, which Python will not
read), a text with a lone surrogate (`"\\ud800"` is valid JSON but not text;
--encoding-errors replace checks it with U+FFFD), a text over the size limit.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import re
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace

from lint.discovery import expand
from lint.sources import (
    BINARY_SAMPLE,
    DEFAULT_MAX_DOCUMENT_BYTES,
    STDIN,
    InputError,
    decode,
    open_regular,
)

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# The JSON of a text can be up to 6 times its UTF-8 size ("\u0001" for one
# byte); a longer line cannot hold a text under the limit and is not read.
JSON_EXPANSION = 6
_UTF16_OR_32 = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


@dataclass(frozen=True)
class Record:
    file: str  # the .jsonl file
    line: int  # 1-based line of the record in the file
    id: str  # the record's id (or L<line>)
    text: str

    @property
    def path(self) -> str:
        return f"{self.file}#{self.id}"


def _lines(path: str, limit: int) -> Iterator[tuple[int, str | InputError]]:
    """(number, line) of a JSON Lines file or standard input, read a line at a
    time (records end at LF only: str.splitlines() would also split inside a
    record at U+2028, U+0085 or a form feed, which JSON strings may hold raw)."""
    if path == STDIN:
        fh = getattr(sys.stdin, "buffer", None)
        if fh is None:
            yield 0, InputError(STDIN, "standard input is closed", "unreadable")
            return
        opened = contextlib.nullcontext(fh)
    else:
        fh = open_regular(path)
        if isinstance(fh, InputError):
            yield 0, fh
            return
        opened = fh
    with opened:
        sample = fh.peek(BINARY_SAMPLE)[:BINARY_SAMPLE]
        if sample.startswith(_UTF16_OR_32) or b"\x00" in sample:
            # UTF-16 or UTF-32 (rare in JSON Lines), or binary: read whole, decoded as a text is.
            decoded = decode(fh.read(limit * JSON_EXPANSION + 1), path)
            if isinstance(decoded, InputError):
                yield 0, decoded
                return
            yield from enumerate(decoded.text.split("\n"), start=1)
            return
        longest = limit * JSON_EXPANSION + 1024
        for number, raw in enumerate(_raw_lines(fh, longest), start=1):
            if raw is None:
                reason = f"a record longer than {longest} bytes; skipped (--max-document-size)"
                yield number, InputError(f"{path}:{number}", reason, "too large")
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                bad, column = raw[exc.start], exc.start + 1
                reason = f"not valid UTF-8: bad byte 0x{bad:02x} at column {column}"
                yield number, InputError(f"{path}:{number}", reason, "encoding")


def _raw_lines(fh, longest: int) -> Iterator[bytes | None]:
    """Lines as bytes; None for a line longer than `longest` (skipped unread)."""
    while True:
        raw = fh.readline(longest + 1)
        if not raw:
            return
        if len(raw) > longest and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(1 << 20)
            yield None
        else:
            yield raw


def _text_problem(text: str, limit: int, errors: str) -> tuple[str | None, str]:
    """(why the record's text is refused or None, the text to check)."""
    if text.isascii():
        size = len(text)
    else:
        match = _LONE_SURROGATE.search(text)
        if match is not None:
            if errors != "replace":
                code = ord(match.group())
                return (
                    f"the text holds a lone surrogate (\\u{code:04x}) at character "
                    f"{match.start() + 1}, which is not text; skipped "
                    "(--encoding-errors replace checks it)",
                    text,
                )
            text = _LONE_SURROGATE.sub("\ufffd", text)
        size = len(text) if len(text) > limit else len(text.encode("utf-8"))
    if size > limit:
        return (
            f"a text of over {limit} bytes, the limit (--max-document-size); skipped",
            text,
        )
    return None, text


def read_records(
    path: str,
    field: str,
    id_field: str | None,
    limit: int = DEFAULT_MAX_DOCUMENT_BYTES,
    errors: str = "strict",
) -> Iterator[Record | InputError]:
    """Records of one JSON Lines file; a bad line is an error naming its line."""
    seen: set[str] = set()
    for number, line in _lines(path, limit):
        if isinstance(line, InputError):
            yield line
            continue
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
        except ValueError:  # int() refuses more than 4,300 digits (CVE-2020-10735)
            yield InputError(where, "not usable JSON: an integer of over 4,300 digits", "jsonl")
            continue
        if not isinstance(data, dict):
            yield InputError(where, "a JSON Lines record must be an object", "jsonl")
            continue
        text = data.get(field)
        if not isinstance(text, str):
            yield InputError(where, f"field {field!r} is missing or not a string", "jsonl")
            continue
        problem, text = _text_problem(text, limit, errors)
        if problem is not None:
            kind = "too large" if "--max-document-size" in problem else "encoding"
            yield InputError(where, problem, kind)
            continue
        raw_id = data.get(id_field) if id_field else None
        record_id = f"L{number}" if raw_id is None else str(raw_id)
        # An id is part of a path: a lone surrogate in it is written as its escape.
        record_id = _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", record_id)
        if record_id in seen:  # keep paths unique so findings stay apart
            record_id = f"{record_id}@L{number}"
        seen.add(record_id)
        yield Record(path, number, record_id, text)


def run_jsonl(
    paths: list[str], settings, field: str, id_field: str | None, jobs: int = 1, guard=None
):
    """Like `runner.run`, over the records of JSON Lines files (`-j N` too).
    Records are read as they are checked; the report keeps the text of those
    with findings only (baselines and the HTML report show them)."""
    from lint import runner

    runner._init_worker(settings)
    resolver = runner._RESOLVER
    cwd_config = resolver.for_path(STDIN)
    report = runner.Report(fail_on=cwd_config.fail_on)
    report.records = {}
    include = tuple(p.replace(".txt", ".jsonl") for p in cwd_config.include) + ("*.jsonl",)
    files: list[str] = []
    for item in expand(paths, settings.discovery(cwd_config, include)):
        if isinstance(item, InputError):
            report.errors.append(item)
        else:
            files.append(item)
    if guard is not None:
        guard(files)
    reading: deque[Record] = deque()  # records handed to the checker, not yet answered

    def items() -> Iterator[tuple[str, str]]:
        for file in files:
            limit = resolver.for_path(file).max_document_size
            for record in read_records(file, field, id_field, limit, settings.encoding_errors):
                if isinstance(record, InputError):
                    report.errors.append(record)
                else:
                    reading.append(record)
                    yield record.path, record.text

    groups: dict[tuple, tuple] = {}
    for result in runner.check_all(items(), settings, jobs):
        record = reading.popleft()
        if not isinstance(result, InputError):
            if not result.findings:  # no report needs its text
                record = replace(record, text="")
            report.records[record.path] = record
        runner.add_result(report, groups, resolver, record.path, result)
    report.findings.extend(runner.batch_findings(groups.values(), resolver))
    report.findings.sort()
    return report
