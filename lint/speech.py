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
    "recounts|wondered|wonders|detailed|"
    # Mined from real text (ScrapingHub gold bodies, PTC, fake_news: the word after
    # `," the X` that the list lacked), and the plural presents of report-style
    # attribution ("the authors of the study note").
    "revealed|reveals|testified|testifies|quipped|quips|exclaimed|exclaims|lamented|"
    "laments|cautioned|cautions|gushed|gushes|informed|informs|echoed|echoes|scolded|"
    "laughed|sang|sings|mused|muses|opined|opines|chimed in|weighed in|divulged|divulges|"
    "confided|confides|confessed|confesses|disclosed|discloses|whined|whines|fumed|fumes|"
    "reveal|accused|accuses|criticized|criticised|criticizes|criticises|praised|praises|"
    "gave a speech|gives a speech|gave an interview|gives an interview|issued a statement|"
    "write|explain|warn|add|conclude|argue|insist|contend|observe|recall|stress|"
    "point out|acknowledge|admit|tell"
)
# Words that attribute a quotation only right after its closing mark, where
# `," the statement read.` cannot mean anything else; elsewhere they are as
# often nouns ("a state report") or other verbs ("she shared a photo").
_AFTER_QUOTE_VERBS = (
    "read|reads|state|states|note|report|claim|claims|comment|remark|posted|posts|"
    "shared|shares|captioned|captions|begins|began|finished|dished|dishes|spilled|spills|"
    "tattled|snitched|snitches|advised|advises|saying|"
    "raps|rapped|offered|texted|messaged|emailed|intoned|summed up|sums up|put it|puts it|"
    "written"
)
QUOTE_VERBS = f"{SPEECH_VERBS}|{_AFTER_QUOTE_VERBS}"
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
_DETERMINERS = frozenset({"the", "a", "an", "one", "another", "his", "her", "their", "its", "our"})
_NAME = r"[\w’'.\-]+"
# A word of a speaker's phrase after a quotation: a name or role word, a title
# in quotation marks (`the "Pose" actor`) or an abbreviation in brackets
# (`Pakistan Cricket Board (PCB)`).
_WHO_WORD = rf"(?:{_NAME}|[“\"‘'][\w’'.\- ]{{1,30}}[”\"’']|\([\w.\- ]{{1,20}}\))"
# A speaker's phrase does not end in a determiner: in `," the state report
# said` the speaker is not "the".
_WHO_END = r"(?!(?:the|a|an|one|his|her|their|its|our|this|that|and|or|of)\b)"
_WHO = rf"(?:{_WHO_WORD}\s+){{0,9}}?{_WHO_END}{_WHO_WORD}"
# `, a research analyst at the Council on Energy, Environment and Water think
# tank` between a speaker and the verb (its closing comma is often missing);
# full stops only inside abbreviations ("the U.S. attorney", "Washington, D.C.").
_APPOSITIVE = r",(?:[^.;!?“”\"\n]|\.(?=\S)|(?<=[A-Z])\.|[“\"][^“”\"\n]{1,30}[”\"]){1,200}?,?"
# `has written`, `later lamented`, `previously said`.
_AUX = (
    r"(?:(?:has|have|had|was|is|were|also|later|then|previously|further|again|once|"
    r"overheard|heard|quoted|as|\w+ly)\s+){0,3}"
)
# "..., Zhao told reporters." / "...," the official, briefing reporters, said:
# what comes before a speech verb is a speaker's phrase (see `_speaker_then_verb`).
_QUOTE_VERB = re.compile(rf"\b(?:{QUOTE_VERBS})\b")
_SPEAKER_BEFORE_VERB = re.compile(
    rf"^[\s,.;:!?—–-]*(?P<who>{_WHO})(?:{_APPOSITIVE})?\s+{_AUX}$", re.IGNORECASE
)
# A role in lowercase before a name: "said planetary geologist Rosaly Lopes"
# (not a time or place: "said on Monday").
_NOT_A_ROLE = (
    r"(?!(?:in|on|at|by|to|for|from|with|of|during|after|before|last|this|next|earlier|later|"
    r"and|or|but|who|which|that)\b)"
)
_ROLE_THEN_NAME = (
    rf"(?:{_NOT_A_ROLE}[a-z0-9][\w’'\-]*\s+){{1,4}}[A-Z]{_NAME}(?:\s+[A-Z]{_NAME}){{0,4}}"
)
_AFTER_VERB_WHO = re.compile(
    rf"^[\s,.;:!?—–-]*(?:{QUOTE_VERBS})\s+(?P<who>(?:the\s+)?(?:[A-Z]{_NAME}\s+){{0,4}}"
    rf"(?:{_NOT_A_ROLE}[a-z][\w’'\-]*\s+){{0,3}}[A-Z]{_NAME}(?:\s+[A-Z]{_NAME}){{0,4}}"
    rf"|{_ROLE_THEN_NAME}"
    rf"|(?:the|a|an|one|another|his|her|their|our)\s+\w+(?:\s+\w+)?)",
)
# "...", - stated in the message (of the ministry): the dash attribution of
# Russian news names a document, not a person.
_AFTER_DASH_VERB_SOURCE = re.compile(
    rf"^\s*,?\s*[—–-]\s*(?:{SPEECH_VERBS})\s+(?:in|on)\s+"
    rf"(?P<who>(?:the|a|an|his|her|their|its)\s+\w+(?:\s+\w+)?)",
)
# "...," according to the statement.
_AFTER_ACCORDING = re.compile(
    r"^[\s,.;:!?—–-]*(?:according to|as quoted by|as reported by|as cited by|as told to|"
    r"in the words of)\s+(?P<who>[^,.;:“”\"\n]{2,80}?)\s*(?:[,.;:!?]|$)",
    re.IGNORECASE,
)
_MONTHS = (
    "Jan|January|Feb|February|Mar|March|Apr|April|May|June?|July?|Aug|August|Sept?|September|"
    "Oct|October|Nov|November|Dec|December"
)
# A name and a title closing the sentence, with no verb (press releases):
# `,” Augusto Reyes, Director of the Caribbean Air and Marine Branch.`
_NAME_AND_TITLE = re.compile(
    rf"^[\s,]*(?P<who>[A-Z]{_NAME}(?:\s+[A-Z]{_NAME}){{1,3}}),\s+[A-Za-z][^;!?“”\"\n]{{1,120}}$"
)
# A cited work: `“Motive a mystery ...,” by Joshua Gill, Daily Caller` or a
# reference in brackets: `“Whatever you have said in the dark ...” (Lk. 12:3)`.
_AFTER_BYLINE = re.compile(
    rf"^[\s,]*(?:by\s+(?P<who>[A-Z]{_NAME}(?:\s+[A-Z]{_NAME}){{0,3}})"
    rf"|\((?P<cited>[A-Z][^()\n]{{0,60}})(?:\)|$))"
)
# A source or a cited work closing the sentence without a verb:
# `,” the Review-Journal.` / `,” KGO, March 23, 2018:`
_SOURCE_CLOSES = re.compile(
    rf"^[\s,]*(?P<who>the\s+[A-Z][\w’'.\-&]*(?:\s+[A-Z][\w’'.\-&]*){{0,4}}(?=\.?\s*$)"
    rf"|[A-Z][\w’'.\-&]*(?:\s+[A-Z][\w’'.\-&]*){{0,4}}"
    rf"(?=,\s+(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}))"
)
# A signature: "...” — Neil Gaiman, or a testimonial's "– Man**" on its own line.
_DASH_SIGNATURE = re.compile(
    r"^[ \t]*[—–-]{1,2}[ \t]*(?P<who>[A-Z][\w’'.\-*]*"
    r"(?:[ \t]+(?:[A-Z][\w’'.\-*]*|of|the|de|van|von|bin|al)){0,5})[ \t]*(?:[,(]|$)",
    re.MULTILINE,
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
    rf"(?P<who>(?:[A-Z]{_NAME}\s+){{0,5}}[A-Z]{_NAME}|\b(?:he|she|they|we|it|I)\b"
    rf"|\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+[a-z0-9][\w\-]+(?:\s+(?:of|for|at)\s+the\s+\w+)?)"
    rf"(?:,[^,.;:“”\"]{{1,100}},)?\s+"
    rf"(?:(?:\w+ly|also|then|later|now|again|himself|herself|themselves|itself|has|had|have)\s+)?"
    rf"(?:{SPEECH_VERBS})\b",
)
# "He paid tribute to his team-mates and said there are ...": a subject and a
# speech verb it governs later in its sentence.
_SUBJECT_THEN_VERB = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?P<who>He|She|They|We|I|(?:[A-Z]{_NAME}\s+){{0,3}}[A-Z]{_NAME}"
    rf"|(?:The|A|An)\s+[a-z]\w+)\s[^.!?;:“”\"]{{1,200}}?"
    rf"(?:\b(?:and|but|then)\s+(?:also\s+|later\s+)?(?:{SPEECH_VERBS})"
    rf"|,\s+(?:saying|adding|noting|arguing|explaining|writing|telling|claiming|insisting|"
    rf"warning))\b"
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
# "said a report from Kotak": the phrase ends before its preposition.
_PREPOSITIONS = frozenset({"from", "of", "at", "for", "in", "on", "with", "to", "by"})

