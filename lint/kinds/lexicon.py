"""lexicon: marker words and phrases from a curated list, aware of reported speech.

Loaded words in the author's own voice are a marker; the same words inside a
quotation with a named speaker are reported speech. Such matches get the
severity `reported_speech` (default `info`; `keep` leaves the rule's own, `off`
drops them) and the value `{voice}` says whose words they are, so a message
template ends in `{voice}`. Terms come from `terms` and from `terms_file`, a
data file beside the pack with one phrase per line (`#` starts a comment).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Match
from lint.patterns import (
    Pattern,
    allowed_matches,
    compile_pattern,
    phrase_pattern,
)
from lint.speech import indirect_speaker, quotation_at

VOICE_SEVERITIES = ("info", "warning", "error", "keep", "off")


@dataclass(frozen=True)
class Options:
    terms: tuple[str, ...] = ()
    terms_file: str | None = None
    patterns: tuple[str, ...] = ()
    ignorecase: bool = True
    allow: tuple[str, ...] = ()
    reported_speech: str = "info"


@dataclass(frozen=True)
class Compiled:
    search: Pattern
    allow: tuple[Pattern, ...]
    reported_speech: str


def read_terms(text: str) -> list[str]:
    """Phrases from a data file: one a line, blank lines and `#` comments ignored."""
    terms = []
    for line in text.splitlines():
        phrase = line.split("#", 1)[0].strip()
        if phrase:
            terms.append(phrase)
    return terms


def compile(options: Options, context=None) -> Compiled:
    if options.reported_speech not in VOICE_SEVERITIES:
        raise ValueError(f"reported_speech must be one of {', '.join(VOICE_SEVERITIES)}")
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
    return Compiled(search, allow, options.reported_speech)


def voice_of(doc: Document, start: int, end: int) -> str | None:
    """The speaker whose quoted or reported words contain [start, end), or None."""
    quotation = quotation_at(doc, start, end)
    if quotation is not None:
        return quotation.speaker
    return indirect_speaker(doc, start)


def in_voice(
    doc: Document, start: int, end: int, reported_speech: str, values: dict[str, str]
) -> Match | None:
    """A Match for [start, end) with `{voice}` filled and severity lowered in quotations."""
    speaker = voice_of(doc, start, end)
    if speaker is None:
        return Match(start, end, {"voice": "", **values})
    if reported_speech == "off":
        return None
    severity = None if reported_speech == "keep" else reported_speech
    voice = f" (in words attributed to {speaker})"
    return Match(start, end, {"voice": voice, "speaker": speaker, **values}, severity=severity)


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    for m in allowed_matches(compiled.search, compiled.allow, doc.text):
        match = in_voice(doc, m.start(), m.end(), compiled.reported_speech, {})
        if match is not None:
            yield match
