"""The floor for lexical rules: one Aho-Corasick pass over newslint's own lexicons.

Every literal word or phrase the default packs name (option values that are
plain words, swap keys, and the phrase lists shipped beside the packs) goes
into one pyahocorasick automaton; a folder's files are read, decoded,
lowercased and scanned, keeping matches on word boundaries. No rule can be
cheaper than this, so newslint's throughput over it says what its other work
costs.

    python bench/floor.py bench/out/corpus-1mb      # prints files, bytes, matches, seconds
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_LITERAL_EXTRA = set(" -'’.")


def _is_literal(text: str) -> bool:
    text = text.strip()
    return len(text) >= 2 and all(c.isalnum() or c in _LITERAL_EXTRA for c in text)


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key in value:
            yield from _strings(key)


def lexicon() -> set[str]:
    """Literal phrases from every default rule's options and data files."""
    sys.path.insert(0, str(ROOT))
    from lint.config import Config
    from lint.packs import builtin_rules_dir
    from lint.rulebook import selected_rules

    phrases: set[str] = set()
    folder = builtin_rules_dir()
    for rule in selected_rules(Config()):
        options = rule.options
        if not dataclasses.is_dataclass(options):
            continue
        for field in dataclasses.fields(options):
            value = getattr(options, field.name)
            if field.name.endswith("_file") and isinstance(value, str):
                path = folder / value
                if path.is_file():
                    for line in path.read_text(encoding="utf-8").splitlines():
                        line = line.split("#", 1)[0].strip()
                        if _is_literal(line):
                            phrases.add(line.lower())
                continue
            phrases.update(s.strip().lower() for s in _strings(value) if _is_literal(s))
    return phrases


def build_automaton(phrases: set[str]):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase, len(phrase))
    automaton.make_automaton()
    return automaton


def scan_folder(folder: Path, automaton) -> tuple[int, int, int]:
    """(files, bytes, whole-word matches) over every .txt file under `folder`."""
    files = size = matches = 0
    for base, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(".txt"):
                continue
            data = Path(base, name).read_bytes()
            files += 1
            size += len(data)
            text = data.decode("utf-8").lower()
            for end, length in automaton.iter(text):
                start = end - length + 1
                before = text[start - 1] if start else " "
                after = text[end + 1] if end + 1 < len(text) else " "
                if not before.isalnum() and not after.isalnum():
                    matches += 1
    return files, size, matches


def main() -> None:
    folder = Path(sys.argv[1])
    start = time.perf_counter()
    phrases = lexicon()
    automaton = build_automaton(phrases)
    built = time.perf_counter()
    files, size, matches = scan_folder(folder, automaton)
    done = time.perf_counter()
    print(f"{files} {size} {matches} {len(phrases)} {built - start:.3f} {done - built:.3f}")


if __name__ == "__main__":
    main()
