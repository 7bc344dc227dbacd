"""URLs and e-mail addresses in text: not prose, and never rewritten.

A word inside `https://example.com/kiev-news` or `press@kiev-news.ua` is part
of an address, which a rule must not report as a misspelling and `--fix` must
not change: as in LanguageTool and Vale, a finding that lies wholly inside an
address is dropped. Rules about the page rather than its words (boilerplate
lines, menus, captions, repeated lines, document statistics) still see the
addresses: their findings cover whole lines or paragraphs, and an address is
often what gives page furniture away.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from lint.finding import Finding

# A scheme URL, or one that starts with www.; an e-mail address. Trailing
# punctuation that ends a sentence or closes a bracket is not part of it.
_ADDRESS = re.compile(
    r"(?:\b(?:https?|ftp|file)://|\bwww\.)[^\s<>\"'`“”‘’«»]+(?<![.,;:!?)\]}'\"])"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?<![.-])",
)
_HINTS = ("://", "www.", "@")

# Kinds whose findings are about lines, paragraphs or the whole document:
# an address inside their span is part of what they report.
PAGE_KINDS = frozenset(
    {"boilerplate", "caption", "menu_block", "duplicate_lines", "doc_quality", "metric"}
)


def address_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the URLs and e-mail addresses in `text`."""
    if not any(hint in text for hint in _HINTS):
        return []
    return [m.span() for m in _ADDRESS.finditer(text)]


def outside_addresses(
    text: str, findings: Iterable[Finding], page_rule: Callable[[str], bool]
) -> list[Finding]:
    """`findings` less those wholly inside a URL or e-mail address, except for
    rules that `page_rule(rule id)` says are about the page."""
    findings = list(findings)
    spans = address_spans(text) if findings else []
    if not spans:
        return findings
    starts = [s for s, _ in spans]
    kept = []
    for f in findings:
        i = bisect.bisect_right(starts, f.offset) - 1
        inside = i >= 0 and f.offset < spans[i][1] and f.end_offset <= spans[i][1]
        if not inside or page_rule(f.rule):
            kept.append(f)
    return kept
