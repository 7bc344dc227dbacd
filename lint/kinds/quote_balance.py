"""quote_balance: quotation marks and brackets opened and never closed.

A quotation that is never closed is where a scraper or translator cut the
text, or lost half a pair. The text is read line by line (blank lines do not
matter, so a text gives the same findings whether its paragraphs are written as
lines or as blocks), and a quotation may run on over lines: news style reopens
each paragraph of a long quotation with a quotation mark, and text split into
sentences or translation segments carries a quotation over lines with no marks
at all until a closing one (see `_carried_over`).

Curly single quotes double as apostrophes. `’` between letters ("NATO’s"), at a
word start before digits ("’90s") or after a plural "s" with no single quote
open ("countries’ ") is an apostrophe; otherwise it closes the innermost open
`‘`. Straight single quotes are not checked: they cannot be told from
apostrophes reliably. Straight double quotes open or close by the characters
around them; a straight and a curly quote still pair (mixing styles is the
consistency rules' business), and a closing mark that translation moved onto
the attribution ('..., "he added') still closes.

The finding points at the opening mark left unclosed, or at a closing mark
that has no opening one. Runs of brackets ("))))", "((") left over, or a lone
one ending a clause in a line with no other bracket, are the text smileys of
Russian and Ukrainian chat carried into the translation: they are reported
once per run, as smileys, at info; ":(" and ":)" are emoticons, not brackets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document, Span
from lint.kinds.base import Kind, Match, PackContext

PAIRS = {"“": "”", "‘": "’", "(": ")", "[": "]", "«": "»"}
CLOSERS = {v: k for k, v in PAIRS.items()}
QUOTE_OPENERS = ("“", '"', "«", "‘", "„")
# Every character `unbalanced` acts on; the others are skipped in C.
_MARKS = re.compile("[" + re.escape('"' + "".join(PAIRS) + "".join(CLOSERS)) + "]")
_LIST_LABEL = re.compile(r"(?:^|[\s,;:])(?:\d{1,2}|[a-z]|[ivx]{1,4})$", re.IGNORECASE)


@dataclass(frozen=True)
class Options:
    quotes: bool = True  # check quotation marks
    brackets: bool = True  # check brackets
    stray_closers: bool = True  # report a closing mark that nothing opened


def prepare(options: Options, context: PackContext | None = None) -> Options:
    if not options.quotes and not options.brackets:
        raise ValueError("quote_balance needs 'quotes' or 'brackets' on")
    return options


def _is_apostrophe(text: str, i: int, single_open: bool) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # NATO’s, don’t
    if not before.isalnum() and after.isdigit():
        return True  # ’90s
    return before.isalpha() and not single_open  # countries’ , goin’


def _straight_role(text: str, i: int, any_open: bool) -> str:
    """Whether a straight double quote opens or closes, from the characters around it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if any_open and _DETACHED_CLOSER.match(text, i):
        return "close"  # '..., "he added': moved off its quotation by a space
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "close" if any_open else "open"


def _is_list_marker(text: str, i: int) -> bool:
    """`1)`, `a)` or `iv)` as a list label, and emoticons like `:)`."""
    return bool(_LIST_LABEL.search(text, 0, i)) or text[i - 1 : i] in (":", ";")


