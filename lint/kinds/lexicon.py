"""lexicon: marker words and phrases from a curated list, aware of whose words they are.

Loaded words in the author's own voice are a marker. The same words in
quotation marks are someone else's: a quotation, or a scare quote around a
word the article reports someone used ("she now feels like a “traitor”",
"called the claims “complete nonsense”"); they get the severity `quoted`.
Words in indirect speech with a named speaker ("Lavrov said the sham ...")
get the severity `reported_speech`. Both default to `info`; `keep` leaves
the rule's own and `off` drops them. The value `{voice}` says whose words
they are, so a message template ends in `{voice}`.

`ordinary_in_fiction` lists terms with an ordinary sense in reviews and
fiction ("monsters" to hunt, a "hysterical" comedy): they are not reported in
a paragraph or document about films, games, books or music (see
`lint.fiction`; cue words from `fiction_cues` and `fiction_cues_file`).

Terms come from `terms` and from `terms_file`, a data file beside the pack
with one phrase per line (`#` starts a comment).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args

from lint.document import Document
from lint.fiction import FictionCues, reads_as_fiction
from lint.kinds.base import Kind, Match, PackContext
from lint.patterns import (
    Pattern,
    allowed_matches,
    compile_pattern,
    phrase_pattern,
)
from lint.speech import indirect_speaker, quotation_at

# What becomes of a match in quotes or reported speech: a severity, the
# rule's own (keep), or nothing (off).
Voice = Literal["info", "warning", "error", "keep", "off"]
VOICE_SEVERITIES: tuple[str, ...] = get_args(Voice)


@dataclass(frozen=True)
class Options:
    terms: tuple[str, ...] = ()
    terms_file: str | None = None
    patterns: tuple[str, ...] = ()  # regexes, besides the terms
    ignorecase: bool = True  # match the terms and patterns in any case
    allow: tuple[str, ...] = ()  # regexes of matches never reported
    quoted: Voice = "info"
    reported_speech: Voice = "info"
    ordinary_in_fiction: tuple[str, ...] = ()
    fiction_cues: tuple[str, ...] = ()
    fiction_cues_file: str | None = None


@dataclass(frozen=True)
class Voices:
    """What becomes of a match in someone else's words."""

    quoted: str = "info"
    reported_speech: str = "info"


@dataclass(frozen=True)
class Compiled:
    search: Pattern
    allow: tuple[Pattern, ...]
    voices: Voices
    ordinary_in_fiction: frozenset[str]
    fiction: FictionCues | None


def read_terms(text: str) -> list[str]:
    """Phrases from a data file: one a line, blank lines and `#` comments ignored."""
    terms = []
    for line in text.splitlines():
        phrase = line.split("#", 1)[0].strip()
        if phrase:
            terms.append(phrase)
    return terms


def compile_voices(quoted: str, reported_speech: str) -> Voices:
    for name, value in (("quoted", quoted), ("reported_speech", reported_speech)):
        if value not in VOICE_SEVERITIES:
            raise ValueError(f"{name} must be one of {', '.join(VOICE_SEVERITIES)}")
    return Voices(quoted, reported_speech)


def compile_fiction(options: Options, context) -> FictionCues | None:
    if not options.ordinary_in_fiction:
        return None
    words = [w.lower() for w in options.fiction_cues]
    if options.fiction_cues_file:
        if context is None:
            raise ValueError("fiction_cues_file needs a pack folder to read from")
        words += [w.lower() for w in read_terms(context.read_text(options.fiction_cues_file))]
    if not words:
        raise ValueError("ordinary_in_fiction needs 'fiction_cues' or 'fiction_cues_file'")
    return FictionCues(frozenset(words))


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    voices = compile_voices(options.quoted, options.reported_speech)
    terms = list(options.terms)
    if options.terms_file:
        if context is None:
            raise ValueError("terms_file needs a pack folder to read from")
        terms += read_terms(context.read_text(options.terms_file))
    if not terms and not options.patterns:
        raise ValueError("lexicon needs 'terms', 'terms_file' or 'patterns'")
    parts = [phrase_pattern(terms)] if terms else []
    for pattern in options.patterns:
        compile_pattern(pattern, options.ignorecase)  # name the bad one
        parts.append(f"(?:{pattern})")
    search = compile_pattern("|".join(parts), options.ignorecase)
    allow = tuple(compile_pattern(p, options.ignorecase) for p in options.allow)
    ordinary = frozenset(t.lower() for t in options.ordinary_in_fiction)
    return Compiled(search, allow, voices, ordinary, compile_fiction(options, context))


def in_voice(
    doc: Document, start: int, end: int, voices: Voices, values: dict[str, str]
) -> Match | None:
    """A Match for [start, end) with `{voice}` filled, its severity set by whose
    words these are: the author's, a quotation's or reported speech's."""
    quotation = quotation_at(doc, start, end)
    if quotation is not None:
        option = voices.quoted
        speaker = quotation.speaker
        voice = (
            f" (in words attributed to {speaker})"
            if speaker
            else " (in quotation marks: someone else's words)"
        )
    else:
        speaker = indirect_speaker(doc, start)
        if speaker is None:
            return Match(start, end, {"voice": "", **values})
        option = voices.reported_speech
        voice = f" (in words attributed to {speaker})"
    if option == "off":
        return None
    severity = None if option == "keep" else option
    values = {"voice": voice, "speaker": speaker or "", **values}
    return Match(start, end, values, severity=severity)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for m in allowed_matches(compiled.search, compiled.allow, doc.text):
        if (
            compiled.fiction is not None
            and m.group().lower() in compiled.ordinary_in_fiction
            and reads_as_fiction(doc, m.start(), compiled.fiction)
        ):
            continue
        match = in_voice(doc, m.start(), m.end(), compiled.voices, {})
        if match is not None:
            yield match


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
