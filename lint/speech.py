"""Reported speech: quotations in a document and who they are attributed to.

Words inside a quotation with a named speaker ("'NATO is a Cold War remnant,'
Zhao told reporters") are the speaker's, not the author's. Misinformation
markers use this to lower findings in reported speech and to find quotations
that nobody said. The analysis is lexical: quotation marks paired inside a
paragraph, and a speech verb with a speaker next to the quotation.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from dataclasses import dataclass

from lint.document import Document, Span

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|continued|stated|wrote|writes|noted|"
    "argued|argues|claimed|insisted|insists|asked|asks|warned|warns|explained|"
    "declared|declares|tweeted|announced|announces|replied|stressed|emphasized|"
    "emphasised|remarked|commented|complained|alleged|urged|recalled|concluded|"
    "acknowledged|admitted|conceded|predicted|suggested|highlighted|called|"
    "reported|quoted|responded|countered|pointed out|went on|"
    "shouted|joked|boasted|vowed|pledged|promised|confirmed|denied|told reporters|"
    "described|describes|branded|brands|dubbed|labelled|labeled|dismissed|"
    # Present tenses, and the verbs of translated Russian and Ukrainian news.
    "explains|notes|stresses|emphasizes|emphasises|remarks|comments|complains|alleges|"
    "urges|recalls|concludes|acknowledges|admits|concedes|predicts|suggests|reports|"
    "responds|counters|points out|goes on|jokes|boasts|vows|pledges|promises|confirms|"
    "denies|continues|replies|tweets|believes|believe|believed|clarified|clarifies|"
    "specified|specifies|assured|assures|reminded|reminds|observed|observes|recounted|"
    "recounts|wondered|wonders|detailed"
)
# How far from a quotation (in characters) a speaker is looked for; bounds the
# work per quotation on pathological input (one "sentence" of a megabyte).
WINDOW = 400
# First words of every speech verb and of "according to", for a cheap pre-check.
_SPEECH_WORDS = frozenset(
    [v.split()[0] for v in SPEECH_VERBS.split("|")] + ["according", "quoting", "words", "quoted"]
)
_LOWER_WORD = re.compile(r"[a-z]+")


def _mentions_speech(text: str) -> bool:
    """False when no speech verb occurs in `text` (then no speaker can be found)."""
    return not _SPEECH_WORDS.isdisjoint(_LOWER_WORD.findall(text.lower()))


PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
# Subjects that do not name anybody ("Officials said ...").
_ANONYMOUS = frozenset(
    [
        "some",
        "many",
        "most",
        "several",
        "others",
        "critics",
        "experts",
        "officials",
        "sources",
        "analysts",
        "observers",
        "people",
        "reports",
        "studies",
        "scientists",
        "researchers",
        "insiders",
    ]
)
_DETERMINERS = frozenset({"the", "a", "an", "one", "his", "her", "their", "its", "our"})
_NAME = r"[\w’'.\-]+"
# "..., Zhao told reporters." / "..., said Zhao." right after the closing mark.
_AFTER_WHO_VERB = re.compile(
    rf"^[\s,.;:!?—–-]*(?P<who>(?:{_NAME},?\s+){{0,6}}?{_NAME}),?\s+(?:\w+ly\s+)?"
    rf"(?:{SPEECH_VERBS})\b",
    re.IGNORECASE,
)
_AFTER_VERB_WHO = re.compile(
    rf"^[\s,.;:!?—–-]*(?:{SPEECH_VERBS})\s+(?P<who>(?:the\s+)?[A-Z]{_NAME}(?:\s+[A-Z]{_NAME}){{0,5}}"
    rf"|(?:the|a|an|one|his|her|their)\s+\w+(?:\s+\w+)?)",
)
# "...", - stated in the message (of the ministry): the dash attribution of
# Russian news names a document, not a person.
_AFTER_DASH_VERB_SOURCE = re.compile(
    rf"^\s*,?\s*[—–-]\s*(?:{SPEECH_VERBS})\s+(?:in|on)\s+"
    rf"(?P<who>(?:the|a|an|his|her|their|its)\s+\w+(?:\s+\w+)?)",
)
# "..., added Smith" anywhere in a text.
_VERB_WHO = re.compile(
    rf"\b(?:{SPEECH_VERBS})\s+(?P<who>(?:the\s+)?[A-Z]{_NAME}(?:\s+[A-Z]{_NAME}){{0,5}})"
)
OPENING_MARKS = ("“", '"', "‘", "'", "«", "„")
# "According to The New York Post, “...”" or "Zhao said: “...”" before the opening mark.
_ACCORDING = re.compile(
    r"\b(?:according to|as quoted by|in the words of|quoting)\s+"
    r"(?P<who>[^,.;:“”\"]{2,80}?)\s*(?:,|$)",
    re.IGNORECASE,
)
_BEFORE_WHO_VERB = re.compile(
    rf"(?P<who>(?:[A-Z]{_NAME}\s+){{0,5}}[A-Z]{_NAME}|\b(?:he|she|they|we|it)\b"
    rf"|\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+[a-z]\w+(?:\s+(?:of|for|at)\s+the\s+\w+)?)"
    rf"(?:,[^,.;:“”\"]{{1,60}},)?\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b",
)
_STOP_WHO = re.compile(r"^(?:and|but|or|as|the|a|an|this|that|which|who)$", re.IGNORECASE)
# Words that may open a speaker's phrase but name nobody: "Whether Benedict
# wrote ..." is Benedict's.
_OPENS_CLAUSE = re.compile(
    r"^(?:whether|if|when|while|although|though|because|since|after|before|until|unless)$",
    re.IGNORECASE,
)
# "the Ministers ... also stated": adverbs between a speaker and the verb.
_ADVERBS = frozenset({"also", "then", "now", "even", "however", "perhaps", "yet", "still"})

_DOUBLE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|«[^«»]*»|„[^„“”]*[“”]")
# A single-quoted run: opening ‘ or ' after a space, closing before punctuation/space.
# "After a space" (or at the start) is checked once the mark is read, so that
# `re` only tries the pattern at quotation marks.
_OPENS_RUN = r"(?<![^\s(\[—–-].)"
_SINGLE = re.compile(
    rf"(?:‘{_OPENS_RUN}(?=\w)[^‘’\n]{{0,600}}?[\w.,!?…]’"
    rf"|'{_OPENS_RUN}(?=\w)[^'\n]{{0,600}}?[\w.,!?…]')(?![\w])"
)


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quoted passage: its span (marks included) and who said it, if anyone."""

    start: int
    end: int
    speaker: str | None
    word_count: int

    @property
    def attributed(self) -> bool:
        return self.speaker is not None


