"""Bad inputs: each is reported by name, and the run goes on with the rest."""

from __future__ import annotations

import codecs
import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lint import runner
from lint.discovery import Discovery, expand
from lint.sources import InputError, decode, read_input
from tests.conftest import run_cli

KIEV = "Missiles struck Kiev on Monday.\n"
TXT = Discovery(include=("*.txt",))


def check_json(*args: str, cwd: Path | None = None) -> tuple[int, dict, str]:
    proc = run_cli("check", "--isolated", "--format", "json", *args, cwd=cwd)
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def test_every_bad_input_is_named_and_the_rest_is_checked(tmp_path: Path):
    (tmp_path / "good.txt").write_text(KIEV, encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in Kiev.\n".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    code, data, stderr = check_json(str(tmp_path), str(tmp_path / "missing.txt"))
    assert code == 2
    errors = {Path(e["path"]).name: e for e in data["summary"]["errors"]}
    assert set(errors) == {
        "image.txt",
        "latin1.txt",
        "pipe.txt",
        "loop.txt",
        "dangling.txt",
        "missing.txt",
    }
    assert errors["image.txt"]["kind"] == "binary"
    assert "offset 3" in errors["latin1.txt"]["reason"]  # C a f [0xe9]
    assert "0xe9" in errors["latin1.txt"]["reason"]
    assert "FIFO" in errors["pipe.txt"]["reason"]
    assert "loop" in errors["loop.txt"]["reason"]
    for name in errors:
        assert name in stderr
    # Everything that could be read was checked: the good file and the empty one.
    assert data["summary"]["files"] == 2
    assert [Path(f["path"]).name for f in data["findings"]] == ["good.txt"]


def test_text_summary_line_counts_skipped_inputs_by_reason(tmp_path: Path):
    (tmp_path / "a.txt").write_text(KIEV, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_bytes(b"bad \xc3\x28 sequence")
    proc = run_cli("check", "--isolated", str(tmp_path))
    assert proc.returncode == 2
    last = proc.stderr.strip().splitlines()[-1]
    assert "1 finding(s) in 1 file(s), 2 input(s) skipped" in last
    assert "binary" in last and "encoding" in last


def test_encoding_errors_replace_checks_the_rest_of_the_file(tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Caf\xe9 owner fled.\nMissiles struck Kiev.\n")
    code, data, _ = check_json(str(bad))
    assert code == 2 and data["findings"] == []
    code, data, _ = check_json("--encoding-errors", "replace", str(bad))
    assert code == 1 and data["summary"]["errors"] == []
    [finding] = [f for f in data["findings"] if f["rule"] == "names.romanization"]
    assert (finding["line"], finding["column"]) == (2, 17)


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (codecs.BOM_UTF8 + KIEV.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + KIEV.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + KIEV.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + KIEV.encode("utf-32-le"), "utf-32"),
    ],
)
def test_byte_order_marks_are_honoured_and_not_part_of_the_text(raw: bytes, encoding: str):
    decoded = decode(raw, "x.txt")
    assert not isinstance(decoded, InputError)
    assert decoded.text == KIEV and decoded.encoding == encoding


def test_utf16_without_bom_is_named_not_called_binary():
    error = decode(KIEV.encode("utf-16-le"), "x.txt")
    assert isinstance(error, InputError) and "UTF-16 without a byte-order mark" in error.reason


def test_nul_bytes_early_mean_binary_late_mean_corrupt_text():
    early = decode(b"ab\x00cd", "x.txt")
    assert isinstance(early, InputError) and early.kind == "binary" and "offset 2" in early.reason
    text = b"Kiev. " * 2000 + b"\x00 tail"
    late = decode(text, "x.txt")
    assert isinstance(late, InputError) and f"offset {12000}" in late.reason
    replaced = decode(text, "x.txt", errors="replace")
    assert not isinstance(replaced, InputError)
    assert replaced.replaced and replaced.text.endswith("\ufffd tail")
    assert len(replaced.text) == len(text)  # one character per byte: offsets stay put


def test_crlf_and_lone_cr_line_ends_give_right_positions(tmp_path: Path):
    path = tmp_path / "ends.txt"
    path.write_bytes(b"First line.\r\nOld Kiev here.\rAnd Kiev.\nKiev")
    code, data, _ = check_json(str(path))
    spots = [(f["line"], f["column"]) for f in data["findings"] if "Kiev" in f["message"]]
    assert spots == [(2, 5), (3, 5), (4, 1)]
    assert decode(b"a\rb\rc\r\n", "x").newline == "\r"
    assert decode(b"a\r\nb\r\nc\n", "x").newline == "\r\n"


def test_empty_and_whitespace_only_files_are_checked_silently(tmp_path: Path):
    for name, body in (("empty.txt", b""), ("blank.txt", b"\n\n \r\n\t")):
        (tmp_path / name).write_bytes(body)
    code, data, stderr = check_json(str(tmp_path))
    assert code == 0 and data["summary"]["files"] == 2 and data["findings"] == []


def test_a_long_single_line_is_checked():
    # ~0.2 MB of varied sentences without a line break (the 100 MB case is in bench/big_line.py).
    words = "officials said the talks went on while markets in a capital stayed shut"
    words = words.split()
    rng = random.Random(9)
    body = ". ".join(" ".join(rng.sample(words, k=12)) for _ in range(3_000))
    line = (body + ". Then Kiev fell silent.").encode()
    decoded = decode(line, "big.txt")
    start = time.perf_counter()
    result = runner.Runner(runner.Settings(isolated=True)).check_input("big.txt", decoded.text)
    elapsed = time.perf_counter() - start
    assert not isinstance(result, InputError) and not result.failures
    [kiev] = [f for f in result.findings if f.rule == "names.romanization"]
    assert (kiev.line, kiev.column) == (1, len(decoded.text) - len("Kiev fell silent.") + 1)
    assert elapsed < 30, elapsed


def test_special_files_are_refused_without_blocking(tmp_path: Path):
    os.mkfifo(tmp_path / "fifo")
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    try:
        reasons = {
            name: read_input(str(path))
            for name, path in (
                ("fifo", tmp_path / "fifo"),
                ("socket", sock_path),
                ("device", Path("/dev/zero")),
                ("folder", tmp_path),
            )
        }
    finally:
        sock.close()
    assert "FIFO" in reasons["fifo"].reason
    assert "socket" in reasons["socket"].reason
    assert "device" in reasons["device"].reason
    assert "directory" in reasons["folder"].reason
    assert all(isinstance(r, InputError) and r.kind == "not a file" for r in reasons.values())


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_reported(tmp_path: Path):
    path = tmp_path / "secret.txt"
    path.write_text(KIEV)
    path.chmod(0)
    error = read_input(str(path))
    assert isinstance(error, InputError) and "permission denied" in error.reason


def test_a_file_that_vanishes_after_listing_is_reported(tmp_path: Path, monkeypatch):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(KIEV)

    def expand_then_delete(paths, discovery):
        listed = list(expand(paths, discovery))
        (tmp_path / "b.txt").unlink()
        return iter(listed)

    monkeypatch.setattr(runner, "expand", expand_then_delete)
    report = runner.run([str(tmp_path)], runner.Settings(isolated=True))
    assert [Path(p).name for p in report.checked] == ["a.txt", "c.txt"]
    [error] = report.errors
    assert error.path.endswith("b.txt") and error.kind == "missing"


def test_symlink_loops_and_symlinked_folders_in_a_walk(tmp_path: Path):
    (tmp_path / "real.txt").write_text(KIEV)
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "up").symlink_to(tmp_path, target_is_directory=True)  # a folder cycle
    items = list(expand([str(tmp_path)], TXT))
    assert [Path(str(i)).name for i in items] == ["loop.txt", "real.txt"]
    assert isinstance(read_input(str(tmp_path / "loop.txt")), InputError)
    named = list(expand([str(tmp_path / "up" / "up" / "loop.txt")], TXT))
    assert len(named) == 1  # named directly: read, then reported as a loop


