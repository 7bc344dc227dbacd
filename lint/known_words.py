"""How well English knows a word: wordfreq's Zipf frequency.

wordfreq ships its word lists inside the wheel (no download). Zipf 0 means the
word is not among the 320,000 it counts (too rare or unknown), 3 a word seen
once in a million words (Tehran 3.6, Macron 3.0), 5 a common one (London
5.3). The names kinds use it to tell a known word or name from an unknown
token, and how famous a name is.

The English list is read on first use from wordfreq's packaged file (its
documented cBpack format: a msgpack list of buckets, bucket i holding the
words of frequency 10^(-i/100)). Importing wordfreq itself would also load
langcodes and ftfy, four times the time of reading the file; when the file is
not where wordfreq keeps it, wordfreq's own reader is used.
"""

from __future__ import annotations

import array
import bisect
import gzip
import json
import math
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

WORDLIST = "large_en.msgpack.gz"


def _zipf_of_bucket(index: int) -> float:
    return round(9.0 - index / 100, 2)


def _wordlist_path() -> Path | None:
    spec = find_spec("wordfreq")
    path = Path(spec.origin).parent / "data" / WORDLIST if spec and spec.origin else None
    return path if path is not None and path.is_file() else None


def _read_buckets(path: Path) -> dict[str, int] | None:
    """Each word's bucket in wordfreq's cBpack file (a later bucket wins, as
    in `_zipfs`); None when the file is not in that format."""
    import msgpack

    header, *buckets = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    if not (isinstance(header, dict) and header.get("format") == "cB"):
        return None
    found: dict[str, int] = {}
    for index, bucket in enumerate(buckets):
        if bucket:
            found.update(dict.fromkeys(bucket, index))
    return found


@lru_cache(maxsize=1)
def _zipfs() -> dict[str, float]:
    path = _wordlist_path()
    if path is not None:
        buckets = _read_buckets(path)
        if buckets is not None:
            return {word: _zipf_of_bucket(index) for word, index in buckets.items()}
    import wordfreq

    return {
        word: round(math.log10(f) + 9.0, 2)
        for word, f in wordfreq.get_frequency_dict("en", wordlist="large").items()
    }


def zipf(word: str) -> float:
    """The Zipf frequency of `word` (any case), 0.0 when wordfreq does not know it."""
    return _known(word.lower())


@lru_cache(maxsize=1 << 17)
def _known(word: str) -> float:
    """A look-up in the table (about 5 us), kept: a corpus asks for the same
    words again and again."""
    table = _table()
    if table is None:
        return _zipfs().get(word, 0.0)
    return table.get(word)


# --- the same numbers, loaded fast from the cache (issue 20, item 3) ---------
#
# Building the dict of 320,000 words from wordfreq's file takes about 150 ms
# per process, most runs asking for a few dozen words. The cache keeps them
# as one sorted text, a word per line, with each word's bucket (its Zipf
# value is 9 - bucket / 100, as wordfreq's file has it) and the offset of
# every BLOCK-th word: loading is reading and decoding 3 MB, a look-up a
# bisection over the block heads and a `find` in one block.

BLOCK = 256
_TABLE_FORMAT = "newslint-zipf-1"


@dataclass(frozen=True)
class ZipfTable:
    """Sorted words ("\\n" before each and after the last), the bucket of
    each, and the offset in `text` of the "\\n" before every BLOCK-th word."""

    text: str
    buckets: array.array
    offsets: array.array
    heads: list[str]

    def get(self, word: str) -> float:
        if "\n" in word:
            return 0.0
        block = bisect.bisect_right(self.heads, word) - 1
        if block < 0:
            return 0.0
        start = self.offsets[block]
        end = self.offsets[block + 1] + 1 if block + 1 < len(self.offsets) else len(self.text)
        at = self.text.find("\n" + word + "\n", start, end)
        if at < 0:
            return 0.0
        index = block * BLOCK + self.text.count("\n", start, at)
        return _zipf_of_bucket(self.buckets[index])


def _table_dump(table: ZipfTable) -> bytes:
    text = table.text.encode("utf-8")
    buckets, offsets = array.array("H", table.buckets), array.array("I", table.offsets)
    if sys.byteorder != "little":
        buckets.byteswap()
        offsets.byteswap()
    header = {
        "format": _TABLE_FORMAT,
        "words": len(table.buckets),
        "blocks": len(table.offsets),
        "text_bytes": len(text),
    }
    return json.dumps(header).encode() + b"\n" + offsets.tobytes() + buckets.tobytes() + text


def _table_load(data: bytes) -> ZipfTable:
    """The table `_table_dump` wrote, checked: ValueError on anything else."""
    line, _, rest = data.partition(b"\n")
    header = json.loads(line)
    if not isinstance(header, dict) or header.get("format") != _TABLE_FORMAT:
        raise ValueError("not a Zipf table")
    words, blocks, size = header["words"], header["blocks"], header["text_bytes"]
    if not all(type(n) is int and n >= 0 for n in (words, blocks, size)):
        raise ValueError("bad counts")
    if blocks != -(-words // BLOCK) or len(rest) != 4 * blocks + 2 * words + size:
        raise ValueError("sizes do not add up")
    offsets, buckets = array.array("I"), array.array("H")
    offsets.frombytes(rest[: 4 * blocks])
    buckets.frombytes(rest[4 * blocks : 4 * blocks + 2 * words])
    if sys.byteorder != "little":
        offsets.byteswap()
        buckets.byteswap()
    text = rest[4 * blocks + 2 * words :].decode("utf-8")
    if text.count("\n") != words + 1 or not text.endswith("\n"):
        raise ValueError("word count does not match")
    heads = []
    for block, offset in enumerate(offsets):
        if offset >= len(text) or text[offset] != "\n" or (block and offset <= offsets[block - 1]):
            raise ValueError("bad block offset")
        heads.append(text[offset + 1 : text.index("\n", offset + 1)])
    if heads != sorted(heads):
        raise ValueError("blocks out of order")
    return ZipfTable(text, buckets, offsets, heads)


def _build_table(path: Path) -> ZipfTable:
    buckets_of = _read_buckets(path)
    if buckets_of is None or any("\n" in word for word in buckets_of):
        raise ValueError("wordfreq's file is not in the cBpack format")
    words = sorted(buckets_of)
    text = "\n" + "\n".join(words) + "\n" if words else "\n"
    offsets, at = array.array("I"), 0
    for index, word in enumerate(words):
        if index % BLOCK == 0:
            offsets.append(at)
        at += len(word) + 1
    buckets = array.array("H", (buckets_of[word] for word in words))
    return _table_load(_table_dump(ZipfTable(text, buckets, offsets, [])))


@lru_cache(maxsize=1)
def _table() -> ZipfTable | None:
    """The Zipf table from the cache, built once from wordfreq's file; None
    when that file is not in its usual place or form (then the dict is used)."""
    from lint.cache import Codec, cached, digest, installed_version

    path = _wordlist_path()
    if path is None:
        return None
    key = digest([_TABLE_FORMAT.encode(), installed_version("wordfreq").encode(), bytes(path)])
    try:
        return cached(
            "zipf", key, lambda: _build_table(path), Codec("bin", _table_dump, _table_load)
        )
    except (OSError, ValueError):
        return None


def frequent_words(min_zipf: float) -> list[tuple[str, float]]:
    """(word, Zipf frequency) of every word known at `min_zipf` or more."""
    return [(word, z) for word, z in _zipfs().items() if z >= min_zipf]