# A straight mark right after a letter closes a quotation or is a typo for an
# apostrophe (`the Correspondents" dinner`): it never opens one.
_DOUBLE = re.compile(r"“[^“”]*”|(?<!\w)\"[^\"\n]*\"|«[^«»]*»|„[^„“”]*[“”]")
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
        (_STOP_WHO.match(words[0]) and words[0].lower() not in _DETERMINERS)
        or _OPENS_CLAUSE.match(words[0])
    ):
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _ADVERBS | _PREPOSITIONS:
        words = words[:-1]
    if not words or _STOP_WHO.match(words[-1]):
        return None
    if len(words) == 1 and words[0].lower() in _DETERMINERS:
        return None  # "His declared goal ...": a determiner names nobody
    # A speaker names somebody: a name, a pronoun, a role ("the spokesman", "a
    # defence source"), a role before a name ("judge Inaba") or a group.
    first = words[0]
    if (
        first[:1].isupper()
        or first.lower() in PRONOUNS | _DETERMINERS
        or any(w[:1].isupper() for w in words[1:])
        or (len(words) == 1 and first.lower() in _ANONYMOUS)
    ):
        return " ".join(words)
    return None


# Lowercase words that can open a speaker's phrase right after a quotation
# ("...," police said; "...," dispatch notes) only when they are nouns.
_REPORTER = re.compile(r"^\s*(?:we|I)(?:['’](?:re|m|ve)|\s+(?:are|am|have|were))$", re.IGNORECASE)
_FUNCTION_WORDS = frozenset(
    re.findall(
        r"\S+",
        "and but or as so if then than that this these those which who whom whose what when "
        "where while is was are were be been has have had will would can could may might must "
        "not also it's there here",
    )
)


