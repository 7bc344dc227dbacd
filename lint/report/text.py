"""text: one line a finding, `path:line:col: severity rule message`."""


def line(f) -> str:
    hint = f" (suggestion: {f.suggestions[0]})" if f.suggestions else ""
    return f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}{hint}"


def render(report) -> str:
    return "".join(line(f) + "\n" for f in report.findings)
