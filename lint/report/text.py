"""text: one line a finding, `path:line:col: severity rule message`.

File names are quoted and control characters in messages escaped
(`lint.quoting`), so that one finding is always one line."""

from collections.abc import Iterator

from lint.quoting import printable, quote_path


def line(f) -> str:
    hint = f" (suggestion: {printable(f.suggestions[0])})" if f.suggestions else ""
    return (
        f"{quote_path(f.path)}:{f.line}:{f.column}: {f.severity} {f.rule} "
        f"{printable(f.message)}{hint}"
    )


def chunks(report) -> Iterator[str]:
    for f in report.findings:
        yield line(f) + "\n"
