"""fragment: a prose sentence with no finite verb, left dangling by translation.

Machine translation and careless editing leave pieces of a sentence standing
alone: "From the Human Rights Council, the first permanent member of the
Security Council with such an achievement." Such a piece has no word that can be
a finite verb.

Part of speech comes from lemminflect's lexicon (its inflection tables, shipped
as package data: no model and no download). A word counts as a possible finite
verb when lemminflect knows a VERB or AUX reading for it that is not an -ing
form; that is generous (nouns such as "support" count), which keeps precision
high: a sentence is reported only when *no* word can be a verb.

Only prose is checked: sentences ending in a full stop, of `min_words` words or
more, in a paragraph of at least `min_sentences` sentences, and free of quotation
marks (quoted speech may be elliptical). Headlines, datelines, captions, list
items and short answers stand in paragraphs of their own and are skipped.
Capitalised words inside a sentence are names, not verbs.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from lint.document import Document, Span
from lint.kinds.base import Match

# Words and numbers: "in 1999 resulted" must not read as "in resulted".
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’]\p{L}+)*")
_QUOTES = regex.compile(r"[\"“”‘«»]|(?<!\p{L})'|'(?!\p{L})")
# Contractions that carry a verb: it's, they're, we've, I'll, she'd, don't.
_CONTRACTED_VERB = regex.compile(r"['’](?:re|ve|ll|d|m)$|n['’]t$", regex.IGNORECASE)
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "to",
        "of",
        "in",
        "on",
        "for",
        "with",
        "from",
        "by",
        "at",
        "into",
        "about",
        "over",
        "under",
        "after",
        "before",
        "against",
        "between",
        "during",
        "without",
    ]
)
_PRONOUN_IS = frozenset(
    [
        "it",
        "he",
        "she",
        "that",
        "there",
        "here",
        "what",
        "who",
        "where",
        "how",
        "everyone",
        "nobody",
        "someone",
    ]
)


@dataclass(frozen=True)
class Options:
    min_words: int = 6
    min_sentences: int = 2
    allow: tuple[str, ...] = ()


@dataclass(frozen=True)
class Compiled:
    min_words: int
    min_sentences: int
    allow: tuple[regex.Pattern, ...]


def compile(options: Options, context=None) -> Compiled:
    if options.min_words < 2:
        raise ValueError("min_words must be at least 2")
    from lint.patterns import compile_pattern

    return Compiled(
        options.min_words,
        options.min_sentences,
        tuple(compile_pattern(p, True) for p in options.allow),
    )


@cache
def can_be_finite_verb(word: str) -> bool:
    """lemminflect knows a verb reading of `word` other than a gerund/participle in -ing."""
    import lemminflect

    lower = word.lower()
    if _CONTRACTED_VERB.search(lower):
        return True
    base = regex.sub(r"['’]s$", "", lower)
    if base != lower:
        return base in _PRONOUN_IS  # it's = it is; NATO's is a possessive
    lemmas = lemminflect.getAllLemmas(lower, upos="VERB") or lemminflect.getAllLemmas(
        lower, upos="AUX"
    )
    if lemmas:
        readings = [lemma for forms in lemmas.values() for lemma in forms]
        # "rising" (lemma rise) is a participle; "bring" (lemma bring) is finite.
        return not (lower.endswith("ing") and lower not in readings)
    if any(lemminflect.getAllLemmas(lower, upos=pos) for pos in ("NOUN", "ADJ", "ADV")):
        return False
    # Unknown to the lexicon ("morphed", "livestreams"): may be a verb; assume so.
    return lower.endswith(("ed", "s"))


def _after_determiner(words: list[str], i: int) -> bool:
    """`the increase`, `to increase`: a noun or an infinitive, not a finite verb."""
    return i > 0 and words[i - 1].lower() in _DETERMINERS


def has_finite_verb(sentence: str) -> bool:
    words = _WORD.findall(sentence)
    for i, word in enumerate(words):
        if i > 0 and word[:1].isupper():
            continue  # a name: "Human Rights Council"
        if can_be_finite_verb(word) and not _after_determiner(words, i):
            return True
    return False


def is_title_case(sentence: str) -> bool:
    """Headlines in title case ("Algeria Loses a Patriot, Says President")."""
    long_words = [w for w in _WORD.findall(sentence) if len(w) > 3]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return len(long_words) >= 3 and capitalised * 10 >= len(long_words) * 6


def _paragraph_sentences(doc: Document) -> list[list[Span]]:
    starts = [p.start for p in doc.paragraphs]
    grouped: list[list[Span]] = [[] for _ in starts]
    for sentence in doc.sentences:
        i = bisect.bisect_right(starts, sentence.start) - 1
        if i >= 0:
            grouped[i].append(sentence)
    return grouped


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for sentences in _paragraph_sentences(doc):
        if len(sentences) < compiled.min_sentences:
            continue
        for sentence in sentences:
            text = sentence.text
            if not text.endswith(".") or text.endswith(".."):
                continue
            if len(_WORD.findall(text)) < compiled.min_words or _QUOTES.search(text):
                continue
            if not text[:1].isupper() or is_title_case(text):
                continue  # a split sentence (another rule's business) or a headline
            if any(p.search(text) for p in compiled.allow):
                continue
            if not has_finite_verb(text):
                yield Match(sentence.start, sentence.end)
