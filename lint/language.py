"""Which lines of a document are not in English.

newslint's rules read English: a German or Italian sentence has no English
verb for `quality.fragment`, writes "6.699 Euro" as German should, and quotes
„so“. Lines in another language are found here, so that English rules leave
them alone and `mt.foreign-language` reports them once.

A line is in another language when most of its letters belong to another
script (Cyrillic, CJK, Arabic, ...), or when it has enough words and the
function words of one of the languages below outnumber English ones. Function
words (articles, prepositions, conjunctions, pronouns, auxiliaries) are the
most frequent words of any text, so a line of eight words holds several; the
lists leave out words English also uses often ("die", "war", "also", "is").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lint.document import Document, Span

# The commonest function words of each language, less words common in English.
_FUNCTION_WORDS = {
    "German": "der das und ist nicht ich sie zu ein eine einen einem einer auf mit für sich "
    "auch dass bei wie aber sind nach noch wir nur wenn oder wird werden haben kann über "
    "dann schon sein durch doch ihr immer jetzt diese wurde wieder keine alle sehr können "
    "vom zum zur den dem des im ins wir uns euch ihm ihn ihnen die man von es um am aus bis "
    "zwischen neben seinem seine seiner davon dieser dieses",
    "French": "le la les des une est et qui que qu dans pour pas sur avec mais vous ça sont "
    "tout fait nous comme être bien ils elle cette faire même ont était été ses lui aussi "
    "peut leur ces quand après très tous avoir où alors avait entre du au aux ne se",
    "Spanish": "el los las del una es y que en por con para como más pero este sus esta todo "
    "cuando está fue muy sobre también todos eso tiene porque qué así puede desde hasta "
    "hacer ahora esto donde algo mucho ese mismo siempre cada después están esa se al lo",
    "Italian": "il di che è e la le lo un una con nelle negli ai agli della per non sono più "
    "dei nel alla anche gli delle questo dal essere nella cui stato quando tutti questa "
    "tutto cosa hanno tra fatto suo loro perché sia sua così dalla degli dopo sul alle poi "
    "quello sempre ancora molto senza ogni",
    "Portuguese": "de que não uma os do da em para com por mais foi você seu sua tem ele "
    "muito isso já também quando está pelo ela vai só pela sobre até mesmo pode ter tudo "
    "ainda aqui fazer minha todos quem sem agora entre seus assim depois este onde estão",
    "Dutch": "de het een van en is dat niet zijn op te voor met maar aan hij ook ze naar uit "
    "bij dit heeft nog deze hebben meer geen mijn wel tot wordt worden haar kunnen veel "
    "moet hoe waar werd goed gaan onze zich zou doen andere dus tegen",
    "Polish": "nie się jest że na jak tak za dla tym czy przez tego są tylko już mnie może "
    "oraz bardzo będzie być jego sobie ich jeśli też jeszcze był które jako było jej kiedy "
    "który nawet teraz więc gdy gdzie tej bez żeby jednak",
    "Czech": "že jsem tak za jako jak už jsou když nebo byl bude má jsme které jeho který "
    "není bylo aby než ještě byla být také ani při toho kde která před bych protože podle "
    "pokud něco tím další mezi",
    "Swedish": "är att och jag på inte som för har så ett ska när vad från här mig bara eller "
    "då hur kommer alla vill sig vara där får finns skulle hade mycket blir mer än efter "
    "göra över detta också allt måste går även någon andra",
    "Danish": "og på jeg har ikke som så fra skal ved vil også være hvor hvis sig efter mig "
    "eller hvad ud alle godt meget noget kunne lige når blev bliver havde lidt selv mange "
    "vores får kun deres helt kommer må denne dette flere gør",
    "Finnish": "ja ei että oli mutta kun niin myös hän jos ovat voi nyt kuin joka olla sitä "
    "mitä kanssa tämä sitten kaikki olisi ollut vielä kyllä siitä sekä jälkeen miten "
    "mukaan paljon olen pitää mitään tulee hyvin tässä hänen vaan koska aina eivät",
    "Romanian": "și în să este că pentru cu fost sunt lui sau dacă după poate prin când despre "
    "iar mult cel trebuie cele doar foarte noi fie dintre tot până într chiar toate vor "
    "așa acest bine acum nici către atunci unui avea cât unde",
    "Turkish": "ve bir bu için çok ile daha gibi olarak kadar olan sonra iyi yok değil "
    "büyük yeni sadece zaman ilk iki hiç ise oldu bile nasıl şey benim böyle tek gün tüm "
    "önce artık göre aynı bana tarafından veya biz olduğunu diye kendi olduğu",
    "Indonesian": "yang dan di ini dari untuk dengan itu bisa aku tidak akan adalah dalam "
    "pada kita orang juga saya kamu lebih sudah mereka tapi karena atau menjadi tak baik "
    "jadi harus satu lagi seperti oleh banyak jika hanya kami saat tahun",
}
_ENGLISH_WORDS = (
    "the of and to in is that it for was on are as with be at by this have from or had not "
    "but what all were when we there can an your which their said if will each about how "
    "up out them then she many some so these would other into has her two more him see "
    "could no make than first been its who now people my over did down only way find use "
    "may new our after also should"
)
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_WORDS = {language: frozenset(words.split()) for language, words in _FUNCTION_WORDS.items()}
# The language(s) each function word belongs to.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _words in _WORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _language)

MIN_WORDS = 6  # a Latin-script line shorter than this is never judged
# A document with this share of its words in another language is in that
# language: it gets one note, not a finding per passage. So is one whose
# foreign lines hold over FOREIGN_OVER_ENGLISH times the words of its English
# lines (a German page with an English slogan or heading; not an English report
# of three short lines around a German quotation).
DOCUMENT_SHARE = 0.8
FOREIGN_OVER_ENGLISH = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class ForeignLine:
    span: Span
    language: str  # "German", ..., or a script: "Cyrillic", "CJK", "Arabic", ...
    words: int


def _script_of(char: str) -> str | None:
    """The script of a letter outside Latin, by its Unicode name."""
    name = unicodedata.name(char, "")
    for script, label in _SCRIPTS:
        if name.startswith(script):
            return label
    return None


_SCRIPTS = (
    ("CYRILLIC", "Cyrillic"),
    ("CJK", "CJK"),
    ("HIRAGANA", "CJK"),
    ("KATAKANA", "CJK"),
    ("HANGUL", "Korean"),
    ("ARABIC", "Arabic"),
    ("HEBREW", "Hebrew"),
    ("GREEK", "Greek"),
    ("DEVANAGARI", "Devanagari"),
    ("THAI", "Thai"),
    ("GEORGIAN", "Georgian"),
    ("ARMENIAN", "Armenian"),
)


def line_language(text: str) -> tuple[str, int] | None:
    """(language, words) when `text` is not English, else None."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    if not text.isascii():
        scripts: dict[str, int] = {}
        for char in letters:
            if ord(char) > 0x24F:  # beyond Latin Extended-B
                script = _script_of(char)
                if script:
                    scripts[script] = scripts.get(script, 0) + 1
        if scripts:
            script, count = max(scripts.items(), key=lambda kv: kv[1])
            if count * 2 > len(letters):
                return script, len(text.split())
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    english = sum(1 for w in words if w in _ENGLISH)
    if english * 4 >= len(words):
        return None  # the usual case: an English line, decided without voting
    votes: dict[str, set[str]] = {}
    for w in words:
        for language in _LANGUAGES_OF.get(w, ()):
            votes.setdefault(language, set()).add(w)
    if not votes:
        return None
    language, distinct = max(votes.items(), key=lambda kv: len(kv[1]))
    hits = sum(1 for w in words if w in distinct)
    if len(distinct) >= 3 and hits * 4 >= len(words) and hits >= 2 * english + 2:
        return language, len(words)
    return None


