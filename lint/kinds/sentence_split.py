"""sentence_split: a sentence broken in two by a stray full stop.

Machine translation and sentence-level pipelines leave a full stop inside a
sentence: either the text goes on in lowercase ("to annex Ukraine. self-governing
island of Taiwan"), or the last word or two are split off as an orphan
"sentence" ("free to apply for membership. 'NATO."). `find` picks which:

- `continuation`: a full stop, a space on the same line, then a lowercase word.
  Abbreviations, initials, dotted acronyms, decimals, ellipses, URLs, e-mail
  addresses, words with digits and `allow`ed words (lowercase brands such as
  iPhone) are skipped, and so are one-word sentences ("Meth. We're. On. It.").
  A lowercase word that usually opens a sentence ("thank you", "the blinds")
  means a lost capital, and the message says so; another ("self-governing",
  "and capitalize") means a sentence cut in two.
- `orphan`: one or two words between a full stop and the end of the line that
  open with an unclosed quotation mark or are a bare capitalised name or
  acronym; short replies English allows ("Never.", "Thank you.") are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args

import regex

from lint.document import ABBREVIATIONS, Document
from lint.kinds.base import Kind, Match, PackContext

# A full stop ending a word, horizontal space, then a word starting lowercase.
_CONTINUATION = regex.compile(r"(?<=\p{L}[\"'”’)\]]?)\.[ \t\u00a0]+(?=(\p{Ll}[\p{L}'’\-]*))")
# The tail of a line after a sentence end: at most `n` words, a full stop, end of line.
_ORPHAN = regex.compile(
    r"(?<=\p{L}[\"'”’)\]]?[.!?][ \t\u00a0]+)"
    r"([‘“\"']?)(\p{L}[\p{L}\-'’]*(?:[ \t]\p{L}[\p{L}\-'’]*)?)\.[\"'”’]?[ \t]*(?=[\r\n]|\Z)",
    regex.MULTILINE,
)
# Where an orphan can end: a full stop, a closing quote, blanks, end of line.
_LINE_END_STOP = re.compile(r"\.[\"'”’]?[ \t]*(?=[\r\n]|\Z)")
_OPENING = {"‘": "’", "“": "”", '"': '"', "'": "'"}
_TOKEN_BEFORE = regex.compile(r"[^\s]+$")
# Abbreviations beyond the Document's list, common before a lowercase word.
_MORE_ABBREVIATIONS = frozenset(
    ["incl", "excl", "approx", "esp", "resp", "cf", "ibid", "op", "lit", "pcs", "sq", "cu", "art"]
    # Abbreviations of Russian and Ukrainian news carried into the translation
    # ("5 thous. shells"): mt.source-abbreviation reports them, not as a split.
    + ["thous", "mln", "bln", "mlrd", "trln", "obl", "tys", "rub", "bn"]
)


# What the rule finds (option `find`), validated by the pack loader.
Find = Literal["continuation", "orphan"]
FINDS: tuple[str, ...] = get_args(Find)


@dataclass(frozen=True)
class Options:
    find: Find = "continuation"
    allow: tuple[str, ...] = ()  # words that may start lowercase after a full stop
    min_words_before: int = 6  # the sentence before an orphan must be this long
    replies: tuple[str, ...] = ()  # short sentences English allows, for `orphan`


@dataclass(frozen=True)
class Compiled:
    find: Find
    allow: frozenset[str]
    min_words_before: int
    replies: frozenset[str]


def prepare(options: Options, context: PackContext | None = None) -> Compiled:
    return Compiled(
        options.find,
        frozenset(options.allow),
        options.min_words_before,
        frozenset(r.lower() for r in options.replies),
    )


def _is_abbreviation_or_address(text: str, dot: int) -> bool:
    """Is the full stop at `dot` part of an abbreviation, initial, URL or address?"""
    token_match = _TOKEN_BEFORE.search(text, max(0, dot - 80), dot)
    token = token_match.group() if token_match else ""
    bare = token.lstrip("([\"'“‘").rstrip("\"'”’)]").rsplit("-", 1)[-1]  # Russia-U.S.
    low = bare.lower()
    if low.rstrip(".") in ABBREVIATIONS or low.strip(".") in _MORE_ABBREVIATIONS:
        return True
    if len(bare) == 1 or regex.fullmatch(r"(?:\p{L}\.)+\p{L}", bare):
        return True  # an initial ("J.") or a dotted acronym ("U.S.")
    if "/" in token or "@" in token or low.startswith("www"):
        return True
    return text[dot - 1 : dot] == "." or text[dot + 1 : dot + 2] == "."  # ellipsis


def _is_address_after(text: str, start: int) -> bool:
    """Is the word at `start` a web address ("slogan. https://t.co/...",
    "risks. pic.twitter.com/...")? A link pasted after a sentence, not a split."""
    token = _TOKEN_AFTER.match(text, start)
    if token is None:
        return False
    word = token.group().rstrip(".,;:!?)\"'”’")
    return "/" in word or "." in word or word.startswith(("http", "www"))


_TOKEN_AFTER = regex.compile(r"[^\s]+")
# Words that open an English sentence: after a full stop, in lowercase, they
# mean a lost capital ("I will write back. thank you") rather than a sentence
# cut in two ("to annex Ukraine. self-governing island").
_OPENER_WORDS = (
    "i we you he she they it this these those there here the a an my our your his her "
    "their its now then today tomorrow yesterday tonight thank thanks good please yes no "
    "ok okay hello hi sorry maybe perhaps also so well what why how when where who let "
    "can could would will do does did is are was were i'm i'll i've it's there's"
)
_SENTENCE_OPENERS = frozenset(_OPENER_WORDS.split())
_PREVIOUS_STOP = regex.compile(r"[.!?\n]")


def _one_word_sentence_before(text: str, dot: int) -> bool:
    """Is the sentence ending at `dot` a single word?"""
    start = max(0, dot - 80)
    stops = list(_PREVIOUS_STOP.finditer(text, start, dot))
    begin = stops[-1].end() if stops else start
    return len(text[begin:dot].split()) <= 1


def _continuations(doc: Document, compiled: Compiled) -> Iterator[Match]:
    text = doc.text
    for m in _CONTINUATION.finditer(text):
        word = m.group(1)
        if word in compiled.allow or any(c.isupper() for c in word[1:]):
            continue  # lowercase brands and names: iPhone, eBay, de Gaulle's "dGs"
        if _is_abbreviation_or_address(text, m.start()) or _is_address_after(text, m.end()):
            continue
        if any(c.isdigit() for c in _TOKEN_AFTER.match(text, m.end()).group()):
            continue  # a brand or code: "my6sense", "x86"
        if _one_word_sentence_before(text, m.start()):
            continue  # "Meth. We're. On. It.": a word a sentence, for emphasis
        before = text[max(0, m.start() - 40) : m.start() + 1]
        word_end = m.end() + len(word)
        message = severity = None
        if word.lower() in _SENTENCE_OPENERS:
            # A lost capital is a blemish a reader notices, not a broken sentence.
            severity = "warning"
            message = (
                f"'{word}' starts a sentence in lowercase: the capital was lost (a chat "
                "source, or a sentence split or joined in translation)"
            )
        yield Match(
            m.start() - len(before.split()[-1]) + 1 if before.split() else m.start(),
            word_end,
            {"word": word},
            severity=severity,
            message=message,
        )


def _orphan_candidates(text: str) -> Iterator[regex.Match]:
    """`_ORPHAN.finditer(text)`, searching only where a match can be.

    A match ends a line (LF, CRLF or CR) whose last non-blank
    characters are a full stop and at most one closing quote, and runs back
    from that full stop over at most one space or tab (between its two words).
    So each such line is searched from just after the second-to-last space
    before its full stop (the lookbehind still sees the text before).
    """
    # The start of the line of the last candidate, and where it was looked
    # for from: a line break is looked for back to there only, not back to
    # the start of the text (a search of the whole text per candidate).
    prev_dot = line_start = 0
    for end in _LINE_END_STOP.finditer(text):
        dot = end.start()
        brk = max(text.rfind("\n", prev_dot, dot), text.rfind("\r", prev_dot, dot))
        if brk >= 0:
            line_start = brk + 1
        prev_dot = dot
        last = _last_space(text, line_start, dot)
        first = _last_space(text, line_start, last) if last >= 0 else -1
        m = _ORPHAN.search(text, first + 1 if first >= 0 else line_start, end.end())
        if m:
            yield m


def _last_space(text: str, start: int, end: int) -> int:
    return max(
        text.rfind(" ", start, end), text.rfind("\t", start, end), text.rfind("\u00a0", start, end)
    )


def _orphans(doc: Document, compiled: Compiled) -> Iterator[Match]:
    text = doc.text
    for m in _orphan_candidates(text):
        quote, words = m.group(1), m.group(2)
        if words.lower() in compiled.replies:
            continue
        end = text.rfind(".", max(0, m.start() - 4), m.start())
        if end >= 0 and _is_abbreviation_or_address(text, end):
            continue  # "a job for Ms. Svetlana.", "Zhuzhou Locomotive Co. Ltd."
        sentence = doc.sentence_at(max(0, m.start() - 3))
        if sentence is None or len(sentence.text.split()) < compiled.min_words_before:
            continue
        unclosed = bool(quote) and _OPENING[quote] not in m.group()[1:]
        bare_name = quote == "" and " " not in words and words[:1].isupper()
        if not (unclosed or bare_name):
            continue
        yield Match(m.start(), m.end(2) + 1, {"words": quote + words})


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    if compiled.find == "continuation":
        yield from _continuations(doc, compiled)
    else:
        yield from _orphans(doc, compiled)


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
