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

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext, preserve_case
from lint.patterns import Pattern, compile_pattern, finditer, match


@dataclass(frozen=True)
class Options:
    idioms: tuple[str, ...] = ()  # canonical idioms, as in `idioms_file`
    idioms_file: str | None = None  # one canonical idiom a line, beside the pack
    drop: tuple[str, ...] = ("with", "and", "to", "by", "on", "in", "of", "into")
    swap: dict[str, str] | None = None  # word -> space-separated wrong alternatives
    allow: tuple[str, ...] = ()


@dataclass(frozen=True)
class Variant:
    pattern: str  # regex source for the broken form
    canonical: tuple[str, ...]  # the idiom's words
    edit: tuple[str, int]  # ("drop" | "swap", position in the idiom)
    words: tuple[str, ...]  # the broken form's words, as written (`play*`)


@dataclass(frozen=True)
class Compiled:
    search: Pattern  # every broken form, in one alternation
    variants: tuple[Variant, ...]
    allow: frozenset[str]
    # Where a broken form may start, searched in `ascii_fold(text)`; None when
    # some first word is not plain ASCII letters.
    starts: re.Pattern | None
    # Each broken form alone, bounded as in `search`, in the same order; and
    # for each way its first word can be written (folded), the forms it opens.
    forms: tuple[Pattern, ...] = ()
    by_first_word: dict[str, tuple[int, ...]] | None = None


_ENDING = r"(?:e|s|es|d|ed|ing)?"
# The only characters other than an ASCII letter's two cases that `regex`'s
# IGNORECASE matches to one (İ to i, ſ to s; the Kelvin sign lower()s to k).
_TO_ASCII = str.maketrans({"İ": "i", "ſ": "s"})


def _word_pattern(word: str) -> str:
    if word.endswith("*"):
        return regex.escape(word[:-1]) + _ENDING
    return regex.escape(word)


def ascii_fold(text: str) -> str:
    """`text` lower-cased, the same length, in which every character that
    matches an ASCII letter under `regex.IGNORECASE` is that lower-case letter."""
    if "İ" in text or "ſ" in text:
        text = text.translate(_TO_ASCII)
    return text.lower()


def _stem(word: str) -> str | None:
    """The letters a word of a broken form starts with, lower case; None when
    they are not all ASCII letters."""
    stem = word.removesuffix("*").lower()
    return stem if stem.isascii() and stem.isalpha() else None


def _starts_pattern(variants: list[Variant]) -> re.Pattern | None:
    """A `re` pattern over `ascii_fold(text)` that finds every position where a
    broken form can start: its first word, not after an ASCII letter (a form
    never follows a letter), then whitespace and the start of its second word.

    The matches do not overlap, yet hide no start: they hold only the first
    word (the rest is a lookahead), which is ASCII letters, so any later
    position inside one follows a letter.
    """
    seconds: dict[tuple[str, bool], set[str]] = {}
    for variant in variants:
        head, second = variant.words[0], variant.words[1]
        stems = _stem(head), _stem(second)
        if None in stems:
            return None
        seconds.setdefault((stems[0], head.endswith("*")), set()).add(stems[1])
    alternatives = []
    for (stem, ending), after in sorted(seconds.items(), key=lambda i: (-len(i[0][0]), i[0])):
        following = "|".join(re.escape(word) for word in sorted(after))
        alternatives.append(
            re.escape(stem) + (_ENDING if ending else "") + rf"(?=\s+(?:{following}))"
        )
    return re.compile(r"(?<![a-z])(?:" + "|".join(alternatives) + ")")


def _variants(idiom: str, drop: frozenset[str], swap: dict[str, tuple[str, ...]]) -> list[Variant]:
    words = tuple(idiom.split())
    found = []
    # Long idioms are distinctive enough to swap their first word too ("in the
    # same time"); short ones are not ("in other words" vs "with other words").
    first = 0 if len(words) >= 4 else 1
    for i in range(first, len(words) - 1):
        word = words[i].lower()
        if word in drop and i > 0 and len(words) >= 3:
            kept = [w for j, w in enumerate(words) if j != i]
            pattern = r"\s+".join(_word_pattern(w) for w in kept)
            found.append(Variant(pattern, words, ("drop", i), tuple(kept)))
        for wrong in swap.get(word, ()):
            swapped = [wrong if j == i else w for j, w in enumerate(words)]
            pattern = r"\s+".join(_word_pattern(w) for w in swapped)
            found.append(Variant(pattern, words, ("swap", i), tuple(swapped)))
    return found


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
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
    search = compile_pattern(_BOUNDED.format(groups), True, deferred=True)
    forms = tuple(
        compile_pattern(_BOUNDED.format(v.pattern), True, deferred=True) for v in variants
    )
    allow = frozenset(" ".join(a.lower().split()) for a in options.allow)
    starts = _starts_pattern(variants)
    return Compiled(search, tuple(variants), allow, starts, forms, _by_first_word(variants))


# A broken form not inside a word. Its words are escaped, so it always compiles.
_BOUNDED = r"(?<![\p{{L}}\-'’])(?:{})(?![\p{{L}}\-'’])"
_ENDINGS = ("", "e", "s", "es", "d", "ed", "ing")  # what _ENDING matches


def _by_first_word(variants: list[Variant]) -> dict[str, tuple[int, ...]] | None:
    """Each written form of a first word (folded) -> the indices of the broken
    forms it opens, ascending; None when some first word is not ASCII letters."""
    found: dict[str, list[int]] = {}
    for index, variant in enumerate(variants):
        head = variant.words[0]
        stem = _stem(head)
        if stem is None:
            return None
        for ending in _ENDINGS if head.endswith("*") else ("",):
            found.setdefault(stem + ending, []).append(index)
    return {word: tuple(indices) for word, indices in found.items()}


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


_LETTERS = re.compile(r"[a-z]+")


def _matches(text: str, compiled: Compiled) -> Iterator[tuple[regex.Match, int]]:
    """What `compiled.search.finditer(text)` finds, with the index of the broken
    form each match is, trying only where a form can start, and there only the
    forms whose first word is written there (in the alternation's order, so the
    one the alternation would match): only those are ever compiled."""
    if compiled.starts is None or compiled.by_first_word is None:
        for m in finditer(compiled.search, text, prefilter=False):
            yield m, next(int(name[1:]) for name, value in m.groupdict().items() if value)
        return
    folded = ascii_fold(text)
    resume = 0
    for start in compiled.starts.finditer(folded):
        at = start.start()
        if at < resume:
            continue
        word = _LETTERS.match(folded, at).group()
        for index in compiled.by_first_word.get(word, ()):
            m = match(compiled.forms[index], text, at)
            if m is not None:
                yield m, index
                resume = m.end()
                break


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for m, index in _matches(doc.text, compiled):
        found = m.group()
        if " ".join(found.lower().split()) in compiled.allow:
            continue
        suggestion = _repair(found, compiled.variants[index])
        yield Match(m.start(), m.end(), {"suggestion": suggestion}, (suggestion,))


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
