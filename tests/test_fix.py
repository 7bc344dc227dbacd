"""--fix, --unsafe-fixes and --diff on real files: what changes, what must not."""

from __future__ import annotations

import codecs
import os
import stat

import pytest

from lint.finding import Finding
from lint.fix import FileChanged, apply_edits, fix_text, plan_edits, write_if_unchanged
from tests.conftest import run_cli

TEXT = "Missiles struck Kiev and the the city.\nShe was playing fire, officials said.\n"


def _finding(start: int, end: int, suggestion: str, safe: bool = True) -> Finding:
    return Finding(
        "a.txt", 1, start + 1, 1, end + 1, "x.y", "warning", "m", (suggestion,), start, end, safe
    )


def test_fix_applies_safe_suggestions_and_reports_what_remains(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    proc = run_cli("check", "--fix", "--isolated", str(doc))
    fixed = doc.read_text(encoding="utf-8")
    assert "Kyiv" in fixed and "Kiev" not in fixed
    assert "the the" not in fixed
    assert "playing fire" in fixed  # mt.literal-idiom is an unsafe fix
    assert "fixed 2 finding(s) in 1 file(s)" in proc.stderr
    assert "mt.literal-idiom" in proc.stdout and "names.romanization" not in proc.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left


def test_unsafe_fixes_apply_the_rest(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    proc = run_cli("check", "--fix", "--unsafe-fixes", "--isolated", str(doc))
    assert "playing with fire" in doc.read_text(encoding="utf-8")
    assert proc.returncode == 0, proc.stdout


def test_diff_shows_the_change_and_writes_nothing(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    before = os.stat(doc).st_mtime_ns
    proc = run_cli("check", "--diff", "--isolated", str(doc))
    assert proc.returncode == 1
    assert "-Missiles struck Kiev and the the city." in proc.stdout
    assert "+Missiles struck Kyiv and the city." in proc.stdout
    assert doc.read_text(encoding="utf-8") == TEXT
    assert os.stat(doc).st_mtime_ns == before


def test_diff_of_a_clean_file_is_empty_and_exits_zero(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Missiles struck Kyiv.\n", encoding="utf-8")
    proc = run_cli("check", "--diff", "--isolated", str(doc))
    assert (proc.returncode, proc.stdout) == (0, "")


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_fix_keeps_encoding_bom_and_crlf(tmp_path, encoding, bom):
    doc = tmp_path / "a.txt"
    text = "Missiles struck Kiev.\r\nThe the city was dark.\r\n"
    doc.write_bytes(bom + text.encode(encoding))
    doc.chmod(0o640)
    proc = run_cli("check", "--fix", "--isolated", str(doc))
    assert proc.returncode == 0, proc.stderr
    data = doc.read_bytes()
    assert data.startswith(bom)
    assert data[len(bom) :].decode(encoding) == "Missiles struck Kyiv.\r\nThe city was dark.\r\n"
    assert stat.S_IMODE(doc.stat().st_mode) == 0o640


def test_a_file_that_changed_since_it_was_read_is_left_alone(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_bytes(b"edited by someone else\n")
    with pytest.raises(FileChanged):
        write_if_unchanged(str(doc), b"what we read\n", b"our fix\n")
    assert doc.read_bytes() == b"edited by someone else\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_overlapping_fixes_apply_in_rounds():
    text = "abcdef"
    # Two fixes overlap on "cd": the first wins this round.
    edits = plan_edits(text, [_finding(1, 4, "X"), _finding(2, 5, "Y"), _finding(5, 6, "Z")])
    assert [(e.start, e.end, e.replacement) for e in edits] == [(1, 4, "X"), (5, 6, "Z")]
    assert apply_edits(text, edits) == "aXeZ"


def test_fix_loop_reaches_a_fixed_point_and_is_bounded():
    # A rule that keeps asking to double an "a": the loop must stop.
    def greedy(text):
        return [_finding(0, 1, "aa")]

    out, applied = fix_text("abc", greedy, max_rounds=5)
    assert applied == 5 and out.startswith("aaaaaa")

    # Two rules undoing each other stop as soon as a text comes back.
    def flip(text):
        return [_finding(0, 1, "b" if text[0] == "a" else "a")]

    out, applied = fix_text("abc", flip, max_rounds=10)
    assert applied == 1 and out == "bbc"


def test_unsafe_suggestions_wait_for_unsafe_fixes():
    finding = _finding(0, 1, "X", safe=False)
    assert plan_edits("abc", [finding]) == []
    assert len(plan_edits("abc", [finding], unsafe=True)) == 1


def test_stdin_can_be_diffed_but_not_fixed():
    proc = run_cli("check", "--diff", "--isolated", "-", stdin="Missiles struck Kiev.\n")
    assert "+Missiles struck Kyiv." in proc.stdout
    proc = run_cli("check", "--fix", "--isolated", "-", stdin="Missiles struck Kiev.\n")
    assert proc.returncode == 2 and "standard input" in proc.stderr


def test_fix_names_a_missing_input_once(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("The the city.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--fix", "a.txt", "gone.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.count("gone.txt: no such file") == 1
    assert doc.read_text(encoding="utf-8") == "The city.\n"