def _lowercase_subject(who: str) -> str | None:
    """`who` when it is a short phrase of nouns in lowercase ("police", "court
    documents"), not an adverb or a function word ("mutually", "which"), or
    the reporter's "we're told"."""
    if _REPORTER.match(who):
        return who
    words = who.split()
    if len(words) > 3 or not all(w.isalpha() and w.islower() for w in words):
        return None
    if words[0] in _FUNCTION_WORDS | _PREPOSITIONS or words[0].endswith("ly"):
        return None
    return who


def _speaker_then_verb(head: str) -> str | None:
    """The speaker's phrase before the first speech verb that has one
    ("...," the official, briefing reporters, said): in `," mutually shared
    by Ukraine, he warned` "shared" has none and "warned" has."""
    for verb in _QUOTE_VERB.finditer(head):
        m = _SPEAKER_BEFORE_VERB.match(head, 0, verb.start())
        if m:
            who = _clean_speaker(m.group("who")) or _lowercase_subject(m.group("who"))
            if who:
                return who
    return None


def speaker_after(text: str) -> str | None:
    """Speaker named right after a closing quotation mark ("..., Zhao said")."""
    head = text[:300]
    m = _AFTER_VERB_WHO.match(head)
    who = _clean_speaker(m.group("who")) if m else None
    if who:
        return who
    who = _speaker_then_verb(head)
    if who:
        return who
    for pattern in (
        _AFTER_DASH_VERB_SOURCE,
        _AFTER_ACCORDING,
        _DASH_SIGNATURE,
        _NAME_AND_TITLE,
        _SOURCE_CLOSES,
    ):
        m = pattern.match(head)
        if m:
            who = _clean_speaker(m.group("who"))
            if who:
                return who
    m = _AFTER_BYLINE.match(head)
    if m:
        return m.group("who") or m.group("cited")
    # "...!" Michael ripped into the beauty, according to an insider.
    according = _ACCORDING.search(head)
    if according:
        return _clean_speaker(according.group("who"))
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


