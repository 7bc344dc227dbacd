from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lint.config import Config
from lint.engine import Linter
from lint.packs import parse_pack

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    """Run the real `newslint` command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "lint", *args],
        cwd=cwd or ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def run_json(*args: str, cwd: Path | None = None) -> dict:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def cli():
    return run_cli


def one_rule(kind: str, options: str, message: str = "'{match}'") -> Linter:
    """A Linter of one rule of `kind`, from a pack written here (options indented six)."""
    text = f"""\
name: t
version: "1"
description: test
rules:
  - id: r
    kind: {kind}
    severity: warning
    message: "{message}"
    description: test
    options:
{options}
"""
    return Linter(parse_pack(text, "t.yaml").rules)


# The source-language leftover rules of issue 17, several kinds: the tests of
# each of those kinds select them all, so a span claimed by two shows.
LEFTOVER_RULES = (
    "mt.untranslated-word",
    "mt.untranslated-acronym",
    "mt.transliterated-word",
    "mt.spaced-quotes",
    "mt.lone-guillemet",
    "mt.dash-attribution-unquoted",
    "mt.unknown-token",
    "scrape.footnote-marker",
    "scrape.markup",
)
LEFTOVER_CONFIG = Config(select=LEFTOVER_RULES, extend_select=LEFTOVER_RULES)


def leftover_findings(text: str) -> list[tuple[str, str]]:
    """(rule, matched text) of each leftover finding in `text`."""
    import lint

    found = lint.check_text(text, config=LEFTOVER_CONFIG)
    return [(f.rule, text[f.offset : f.end_offset]) for f in found]


@pytest.fixture(scope="module")
def packs_linter() -> Linter:
    """The enabled rules of the misinformation and narratives packs."""
    from lint.packs import load_pack

    rules_dir = ROOT / "rules"
    rules = [r for p in ("misinfo.yaml", "narratives.yaml") for r in load_pack(rules_dir / p).rules]
    return Linter([r for r in rules if r.enabled])


def by_rule(findings: list, rule: str) -> list:
    return [f for f in findings if f.rule == rule]