def _clean_speaker(who: str) -> str | None:
    words = who.strip(" ,.;:").split()
    while len(words) > 1 and (
        (_STOP_WHO.match(words[0]) and words[0].lower() != "the") or _OPENS_CLAUSE.match(words[0])
    ):
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _ADVERBS:
        words = words[:-1]
    if not words or _STOP_WHO.match(words[-1]):
        return None
    # A speaker names somebody: a name, a pronoun, or a role ("the spokesman").
    first = words[0]
    if not first[:1].isupper() and first.lower() not in PRONOUNS | _DETERMINERS:
        return None
    return " ".join(words)


def speaker_after(text: str) -> str | None:
    """Speaker named right after a closing quotation mark ("..., Zhao said")."""
    head = text[:160]
    for pattern in (_AFTER_VERB_WHO, _AFTER_WHO_VERB, _AFTER_DASH_VERB_SOURCE):
        m = pattern.match(head)
        if m:
            who = _clean_speaker(m.group("who"))
            if who:
                return who
    return None


def speaker_before(text: str) -> str | None:
    """Speaker named in the sentence before an opening mark ("Zhao said: ...")."""
    if not _mentions_speech(text):
        return None
    according = list(_ACCORDING.finditer(text))
    if according:
        who = _clean_speaker(according[-1].group("who"))
        if who:
            return who
    found = list(_BEFORE_WHO_VERB.finditer(text))
    if found:
        return _clean_speaker(found[-1].group("who"))
    return None


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _DOUBLE.finditer(text)]
    starts = [s for s, _ in spans]
    for m in _SINGLE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and spans[i][1] > m.start():
            continue  # nested inside a double-quoted passage
        spans.append(m.span())
    return sorted(spans)


def _sentence_bounds(doc: Document, offset: int) -> tuple[int, int]:
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return offset, offset
    return sentence.start, sentence.end


def _next_sentence(doc: Document, offset: int) -> Span | None:
    i = bisect.bisect_right(doc._sentence_starts, offset)
    return doc.sentences[i] if i < len(doc.sentences) else None


def _previous_paragraph(doc: Document, paragraph: Span) -> Span | None:
    i = bisect.bisect_left(doc._paragraph_starts, paragraph.start)
    return doc.paragraphs[i - 1] if i > 0 else None


def speaker_in(text: str) -> str | None:
    """The last speaker named anywhere in `text` ("..., added Smith, who ...")."""
    if not _mentions_speech(text):
        return None
    candidates = [(m.end(), m.group("who")) for m in _ACCORDING.finditer(text)]
    candidates += [(m.end(), m.group("who")) for m in _BEFORE_WHO_VERB.finditer(text)]
    candidates += [(m.end(), m.group("who")) for m in _VERB_WHO.finditer(text)]
    for _, who in sorted(candidates, reverse=True):
        speaker = _clean_speaker(who)
        if speaker:
            return speaker
    return None


