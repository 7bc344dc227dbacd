"""File names are data (issue 15 item 11): a newline, an escape sequence or a
byte that is not UTF-8 in a name never splits, colours or breaks a report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from lint.quoting import printable, quote_path
from tests.conftest import ROOT

KIEV = "Missiles struck Kiev.\n"
NAMES = [b"new\nline.txt", b"\x1b[31mred\x1b[0m.txt", b"caf\xe9.txt", b"tab\there.txt"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in NAMES:
        with open(os.path.join(os.fsencode(tmp_path), name), "w", encoding="utf-8") as fh:
            fh.write(KIEV)
    return tmp_path


def _check(folder: Path, fmt: str) -> bytes:
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--no-cache", "--format", fmt, "."],
        cwd=folder,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
    )
    assert proc.returncode == 1, proc.stderr
    return proc.stdout


@pytest.mark.parametrize(
    "fmt", ["text", "full", "json", "json-lines", "sarif", "github", "junit", "markdown", "html"]
)
def test_every_format_is_valid_utf8_without_escape_sequences(folder: Path, fmt):
    out = _check(folder, fmt)
    out.decode("utf-8")
    assert b"\x1b" not in out


def test_text_report_is_one_line_a_finding_with_names_quoted_as_git_does(folder: Path):
    lines = _check(folder, "text").decode("utf-8").splitlines()
    assert len(lines) == len(NAMES)
    names = sorted(line.split(":1:17: ")[0] for line in lines)
    assert names == sorted(
        [
            '"./\\033[31mred\\033[0m.txt"',
            '"./caf\\351.txt"',
            '"./new\\nline.txt"',
            '"./tab\\there.txt"',
        ]
    )


def test_junit_is_valid_xml_and_json_keeps_the_names_exactly(folder: Path):
    root = ElementTree.fromstring(_check(folder, "junit"))
    assert len(root.iter("testcase").__next__().findall("failure")) == 1
    assert len(list(root.iter("testcase"))) == len(NAMES)
    data = json.loads(_check(folder, "json"))
    written = sorted(os.fsencode(f["path"]) for f in data["findings"])
    assert written == sorted(b"./" + name for name in NAMES)


def test_quoting_leaves_plain_names_alone_and_escapes_unsafe_ones():
    assert quote_path("corpus/Київ é.txt") == "corpus/Київ é.txt"
    assert quote_path('a"b\nc\\d') == '"a\\"b\\nc\\\\d"'
    assert quote_path("x\u202ey") == '"x\\342\\200\\256y"'  # a bidirectional override
    assert quote_path(os.fsdecode(b"\xff")) == '"\\377"'
    assert printable("a\x1b[1m\nb\tc") == "a\\x1b[1m\\nb\tc"
