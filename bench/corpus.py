"""Benchmark corpora built from real text, written once under bench/out/.

The documents are the seeds, the clean English news of WMT21/22 (segments
joined into their articles), the English side of the ru/uk->en MT set (the
reference and every system's hypothesis, one document per system and source
document) and the PTC propaganda articles. About 7 MB of distinct text exist,
so the larger corpora cycle through them (in a fixed shuffled order): the
benchmark runs without the result cache, so a repeated document costs as
much as a new one.
"""

from __future__ import annotations

import gzip
import itertools
import json
import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "bench" / "out"
FILES_PER_FOLDER = 1000


def _jsonl(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _grouped(rows: Iterator[dict], key: str, field: str) -> Iterator[str]:
    """Segments of one document (rows in file order) joined as paragraphs."""
    current, parts = None, []
    for row in rows:
        if row.get(key) != current and parts:
            yield "\n\n".join(parts) + "\n"
            parts = []
        current = row.get(key)
        text = row.get(field)
        if isinstance(text, str) and text.strip():
            parts.append(text.strip())
    if parts:
        yield "\n\n".join(parts) + "\n"


def _mt_documents(path: Path) -> Iterator[str]:
    """One document per source document and translation (reference or system)."""
    by_doc: dict[str, dict[str, list[str]]] = {}
    for row in _jsonl(path):
        versions = by_doc.setdefault(row["doc_id"], {})
        if row.get("reference"):
            versions.setdefault("reference", []).append(row["reference"].strip())
        for system, text in (row.get("hyps") or {}).items():
            if isinstance(text, str) and text.strip():
                versions.setdefault(system, []).append(text.strip())
    for versions in by_doc.values():
        for lines in versions.values():
            yield "\n\n".join(lines) + "\n"


def documents() -> list[str]:
    """Every distinct real document available, in a fixed order."""
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    clean = EVAL / "clean_en_news" / "clean_en_news.jsonl.gz"
    if clean.exists():
        docs.extend(_grouped(_jsonl(clean), "doc_id", "text"))
    mt = EVAL / "mt_ruuk_en" / "mt_ruuk_en.jsonl.gz"
    if mt.exists():
        docs.extend(_mt_documents(mt))
    ptc = EVAL / "propaganda_ptc" / "ptc_train.jsonl.gz"
    if ptc.exists():
        docs.extend(row["text"] for row in _jsonl(ptc) if row.get("text"))
    random.Random(8).shuffle(docs)
    return docs


def _write_folder(folder: Path, texts: Iterator[str], target_bytes: int | None) -> tuple[int, int]:
    """Write texts as files (1,000 per subfolder) until `target_bytes`; (files, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    count = total = 0
    for text in texts:
        data = text.encode("utf-8")
        sub = folder / f"{count // FILES_PER_FOLDER:04d}"
        if count % FILES_PER_FOLDER == 0:
            sub.mkdir(exist_ok=True)
        (sub / f"{count:07d}.txt").write_bytes(data)
        count += 1
        total += len(data)
        if target_bytes is not None and total >= target_bytes:
            break
    return count, total


def _cycle(docs: list[str]) -> Iterator[str]:
    while True:
        yield from docs


def _ready(folder: Path) -> tuple[int, int] | None:
    stamp = folder / "READY"
    if stamp.exists():
        files, size = stamp.read_text().split()
        return int(files), int(size)
    return None


def sized_corpus(megabytes: float, docs: list[str] | None = None) -> tuple[Path, int, int]:
    """A folder of whole documents totalling about `megabytes` MB: (folder, files, bytes)."""
    folder = OUT / f"corpus-{megabytes:g}mb"
    done = _ready(folder)
    if done is None:
        docs = docs if docs is not None else documents()
        done = _write_folder(folder, _cycle(docs), int(megabytes * 1_000_000))
        (folder / "READY").write_text(f"{done[0]} {done[1]}\n")
    return folder, *done


def small_files_corpus(count: int, docs: list[str] | None = None) -> tuple[Path, int, int]:
    """A folder of `count` small files: single paragraphs of the documents."""
    folder = OUT / f"small-{count}"
    done = _ready(folder)
    if done is None:
        docs = docs if docs is not None else documents()
        paragraphs = (
            para.strip() + "\n"
            for doc in _cycle(docs)
            for para in doc.split("\n\n")
            if len(para.split()) >= 8
        )
        done = _write_folder(folder, itertools.islice(paragraphs, count), None)
        (folder / "READY").write_text(f"{done[0]} {done[1]}\n")
    return folder, *done
