"""substitution: a wrong form with its right one, suggested with matching case.

`swap` maps a wrong phrase to its replacement. Keys are literal phrases matched
as whole words, or regular expressions when `regex: true`. With `ignorecase`
(the default) "KIEV" becomes "KYIV" and "Kiev" becomes "Kyiv".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext, preserve_case
from lint.patterns import (
    Pattern,
    allowed_matches,
    compile_pattern,
    match,
    phrase_pattern,
)


@dataclass(frozen=True)
class Options:
    swap: dict[str, str]
    regex: bool = False  # the keys of `swap` are regexes, not phrases
    ignorecase: bool = True
    allow: tuple[str, ...] = ()  # regexes of matches never reported


@dataclass(frozen=True)
class Compiled:
    search: Pattern
    # (pattern, replacement) pairs, tried in order to find which key matched.
    pairs: tuple[tuple[Pattern, str], ...]
    allow: tuple[Pattern, ...]


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    if not options.swap:
        raise ValueError("substitution needs a non-empty 'swap' mapping")
    pairs = []
    for wrong, right in options.swap.items():
        source = wrong if options.regex else phrase_pattern([wrong])
        pairs.append((compile_pattern(rf"(?:{source})\Z", options.ignorecase), right))
    if options.regex:
        whole = "|".join(f"(?:{w})" for w in options.swap)
    else:
        whole = phrase_pattern(options.swap)
    allow = tuple(compile_pattern(p, options.ignorecase) for p in options.allow)
    return Compiled(compile_pattern(whole, options.ignorecase), tuple(pairs), allow)


def replacement_for(compiled: Compiled, found: str) -> str | None:
    for pattern, right in compiled.pairs:
        m = match(pattern, found)
        if m:
            return m.expand(right) if "\\" in right else right
    return None


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for m in allowed_matches(compiled.search, compiled.allow, doc.text):
        found = m.group()
        right = replacement_for(compiled, found)
        if right is None or right == found:
            continue
        suggestion = preserve_case(found, right)
        yield Match(m.start(), m.end(), {"suggestion": suggestion}, (suggestion,))


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
