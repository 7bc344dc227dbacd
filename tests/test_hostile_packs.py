"""Hostile or broken packs are refused quickly, in bounded memory, and cannot
run code, read files outside their folder or hang the linter with a regex."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lint.packs import MAX_PACK_BYTES, PackContext, PackError, load_pack
from tests.conftest import run_cli

# Load a pack in a child with 512 MB of address space and a 30 s deadline.
LOAD_BOUNDED = textwrap.dedent(
    """
    import resource, sys
    limit = 512 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from lint.packs import PackError, load_pack
    try:
        load_pack(sys.argv[1])
    except PackError as exc:
        print(exc)
        sys.exit(3)
    """
)


def load_bounded(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", LOAD_BOUNDED, str(path)],
        capture_output=True,
        text=True,
        timeout=30,
    )


HOSTILE = {
    "python-tag": 'name: !!python/object/apply:os.system ["touch {marker}"]\n'
    "version: '1'\ndescription: x\nrules: []\n",
    "billion-laughs": "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n"
        for i in range(9)
    ),
    "deep-flow": "[" * 100_000 + "]" * 100_000,
    "deep-block": "".join("  " * i + "-\n" for i in range(2_000)),
    "malformed": "name: x\n  rules: [\n",
    "not-a-mapping": "- just\n- a list\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pack_is_refused_with_a_clear_error_in_bounded_time_and_memory(
    tmp_path: Path, name: str
):
    marker = tmp_path / "pwned"
    pack = tmp_path / f"{name}.yaml"
    pack.write_text(HOSTILE[name].replace("{marker}", str(marker)))
    proc = load_bounded(pack)
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert proc.stdout.startswith(str(pack))
    assert not marker.exists()


def test_enormous_pack_is_refused_before_it_is_read(tmp_path: Path):
    pack = tmp_path / "huge.yaml"
    with pack.open("wb") as fh:
        fh.truncate(MAX_PACK_BYTES + 1)  # sparse: no disk used
    proc = load_bounded(pack)
    assert proc.returncode == 3 and "limit" in proc.stdout


def test_pack_error_exits_2_from_the_command_line(tmp_path: Path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(HOSTILE["billion-laughs"])
    doc = tmp_path / "a.txt"
    doc.write_text("Fine text.\n")
    proc = run_cli("check", "--isolated", "--pack", str(pack), str(doc))
    assert proc.returncode == 2 and "anchors and aliases" in proc.stderr


CATASTROPHIC = """\
name: evil
version: "1"
description: A pattern that backtracks exponentially.
rules:
  - id: slow
    kind: existence
    severity: warning
    message: slow
    description: (a|aa)+$ on a long run of a's with no end.
    options:
      patterns: ["(a|aa)+$"]
"""


def test_catastrophic_regex_ends_the_run_with_an_error_naming_the_rule(tmp_path: Path):
    pack = tmp_path / "evil.yaml"
    pack.write_text(CATASTROPHIC)
    doc = tmp_path / "doc.txt"
    doc.write_text("a" * 40 + "!\n")
    other = tmp_path / "other.txt"
    other.write_text("Missiles struck Kiev.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--isolated", "--pack", str(pack), str(doc)]
        + [str(other)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert f"newslint: error: {doc}: rule evil.slow did not finish: pattern timed out" in (
        proc.stderr
    )
    assert "Kiev" in proc.stdout  # the other rules and files still ran
    assert "1 rule failure(s)" in proc.stderr


def test_pack_data_files_cannot_escape_the_pack_folder(tmp_path: Path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (folder / "terms.txt").write_text("ok")
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "sub").symlink_to(tmp_path, target_is_directory=True)
    context = PackContext(folder)
    assert context.read_text("terms.txt") == "ok"
    for name in ("../secret.txt", str(tmp_path / "secret.txt"), "link.txt", "sub/secret.txt"):
        with pytest.raises(ValueError, match="outside"):
            context.read_text(name)
    with pytest.raises(ValueError, match="not found"):
        context.read_text("missing.txt")


def test_unknown_kind_cannot_import_code(tmp_path: Path):
    pack = tmp_path / "p.yaml"
    pack.write_text(CATASTROPHIC.replace("kind: existence", "kind: os.system"))
    with pytest.raises(PackError, match="unknown kind"):
        load_pack(pack)


def _pack_with(rule_yaml: str) -> str:
    return textwrap.dedent(
        """\
        name: hostile
        version: "1"
        description: d
        rules:
        """
    ) + textwrap.indent(textwrap.dedent(rule_yaml), "  ")


BAD_MESSAGES = {
    "{match:>999999999}": "format spec",
    "{match!r}": "format spec",
    "{match!s:>10}": "format spec",
    "{match.__class__.__mro__}": "is not a name",
    "{match[0]}": "is not a name",
    "{}": "is not a name",
    "{0}": "is not a name",
    "a { b": "literal braces",
    "a } b": "literal braces",
    "{match:{width}}": "format spec",
}


@pytest.mark.parametrize("message", sorted(BAD_MESSAGES))
def test_a_message_with_a_format_spec_or_lookup_is_refused_at_load_with_its_line(
    tmp_path: Path, message: str
):
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        _pack_with(
            f"""\
            - id: bad
              kind: existence
              severity: warning
              message: {message!r}
              description: d
              options: {{tokens: [Kiev]}}
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(PackError) as error:
        load_pack(pack)
    assert str(error.value).startswith(f"{pack}:8: rule hostile.bad: message: ")
    assert BAD_MESSAGES[message] in str(error.value)


