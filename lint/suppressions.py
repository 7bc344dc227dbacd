"""Inline suppressions: comments in a text that switch rules off where they stand.

The forms follow markdownlint, Vale and ruff; RULES are rule ids or prefixes
(as in `select`), separated by spaces or commas, and none means every rule:

    <!-- newslint-disable-next-line names.romanization -->
    <!-- newslint-disable mt, names -->  ...  <!-- newslint-enable -->
    ... newslint: disable-line names.romanization      (anywhere on the line)
    newslint: disable-next-line RULES
    newslint: disable-file RULES                        (anywhere in the file)

The HTML-comment form and the `newslint:` form are interchangeable, in any
file. A reason may follow the rules after ` -- `. Suppressions are applied
after the rules ran, to their findings, so the result cache holds the rules'
findings and a suppressed finding is never fixed or written to a baseline.
A suppression naming no known rule or prefix is reported
(`newslint.unknown-rule`), and with `--report-unused-suppressions` so is one
that suppressed nothing (`newslint.unused-suppression`, like ruff's RUF100),
with a fix that removes it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lint.config import matches_prefix
from lint.document import Document
from lint.finding import Finding

UNUSED = "newslint.unused-suppression"
UNKNOWN = "newslint.unknown-rule"

_DIRECTIVE = re.compile(
    r"(?P<comment><!--[ \t]*)?\bnewslint(?:-|:[ \t]*)"
    r"(?P<action>disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])"
    r"(?P<tail>[^\r\n]*)"
)
_RULE = re.compile(r"[^\s,]+")


@dataclass(frozen=True)
class Name:
    """One rule id or prefix a directive names, and where it is written."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Directive:
    action: str  # disable, enable, disable-line, disable-next-line, disable-file
    names: tuple[Name, ...]  # none: every rule
    start: int  # the directive (the whole comment), as offsets
    end: int
    line: int  # 1-based line of its start
    end_line: int  # and of its end

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(n.text for n in self.names)


def directives_of(path: str, text: str) -> list[Directive]:
    """The directives of a document; in Markdown, not those written in code."""
    if "newslint" not in text:
        return []
    from lint.markdown_prose import code_spans, is_markdown

    return parse(text, code_spans(text) if is_markdown(path) else ())


def parse(text: str, code: Iterable[tuple[int, int]] = ()) -> list[Directive]:
    """The suppression directives in `text`, in order; one that starts inside
    one of the `code` spans (a Markdown example) is none."""
    if "newslint" not in text:
        return []
    doc = Document(text)
    directives = []
    code = list(code)
    for m in _DIRECTIVE.finditer(text):
        if any(s <= m.start() < e for s, e in code):
            continue
        tail_start = m.start("tail")
        tail = m.group("tail")
        end = m.end()
        if m.group("comment"):
            close = tail.find("-->")
            if close < 0:
                continue  # not a comment after all
            end = tail_start + close + 3
            tail = tail[:close]
        reason = tail.find(" --")
        if reason >= 0:
            tail = tail[:reason]
        if not m.group("comment"):
            end = tail_start + len(tail.rstrip())
        names = tuple(
            Name(r.group(), tail_start + r.start(), tail_start + r.end())
            for r in _RULE.finditer(tail)
        )
        directives.append(
            Directive(
                m.group("action"),
                names,
                m.start(),
                end,
                doc.position(m.start()).line,
                doc.position(end).line,
            )
        )
    return directives


@dataclass
class _Scope:
    directive: Directive
    rules: tuple[str, ...]  # () = every rule
    start: int = 0  # offsets, for disable ... enable
    end: int | None = None
    line: int | None = None  # for the line forms


def _scopes(directives: Iterable[Directive], usable) -> list[_Scope]:
    scopes: list[_Scope] = []
    open_ranges: list[_Scope] = []
    for d in directives:
        rules = tuple(r for r in d.rules if usable(r))
        if d.names and not rules:
            continue  # only unknown names: it suppresses nothing
        if d.action == "disable-file":
            scopes.append(_Scope(d, rules))
        elif d.action == "disable-line":
            scopes.append(_Scope(d, rules, line=d.line))
        elif d.action == "disable-next-line":
            scopes.append(_Scope(d, rules, line=d.end_line + 1))
        elif d.action == "disable":
            scope = _Scope(d, rules, start=d.end)
            scopes.append(scope)
            open_ranges.append(scope)
        else:  # enable: ends the ranges it names (all of them when it names none)
            for scope in list(open_ranges):
                if not rules or set(scope.rules) <= set(rules):
                    scope.end = d.start
                    open_ranges.remove(scope)
                elif scope.rules and set(rules) & set(scope.rules):
                    scope.end = d.start
                    open_ranges.remove(scope)
                    rest = tuple(r for r in scope.rules if r not in rules)
                    again = _Scope(scope.directive, rest, start=d.end)
                    scopes.append(again)
                    open_ranges.append(again)
    return scopes


