"""Invariants over arbitrary Unicode text (hypothesis): the linter never raises,
every finding points inside the document at the right line and column, and
the output is sorted, deterministic and the same under -j 1 and -j N."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import runner
from lint.document import Document
from lint.rulebook import linter_for
from lint.sources import decode
from tests.conftest import run_cli

# Fragments that make rules fire, mixed with arbitrary text, so the properties
# are checked on findings and not only on silence.
FRAGMENTS = [
    "Kiev",
    "the the",
    "Kyiv",
    "stand-off",
    "standoff",
    "\u041aiev",  # Cyrillic K
    "playing fire",
    "\u2019",
    "'",
    "\r\n",
    "\r",
    "\n\n",
    ". ",
    '"',
    "\u201c",
    "\U0001f600",
    "\u0301",
    "\x00",
    "\ufeff",
    "Mr. ",
    "U.S. ",
]
text_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40
).map("".join)


def linter():
    config = runner.Runner(runner.Settings(isolated=True)).resolver.for_path("-")
    return linter_for(config)


LINTER = linter()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_findings_lie_inside_the_document_at_their_line_and_column(text: str):
    doc = Document(text, "p.txt")
    result = LINTER.check_document(doc)
    assert not result.failures
    for f in result.findings:
        assert 0 <= f.offset <= f.end_offset <= len(text), f
        assert doc.offset(f.line, f.column) == f.offset, f
        assert doc.offset(f.end_line, f.end_column) == f.end_offset, f
        assert (f.line, f.column) <= (f.end_line, f.end_column)
        assert 1 <= f.line <= doc.line_count
    assert result.findings == sorted(result.findings)
    again = LINTER.check_document(Document(text, "p.txt")).findings
    assert again == result.findings


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=0, max_value=250))
def test_position_and_offset_are_inverse(text: str, offset: int):
    doc = Document(text)
    offset = min(offset, len(text))
    pos = doc.position(offset)
    # Inside a CRLF pair the offset belongs to the end of the line before it.
    if not (0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n"):
        assert doc.offset(pos.line, pos.column) == offset
    for span in doc.sentences + doc.paragraphs + doc.words:
        assert text[span.start : span.end] == span.text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decoding_any_bytes_gives_text_or_a_reason(data: bytes):
    for errors in ("strict", "replace"):
        result = decode(data, "x.bin", errors)
        assert hasattr(result, "text") or result.reason


def test_parallel_and_serial_agree_on_generated_files(tmp_path: Path):
    rng = random.Random(9)
    alphabet = [*FRAGMENTS, "a", "b", " ", "word", "\u00e9", "\u0416"]
    for i in range(8):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        (tmp_path / f"{i}.txt").write_text(body.replace("\x00", ""), encoding="utf-8")
    serial = run_cli("check", "--isolated", "--format", "json", "-j", "1", str(tmp_path))
    parallel = run_cli("check", "--isolated", "--format", "json", "-j", "2", str(tmp_path))
    assert serial.returncode == parallel.returncode
    assert serial.returncode in (0, 1), serial.stderr
    assert serial.stdout == parallel.stdout
