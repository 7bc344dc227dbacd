"""Positions must be exact on any text: code points, UTF-16 units, bytes."""

from lint.document import Document


def test_columns_count_code_points_after_curly_quotes_and_cyrillic():
    doc = Document("“Київ” is Kyiv.\nSecond line")
    at = doc.text.index("Kyiv")
    pos = doc.position(at)
    assert (pos.line, pos.column) == (1, 11)
    assert doc.position(doc.text.index("Second")).line == 2


def test_utf16_column_counts_astral_characters_twice():
    doc = Document("😀 Kiev")
    at = doc.text.index("Kiev")
    assert doc.position(at).column == 3
    assert doc.utf16_column(at) == 4
    assert doc.byte_offset(at) == 5


def test_crlf_and_lone_cr_are_single_line_breaks():
    doc = Document("one\r\ntwo\rthree\nfour")
    assert doc.line_count == 4
    assert doc.position(doc.text.index("two")).line == 2
    assert doc.position(doc.text.index("three")).line == 3
    assert doc.position(doc.text.index("four")).line == 4
    assert doc.line_text(1) == "one"


def test_offset_is_inverse_of_position():
    doc = Document("a\r\nbé 😀 c\nd")
    for offset in range(len(doc.text) + 1):
        if doc.text[offset - 1 : offset + 1] == "\r\n":
            continue
        pos = doc.position(offset)
        assert doc.offset(pos.line, pos.column) == offset


def test_paragraphs_are_blocks_between_blank_lines():
    doc = Document("Title\n\nFirst para line one.\nline two.\n\n\n  Last.  \n")
    assert [p.text for p in doc.paragraphs] == ["Title", "First para line one.\nline two.", "Last."]
    last = doc.paragraphs[-1]
    assert doc.text[last.start : last.end] == "Last."


def test_sentences_do_not_split_after_abbreviations_or_initials():
    doc = Document("Gen. Smith met U.S. officials at 10 a.m. on Monday. J. Doe left. It rained.")
    texts = [s.text for s in doc.sentences]
    assert texts == [
        "Gen. Smith met U.S. officials at 10 a.m. on Monday.",
        "J. Doe left.",
        "It rained.",
    ]


def test_words_keep_inner_apostrophes_and_hyphens():
    doc = Document("Russia’s stand-off isn't over.")
    assert [w.text for w in doc.words] == ["Russia’s", "stand-off", "isn't", "over"]