# A line break after the end of a sentence (or a colon) ends a paragraph.
_LINE_AFTER_SENTENCE = re.compile(r"(?<=[.!?…:\"”’'»)\]])[ \t]*(?:\r\n|\r|\n)")


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    body = text[start:end].strip()
    if not body:
        return []
    lead = start + len(text[start:end]) - len(text[start:end].lstrip())
    return [Span(lead, lead + len(body), body)]


def paragraphs(doc: Document) -> list[Span]:
    """Paragraphs as attribution sees them: blank-line blocks, split again at
    each line break that follows the end of a sentence, so that a text laid out
    a paragraph a line (scraped news, MT segments) reads as one written with
    blank lines; a line wrapped inside a sentence stays in its paragraph."""

    def build() -> list[Span]:
        text = doc.text
        found: list[Span] = []
        for block in doc.paragraphs:
            start = block.start
            for m in _LINE_AFTER_SENTENCE.finditer(text, block.start, block.end):
                if text[m.start() - 1] == "." and doc._is_abbreviation(m.start() - 1):
                    continue  # "said the Rev." / "David W. Dockery, senior pastor"
                found += _trimmed(text, start, m.start())
                start = m.end()
            found += _trimmed(text, start, block.end)
        return found

    return doc.memo(("speech", "paragraphs"), build)


def _paragraph_index(doc: Document, offset: int) -> int:
    """Index in `paragraphs(doc)` of the paragraph holding `offset`, or -1."""
    found = paragraphs(doc)
    starts = doc.memo(("speech", "paragraph starts"), lambda: [p.start for p in found])
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 and offset <= found[i].end else -1


def paragraph_at(doc: Document, offset: int) -> Span | None:
    """The paragraph (as `paragraphs` splits them) holding `offset`."""
    i = _paragraph_index(doc, offset)
    return paragraphs(doc)[i] if i >= 0 else None


def _previous_paragraph(doc: Document, paragraph: Span) -> Span | None:
    i = _paragraph_index(doc, paragraph.start)
    return paragraphs(doc)[i - 1] if i > 0 else None


def _next_paragraph(doc: Document, paragraph: Span) -> Span | None:
    i = _paragraph_index(doc, paragraph.start)
    found = paragraphs(doc)
    return found[i + 1] if 0 <= i < len(found) - 1 else None


def speaker_in(text: str) -> str | None:
    """The last speaker named anywhere in `text` ("..., added Smith, who ...")."""
    if not _mentions_speech(text):
        return None
    candidates = [(m.end(), m.group("who")) for m in _ACCORDING.finditer(text)]
    candidates += [(m.end(), m.group("who")) for m in _BEFORE_WHO_VERB.finditer(text)]
    candidates += [(m.end(), m.group("who")) for m in _VERB_WHO.finditer(text)]
    candidates += [(m.end(), m.group("who")) for m in _SUBJECT_THEN_VERB.finditer(text)]
    for _, who in sorted(candidates, reverse=True):
        speaker = _clean_speaker(who)
        if speaker:
            return speaker
    return None


def _leaves_quotation_open(text: str) -> bool:
    """True when `text` opens a quotation it does not close (news copy split
    into a paragraph a sentence: `He said: "I would like to apologise.`)."""
    return text.rfind("“") > text.rfind("”") or text.count('"') % 2 == 1


# A paragraph that hands over to a quotation below it: "...told the BBC:",
# "a former student of his wrote to me today saying,".
_INTRODUCES = re.compile(
    r"(?::|\b(?:saying|adding|writing|telling \w+|said|says|wrote|added),)\s*$"
)
# "PHOTOS: ...", "READ MORE: ...": a link line between a quotation and its speaker.
# "© AFP Cardinal O'Malley (centre) ...": a photo caption.
_LINK_LINE = re.compile(r"^(?:[A-Z][A-Z ]{2,20}:|©)")


def _introduces_open_quotation(text: str) -> bool:
    """A quotation left open after a colon: `Revealed the source: "Michael won't ...`."""
    if not _leaves_quotation_open(text):
        return False
    opening = max(text.rfind("“"), text.rfind('"'))
    return text[max(0, opening - 8) : opening].rstrip().endswith(":")


