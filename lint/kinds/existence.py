"""existence: words, phrases or patterns that should not appear at all.

Literal `tokens` match as whole words (spaces match any whitespace); `patterns`
are regular expressions. An `allow` pattern whose match covers a hit silences it
(for fixed expressions such as "chicken Kiev").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.patterns import (
    Pattern,
    allowed_matches,
    compile_pattern,
    phrase_pattern,
)


@dataclass(frozen=True)
class Options:
    tokens: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    ignorecase: bool = True  # match the tokens and patterns in any case
    allow: tuple[str, ...] = ()


@dataclass(frozen=True)
class Compiled:
    search: Pattern
    allow: tuple[Pattern, ...]


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    if not options.tokens and not options.patterns:
        raise ValueError("existence needs 'tokens' or 'patterns'")
    parts = []
    if options.tokens:
        parts.append(phrase_pattern(options.tokens))
    for pattern in options.patterns:
        compile_pattern(pattern, options.ignorecase)  # name the bad one
        parts.append(f"(?:{pattern})")
    search = compile_pattern("|".join(parts), options.ignorecase)
    allow = tuple(compile_pattern(p, options.ignorecase) for p in options.allow)
    return Compiled(search, allow)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for m in allowed_matches(compiled.search, compiled.allow, doc.text):
        yield Match(m.start(), m.end())


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
