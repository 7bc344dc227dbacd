"""`newslint check --profile`: where the time went, per rule kind and per rule.

Rule kinds are written by many hands; this table is how a slow one is found.
The engine times every rule on every document when the runner's settings say
`profile` (the flag sets it; -j workers get the same settings) and the runner
adds the times up.
"""

from __future__ import annotations

TOP_RULES = 15


def profile_table(report) -> str:
    """Seconds per rule kind and for the slowest rules, largest first."""
    timings: dict[str, float] = report.timings
    total = sum(timings.values()) or 1e-9
    by_kind: dict[str, float] = {}
    for rule_id, seconds in timings.items():
        rule = report.rules.get(rule_id)
        kind = rule.kind if rule else "?"
        by_kind[kind] = by_kind.get(kind, 0.0) + seconds
    size = sum(report.words.values())
    lines = [f"profile: {total:.2f} s in rules over {len(report.checked)} file(s), {size} words"]
    lines.append(f"{'kind':<28} {'seconds':>8} {'share':>6}")
    for kind, seconds in sorted(by_kind.items(), key=lambda kv: -kv[1]):
        lines.append(f"{kind:<28} {seconds:8.3f} {seconds / total:6.1%}")
    lines.append(f"{'rule (slowest ' + str(TOP_RULES) + ')':<40} {'seconds':>8}")
    for rule_id, seconds in sorted(timings.items(), key=lambda kv: -kv[1])[:TOP_RULES]:
        lines.append(f"{rule_id:<40} {seconds:8.3f}")
    return "\n".join(lines) + "\n"
