"""A repository's pack cannot send the checked text to a server: the person
running newslint must allow the host (--allow-network HOST, or their own
~/.config/newslint/config.toml), and text leaving the machine is named once on
stderr. A real HTTP server on this machine records whether it was called."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.kinds.test_grammar import RECORDED, TEXT


@pytest.fixture
def server():
    """A LanguageTool stand-in on all interfaces; yields (port, texts it was sent)."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            from urllib.parse import parse_qs

            body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
            seen.append(parse_qs(body)["text"][0])
            payload = json.dumps(RECORDED).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("0.0.0.0", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], seen
    httpd.shutdown()
    httpd.server_close()


def _repository(tmp_path: Path, server_url: str, config_extra: str = "") -> Path:
    """A repository whose own configuration adds a pack with a grammar rule
    that names `server_url`."""
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "grammar.yaml").write_text(
        "name: house\nversion: '1'\ndescription: d\nrules:\n"
        "  - id: lt\n    kind: grammar\n    severity: warning\n    message: '{lt_rule}'\n"
        f"    description: d\n    options: {{server: '{server_url}'}}\n",
        encoding="utf-8",
    )
    (repo / ".newslint.toml").write_text(
        f'packs = ["grammar.yaml"]\nselect = ["house"]\n{config_extra}', encoding="utf-8"
    )
    (repo / "a.txt").write_text(TEXT, encoding="utf-8")
    return repo


def _newslint(repo: Path, tmp_path: Path, *args: str, user_config: str | None = None):
    config_home = tmp_path / "config"
    if user_config is not None:
        (config_home / "newslint").mkdir(parents=True, exist_ok=True)
        (config_home / "newslint" / "config.toml").write_text(user_config, encoding="utf-8")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NEWSLINT_LANGUAGETOOL", "NEWSLINT_ALLOW_NETWORK")
    }
    env["XDG_CONFIG_HOME"] = str(config_home)
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_repositorys_pack_alone_sends_nothing(tmp_path, server):
    port, seen = server
    repo = _repository(tmp_path, f"http://127.0.0.1:{port}")
    proc = _newslint(repo, tmp_path, "a.txt")
    assert seen == []
    assert json.loads(proc.stdout)["findings"] == [] and proc.returncode == 0
    assert proc.stderr.count("grammar rules skipped") == 1
    assert "--allow-network 127.0.0.1" in proc.stderr and "config.toml" in proc.stderr


def test_a_repositorys_configuration_cannot_allow_the_network(tmp_path, server):
    port, seen = server
    repo = _repository(tmp_path, f"http://127.0.0.1:{port}", 'allow-network = ["127.0.0.1"]\n')
    proc = _newslint(repo, tmp_path, "a.txt")
    assert seen == [] and proc.returncode == 2
    assert "unknown key 'allow-network'" in proc.stderr


def test_the_person_running_newslint_allows_the_host_on_the_command_line(tmp_path, server):
    port, seen = server
    repo = _repository(tmp_path, f"http://127.0.0.1:{port}")
    proc = _newslint(repo, tmp_path, "--allow-network", "127.0.0.1", "a.txt")
    assert seen == [TEXT]
    assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["house.lt"] * 2
    assert proc.stderr == ""  # loopback: the text did not leave this machine


def test_or_in_their_own_configuration_file(tmp_path, server):
    port, seen = server
    repo = _repository(tmp_path, f"http://127.0.0.1:{port}")
    proc = _newslint(repo, tmp_path, "a.txt", user_config='allow-network = ["127.0.0.1"]\n')
    assert seen == [TEXT] and proc.returncode == 1
    proc = _newslint(repo, tmp_path, "a.txt", user_config='allow-network = "127.0.0.1"\n')
    assert "must be a list of host names" in proc.stderr and len(seen) == 1


def test_text_leaving_the_machine_is_named_once_on_stderr(tmp_path, server):
    """A host named otherwise than as loopback is taken to be off the machine:
    one notice naming it, however many documents and worker processes."""
    port, seen = server
    host = socket.gethostname().lower()
    try:
        socket.getaddrinfo(host, port)
    except OSError:
        pytest.skip(f"this machine's name {host!r} does not resolve")
    repo = _repository(tmp_path, f"http://{host}:{port}")
    for i in range(3):
        (repo / f"b{i}.txt").write_text(TEXT, encoding="utf-8")
    proc = _newslint(repo, tmp_path, "-j", "2", "--allow-network", host, ".")
    assert len(seen) == 4
    notices = [line for line in proc.stderr.splitlines() if "notice" in line]
    assert notices == [f"newslint: notice: sending the checked text to LanguageTool at {host}"]


def test_a_local_languagetool_folder_needs_no_permission(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.txt").write_text(TEXT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_ALLOW_NETWORK"}
    env["NEWSLINT_LANGUAGETOOL"] = str(tmp_path / "LanguageTool-6.4")
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--select", "grammar", "a.txt"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "no languagetool-server.jar" in proc.stderr  # tried, not refused
    assert "allow-network" not in proc.stderr
