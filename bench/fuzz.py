"""Coverage-guided fuzzing (atheris) of the parts that read untrusted input.

    python bench/fuzz.py document -runs=1000000     # Document model + decoding
    python bench/fuzz.py pack -runs=100000 -max_len=4096
    python bench/fuzz.py jsonl -runs=200000
    python bench/fuzz.py lint -runs=20000           # every default rule on the text
    python bench/fuzz.py report -runs=100000        # file names and messages in every format

Any exception other than the documented refusals (InputError, PackError) is a
crash: atheris prints it, writes the input to crash-<hash>, and exits non-zero.
Without atheris (`pip install atheris`; wheels for Linux x86-64) the same
targets run on random bytes: `--random N` inputs, or `--random-seconds S`.
CI (.ci/run) runs each target for a minute: `-max_total_time=60`.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.document import Document  # noqa: E402
from lint.packs import PackError, parse_pack  # noqa: E402
from lint.sources import InputError, decode  # noqa: E402


def fuzz_document(data: bytes) -> None:
    decoded = decode(data, "fuzz.txt", "replace")
    if isinstance(decoded, InputError):
        return
    text = decoded.text
    doc = Document(text, "fuzz.txt")
    for offset in {0, len(text) // 2, len(text)}:
        pos = doc.position(offset)
        if not (0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n"):
            assert doc.offset(pos.line, pos.column) == offset, (offset, pos)
        doc.utf16_column(offset)
        doc.byte_offset(offset)
    for span in (*doc.lines, *doc.paragraphs, *doc.sentences, *doc.words):
        assert text[span.start : span.end] == span.text
        doc.sentence_at(span.start)
        doc.paragraph_at(span.start)
    for line in range(1, doc.line_count + 1):
        doc.line_text(line)


_LINTER = None


def fuzz_lint(data: bytes) -> None:
    global _LINTER
    if _LINTER is None:
        from lint import runner
        from lint.rulebook import linter_for

        config = runner.Runner(runner.Settings(isolated=True)).resolver.for_path("-")
        _LINTER = linter_for(config)
    decoded = decode(data, "fuzz.txt", "replace")
    if isinstance(decoded, InputError):
        return
    doc = Document(decoded.text, "fuzz.txt")
    for f in _LINTER.check_document(doc).findings:
        assert 0 <= f.offset <= f.end_offset <= len(doc.text)
        assert doc.offset(f.line, f.column) == f.offset


_PACK_DIR = Path(tempfile.mkdtemp(prefix="newslint-fuzz-"))


def fuzz_pack(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    with contextlib.suppress(PackError):  # a refusal is the right answer
        parse_pack(text, "fuzz.yaml", directory=_PACK_DIR)


_JSONL = Path(tempfile.mkdtemp(prefix="newslint-fuzz-")) / "records.jsonl"


def fuzz_jsonl(data: bytes) -> None:
    from lint.jsonl import Record, read_records

    _JSONL.write_bytes(data)
    for item in read_records(str(_JSONL), "text", "id"):
        assert isinstance(item, Record | InputError)


def fuzz_report(data: bytes) -> None:
    """Any file name and message in every format: one line a finding in text,
    well-formed JSON and XML, and bytes that are valid UTF-8 (as written)."""
    import json
    from xml.etree import ElementTree

    from lint.finding import Finding
    from lint.report import render
    from lint.runner import Report

    cut = data.find(b"\x00")
    name, message = (data, b"") if cut < 0 else (data[:cut], data[cut + 1 :])
    path = os.fsdecode(name.replace(b"\x00", b"")) or "x"
    text = message.decode("utf-8", "surrogateescape")  # lone surrogates on purpose
    finding = Finding(path, 1, 1, 1, 2, "fuzz.rule", "warning", text, (text[:5],), 0, 1)
    report = Report(findings=[finding], checked=[path], words={path: 1})
    report.errors.append(InputError(path, text))
    for name in ("text", "full", "json", "json-lines", "sarif", "github", "junit", "markdown"):
        out = render(name, report).encode("utf-8", "backslashreplace").decode("utf-8")
        if name in ("text", "github"):
            assert out.count("\n") == 1 and "\x1b" not in out, (name, out)
        elif name in ("json", "sarif"):
            json.loads(out)
        elif name == "junit":
            ElementTree.fromstring(out.encode("utf-8"))


TARGETS = {
    "document": fuzz_document,
    "lint": fuzz_lint,
    "pack": fuzz_pack,
    "jsonl": fuzz_jsonl,
    "report": fuzz_report,
}


def random_inputs(count: int, seed: int = 9):
    rng = random.Random(seed)
    pieces = [b"Kiev ", b"the the ", b"\r\n", b"\r", b"\n\n", b"\xef\xbb\xbf", b"\xff", b"\x00"]
    pieces += [b'{"text": "', b'", "id": ', b"}\n", b"- ", b": ", b"[", b"]", "\u0416".encode()]
    for _ in range(count):
        yield b"".join(
            rng.choice(pieces) if rng.random() < 0.5 else os.urandom(rng.randint(1, 8))
            for _ in range(rng.randint(0, 40))
        )


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(
            f"usage: fuzz.py {{{','.join(TARGETS)}}} "
            "[libFuzzer options] | --random N | --random-seconds S"
        )
    target = TARGETS[sys.argv.pop(1)]
    if len(sys.argv) > 2 and sys.argv[1] in ("--random", "--random-seconds"):
        count = int(sys.argv[2]) if sys.argv[1] == "--random" else None
        deadline = time.monotonic() + float(sys.argv[2]) if count is None else None
        done = 0
        for data in random_inputs(count if count is not None else 1 << 62):
            target(data)
            done += 1
            if deadline is not None and done % 100 == 0 and time.monotonic() > deadline:
                break
        print(f"{done} random inputs, no crash")
        return
    import atheris

    atheris.instrument_all()
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
