"""How well English knows a word: wordfreq's Zipf frequency.

wordfreq ships its word lists inside the wheel (no download). Zipf 0 means the
word is not among the 320,000 it counts (too rare or unknown), 3 a word seen
once in a million words (Tehran 3.6, Macron 3.0), 5 a common one (London
5.3). The names kinds use it to tell a known word or name from an unknown
token, and how famous a name is.

The English list is read on first use (about 0.1 s), so runs that never ask
pay nothing; look-ups are then plain dictionary reads.
"""

from __future__ import annotations

import math
from functools import lru_cache


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="large")


def zipf(word: str) -> float:
    """The Zipf frequency of `word` (any case), 0.0 when wordfreq does not know it."""
    frequency = _frequencies().get(word.lower())
    if not frequency:
        return 0.0
    return round(math.log10(frequency) + 9.0, 2)


def frequent_words(min_zipf: float) -> list[tuple[str, float]]:
    """(word, Zipf frequency) of every word known at `min_zipf` or more, most frequent first."""
    floor = 10 ** (min_zipf - 9.0)
    return [
        (word, round(math.log10(f) + 9.0, 2)) for word, f in _frequencies().items() if f >= floor
    ]
