"""The contract between the engine and the rule kinds (lint.kinds.base), walked
over the whole registry, and the one runner that serves every way in.

Every kind declares a `Kind` (or `BatchKind`) with documented options; every
built-in rule has examples; no kind imports the engine or the runner; the
registry's names are snake_case, and the old hyphenated spellings still load.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lint.kinds import ALIASES, KINDS, canonical, get_kind, load_kind
from lint.kinds.base import BatchKind, Kind, PackContext
from lint.rulebook import builtin_packs
from tests.conftest import ROOT, run_cli

LINT = ROOT / "lint"
KIND_MODULES = sorted(set(KINDS.values()))
# Modules a kind must never import: they import the kinds.
ABOVE_THE_KINDS = (
    "lint.engine",
    "lint.runner",
    "lint.rulebook",
    "lint.packs",
    "lint.rule",
    "lint.cli",
    "lint.selftest",
    "lint.workers",
    "lint.segments",
)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("module", [*KIND_MODULES, "lint.kinds.base", "lint.kinds"])
def test_no_kind_imports_the_engine_or_the_runner(module):
    path = LINT / "kinds" / ("__init__.py" if module == "lint.kinds" else module[11:] + ".py")
    upward = {name for name in _imports(path) if name.startswith(ABOVE_THE_KINDS)}
    assert not upward, f"{module} imports {sorted(upward)}, which import the kinds"


def test_the_contract_modules_import_nothing_above_them():
    # The finding builders and Rule sit below the engine: they never import it.
    for name in ("finding.py", "rule.py", "options.py", "plain.py"):
        upward = {m for m in _imports(LINT / name) if m.startswith(("lint.engine", "lint.runner"))}
        assert not upward, f"lint/{name} imports {sorted(upward)}"


def test_importing_every_kind_loads_neither_engine_nor_runner():
    code = (
        "import importlib, sys\n"
        f"for m in {KIND_MODULES!r}:\n"
        "    importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m in "
        f"{list(ABOVE_THE_KINDS)!r}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert proc.stdout.strip() == "[]"


def test_the_engine_discovers_no_hook_by_name():
    tree = ast.parse((LINT / "engine.py").read_text(encoding="utf-8"))
    calls = [
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("hasattr", "getattr")
    ]
    assert calls == []


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_kind_meets_the_protocol(name):
    kind = load_kind(name)
    assert isinstance(kind, Kind)
    module = importlib.import_module(KINDS[name])
    assert get_kind(name) is module and module.KIND is kind
    assert module.__doc__ and module.__doc__.strip(), f"{name}: no module docstring"
    options = kind.Options
    assert dataclasses.is_dataclass(options) and options.__dataclass_params__.frozen
    # Every option has a default or is required; the defaults build.
    required = [
        f.name
        for f in dataclasses.fields(options)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    assert len(inspect.signature(kind.prepare).parameters) == 2
    assert len(inspect.signature(kind.check).parameters) == 2
    assert isinstance(kind.language_neutral, bool) and isinstance(kind.cacheable, bool)
    if isinstance(kind, BatchKind):
        for hook in (kind.collect, kind.resolve):
            assert len(inspect.signature(hook).parameters) == 2
        assert callable(kind.fact_to_json) and callable(kind.fact_from_json)
    if not required and name != "grammar":  # grammar wants a server
        context = PackContext(ROOT / "rules", builtin=True)
        try:
            compiled = kind.prepare(options(), context)
        except ValueError:
            return  # a kind that needs some option (terms, nouns): said plainly
        assert kind.unavailable(compiled) is None


def _undocumented_options(module_name: str) -> list[str]:
    """Options with no comment on their line or the line above, and not named
    in the module's or the class's docstring."""
    module = importlib.import_module(module_name)
    source = inspect.getsource(module)
    tree = ast.parse(source)
    lines = source.splitlines()
    [cls] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Options"]
    docs = (ast.get_docstring(tree) or "") + (ast.get_docstring(cls) or "")
    missing = []
    for statement in cls.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            field = statement.target.id
            line = lines[statement.lineno - 1]
            above = lines[statement.lineno - 2].strip()
            if "#" in line or above.startswith("#") or f"`{field}`" in docs:
                continue
            missing.append(field)
    return missing


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_option_is_documented(name):
    assert _undocumented_options(KINDS[name]) == []


def test_every_builtin_rule_has_examples_both_ways():
    rules = [rule for pack in builtin_packs().values() for rule in pack.rules]
    assert len(rules) > 50
    bare = [r.id for r in rules if not (r.examples_flag and r.examples_pass)]
    assert bare == []


def test_registry_names_are_snake_case_and_aliases_point_at_kinds():
    for name in KINDS:
        assert name == name.lower() and "-" not in name, name
    for alias, name in ALIASES.items():
        assert "-" in alias and name in KINDS and canonical(alias) == name


def _pack(tmp_path: Path, kind: str, options: str = "") -> Path:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "name: t\n"
        'version: "1"\n'
        "description: a test pack\n"
        "rules:\n"
        "  - id: r\n"
        f"    kind: {kind}\n"
        "    severity: warning\n"
        "    message: 'found {match}'\n"
        "    description: a rule\n" + options,
        encoding="utf-8",
    )
    return pack


def test_a_deprecated_kind_spelling_still_loads(tmp_path):
    pack = _pack(tmp_path, "unattributed-quote", "    options:\n      min_words: 8\n")
    doc = tmp_path / "a.txt"
    text = (
        "The mood in the capital was grim. \u201cWe will never accept this humiliation from "
        "the West and its puppets.\u201d Crowds gathered in the square.\n"
    )
    doc.write_text(text, encoding="utf-8")
    proc = run_cli(
        "check", "--isolated", "--no-cache", "--pack", str(pack), "--select", "t", "--format",
        "json", str(doc),
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    [finding] = json.loads(proc.stdout)["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("t.r", 1, 35)
    listed = run_cli("rules", "--isolated", "--pack", str(pack), "--select", "t")
    assert "unattributed_quote" in listed.stdout  # the canonical name


def test_a_mode_outside_its_literal_is_a_pack_error_with_file_and_line(tmp_path):
    pack = _pack(tmp_path, "weekday_date", "    options:\n      check: weekdays\n")
    doc = tmp_path / "a.txt"
    doc.write_text("On Monday, April 12, 2022, it rained.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--no-cache", "--pack", str(pack), str(doc))
    assert proc.returncode == 2
    assert (
        f"{pack}:11: rule t.r: option 'check' should be one of 'weekday', 'impossible', "
        "'relative', got 'weekdays'"
    ) in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_find_mode_is_checked_too(tmp_path):
    pack = _pack(tmp_path, "locale_format", "    options:\n      find: decimal_comma\n")
    proc = run_cli("test-packs", str(pack))
    assert proc.returncode == 2
    assert "option 'find' should be one of 'decimal-comma'" in proc.stderr


# --- one runner ----------------------------------------------------------------


def test_jsonl_and_fix_use_only_the_runners_public_interface():
    for name in ("jsonl.py", "fix.py", "workers.py", "cli.py"):
        text = (LINT / name).read_text(encoding="utf-8")
        for private in ("_init_worker", "_RESOLVER", "_RESULTS", "_check_all", "_LINTERS"):
            assert private not in text, f"lint/{name} uses {private}"


def test_report_declares_its_records():
    from lint.runner import Report

    assert "records" in {f.name for f in dataclasses.fields(Report)}


def test_no_setting_travels_through_globals_or_the_environment():
    # The CLI once set NEWSLINT_PROFILE and flipped lint.progress.ENABLED.
    for path in LINT.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "NEWSLINT_PROFILE" not in text, path
    import lint.progress

    assert not hasattr(lint.progress, "ENABLED")


def test_profile_and_progress_are_settings_of_one_run(tmp_path):
    from lint.runner import Runner, Settings

    doc = tmp_path / "a.txt"
    doc.write_text("Shelling hit Kiev on Monday.\n", encoding="utf-8")
    timed = Runner(Settings(isolated=True, profile=True, progress=False)).run([str(doc)])
    plain = Runner(Settings(isolated=True)).run([str(doc)])
    assert timed.timings and not plain.timings
    assert timed.findings == plain.findings


def test_check_text_depends_on_its_arguments_only(tmp_path):
    import lint
    from lint.config import Config
    from lint.runner import Runner, Settings

    text = "Shelling hit Kiev on Monday."
    before = lint.check_text(text)
    Runner(Settings(isolated=True, profile=True, ignore=("names",))).run([str(ROOT / "seeds")])
    assert lint.check_text(text) == before
    assert [f.rule for f in lint.check_text(text, config=Config(ignore=("names",)))] == []
    assert lint.check_text(text) == before
