"""The LanguageTool adapter against LanguageTool's documented /v2/check JSON, served
by a real HTTP server on 127.0.0.1; a live LanguageTool is used when
NEWSLINT_LANGUAGETOOL_TEST names one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from lint.document import Document
from lint.kinds.grammar import Utf16Offsets, matches_from_response
from tests.conftest import ROOT

# An emoji (two UTF-16 units) before the errors shifts every LanguageTool offset by one.
TEXT = "Kyiv 😀 report.\nHe go to the ministry 😀😀 every day."
RECORDED = {  # the shape of https://languagetool.org/http-api/ (v2/check), trimmed
    "software": {"name": "LanguageTool", "version": "6.4", "apiVersion": 1},
    "language": {"name": "English (US)", "code": "en-US"},
    "matches": [
        {
            "message": "The pronoun 'He' must be used with a third-person verb: 'goes'.",
            "shortMessage": "Grammatical problem",
            "replacements": [{"value": "goes"}],
            "offset": 19,
            "length": 2,
            "context": {"text": "...", "offset": 3, "length": 2},
            "sentence": "He go to the ministry 😀😀 every day.",
            "rule": {
                "id": "HE_VERB_AGR",
                "description": "Agreement",
                "issueType": "grammar",
                "category": {"id": "GRAMMAR", "name": "Grammar"},
            },
        },
        {
            "message": "Possible typo: two emoji in a row.",
            "replacements": [],
            "offset": 38,
            "length": 4,
            "context": {"text": "...", "offset": 0, "length": 4},
            "rule": {"id": "EMOJI_RUN", "category": {"id": "TYPOS"}},
        },
    ],
}


def test_utf16_offsets_become_code_points():
    offsets = Utf16Offsets("a😀b😀😀c")
    # UTF-16 units: a=0, 😀=1-2, b=3, 😀=4-5, 😀=6-7, c=8
    assert [offsets.to_index(u) for u in (0, 1, 3, 4, 6, 8, 9)] == [0, 1, 2, 3, 4, 5, 6]
    assert offsets.to_index(2) == 1  # inside a surrogate pair: that character
    for text in ("plain", "Київ", "a😀b", "😀"):
        units = 0
        o = Utf16Offsets(text)
        for index, ch in enumerate(text):
            assert o.to_index(units) == index
            units += 2 if ord(ch) > 0xFFFF else 1


def test_recorded_response_lands_on_the_right_characters():
    doc = Document(TEXT, "a.txt")
    matches = list(matches_from_response(TEXT, RECORDED))
    assert [TEXT[m.start : m.end] for m in matches] == ["go", "😀😀"]
    assert (doc.position(matches[0].start).line, doc.position(matches[0].start).column) == (2, 4)
    assert matches[0].suggestions == ("goes",)
    assert "HE_VERB_AGR" in matches[0].message


@pytest.fixture
def languagetool_server():
    """A real HTTP server answering /v2/check with the recorded response."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
            seen.append(parse_qs(body))
            payload = json.dumps(RECORDED if self.path == "/v2/check" else {}).encode()
            self.send_response(200 if self.path == "/v2/check" else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


def _newslint(tmp_path, env_value, *args):
    env = dict(os.environ, NEWSLINT_LANGUAGETOOL=env_value)
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_cli_reports_languagetool_findings_at_code_point_columns(tmp_path, languagetool_server):
    url, seen = languagetool_server
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    proc = _newslint(tmp_path, url, "--select", "grammar", "--format", "json", str(doc))
    findings = json.loads(proc.stdout)["findings"]
    got = [(f["line"], f["column"], f["end_column"], f["rule"]) for f in findings]
    assert got == [(2, 4, 6, "grammar.languagetool"), (2, 23, 25, "grammar.languagetool")]
    assert seen[0]["text"] == [TEXT] and seen[0]["language"] == ["en-US"]
    assert proc.stderr == ""


def test_without_languagetool_it_says_so_once_and_goes_on(tmp_path):
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text("Missiles struck Kiev.\n")
    proc = _newslint(tmp_path, "http://127.0.0.1:9", "--extend-select", "grammar", str(tmp_path))
    assert proc.stderr.count("grammar rules skipped") == 1, proc.stderr
    assert "did not answer" in proc.stderr
    assert proc.stdout.count("names.romanization") == 3
    assert proc.returncode == 1  # the other findings decide, not the missing service
    proc = _newslint(
        tmp_path, str(tmp_path / "no-such-folder"), "--select", "grammar", str(tmp_path)
    )
    assert proc.stderr.count("no languagetool-server.jar") == 1 and proc.returncode == 0


@pytest.mark.skipif(
    not os.environ.get("NEWSLINT_LANGUAGETOOL_TEST"),
    reason="set NEWSLINT_LANGUAGETOOL_TEST to a LanguageTool URL or folder to test a real one",
)
def test_a_real_languagetool(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("He go to the ministry every day.\n", encoding="utf-8")
    proc = _newslint(
        tmp_path, os.environ["NEWSLINT_LANGUAGETOOL_TEST"], "--select", "grammar", str(doc)
    )
    assert "a.txt:1:4:" in proc.stdout, proc.stdout + proc.stderr