def _continued_speaker(
    doc: Document,
    paragraph: Span,
    start: int,
    previous: Quotation | None,
    named_in: dict[int, str | None],
) -> str | None:
    """Speaker carried over from the preceding text, as news copy does.

    A quotation continues an attributed one earlier in its paragraph, or the
    speaker named in the sentence before it ("..., Dempsey said. “That way
    ...”"). A paragraph that opens with a quotation continues the speaker of
    the paragraphs before ("Smith said the bridge was old." / "We must act
    now."), walking back over paragraphs that are themselves quoted: ones
    that open with a quotation mark, as a quotation running over several
    paragraphs reopens each one, paragraphs that weave in a quotation of
    their own, and unmarked ones inside a quotation left open (news sources
    split on sentences). A paragraph ending in a colon introduces the
    quotation.
    """
    if previous and previous.attributed and previous.end > paragraph.start:
        return previous.speaker
    sentence = doc.sentence_at(start)
    if sentence is not None and not doc.text[sentence.start : start].strip(" \t-—–"):
        i = bisect.bisect_left(doc._sentence_starts, sentence.start)
        if i > 0 and doc.sentences[i - 1].start >= paragraph.start:
            speaker = speaker_in(doc.sentences[i - 1].text[-WINDOW:])
            if speaker:
                return speaker
    if start - paragraph.start > 16 or doc.text[paragraph.start : start].strip():
        return None  # the quotation does not open its paragraph
    before: Span | None = paragraph
    for _ in range(8):
        before = _previous_paragraph(doc, before)
        if before is None:
            return None
        if previous and previous.attributed and previous.end > before.start:
            return previous.speaker
        if before.start not in named_in:
            named_in[before.start] = speaker_in(before.text[-WINDOW:])
        speaker = named_in[before.start]
        if speaker:
            return speaker
        if _INTRODUCES.search(before.text) or _introduces_open_quotation(before.text):
            return INTRODUCED
        if before.text.startswith(OPENING_MARKS) or _LINK_LINE.match(before.text):
            continue
        if previous and previous.word_count >= 8 and previous.end > before.start:
            continue  # a paragraph that goes on quoting the same speaker
        earlier = _previous_paragraph(doc, before)
        if earlier is None or not _leaves_quotation_open(earlier.text):
            return None
    return None


# The speaker of a quotation that a colon introduces ("The company was quick to
# condemn the man's actions: “We were shocked ...”") when no name is found there.
INTRODUCED = "the speaker introduced before it"


def _introduced(text: str, start: int) -> bool:
    """A colon, then only spaces or a paragraph break, before the opening mark."""
    return text[max(0, start - 8) : start].rstrip().endswith(":")


def _speaker_below(doc: Document, paragraph: Span, start: int, end: int) -> str | None:
    """The attribution in the paragraph after a quotation that ends its own: a
    testimonial's signature ("– Man**"), or, after a quotation closed by a comma
    that asks for one, the sentence that carries it ("says internist Dr. Stuart
    Fischer"; layouts that break a line after the closing mark)."""
    below_paragraph = _next_paragraph(doc, paragraph)
    if doc.text[end : paragraph.end].strip() or below_paragraph is None:
        return None
    below = below_paragraph.text
    signature = below.split("\n", 1)[0]
    if len(signature.split()) <= 8:
        m = _DASH_SIGNATURE.match(signature)
        if m:
            return _clean_speaker(m.group("who"))
    if doc.text[start + 1 : end - 1].rstrip().endswith(","):
        return speaker_after(below[:WINDOW])
    return None


# "Rep. Robert Aderholt", "Bridenstine": the name that opens a sentence.
_SUBJECT_NAME = re.compile(
    r"^(?:(?:Rep|Sen|Gov|Gen|Mr|Mrs|Ms|Dr|Prof|President|Judge)\.?\s+)?"
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s+[a-z]"
)


