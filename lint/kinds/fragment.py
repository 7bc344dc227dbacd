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
more, on a line of at least `min_sentences` sentences, and free of quotation
marks (quoted speech may be elliptical). Headlines, datelines, captions, list
items and short answers stand on lines of their own and are skipped.
Capitalised words inside a sentence are names, not verbs.

A sentence whose only verb sits in a relative clause on its opening noun phrase
is a fragment too: "A position that undermines efforts to mobilize
international support for Ukraine." Translation leaves these when it cuts an
apposition off the sentence before it. The opening phrase must hold no verb and
the clause exactly one (a noun after an adjective, "international support", is
not a verb there), so "The rule that applies to firms has changed" passes.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from lint.document import Document, Span
from lint.kinds.base import Kind, Match, PackContext
from lint.patterns import Pattern, search

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
    allow: tuple[str, ...] = ()  # regexes of sentences never reported as fragments


@dataclass(frozen=True)
class Compiled:
    min_words: int
    min_sentences: int
    allow: tuple[Pattern, ...]


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
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
    lower = word.lower()
    if _CONTRACTED_VERB.search(lower):
        return True
    base = regex.sub(r"['’]s$", "", lower)
    if base != lower:
        return base in _PRONOUN_IS  # it's = it is; NATO's is a possessive
    verbs, others, _ = _lexicon()
    if lower in verbs:
        return True
    if lower in others:
        return False
    # Unknown to the lexicon ("morphed", "livestreams"): may be a verb; assume so.
    return lower.endswith(("ed", "s"))


def is_adjective(word: str) -> bool:
    """lemminflect knows an adjective reading of `word` and no verb reading."""
    return word.lower() in _lexicon()[2]


Lexicon = tuple[frozenset[str], frozenset[str], frozenset[str]]


@cache
def _lexicon() -> Lexicon:
    """lemminflect's verdict on every word of its lexicon, kept in lint.cache:
    loading the lexicon takes half a second, loading the verdicts 20 ms."""
    from lint.cache import cached, digest, installed_version, word_sets

    key = digest([b"fragment-lexicon-2", installed_version("lemminflect").encode()])
    return cached("verbs", key, _build_lexicon, word_sets(3))


def _build_lexicon() -> Lexicon:
    """(words that can be finite verbs, words that cannot, adjectives without a
    verb reading) among those lemminflect's getAllLemmas finds: its lookup table
    plus overrides, merged as getAllLemmas merges them. Only lowercase entries:
    words are looked up lowercased."""
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    table = lemmatizer._getLemmaDict()
    overrides = lemmatizer._getOverridesDict()
    verbs, others, adjectives = set(), set(), set()
    for word in table.keys() | overrides.keys():
        if word == word.lower():
            merged = {**table.get(word, {}), **overrides.get(word, {})}
            (verbs if lexicon_verdict(word, merged) else others).add(word)
            if "ADJ" in merged and "VERB" not in merged and "AUX" not in merged:
                adjectives.add(word)
    return frozenset(verbs), frozenset(others), frozenset(adjectives)


def lexicon_verdict(lower: str, lemmas: dict[str, tuple[str, ...]]) -> bool:
    """Can `lower` be a finite verb, given its lemmas per part of speech?

    As `getAllLemmas(lower, upos)` reports them: a verb reading, else an
    auxiliary one, with the lemmas in the word's capitalisation.
    """
    pos = "VERB" if "VERB" in lemmas else "AUX" if "AUX" in lemmas else None
    if pos is not None:
        if not lower.endswith("ing"):
            return True
        from lemminflect.core.LexicalUtils import applyCapsStyleToDict, getCapsStyle

        readings = applyCapsStyleToDict({pos: lemmas[pos]}, getCapsStyle(lower))[pos]
        # "rising" (lemma rise) is a participle; "bring" (lemma bring) is finite.
        return lower in readings
    if any(p in lemmas for p in ("NOUN", "ADJ", "ADV")):
        return False
    return lower.endswith(("ed", "s"))