def _close_last(stack: list[tuple[int, str]], mark: str) -> bool:
    """Close the innermost open `mark` in `stack`, if there is one."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][1] == mark:
            del stack[k]
            return True
    return False


def unbalanced(text: str, options: Options) -> tuple[list[tuple[int, str]], list[int]]:
    """Unclosed openings (offset, mark) and stray closings (offsets) in `text`."""
    first = _MARKS.search(text)
    if first is None:
        return [], []
    stack: list[tuple[int, str]] = []
    strays: list[int] = []
    straight: list[int] = []
    for found in _MARKS.finditer(text, first.start()):
        i, ch = found.start(), found.group()
        if ch == '"' and options.quotes:
            if i > 0 and text[i - 1].isdigit() and not straight:
                continue  # an inch mark: 34" monitor, 65" TV
            role = _straight_role(text, i, bool(straight))
            if role == "open":
                straight.append(i)
            elif straight:
                straight.pop()
            elif _close_last(stack, "“"):
                pass  # “We’re On It": a pair of mixed styles is still a pair
            else:
                strays.append(i)
        elif ch in PAIRS:
            if (
                ch == "‘"
                and 0 < i < len(text) - 1
                and (text[i - 1].isalpha() or text[i - 1] == "-")
                and text[i + 1].isalpha()
            ):
                # Paddock‘s: a wrongly turned apostrophe; Al-‘Ayesh, Sha‘ban:
                # an ayin in an Arabic name. Neither opens a quotation.
                continue
            if ch == "(" and text[i - 1 : i] in (":", ";"):
                continue  # an emoticon, :( or ;(
            is_quote = ch in "“‘«"
            if (is_quote and options.quotes) or (not is_quote and options.brackets):
                stack.append((i, ch))
        elif ch in CLOSERS:
            opener = CLOSERS[ch]
            is_quote = opener in "“‘«"
            if (is_quote and not options.quotes) or (not is_quote and not options.brackets):
                continue
            if ch == "’" and _is_apostrophe(text, i, any(m == "‘" for _, m in stack)):
                continue
            # Close the innermost matching opening, dropping nothing else.
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == opener:
                    del stack[k]
                    break
            else:
                if ch == "”" and straight:
                    straight.pop()  # "a mixed pair”
                elif ch != "’" and not (ch == ")" and _is_list_marker(text, i)):
                    strays.append(i)
    stack.extend((i, '"') for i in straight)
    return sorted(stack), strays


def _reopened_later(text: str, offset: int, mark: str) -> bool:
    """A later sentence opens a quote with the same mark: the quotation ran on
    over paragraphs whose breaks were lost ('...engineering. "We had planned')."""
    return bool(re.search(rf"[.!?…,:]\s+{re.escape(mark)}\w", text[offset + 1 :]))


# How many lines a quotation may run on before its closing mark, and how many
# lines without marks may come before a line that reopens it.
CARRY_LINES = 16
CARRY_REOPEN = 3
# A line in the writer's voice, attributing speech ("..., Zhao said.", "He told
# reporters that ...", "said the spokesman", "according to"): a quotation left
# open before it was never closed. "As it is said" attributes nothing.
_SPEAKER = r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|he|she|they|He|She|They)"
_VERB = r"(?:said|says|told|tells|added|adds|wrote|writes|stated|declared|announced|noted)"
_NARRATION = re.compile(
    rf",\s+{_SPEAKER}\s+{_VERB}\b|\b{_VERB}\s+(?:the\s+)?[A-Z]|^\s*{_SPEAKER}\s+{_VERB}\b"
    r"|\baccording to\b"
)
DOUBLE_MARKS = frozenset('"“”«»„')
SINGLE_MARKS = frozenset("‘’")
# 'customers" computer': a straight double quote where an apostrophe belongs.
_MANGLED_APOSTROPHE = re.compile(r'(?<=\ws)"(?= [a-z])')
# A lone "»" after a space at the end of a line is the arrow of a link ("Read
# more »"), not half of a pair of guillemets.
_LINK_ARROW = re.compile(r"(?<= )»\s*$")
# '..., "he added.': a closing mark that translation moved off its quotation,
# onto the attribution after it.
# The attribution must follow within a few words ('"he added', '"said the
# deputy'); a quotation nested in straight quotes ('saying, "we hope...') is no
# closing mark.
_DETACHED_CLOSER = re.compile(
    r'(?<=[,.!?…] )"(?=(?:[a-z]+\s+){0,4}(?:said|says|told|tells|added|adds|wrote|writes|noted'
    r"|notes|stated|states|stressed|explained|continued|concluded|emphasized|emphasised"
    r"|replied|recalled|assured|specified|clarified)\b)"
)


@dataclass
class _Unit:
    """One non-blank line and what is left unbalanced in it."""

    span: Span
    opened: list[tuple[int, str]]
    strays: list[int]


def _family(mark: str) -> frozenset[str]:
    return SINGLE_MARKS if mark in SINGLE_MARKS else DOUBLE_MARKS


def _carried_over(units: list[_Unit], n: int, mark: str) -> bool:
    """A quotation left open on line `n` that runs on into the lines after it.

    Lines without quotation marks may come between (a quotation split into
    sentences or segments, as sentence-by-sentence translation and WMT-style
    data write it), unless one attributes speech in the writer's voice ("Zhao
    said"). The first later line with a mark of the same kind decides: it
    reopens the quotation at its start (news style for a quotation of several
    paragraphs; at most CARRY_REOPEN unmarked lines before it), or closes it
    with a mark that has nothing else to close (which is then not reported
    either), or a detached closing mark ('..., "he added') closes it. Anything
    else means the quotation was never closed.
    """
    family = _family(mark)
    unmarked = 0  # lines without marks since the open one
    for unit in units[n + 1 : n + 1 + CARRY_LINES]:
        text = unit.span.text
        if not any(ch in family for ch in text):
            if _NARRATION.search(text):
                return False  # 'On Monday, Zhao said ...': the writer speaks again
            unmarked += 1
            continue
        if text.lstrip(" \t—–-").startswith(tuple(family - {"”", "»", "’"})):
            return unmarked <= CARRY_REOPEN
        marks = [
            i for i in unit.strays if text[i] in family and not _MANGLED_APOSTROPHE.match(text, i)
        ]
        marks += [i for i, m in unit.opened if m in family]
        if not marks:
            if any(_MANGLED_APOSTROPHE.match(text, i) for i in unit.strays):
                continue  # 'enemies" distress': an apostrophe, not a quotation mark
            return False  # a line of closed quotations: ours was never closed
        first = min(marks)
        if first in unit.strays:
            unit.strays.remove(first)
            return True
        if _DETACHED_CLOSER.match(text, first):
            unit.opened = [(i, m) for i, m in unit.opened if i != first]
            return True
        return False
    return False


def _bracket_carried_over(units: list[_Unit], n: int) -> bool:
    """A bracket left open at the end of line `n` and closed on the next line
    (a sentence broken over two lines), whose closing one is then not reported."""
    if n + 1 >= len(units):
        return False
    unit = units[n + 1]
    closers = [i for i in unit.strays if unit.span.text[i] == ")"]
    if closers and not any(m == "(" for _, m in unit.opened):
        unit.strays.remove(closers[0])
        return True
    return False


def smiley_run(text: str, offset: int) -> tuple[int, int] | None:
    """The span of a text smiley at `offset`, left unbalanced: two or more of
    the same bracket ("))))", "(("), or one bracket ending a clause in a
    line with no other kind ("you can invite whoever you want)", "the
    housing issue (")."""
    ch = text[offset]
    if ch not in "()":
        return None
    start, end = offset, offset + 1
    while start > 0 and text[start - 1] == ch:
        start -= 1
    while end < len(text) and text[end] == ch:
        end += 1
    if end - start >= 2:
        return start, end
    if ch == ")" and "(" not in text and _SMILEY_CLOSE.match(text, end):
        before = text[start - 2 : start].rstrip()  # "friendship )" too
        if before[-1:].isalpha() or before[-1:] in ("?", "!", "."):
            return start, end
    if ch == "(" and ")" not in text and not text[end:].strip(" .!?"):
        return start, end
    return None


# After a one-bracket smiley: the line's end, a stop, or the next word ("in the
# kitchen) perhaps", "we are fine) Kolya is working").
_SMILEY_CLOSE = re.compile(r"\s*$|[.!?,;]|\s+\w")


def check(doc: Document, options: Options) -> Iterator[Match]:
    """Line by line, so that a text gives the same findings whether its
    paragraphs are written as lines or as blocks separated by blank lines."""
    units = [
        _Unit(line, *unbalanced(line.text, options)) for line in doc.lines if line.text.strip()
    ]
    for n, unit in enumerate(units):
        line = unit.span
        smileys: set[int] = set()  # runs reported on this line
        yield from _wrong_facing_pairs(unit)
        for offset, mark in unit.opened:
            if mark in QUOTE_OPENERS:
                if _reopened_later(line.text, offset, mark) or _carried_over(units, n, mark):
                    continue  # a quotation running on into the next lines
            elif mark == "(" and _bracket_carried_over(units, n):
                continue
            run = smiley_run(line.text, offset)
            if run:
                yield from _smiley_once(line, run, smileys)
                continue
            start = line.start + offset
            yield Match(start, start + 1, {"problem": f"'{mark}' is never closed"})
        if options.stray_closers:
            for offset in unit.strays:
                run = smiley_run(line.text, offset)
                if run:
                    yield from _smiley_once(line, run, smileys)
                    continue
                mark = line.text[offset]
                if mark == "»" and _LINK_ARROW.match(line.text, offset):
                    continue  # "Find a professional near you »": a link's arrow
                start = line.start + offset
                problem = f"'{mark}' closes nothing"
                if _MANGLED_APOSTROPHE.match(line.text, offset):
                    problem = "'\"' stands where an apostrophe belongs"
                yield Match(start, start + 1, {"problem": problem})


def _smiley_once(line: Span, run: tuple[int, int], reported: set[int]) -> Iterator[Match]:
    """The smiley `run` of the line, unless it was reported already."""
    start, end = run
    if start not in reported:
        reported.add(start)
        marks = line.text[start:end]
        message = (
            f"'{marks}' is a chat smiley kept from the source, not a bracket; an English "
            "reader sees a stray bracket: write ':)' or drop it"
        )
        # A faithful rendering of the source's emoticon, for an editor to turn
        # into ":)" or drop: a note, not a broken text.
        yield Match(line.start + start, line.start + end, severity="info", message=message)


# A mark that faces the wrong way still pairs: '”Bird flu ... coming.”',
# '‘The Medium is the Message ‘'. The quotation is whole; only its typography is
# wrong, a note for an editor rather than a cut text.
_TURNED = {"”": "“", "“": "”", "‘": "’"}


def _wrong_facing_pairs(unit: _Unit) -> Iterator[Match]:
    """Pair, in order, two strays '”' or two unclosed '“' or '‘' of one line;
    report the wrong-facing mark of each pair once, at info, and take both out
    of the line's unbalanced marks."""
    text = unit.span.text
    for mark in ("”",):
        strays = [i for i in unit.strays if text[i] == mark]
        for first, second in zip(strays[0::2], strays[1::2], strict=False):
            unit.strays = [i for i in unit.strays if i not in (first, second)]
            yield _turned(unit.span, first, mark)
    for mark in ("“", "‘"):
        opened = [i for i, m in unit.opened if m == mark]
        for first, second in zip(opened[0::2], opened[1::2], strict=False):
            unit.opened = [(i, m) for i, m in unit.opened if i not in (first, second)]
            yield _turned(unit.span, second, mark)


def _turned(line: Span, offset: int, mark: str) -> Match:
    start = line.start + offset
    message = (
        f"'{mark}' faces the wrong way: this quotation mark should be '{_TURNED[mark]}'; "
        "the quotation is whole, only its typography is wrong"
    )
    return Match(start, start + 1, severity="info", message=message, suggestions=(_TURNED[mark],))


KIND: Kind[Options, Options] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
)