def test_a_refused_message_is_a_clear_cli_error_and_not_a_gigabyte(tmp_path: Path):
    pack = tmp_path / "pack.yaml"
    rule = """\
        - id: wide
          kind: existence
          severity: warning
          message: "{match:>999999999}"
          description: d
          options: {tokens: [Kiev]}
        """
    pack.write_text(_pack_with(rule), encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("Kiev\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--no-cache", "--pack", str(pack), str(doc))
    assert proc.returncode == 2 and len(proc.stdout) < 1000
    assert f"{pack}:8: rule hostile.wide: message: placeholder {{match:>999999999}}" in (
        proc.stderr
    )


MEMORY_BOMBS = {
    "nested repeats": "(((a{1000}){1000}){1000})",
    "one long repeat": "a{10000000}",
    "many repeats side by side": "(?:x{60000})" * 10,
    "deep nesting": "(" * 5000 + "a" + ")" * 5000,
}
OPTIONS = {
    "existence patterns": "kind: existence\n  options: {{patterns: [{p!r}]}}",
    "boilerplate lines": "kind: boilerplate\n  options: {{lines: [{p!r}]}}",
    # YAML keys longer than 1,024 characters must be written as explicit keys.
    "substitution regex": "kind: substitution\n  options:\n    regex: true\n"
    "    swap:\n      ? {p!r}\n      : x",
    "day_counter event": "kind: day_counter\n  options: {{counters: [{{event: {p!r}, "
    "start: '2022-02-24'}}]}}",
    "batch_facts events": "kind: batch_facts\n  options:\n    events:\n      ? {p!r}\n      : call",
}


@pytest.mark.parametrize("option", sorted(OPTIONS))
@pytest.mark.parametrize("bomb", sorted(MEMORY_BOMBS))
def test_a_pattern_too_big_or_too_deep_to_compile_is_refused_in_bounded_memory(
    tmp_path: Path, option: str, bomb: str
):
    rule = (
        "- id: bomb\n  severity: warning\n  message: m\n  description: d\n  "
        + OPTIONS[option].format(p=MEMORY_BOMBS[bomb])
        + "\n"
    )
    pack = tmp_path / "pack.yaml"
    pack.write_text(_pack_with(rule), encoding="utf-8")
    proc = load_bounded(pack)
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert "rule hostile.bomb" in proc.stdout
    assert (
        "units" in proc.stdout or "deeper than" in proc.stdout or "characters long" in (proc.stdout)
    )


def test_a_huge_or_undecodable_pack_data_file_is_a_pack_error_naming_the_rule(tmp_path: Path):
    """A data file beside a pack (`lines_file`, `terms_file`, ...) is read no
    further than the pack size limit: a 9 MB list is refused at load with the
    rule's file:line, in bounded memory, and so is one that is not UTF-8."""
    folder = tmp_path / "pack"
    folder.mkdir()
    with open(folder / "huge.txt", "wb") as fh:
        fh.write(b"Subscribe now\n" * 700_000)  # 9.8 MB
    (folder / "latin1.txt").write_bytes("Caf\xe9 menu\n".encode("latin-1"))
    doc = tmp_path / "doc.txt"
    doc.write_text("The minister spoke on Monday.\n")
    for name, reason in (("huge.txt", "over 8000000 bytes"), ("latin1.txt", "not UTF-8")):
        pack = folder / f"{name}.yaml"
        pack.write_text(
            'name: house\nversion: "1"\ndescription: House furniture.\nrules:\n'
            "  - id: furniture\n    kind: boilerplate\n    severity: warning\n"
            "    message: page furniture\n    description: Lines of our site's furniture.\n"
            f"    options:\n      lines_file: {name}\n"
        )
        proc = run_cli("check", "--isolated", "--no-cache", "--pack", str(pack), str(doc))
        assert proc.returncode == 2, proc.stderr
        assert f"{pack}:10: rule house.furniture" in proc.stderr and reason in proc.stderr, (
            proc.stderr
        )
        assert "Traceback" not in proc.stderr