def foreign_lines(doc: Document) -> tuple[ForeignLine, ...]:
    """The lines of `doc` that are not in English (memoised on the document)."""

    def build() -> tuple[ForeignLine, ...]:
        found = []
        for line in doc.lines:
            if len(line.text) < 8:
                continue
            judged = line_language(line.text)
            if judged:
                found.append(ForeignLine(line, *judged))
        return tuple(found)

    return doc.memo(("foreign_lines",), build)


def mostly_foreign(doc: Document) -> bool:
    """Whether `doc` is a document in another language, not an English one
    with passages in another: see DOCUMENT_SHARE and FOREIGN_OVER_ENGLISH."""
    foreign = sum(len(f.span.text.split()) for f in foreign_lines(doc))
    if not foreign:
        return False
    if foreign >= DOCUMENT_SHARE * doc.word_count:
        return True
    held = {f.span.start for f in foreign_lines(doc)}
    english = sum(
        len(line.text.split())
        for line in doc.lines
        if line.start not in held and _surely_english(line.text)
    )
    return foreign > FOREIGN_OVER_ENGLISH * english


def _surely_english(text: str) -> bool:
    """A line that reads as English: a short one with an English function word
    ("The talks continue."), a longer one with one in four words such."""
    words = _WORD.findall(text.lower())
    english = sum(1 for w in words if w in _ENGLISH)
    return english > 0 and (len(words) < MIN_WORDS or english * 4 >= len(words))


def foreign_share(doc: Document) -> float:
    """The share of the document's words that stand on lines in another language."""
    total = doc.word_count
    if not total:
        return 0.0
    return min(1.0, sum(len(f.span.text.split()) for f in foreign_lines(doc)) / total)
