"""Reviews and fiction: is this paragraph about a film, a game, a book or music?

In a review or a story the words of propaganda have their ordinary senses:
"monsters" are creatures to hunt, a "hysterical" comedy is a funny one, "an
insane level of customization" is a lot of it and a "wicked" witch is a
character. A paragraph with `paragraph_min` distinct cue words (gameplay,
episode, novel, album, sequel ...), or a document with `document_min`, reads
as a review or as fiction. The paragraphs are those of `lint.speech`, so a
text laid out a paragraph a line reads like one with blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.document import Document
from lint.speech import paragraph_at

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class FictionCues:
    """Cue words (lowercase) and how many distinct ones make a context."""

    words: frozenset[str]
    paragraph_min: int = 2
    document_min: int = 4


def _cues_in(text: str, words: frozenset[str]) -> int:
    return len(words.intersection(_WORD.findall(text.lower())))


def reads_as_fiction(doc: Document, offset: int, cues: FictionCues) -> bool:
    """True when the paragraph holding `offset`, or the whole document, talks
    about films, games, books or music."""
    in_document = doc.memo(("fiction", cues), lambda: _cues_in(doc.text, cues.words))
    if in_document >= cues.document_min:
        return True
    if in_document < cues.paragraph_min:
        return False
    paragraph = paragraph_at(doc, offset)
    if paragraph is None:
        return False
    counts = doc.memo(("fiction paragraphs", cues), dict)
    if paragraph.start not in counts:
        counts[paragraph.start] = _cues_in(paragraph.text, cues.words)
    return counts[paragraph.start] >= cues.paragraph_min
