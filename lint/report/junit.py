"""junit: JUnit XML, one test case per checked file, one failure per finding.

Written a test case at a time. File names are quoted and control characters
escaped (`lint.quoting`): XML 1.0 cannot hold most control characters at all,
not even as character references."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from lint.quoting import printable, quote_path

if TYPE_CHECKING:
    from lint.runner import Report


def _text(text: str) -> str:
    """Text XML 1.0 can hold: no control characters, no U+FFFE or U+FFFF."""
    text = printable(text)
    if "\ufffe" in text or "\uffff" in text:
        text = text.replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")
    return text


def _attr(text: str) -> str:
    return quoteattr(_text(text), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def chunks(report: Report) -> Iterator[str]:
    by_path: dict[str, list] = {path: [] for path in report.checked}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    failures = sum(1 for fs in by_path.values() if fs)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n'
    yield (
        f'  <testsuite name="newslint" tests="{len(by_path)}" failures="{failures}" '
        f'errors="{len(report.errors)}">\n'
    )
    for path, findings in by_path.items():
        name = _attr(quote_path(path))
        if not findings:
            yield f'    <testcase classname="newslint" name={name} />\n'
            continue
        yield f'    <testcase classname="newslint" name={name}>\n'
        for f in findings:
            where = f"{quote_path(f.path)}:{f.line}:{f.column}"
            body = escape(_text(f"{where}: {f.severity} {f.rule} {f.message}"))
            yield (
                f"      <failure type={_attr(f.rule)} "
                f"message={_attr(f'{f.line}:{f.column}: {f.message}')}>{body}</failure>\n"
            )
        yield "    </testcase>\n"
    for error in report.errors:
        yield (
            f'    <testcase classname="newslint" name={_attr(quote_path(error.path))}>\n'
            f"      <error message={_attr(error.reason)}>{escape(_text(str(error)))}</error>\n"
            "    </testcase>\n"
        )
    yield "  </testsuite>\n</testsuites>\n"
