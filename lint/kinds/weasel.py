"""weasel: hedges and anonymous sourcing with no named source nearby.

"Some experts see ...", "it is believed", "sources say": a claim is put in
nobody's mouth. The finding is dropped when the same sentence names a source
("according to Reuters", "Smith said"), and when the sentence before or after
it does, as wire copy gives the source of "experts say" or "it is thought
that" next to it ("..., analysts say. “...,” said Kurinji Selvaraj, a research
analyst"); a source that is itself anonymous ("a defence source", "the
official") names nobody. Inside quotation marks and in reported speech the
severity is `quoted` and `reported_speech`, as for `lexicon`; `{voice}` in
the message says whose words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.kinds.lexicon import Voice, Voices, compile_voices, in_voice
from lint.patterns import (
    Pattern,
    allowed_matches,
    compile_pattern,
    phrase_pattern,
)
from lint.speech import SPEECH_VERBS, WINDOW, quotations_between

# Words that start a capitalised subject without naming anybody.
ANONYMOUS = frozenset(
    [
        "some",
        "many",
        "most",
        "several",
        "few",
        "other",
        "others",
        "critics",
        "experts",
        "officials",
        "sources",
        "analysts",
        "observers",
        "people",
        "scientists",
        "researchers",
        "reports",
        "studies",
        "it",
        "this",
        "that",
        "there",
        "they",
        "he",
        "she",
        "we",
        "i",
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "but",
        "and",
        "according",
    ]
)
_NAME = r"[A-Z][\w’'.\-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'.\-]*)*"
_NAMED_SOURCE = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?:the\s+|a\s+)?(?P<a>{_NAME})"
    rf"|(?P<b>{_NAME})(?:,[^,.;:“”\"]{{1,80}},)?\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b"
    rf"|\b(?:{SPEECH_VERBS})\s+(?:the\s+)?(?P<c>{_NAME})"
    rf"|\btold\s+(?P<d>{_NAME})"
)


@dataclass(frozen=True)
class Options:
    terms: tuple[str, ...] = ()  # weasel phrases, matched as words
    patterns: tuple[str, ...] = ()  # regexes, besides the terms
    allow: tuple[str, ...] = ()  # regexes of matches never reported
    quoted: Voice = "info"
    reported_speech: Voice = "info"


@dataclass(frozen=True)
class Compiled:
    search: Pattern
    allow: tuple[Pattern, ...]
    voices: Voices


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    voices = compile_voices(options.quoted, options.reported_speech)
    if not options.terms and not options.patterns:
        raise ValueError("weasel needs 'terms' or 'patterns'")
    parts = [phrase_pattern(options.terms)] if options.terms else []
    for pattern in options.patterns:
        compile_pattern(pattern, True)
        parts.append(f"(?:{pattern})")
    allow = tuple(compile_pattern(p, True) for p in options.allow)
    return Compiled(compile_pattern("|".join(parts), True), allow, voices)


def names_a_source(sentence: str, hedge: tuple[int, int]) -> bool:
    """True when the sentence names who is speaking, outside the hedge itself."""
    for m in _NAMED_SOURCE.finditer(sentence):
        name = next(g for g in (m.group("a"), m.group("b"), m.group("c"), m.group("d")) if g)
        start = m.start("a") if m.group("a") else m.start()
        if hedge[0] <= start < hedge[1]:
            continue
        if name.split()[0].lower() in ANONYMOUS:
            continue
        return True
    return False


def _quotes_someone_named(doc: Document, start: int, end: int) -> bool:
    """A quotation in [start, end) whose speaker has a name ("Smith", not "the
    official" or "a defence source")."""
    return any(
        q.speaker and q.speaker.split()[0].lower() not in ANONYMOUS
        for q in quotations_between(doc, start, end)
    )


def sourced_nearby(doc: Document, hedge_start: int, hedge_end: int) -> bool:
    """True when the hedge's sentence, or the sentence before or after it,
    names a source."""
    sentence = doc.sentence_at(hedge_start)
    if sentence is None:
        return False
    # A window of the sentence around the hedge bounds the work on huge "sentences".
    start = max(sentence.start, hedge_start - WINDOW)
    end = min(sentence.end, hedge_end + WINDOW)
    if names_a_source(doc.text[start:end], (hedge_start - start, hedge_end - start)):
        return True
    i = bisect.bisect_left(doc._sentence_starts, sentence.start)
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc.sentences):
            near = doc.sentences[j]
            text = near.text[: 2 * WINDOW]
            if names_a_source(text, (-1, -1)) or _quotes_someone_named(doc, near.start, near.end):
                return True
    return False


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for m in allowed_matches(compiled.search, compiled.allow, doc.text):
        if sourced_nearby(doc, m.start(), m.end()):
            continue
        match = in_voice(doc, m.start(), m.end(), compiled.voices, {})
        if match is not None:
            yield match


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
