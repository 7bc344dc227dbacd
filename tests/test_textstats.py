"""Our Flesch-Kincaid grade is textstat's, to the last bit, and its bounds hold."""

from pathlib import Path

from lint import textstats
from lint.document import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ODD = [
    "",
    " ",
    ".",
    "... !!",
    "a. b. c.",
    "It's o'clock, 'quoted' rock'n'roll and the dogs' bowls.",
    "Dr. X!? Yes. Zelenskyy met Kuleba in Kyiv; 2022 was hard-won.",
    "İstanbul’s naïve café served ﬁsh — 12.5% more — to www users.",
    "Supercalifragilisticexpialidocious antidisestablishmentarianism " * 5,
]


def _paragraphs() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.rglob("*.txt"))]
    return [p.text for t in texts for p in Document(t).paragraphs] + ODD


def test_grade_is_textstats_exactly_and_within_its_bounds():
    reference = textstats.textstat()
    paragraphs = _paragraphs()
    assert len(paragraphs) > 20
    for text in paragraphs:
        grade = textstats.Grade(text)
        exact = grade.exact()
        assert exact == reference.flesch_kincaid_grade(text), text
        assert grade.low() <= exact <= grade.high(), text
        assert textstats.flesch_kincaid_grade(text) == exact


def test_apostrophe_pattern_is_textstats():
    textstats.textstat()
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    assert textstats.NONCONTRACTION_APOSTROPHE.pattern == RE_NONCONTRACTION_APOSTROPHE


def test_syllable_shards_merge_safely_from_several_threads():
    """Dask workers run threads: a thread must never see a shard dropped
    before its words are in `loaded` (it would count them as unknown)."""
    import sys
    import threading

    shards = textstats.syllable_shards()
    words = sorted(shard[0].split("\n")[0] for shard in shards.values())
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(30):
            counts = textstats.SyllableCounts(dict(shards))
            missing: list[int] = []

            def cover(counts=counts, missing=missing):
                seen = counts.covering(words)
                missing.append(sum(1 for w in words if w not in seen))

            threads = [threading.Thread(target=cover) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert missing == [0, 0, 0, 0]
    finally:
        sys.setswitchinterval(interval)