def _continued_speaker(
    doc: Document,
    paragraph: Span,
    start: int,
    previous: Quotation | None,
    named_in: dict[int, str | None],
) -> str | None:
    """Speaker carried over from the preceding text, as news copy does.

    A quotation continues an attributed one earlier in its paragraph. A
    paragraph that opens with a quotation continues the speaker of the
    paragraph before ("Smith said the bridge was old." / "We must act now.");
    paragraphs that themselves open with a quotation are skipped over, since
    a quotation running over several paragraphs reopens each one.
    """
    if previous and previous.attributed and paragraph.start <= previous.start:
        return previous.speaker
    if start - paragraph.start > 16 or doc.text[paragraph.start : start].strip():
        return None  # the quotation does not open its paragraph
    before: Span | None = paragraph
    for _ in range(4):
        before = _previous_paragraph(doc, before)
        if before is None:
            return None
        if previous and previous.attributed and before.start <= previous.start < before.end:
            return previous.speaker
        if before.start not in named_in:
            named_in[before.start] = speaker_in(before.text[-WINDOW:])
        speaker = named_in[before.start]
        if speaker or not before.text.startswith(OPENING_MARKS):
            return speaker
    return None


# The speaker of a quotation that a colon introduces ("The company was quick to
# condemn the man's actions: “We were shocked ...”") when no name is found there.
INTRODUCED = "the speaker introduced before it"


def _introduced(text: str, start: int) -> bool:
    """A colon, then only spaces or a paragraph break, before the opening mark."""
    return text[max(0, start - 8) : start].rstrip().endswith(":")


def quotations(doc: Document) -> tuple[Quotation, ...]:
    """Every quotation in `doc`, with its speaker when one is named nearby.

    A speaker is looked for after the closing mark (to the end of its sentence),
    before the opening mark (in its sentence), and in the next sentence of the
    paragraph; failing that, the quotation may continue the speaker of the text
    just before it (see `_continued_speaker`). Pronouns resolve to the last
    named speaker.
    """
    return _quotations_cached(doc)


def _quotations_cached(doc: Document) -> tuple[Quotation, ...]:
    cached = getattr(doc, "_newslint_quotations", None)
    if cached is not None:
        return cached
    text = doc.text
    found: list[Quotation] = []
    named_in: dict[int, str | None] = {}  # paragraph start -> speaker named in it
    last_named: str | None = None
    for start, end in _quote_spans(text):
        inner = text[start + 1 : end - 1]
        words = len(re.findall(r"\w+", inner))
        s_start, s_end = _sentence_bounds(doc, end - 1)
        paragraph = doc.paragraph_at(start)
        speaker = speaker_after(text[end : min(max(s_end, end), end + WINDOW)])
        if speaker is None:
            b_start, _ = _sentence_bounds(doc, start)
            speaker = speaker_before(text[max(b_start, start - WINDOW) : start])
        if speaker is None and paragraph is not None:
            # The attribution may be the next sentence of the same paragraph.
            following = _next_sentence(doc, end - 1)
            if following and following.start < paragraph.end:
                speaker = speaker_after(following.text[:WINDOW])
        if speaker is None and paragraph is not None:
            speaker = _continued_speaker(
                doc, paragraph, start, found[-1] if found else None, named_in
            )
        if speaker is None and _introduced(text, start):
            b_start, _ = _sentence_bounds(doc, max(0, start - 2))
            speaker = speaker_in(text[max(b_start, start - WINDOW) : start]) or INTRODUCED
        if speaker and speaker.lower() in PRONOUNS:
            speaker = last_named or speaker
        elif speaker:
            last_named = speaker
        found.append(Quotation(start, end, speaker, words))
    result = tuple(found)
    with contextlib.suppress(AttributeError):
        doc._newslint_quotations = result  # type: ignore[attr-defined]
    return result


def quotation_at(doc: Document, start: int, end: int) -> Quotation | None:
    """The quotation that contains the span [start, end), if any."""
    found = quotations(doc)
    starts = getattr(doc, "_newslint_quotation_starts", None)
    if starts is None or len(starts) != len(found):
        starts = [q.start for q in found]
        with contextlib.suppress(AttributeError):
            doc._newslint_quotation_starts = starts  # type: ignore[attr-defined]
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and found[i].end >= end:
        return found[i]
    return None


def indirect_speaker(doc: Document, offset: int) -> str | None:
    """Speaker of indirect speech around `offset` ("Lavrov said NATO expansion ...").

    Looks for a named speaker with a speech verb earlier in the same sentence.
    A pronoun resolves to the speaker of the last quotation before `offset`.
    """
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return None
    speaker = speaker_before(doc.text[max(sentence.start, offset - WINDOW) : offset])
    if speaker and speaker.split()[0].lower() in _ANONYMOUS:
        return None
    if speaker and speaker.lower() in PRONOUNS:
        earlier = [q.speaker for q in quotations(doc) if q.end <= offset and q.speaker]
        named = [s for s in earlier if s.lower() not in PRONOUNS]
        speaker = named[-1] if named else None
    return speaker
