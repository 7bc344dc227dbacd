"""The machine-translation pack (issue 3) across its kinds, on unseen sentences and a
sample of real text; each kind's own tests are in tests/kinds/."""

from __future__ import annotations

import gzip
import json

import pytest

import lint
from lint.config import Config
from tests.conftest import SHARED

MT = Config(select=("mt", "names", "consistency"))


def rules_in(text: str) -> list[str]:
    return [f.rule for f in lint.check_text(text, config=MT)]


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="no shared eval data")
def test_few_findings_on_a_sample_of_original_english_news():
    path = SHARED / "eval" / "clean_en_news" / "clean_en_news.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(400), handle, strict=False)]
    text = "\n".join(r["text"] for r in rows)
    findings = [
        f
        for f in lint.check_text(text, config=MT)
        if f.rule.split(".")[1].startswith(
            ("sentence-split", "orphan", "name-misspelling", "idiom", "locale", "encoding")
        )
    ]
    assert len(findings) <= len(text.split()) / 1000


@pytest.mark.parametrize(
    ("text", "rule", "suggestion"),
    [
        ("Exports fell to 3,4 billion dollars.", "mt.decimal-comma", "3.4"),
        ("Kyiv says 45.000 soldiers were mobilised.", "mt.dot-thousands", "45,000"),
        ("The decree of 01.03.2022 was annulled.", "mt.dotted-date", "1 March 2022"),
        ("The city lost power â€” again.", "mt.mojibake", "—"),
    ],
)
def test_locale_and_encoding_damage_is_repaired(text, rule, suggestion):
    found = [f for f in lint.check_text(text, config=MT) if f.rule == rule]
    assert len(found) == 1 and suggestion in found[0].suggestions[0]


@pytest.mark.parametrize(
    "text",
    [
        "Exports fell to 3.4 billion dollars, or 3,400 million.",
        "The score was 2.0 after 10.30 minutes on 1 March 2022.",
        "Москва is the Russian name; Київ the Ukrainian.",
    ],
)
def test_english_formats_and_single_foreign_words_pass(text):
    rules = rules_in(text)
    assert not [r for r in rules if r.startswith(("mt.decimal", "mt.dot", "mt.untrans"))]