def test_huge_folder_is_walked_in_sorted_order_lazily(tmp_path: Path):
    names = [f"{i:05d}.txt" for i in range(10_000)]
    for name in names:
        (tmp_path / name).touch()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "z.txt").touch()
    start = time.perf_counter()
    walk = expand([str(tmp_path)], TXT)
    first = next(walk)
    rest = list(walk)
    elapsed = time.perf_counter() - start
    found = [first, *rest]
    assert found == sorted(found) and len(found) == 10_001
    assert elapsed < 10, elapsed


def test_walk_order_is_the_order_of_sorted_paths(tmp_path: Path):
    for rel in ("a b/x.txt", "a/x.txt", "a.b/y.txt", "a.txt", "ab.txt", "sub/deep/z.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).touch()
    found = list(expand([str(tmp_path)], TXT))
    assert found == sorted(found) and len(found) == 6


def test_jsonl_bad_records_are_named_by_line_and_the_rest_are_checked(tmp_path: Path):
    records = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Kiev\u2028was quiet. Then Kiev woke."}, ensure_ascii=False),
        "",
        json.dumps({"id": "b", "body": "no text field"}),
        json.dumps({"id": "c", "text": 42}),
        json.dumps(["not", "an", "object"]),
        "{not json",
        "[" * 100_000,
        json.dumps({"id": "d", "text": "Missiles struck Kiev."}),
    ]
    records.write_bytes("\r\n".join(lines).encode())
    code, data, stderr = check_json("--jsonl-field", "text", "--jsonl-id", "id", str(records))
    assert code == 2
    assert [e["path"].rsplit(":", 1)[1] for e in data["summary"]["errors"]] == [
        "3",
        "4",
        "5",
        "6",
        "7",
    ]
    assert "nested too deeply" in data["summary"]["errors"][-1]["reason"]
    found = [(f["path"].rsplit("#", 1)[1], f["column"]) for f in data["findings"]]
    assert ("a", 1) in found and ("a", 22) in found and ("d", 17) in found


def test_fix_refuses_a_fifo_without_blocking(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.txt")
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--fix", str(tmp_path / "pipe.txt")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "FIFO" in proc.stderr