def _after_determiner(words: list[str], i: int) -> bool:
    """`the increase`, `to increase`: a noun or an infinitive, not a finite verb."""
    return i > 0 and words[i - 1].lower() in _DETERMINERS


def has_finite_verb(sentence: str) -> bool:
    return _has_finite_verb(_WORD.findall(sentence))


def _has_finite_verb(words: list[str]) -> bool:
    return any(_finite_verb_at(words, i) for i in range(len(words)))


def _finite_verb_at(words: list[str], i: int) -> bool:
    word = words[i]
    if i > 0 and word[:1].isupper():
        return False  # a name: "Human Rights Council"
    return can_be_finite_verb(word) and not _after_determiner(words, i)


# "A position that ...", "The smoke which ...": a noun phrase of up to four
# words, then a relative pronoun opening the clause.
_RELATIVE_OPENING = regex.compile(
    r"(?:A|An|The|This|Such an?|One|Another)\s+(?:[\p{L}\-]+\s+){0,3}?(?:that|which|who|whose)\s"
)


def verb_only_in_relative_clause(sentence: str) -> bool:
    """The sentence is a noun phrase and a relative clause on it, with no main
    verb: "A position that undermines efforts to mobilize international support."
    The clause holds one verb; a second would be the main one ("The rule that
    applies to firms has changed"), and a noun after an adjective does not count."""
    opening = _RELATIVE_OPENING.match(sentence)
    if opening is None:
        return False
    head = _WORD.findall(sentence[: opening.end()])[:-1]  # without the pronoun
    if _has_finite_verb(head):
        return False
    clause = _WORD.findall(sentence[opening.end() :])
    verbs = sum(
        1
        for i in range(len(clause))
        if _finite_verb_at(clause, i) and not (i > 0 and is_adjective(clause[i - 1]))
    )
    return verbs == 1


def is_title_case(sentence: str) -> bool:
    """Headlines in title case ("Algeria Loses a Patriot, Says President")."""
    return _is_title_case(_WORD.findall(sentence))


def _is_title_case(words: list[str]) -> bool:
    long_words = [w for w in words if len(w) > 3]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return len(long_words) >= 3 and capitalised * 10 >= len(long_words) * 6


def _line_sentences(doc: Document) -> list[list[Span]]:
    """Sentences grouped by the line they start on. Lines, not blank-line
    paragraphs: a text gives the same findings whether its paragraphs are
    written as lines or as blocks (sentences never run over a line break)."""
    starts = doc.line_starts
    grouped: list[list[Span]] = [[] for _ in starts]
    for sentence in doc.sentences:
        grouped[bisect.bisect_right(starts, sentence.start) - 1].append(sentence)
    return grouped


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for sentences in _line_sentences(doc):
        if len(sentences) < compiled.min_sentences:
            continue
        for sentence in sentences:
            # The cheap tests first; the lexicon is consulted last.
            text = sentence.text
            if not text.endswith(".") or text.endswith("..") or not text[:1].isupper():
                continue  # not a full sentence, or split (another rule's business)
            words = _WORD.findall(text)
            if len(words) < compiled.min_words or _QUOTES.search(text):
                continue
            if _is_title_case(words):
                continue  # a headline
            if any(search(p, text) for p in compiled.allow):
                continue
            if not _has_finite_verb(words):
                if not _clause_after_colon_has_verb(text):
                    yield Match(sentence.start, sentence.end)
            elif verb_only_in_relative_clause(text):
                yield Match(sentence.start, sentence.end)


def _clause_after_colon_has_verb(text: str) -> bool:
    """ "WARNING: Click here to watch": a clause after a colon opens with a
    capital like a sentence, so its first word may be a verb, not a name."""
    return any(_has_finite_verb(_WORD.findall(clause)) for clause in text.split(":")[1:])


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
