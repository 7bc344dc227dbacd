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

import gzip
import math
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

WORDLIST = "large_en.msgpack.gz"


def _zipf_of_bucket(index: int) -> float:
    return round(9.0 - index / 100, 2)


@lru_cache(maxsize=1)
def _zipfs() -> dict[str, float]:
    spec = find_spec("wordfreq")
    path = Path(spec.origin).parent / "data" / WORDLIST if spec and spec.origin else None
    if path is not None and path.is_file():
        import msgpack

        header, *buckets = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
        if isinstance(header, dict) and header.get("format") == "cB":
            zipfs: dict[str, float] = {}
            for index, bucket in enumerate(buckets):
                if bucket:
                    zipfs.update(dict.fromkeys(bucket, _zipf_of_bucket(index)))
            return zipfs
    import wordfreq

    return {
        word: round(math.log10(f) + 9.0, 2)
        for word, f in wordfreq.get_frequency_dict("en", wordlist="large").items()
    }


def zipf(word: str) -> float:
    """The Zipf frequency of `word` (any case), 0.0 when wordfreq does not know it."""
    return _zipfs().get(word.lower(), 0.0)


def frequent_words(min_zipf: float) -> list[tuple[str, float]]:
    """(word, Zipf frequency) of every word known at `min_zipf` or more."""
    return [(word, z) for word, z in _zipfs().items() if z >= min_zipf]