# Only a conjunction or a comma between two quotations: one speaker for both.
_JOINS = re.compile(r"\s*(?:,|,?\s*(?:and|or|but)\b)\s*$")


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def quotations(doc: Document) -> tuple[Quotation, ...]:
    """Every quotation in `doc`, with its speaker when one is named nearby.

    A speaker is looked for after the closing mark (to the end of its sentence),
    before the opening mark (in its sentence), in the next sentence of the
    paragraph and in a signature line below; failing that, the quotation may
    continue the speaker of the text just before it (see `_continued_speaker`).
    Pronouns resolve to the last named speaker. Then, over the whole document:
    a quotation repeated from an attributed one (a pull quote) has its
    speaker, and so has one whose sentence follows a sentence about a person
    the document quotes elsewhere ("Aderholt returned to the issue. “What
    ...?”").
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
        paragraph = paragraph_at(doc, start)
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
            speaker = _speaker_below(doc, paragraph, start, end)
        if speaker is None and paragraph is not None:
            speaker = _continued_speaker(
                doc, paragraph, start, found[-1] if found else None, named_in
            )
        if speaker is None and _introduced(text, start):
            b_start, _ = _sentence_bounds(doc, max(0, start - 2))
            speaker = speaker_in(text[max(b_start, start - WINDOW) : start]) or INTRODUCED
        if speaker and speaker.lower() in PRONOUNS:
            if last_named is None and paragraph is not None:
                # "Aderholt asked about it. "...?" he said."
                last_named = speaker_in(text[max(paragraph.start, start - WINDOW) : start])
                if last_named and last_named.lower() in PRONOUNS:
                    last_named = None
            speaker = last_named or speaker
        elif speaker and speaker != INTRODUCED:
            last_named = speaker
        found.append(Quotation(start, end, speaker, words))
    if any(not q.attributed for q in found):
        _attribute_from_elsewhere(doc, found)
    result = tuple(found)
    with contextlib.suppress(AttributeError):
        doc._newslint_quotations = result  # type: ignore[attr-defined]
    return result


def _attribute_from_elsewhere(doc: Document, found: list[Quotation]) -> None:
    """Give unattributed quotations the speaker the rest of the document names:
    pull quotes, and quotations after a sentence about someone quoted elsewhere."""
    said: dict[str, str] = {}  # a quotation's words -> its speaker
    surnames: dict[str, str] = {}  # last word of a named speaker -> the speaker
    for q in found:
        if q.speaker and q.speaker != INTRODUCED and q.speaker.lower() not in PRONOUNS:
            said.setdefault(_words_of(doc.text[q.start + 1 : q.end - 1]), q.speaker)
            name = [w for w in q.speaker.split() if w[:1].isupper()]
            if name:
                surnames.setdefault(name[-1].strip(",.’'"), q.speaker)
    for i, q in enumerate(found):
        if q.attributed:
            continue
        speaker = said.get(_words_of(doc.text[q.start + 1 : q.end - 1]))
        later = found[i + 1] if i + 1 < len(found) else None
        if speaker is None and later and _JOINS.match(doc.text, q.end, later.start):
            speaker = later.speaker  # “A” and “B,” prosecutors wrote.
        sentence = doc.sentence_at(q.start)
        paragraph = paragraph_at(doc, q.start)
        if speaker is None and sentence is not None and paragraph is not None:
            j = bisect.bisect_left(doc._sentence_starts, sentence.start)
            opens = not doc.text[sentence.start : q.start].strip(" \t-—–")
            if opens and j > 0 and doc.sentences[j - 1].start >= paragraph.start:
                m = _SUBJECT_NAME.match(doc.sentences[j - 1].text)
                if m:
                    speaker = next(
                        (surnames[w] for w in m.group("name").split() if w in surnames), None
                    )
        if speaker:
            found[i] = Quotation(q.start, q.end, speaker, q.word_count)


def _quotation_starts(doc: Document, found: tuple[Quotation, ...]) -> list[int]:
    starts = getattr(doc, "_newslint_quotation_starts", None)
    if starts is None or len(starts) != len(found):
        starts = [q.start for q in found]
        with contextlib.suppress(AttributeError):
            doc._newslint_quotation_starts = starts  # type: ignore[attr-defined]
    return starts


def quotations_between(doc: Document, start: int, end: int) -> tuple[Quotation, ...]:
    """The quotations that open in [start, end)."""
    found = quotations(doc)
    starts = _quotation_starts(doc, found)
    return found[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def quotation_at(doc: Document, start: int, end: int) -> Quotation | None:
    """The quotation that contains the span [start, end), if any."""
    found = quotations(doc)
    starts = _quotation_starts(doc, found)
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
