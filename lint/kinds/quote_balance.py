"""quote_balance: quotation marks and brackets opened and never closed.

Checked paragraph by paragraph, because a quotation that runs past its
paragraph is where a scraper or translator cut the text. The news convention
for quotations over several paragraphs is respected: a paragraph may leave a
quotation open when the next paragraph opens with a quotation mark.

Curly single quotes double as apostrophes. `’` between letters ("NATO’s"), at a
word start before digits ("’90s") or after a plural "s" with no single quote
open ("countries’ ") is an apostrophe; otherwise it closes the innermost open
`‘`. Straight single quotes are not checked: they cannot be told from
apostrophes reliably. Straight double quotes open or close by the characters around them; a
straight and a curly quote still pair (mixing styles is the consistency
rules' business).

The finding points at the opening mark left unclosed, or at a closing mark
that has no opening one. Runs of brackets ("))))", "((") left over, or a lone
one ending a clause in a paragraph with no other bracket, are the text smileys
of Russian and Ukrainian chat carried into the translation: they are reported
once per run, as smileys; ":(" and ":)" are emoticons, not brackets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import Document, Span
from lint.kinds.base import Match

PAIRS = {"“": "”", "‘": "’", "(": ")", "[": "]", "«": "»"}
CLOSERS = {v: k for k, v in PAIRS.items()}
QUOTE_OPENERS = ("“", '"', "«", "‘", "„")
# Every character `unbalanced` acts on; the others are skipped in C.
_MARKS = re.compile("[" + re.escape('"' + "".join(PAIRS) + "".join(CLOSERS)) + "]")
_LIST_LABEL = re.compile(r"(?:^|[\s,;:])(?:\d{1,2}|[a-z]|[ivx]{1,4})$", re.IGNORECASE)


@dataclass(frozen=True)
class Options:
    quotes: bool = True
    brackets: bool = True
    stray_closers: bool = True


def compile(options: Options, context=None) -> Options:
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


# How many paragraphs a quotation may run on before its closing mark.
CARRY_PARAGRAPHS = 8
CLOSES = {"“": "”", '"': '"', "«": "»", "‘": "’", "„": "“"}
# 'customers" computer': a straight double quote where an apostrophe belongs.
_MANGLED_APOSTROPHE = re.compile(r'(?<=\ws)"(?= [a-z])')


def _carried_over(results, n: int, mark: str) -> bool:
    """A quotation left open in paragraph `n` that a later paragraph closes.

    The paragraph break fell inside the quotation (or a sentence splitter put
    one there); the stray closing mark it leaves is dropped from `results`.
    """
    for k in range(n + 1, min(n + 1 + CARRY_PARAGRAPHS, len(results))):
        opened, strays, text = results[k]
        closers = [i for i in strays if text[i] == CLOSES[mark]]
        if closers:
            strays.remove(closers[0])
            return True
        if opened or any(ch in text for ch in QUOTE_OPENERS + tuple(CLOSES.values())):
            return False
    return False


def smiley_run(text: str, offset: int) -> tuple[int, int] | None:
    """The span of a text smiley at `offset`, left unbalanced: two or more of
    the same bracket ("))))", "(("), or one bracket ending a clause in a
    paragraph with no other kind ("you can invite whoever you want)", "the
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
        before = text[start - 1 : start]
        if before.isalpha() or before in ("?", "!", "."):
            return start, end
    if ch == "(" and ")" not in text and not text[end:].strip(" .!?"):
        return start, end
    return None


# After a one-bracket smiley: the paragraph's end, a stop, or a lowercase word
# ("in the kitchen) perhaps"), not a capitalised name ("America) Wright").
_SMILEY_CLOSE = re.compile(r"\s*$|[.!?,;]|\s+[a-z]")


def check(doc: Document, options: Options) -> Iterator[Match]:
    paragraphs = doc.paragraphs
    results = [(*unbalanced(p.text, options), p.text) for p in paragraphs]
    for n, para in enumerate(paragraphs):
        smileys: set[int] = set()  # runs reported in this paragraph
        opened, strays, _ = results[n]
        next_opens_quote = n + 1 < len(paragraphs) and paragraphs[n + 1].text.startswith(
            QUOTE_OPENERS
        )
        for offset, mark in opened:
            if mark in QUOTE_OPENERS and (
                next_opens_quote
                or _reopened_later(para.text, offset, mark)
                or _carried_over(results, n, mark)
            ):
                continue  # a quotation running on into the next paragraph
            run = smiley_run(para.text, offset)
            if run:
                yield from _smiley_once(para, run, smileys)
                continue
            start = para.start + offset
            yield Match(start, start + 1, {"problem": f"'{mark}' is never closed"})
        if options.stray_closers:
            for offset in strays:
                run = smiley_run(para.text, offset)
                if run:
                    yield from _smiley_once(para, run, smileys)
                    continue
                mark = para.text[offset]
                start = para.start + offset
                problem = f"'{mark}' closes nothing"
                if _MANGLED_APOSTROPHE.match(para.text, offset):
                    problem = "'\"' stands where an apostrophe belongs"
                yield Match(start, start + 1, {"problem": problem})


def _smiley_once(para: Span, run: tuple[int, int], reported: set[int]) -> Iterator[Match]:
    """The smiley `run` of the paragraph, unless it was reported already."""
    start, end = run
    if start not in reported:
        reported.add(start)
        marks = para.text[start:end]
        problem = f"a chat smiley '{marks}' (not a bracket) is left"
        yield Match(para.start + start, para.start + end, {"problem": problem})
