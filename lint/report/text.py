"""text: one line a finding, `path:line:col: severity rule message`.

File names are quoted and control characters in messages escaped
(`lint.quoting`), so that one finding is always one line."""

from collections.abc import Iterator

from lint.quoting import printable, quote_path
from lint.report.colour import paint


def line(f, colour: bool = False) -> str:
    hint = f" (suggestion: {printable(f.suggestions[0])})" if f.suggestions else ""
    if not colour:
        return (
            f"{quote_path(f.path)}:{f.line}:{f.column}: {f.severity} {f.rule} "
            f"{printable(f.message)}{hint}"
        )
    return (
        f"{paint(quote_path(f.path), 'path')}:{paint(f'{f.line}:{f.column}', 'position')}: "
        f"{paint(f.severity, f.severity)} {paint(f.rule, 'rule')} {printable(f.message)}"
        f"{paint(hint, 'faint')}"
    )


def chunks(report, colour: bool = False) -> Iterator[str]:
    for f in report.findings:
        yield line(f, colour) + "\n"
