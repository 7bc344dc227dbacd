"""The literal text every match of a regular expression must start with, or
at least contain.

`literal_prefixes(r"\\b(?:some|many) experts")` is `{"some experts", "many experts"}`:
a match can only start where one of them occurs. The linter uses this to skip
a pattern on a text where none occurs, and otherwise to try it only at those
offsets (lint/patterns.py). Zero-width assertions (`\\b`, `^`, lookarounds)
before the first character are skipped; anything else that is not a literal
character ends the prefix.

`required_literals(r"^\\s*(?:BREAKING|EXPOSED)\\s*:")` is `{"BREAKING", "EXPOSED"}`:
no prefix is known, but every match contains one of them, so a text without
any can be skipped.

Patterns are parsed with the standard library's regular-expression parser,
which reads the common syntax of `re` and `regex`; a pattern it cannot read
simply has no prefixes (None), which only costs speed, never a match.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse

# Prefixes shorter than this occur almost everywhere: no use as a filter.
MIN_PREFIX = 2
# A pattern with more alternatives than this is left to the regex engine.
MAX_PREFIXES = 5000

# regex's fuzzy constraints ("(?:Kiev){e<=1}") read as literal text to the parser.
_FUZZY = re.compile(r"\{[^}]*[A-Za-z]")

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


class _Unknown(Exception):
    """The pattern has no usable literal prefix."""


def _parse(source: str):
    if _FUZZY.search(source):
        return None
    try:
        return sre_parse.parse(source)
    except (re.error, OverflowError, RecursionError, ValueError, TypeError):
        return None


def literal_prefixes(source: str) -> frozenset[str] | None:
    """Literal strings one of which starts every match of `source`, or None."""
    parsed = _parse(source)
    if parsed is None:
        return None
    try:
        prefixes, _ = _sequence(list(parsed))
    except _Unknown:
        return None
    if not prefixes or min(len(p) for p in prefixes) < MIN_PREFIX:
        return None
    return frozenset(prefixes)


def _sequence(items: list) -> tuple[set[str], bool]:
    """(prefixes of the items in order, whether they are the whole match)."""
    prefixes = {""}
    for op, value in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            prefixes = {p + chr(value) for p in prefixes}
            continue
        if op is sre.SUBPATTERN:
            inner, complete = _sequence(list(value[-1]))
        elif op is sre.BRANCH:
            try:
                inner, complete = _branch(value[1])
            except _Unknown:
                # An alternative starts with a class ("can['’]t"): the
                # prefixes so far still start every match.
                return prefixes, False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
            inner, _ = _sequence(list(value[2]))
            complete = False
        else:
            return prefixes, False
        prefixes = {p + q for p in prefixes for q in inner}
        if len(prefixes) > MAX_PREFIXES:
            raise _Unknown
        if not complete:
            return prefixes, False
    return prefixes, True


def _branch(alternatives: list) -> tuple[set[str], bool]:
    found: set[str] = set()
    complete = True
    for alternative in alternatives:
        prefixes, whole = _sequence(list(alternative))
        if "" in prefixes and not whole:
            raise _Unknown  # this alternative can start with anything
        # An empty alternative ("lift(?:|s|ed)", as sre factors "lift|lifts|lifted")
        # is a whole match of nothing: what follows the branch starts there.
        found |= prefixes
        complete = complete and whole
    return found, complete


def required_literals(source: str) -> frozenset[str] | None:
    """Literal strings one of which every match of `source` contains, or None."""
    parsed = _parse(source)
    if parsed is None:
        return None
    try:
        found = _required(list(parsed))
    except RecursionError:
        return None
    if not found or len(found) > MAX_PREFIXES or min(len(s) for s in found) < MIN_PREFIX:
        return None
    return frozenset(found)


def _required(items: list) -> set[str] | None:
    """The best set of strings one of which a match of the items contains: a
    run of literal characters, or what a group, a branch (one per alternative)
    or a repeat of at least one holds; the set whose shortest string is longest."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the literal run goes on
        if run:
            options.append({"".join(run)})
            run = []
        if op is sre.SUBPATTERN:
            inner = _required(list(value[-1]))
        elif op is sre.BRANCH:
            parts = [_required(list(alternative)) for alternative in value[1]]
            inner = set().union(*parts) if all(parts) else None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
            inner = _required(list(value[2]))
        else:
            inner = None
        if inner:
            options.append(inner)
    if run:
        options.append({"".join(run)})
    if not options:
        return None
    return max(options, key=lambda found: (min(len(s) for s in found), -len(found)))