def _covers(scope: _Scope, finding: Finding) -> bool:
    if scope.rules and not matches_prefix(finding.rule, scope.rules):
        return False
    if scope.line is not None:
        return finding.line == scope.line
    if scope.directive.action == "disable-file":
        return True
    return scope.start <= finding.offset and (scope.end is None or finding.offset < scope.end)


@dataclass
class Outcome:
    """What applying a text's suppressions did."""

    kept: list[Finding]
    used: set[tuple[int, str]] = field(default_factory=set)  # (directive start, rule or "")


def apply(
    directives: list[Directive], findings: Iterable[Finding], known: frozenset[str]
) -> Outcome:
    """The findings no directive suppresses, and which directive names did."""
    scopes = _scopes(directives, lambda r: r in known or r == "ALL")
    outcome = Outcome([])
    for f in findings:
        covering = [s for s in scopes if _covers(s, f)]
        if not covering:
            outcome.kept.append(f)
            continue
        for s in covering:
            for rule in s.rules or ("",):
                if not rule or matches_prefix(f.rule, (rule,)):
                    outcome.used.add((s.directive.start, rule))
    return outcome


def known_names(rule_ids: Iterable[str]) -> frozenset[str]:
    """Every rule id and every prefix of one ("names", "names.romanization")."""
    names: set[str] = set()
    for rule_id in rule_ids:
        parts = rule_id.split(".")
        names.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))
    return frozenset(names)


def problems(
    path: str,
    text: str,
    directives: list[Directive],
    outcome: Outcome,
    known: frozenset[str],
    enabled: frozenset[str],
    batch: frozenset[str] = frozenset(),
    report_unused: bool = False,
) -> list[Finding]:
    """Findings about the directives themselves: names that are no rule or
    prefix, and (with `report_unused`) names that suppressed nothing. `enabled`
    are the names of rules that ran; names of cross-document rules (`batch`,
    resolved after the documents) are never reported unused."""
    doc = Document(text, path)
    found = []
    for d in directives:
        for name in d.names:
            if name.text != "ALL" and name.text not in known:
                close = difflib.get_close_matches(name.text, sorted(known), n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                message = f"suppression names {name.text!r}, which is no rule id or prefix{hint}"
                found.append(_finding(doc, UNKNOWN, name.start, name.end, message))
        if not report_unused or d.action == "enable":
            continue
        unused = [
            n
            for n in d.names or (None,)
            if (n is None or n.text in known or n.text == "ALL")
            and (d.start, n.text if n else "") not in outcome.used
            and not (n and n.text in batch)
        ]
        if not unused:
            continue
        what = []
        for n in unused:
            if n is None:
                what.append("no finding here to suppress")
            elif n.text != "ALL" and n.text not in enabled:
                what.append(f"{n.text} is not enabled")
            else:
                what.append(f"no {n.text} finding here to suppress")
        message = f"unused suppression (newslint-{d.action}): " + "; ".join(what)
        used = [n for n in d.names if (d.start, n.text) in outcome.used]
        start, end, replacement = _removal(text, d, used)
        found.append(_finding(doc, UNUSED, start, end, message, replacement))
    return found


def _removal(text: str, d: Directive, usable: list[Name]) -> tuple[int, int, str]:
    """The edit that keeps only the `usable` names, or removes the whole
    directive (and its line, when nothing else is on it) when none is."""
    if usable:
        first, last = d.names[0].start, d.names[-1].end
        kept = ", " if "," in text[first:last] else " "
        return first, last, kept.join(n.text for n in usable)
    start, end = d.start, d.end
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end, newline = len(text), ""
    for brk in ("\r\n", "\n", "\r"):
        at = text.find(brk, end)
        if at >= 0 and at < line_end:
            line_end = at
            newline = brk
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        start = line_start
        end = line_end + (len(newline) if line_end < len(text) else 0)
    else:
        while start > line_start and text[start - 1] in " \t":
            start -= 1
    return start, end, ""


def blanked(text: str, directives: list[Directive]) -> str:
    """`text` with its directives replaced by spaces, so that rules do not read
    `newslint: disable-line` as words of the sentence it stands in."""
    if not directives:
        return text
    parts = []
    last = 0
    for d in directives:
        parts.append(text[last : d.start])
        parts.append(re.sub(r"[^\r\n]", " ", text[d.start : d.end]))
        last = d.end
    parts.append(text[last:])
    return "".join(parts)


def _finding(
    doc: Document, rule: str, start: int, end: int, message: str, fix: str | None = None
) -> Finding:
    begin, finish = doc.position(start), doc.position(end)
    return Finding(
        path=doc.path,
        line=begin.line,
        column=begin.column,
        end_line=finish.line,
        end_column=finish.column,
        rule=rule,
        severity="warning",
        message=message,
        suggestions=() if fix is None else (fix,),
        offset=start,
        end_offset=end,
        fix_safe=fix is not None,
    )


def record_directive(names: Iterable[str]) -> Directive:
    """The file-level directive of a JSON Lines record's suppression field."""
    return Directive("disable-file", tuple(Name(n, 0, 0) for n in names), 0, 0, 1, 1)
