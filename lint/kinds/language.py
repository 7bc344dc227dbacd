"""language: text in another language inside an English document.

A translation pipeline that skips a paragraph leaves it in the source
language; a scraper that mixes editions leaves another language's text. Lines
in another Latin-script language (German, Spanish, Turkish, ...; see
`lint.language`) are reported once per run of consecutive lines. Runs in
another script (Cyrillic, CJK) are `mt.untranslated`'s (the encoding kind).

A document mostly in another language is not a defect inside English text but
the wrong input: it gets one note at its first line, at info, and English
rules skip its foreign lines as they skip them everywhere (the engine drops
their findings on lines `lint.language` finds foreign).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext
from lint.language import foreign_lines, mostly_foreign

_SCRIPTS = frozenset(
    [
        "Cyrillic",
        "CJK",
        "Korean",
        "Arabic",
        "Hebrew",
        "Greek",
        "Devanagari",
        "Thai",
        "Georgian",
        "Armenian",
    ]
)


@dataclass(frozen=True)
class Options:
    strong_words: int = 15  # a run shorter than this is reported at warning, not error


def prepare(options: Options, context: PackContext | None = None) -> Options:
    if options.strong_words < 1:
        raise ValueError("strong_words must be at least 1")
    return options


def check(doc: Document, options: Options) -> Iterator[Match]:
    lines = foreign_lines(doc)
    if not lines:
        return
    if mostly_foreign(doc):
        languages = " and ".join(
            f"{name} script" if name in _SCRIPTS else name
            for name in sorted({line.language for line in lines})
        )
        first = doc.lines[0] if doc.lines else None
        end = first.end if first and first.end > first.start else min(len(doc.text), 1)
        yield Match(
            0,
            end,
            {"language": languages},
            severity="info",
            message=(
                f"this document is mostly in {languages}, not English: English rules were not "
                "run on those lines"
            ),
        )
        return
    run: list = []
    for line in lines:
        if line.language in _SCRIPTS:
            continue
        if run and (line.language != run[-1].language or not _adjacent(doc, run[-1], line)):
            yield _report(run, options)
            run = []
        run.append(line)
    if run:
        yield _report(run, options)


def _adjacent(doc: Document, before, after) -> bool:
    """No non-blank line between two foreign lines."""
    return not doc.text[before.span.end : after.span.start].strip()


def _report(run: list, options: Options) -> Match:
    words = sum(line.words for line in run)
    return Match(
        run[0].span.start,
        run[-1].span.end,
        {"language": run[0].language, "words": str(words)},
        severity=None if words >= options.strong_words or len(run) > 1 else "warning",
    )


KIND: Kind[Options, Options] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
    language_neutral=True,  # English rules do not look at foreign lines; this kind is about them.
)
