"""idiom: broken forms of English idioms, derived from the canonical idioms.

Machine translation renders idioms word for word and loses or swaps their small
words: "playing fire" (playing with fire), "confused black with white" (confused
black and white), "in the same time" (at the same time). Listing each broken
form does not scale, so a rule lists canonical idioms and the kind derives:

- the idiom with one inner `drop` word left out ("playing fire");
- the idiom with one word replaced by a `swap` alternative ("black with white").

Only inner words are dropped or swapped (and the first word of idioms of four
words or more): the edges of short idioms often stand in ordinary phrases
("the long run" is English without "in"). `*` after a word
accepts a verb ending ("play*" matches plays, played, playing). Broken forms that
are English in their own right go in `allow`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import Document
from lint.kinds.base import Match, preserve_case


@dataclass(frozen=True)
class Options:
    idioms: tuple[str, ...] = ()
    idioms_file: str | None = None  # one canonical idiom a line, beside the pack
    drop: tuple[str, ...] = ("with", "and", "to", "by", "on", "in", "of", "into")
    swap: dict[str, str] | None = None  # word -> space-separated wrong alternatives
    allow: tuple[str, ...] = ()


@dataclass(frozen=True)
class Variant:
    pattern: str  # regex source for the broken form
    canonical: tuple[str, ...]  # the idiom's words
    edit: tuple[str, int]  # ("drop" | "swap", position in the idiom)


@dataclass(frozen=True)
class Compiled:
    search: regex.Pattern
    variants: tuple[Variant, ...]
    allow: frozenset[str]


def _word_pattern(word: str) -> str:
    if word.endswith("*"):
        return regex.escape(word[:-1]) + r"(?:e|s|es|d|ed|ing)?"
    return regex.escape(word)


def _variants(idiom: str, drop: frozenset[str], swap: dict[str, tuple[str, ...]]) -> list[Variant]:
    words = tuple(idiom.split())
    found = []
    # Long idioms are distinctive enough to swap their first word too ("in the
    # same time"); short ones are not ("in other words" vs "with other words").
    first = 0 if len(words) >= 4 else 1
    for i in range(first, len(words) - 1):
        word = words[i].lower()
        if word in drop and i > 0 and len(words) >= 3:
            kept = [_word_pattern(w) for j, w in enumerate(words) if j != i]
            found.append(Variant(r"\s+".join(kept), words, ("drop", i)))
        for wrong in swap.get(word, ()):
            swapped = [_word_pattern(wrong if j == i else w) for j, w in enumerate(words)]
            found.append(Variant(r"\s+".join(swapped), words, ("swap", i)))
    return found


def compile(options: Options, context=None) -> Compiled:
    idioms = list(options.idioms)
    if options.idioms_file:
        if context is None:
            raise ValueError("idioms_file needs a pack folder to read from")
        for line in context.read_text(options.idioms_file).splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                idioms.append(line)
    if not idioms:
        raise ValueError("idiom needs 'idioms' or an 'idioms_file'")
    swap = {k.lower(): tuple(v.split()) for k, v in (options.swap or {}).items()}
    variants = []
    for idiom in idioms:
        variants.extend(_variants(idiom, frozenset(w.lower() for w in options.drop), swap))
    if not variants:
        raise ValueError("no broken forms can be derived from these idioms")
    groups = "|".join(f"(?P<v{i}>{v.pattern})" for i, v in enumerate(variants))
    search = regex.compile(rf"(?<![\p{{L}}\-'’])(?:{groups})(?![\p{{L}}\-'’])", regex.IGNORECASE)
    allow = frozenset(" ".join(a.lower().split()) for a in options.allow)
    return Compiled(search, tuple(variants), allow)


def _repair(found: str, variant: Variant) -> str:
    """The matched words with the idiom's lost or swapped word put back."""
    words = found.split()
    action, i = variant.edit
    right = variant.canonical[i]
    if action == "drop":
        words.insert(i, right)
    else:
        words[i] = preserve_case(words[i], right)
    return " ".join(words)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for m in compiled.search.finditer(doc.text):
        found = m.group()
        if " ".join(found.lower().split()) in compiled.allow:
            continue
        index = next(int(name[1:]) for name, value in m.groupdict().items() if value)
        suggestion = _repair(found, compiled.variants[index])
        yield Match(m.start(), m.end(), {"suggestion": suggestion}, (suggestion,))
