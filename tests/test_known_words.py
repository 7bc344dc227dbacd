"""wordfreq's Zipf values from the compact cache table (issue 20, item 3):
the same numbers as wordfreq's own file gives, and a damaged entry is
refused (then rebuilt), never trusted."""

from __future__ import annotations

import pytest

from lint import known_words


@pytest.fixture(scope="module")
def table():
    found = known_words._table()
    if found is None:
        pytest.skip("wordfreq's packaged word list is not where wordfreq keeps it")
    return found


def test_the_table_gives_what_the_word_list_gives(table):
    zipfs = known_words._zipfs()
    words = sorted(zipfs)
    sample = words[::97] + words[:3] + words[-3:]
    assert [table.get(w) for w in sample] == [zipfs[w] for w in sample]
    for unknown in ["", "\n", "zzzzqqq", "a" * 60, "\U0010ffff", words[0][:-1] + "\x00"]:
        assert table.get(unknown) == zipfs.get(unknown, 0.0)
    assert known_words.zipf("London") == zipfs["london"]


def test_a_damaged_entry_is_refused(table):
    data = known_words._table_dump(table)
    assert known_words._table_load(data).get("london") == table.get("london")
    header, _, rest = data.partition(b"\n")
    for damaged in [
        data[:-1],  # a byte short
        data + b"x",
        header + b"\n" + bytes([rest[0] ^ 1]) + rest[1:],  # a block offset moved
        b'{"format": "other"}\n' + rest,
        header.replace(b'"words": ', b'"words": 1') + b"\n" + rest,
    ]:
        with pytest.raises((ValueError, KeyError, TypeError, UnicodeDecodeError)):
            known_words._table_load(damaged)
