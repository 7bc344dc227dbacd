"""The command as users run it: formats, exit codes, configuration, -j."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, SEEDS, run_cli, run_json

SAMPLE = "Shelling hit Kiev on Monday.\r\n“Київ” said the the mayor of Кyiv 😀.\n"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))  # with a UTF-8 BOM
    return path


def test_json_positions_on_bom_crlf_cyrillic_and_emoji(sample: Path):
    data = run_json("--isolated", str(sample))
    spans = {(f["rule"], f["line"], f["column"], f["end_column"]) for f in data["findings"]}
    assert ("names.romanization", 1, 14, 18) in spans
    assert ("mt.repeated-word", 2, 13, 20) in spans
    assert ("mt.mixed-script", 2, 30, 34) in spans
    assert data["version"] == 1 and data["summary"]["files"] == 1


def test_exit_codes(tmp_path: Path, sample: Path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Shelling hit Kyiv on Monday.\n")
    assert run_cli("check", "--isolated", str(clean)).returncode == 0
    assert run_cli("check", "--isolated", str(sample)).returncode == 1
    assert run_cli("check", "--isolated", "--exit-zero", str(sample)).returncode == 0
    assert run_cli("check", "--isolated", "--fail-on", "error", str(sample)).returncode == 1
    assert (
        run_cli(
            "check", "--isolated", "--fail-on", "error", "--ignore", "mt.mixed-script", str(sample)
        ).returncode
        == 0
    )
    missing = run_cli("check", "--isolated", str(tmp_path / "nope.txt"), str(clean))
    assert missing.returncode == 2 and "nope.txt" in missing.stderr
    assert run_cli("check", "--format", "nonsense", str(clean)).returncode == 2


def test_text_and_full_formats(sample: Path):
    text = run_cli("check", "--isolated", str(sample)).stdout
    assert f"{sample}:1:14: warning names.romanization" in text
    full = run_cli("check", "--isolated", "--format", "full", str(sample)).stdout
    assert "Shelling hit Kiev on Monday." in full
    caret_line = full.splitlines()[
        full.splitlines().index("     1 | Shelling hit Kiev on Monday.") + 1
    ]
    assert caret_line.index("^") - len("       | ") == 13
    assert caret_line.count("^") == 4


def test_sarif_is_valid_against_the_schema(sample: Path):
    out = run_cli("check", "--isolated", "--format", "sarif", str(sample)).stdout
    sarif = json.loads(out)
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    kiev = next(r for r in run["results"] if r["ruleId"] == "names.romanization")
    assert kiev["locations"][0]["physicalLocation"]["region"]["startColumn"] == 14


def test_json_lines_github_and_junit(sample: Path):
    lines = run_cli("check", "--isolated", "--format", "json-lines", str(sample)).stdout
    records = [json.loads(x) for x in lines.splitlines()]
    assert {r["rule"] for r in records} >= {"names.romanization", "mt.repeated-word"}
    github = run_cli("check", "--isolated", "--format", "github", str(sample)).stdout
    assert "::warning file=" in github and "line=1,col=14" in github
    junit = run_cli("check", "--isolated", "--format", "junit", str(sample)).stdout
    root = ET.fromstring(junit)
    assert root.find("testsuite").get("failures") == "1"


def test_output_file_is_written_whole(tmp_path: Path, sample: Path):
    out = tmp_path / "report.json"
    proc = run_cli("check", "--isolated", "--format", "json", "-o", str(out), str(sample))
    assert proc.returncode == 1 and proc.stdout == ""
    assert json.loads(out.read_text())["findings"]
    assert out.stat().st_mode & 0o044 == 0o044  # readable like any new file (umask 022)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_stdin_is_checked_as_a_document():
    proc = run_cli("check", "--isolated", "-", stdin="Troops left Kharkov.\n")
    assert proc.returncode == 1
    assert "-:1:13: warning names.romanization" in proc.stdout


def test_nearest_configuration_wins(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint]\nignore = ["names"]\n', encoding="utf-8"
    )
    sub = tmp_path / "desk"
    sub.mkdir()
    (sub / ".newslint.toml").write_text(
        'ignore = ["mt"]\n[severity]\n"names.romanization" = "error"\n', encoding="utf-8"
    )
    text = "Troops left Kiev. The the end.\n"
    (tmp_path / "a.txt").write_text(text)
    (sub / "b.txt").write_text(text)
    data = run_json(".", cwd=tmp_path)
    by_file = {}
    for f in data["findings"]:
        by_file.setdefault(Path(f["path"]).name, set()).add((f["rule"], f["severity"]))
    assert by_file["a.txt"] == {("mt.repeated-word", "warning")}
    assert by_file["b.txt"] == {("names.romanization", "error")}
    # The command line adds to the file's configuration.
    data = run_json("--ignore", "mt", "a.txt", cwd=tmp_path)
    assert data["findings"] == []


def test_per_file_ignores_and_user_packs(tmp_path: Path):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "name: house\nversion: '1'\ndescription: d\nrules:\n"
        "  - id: no-utilize\n    kind: existence\n    severity: error\n"
        "    message: avoid\n    description: d\n    options: {tokens: [utilize]}\n"
        "  - id: romanization\n    kind: existence\n    severity: info\n"
        "    message: user version\n    description: d\n    options: {tokens: [Kiev]}\n",
        encoding="utf-8",
    )
    (tmp_path / ".newslint.toml").write_text(
        'packs = ["house.yaml"]\n[per-file-ignores]\n"old/*" = ["house"]\n', encoding="utf-8"
    )
    (tmp_path / "old").mkdir()
    (tmp_path / "new.txt").write_text("We utilize Kiev.\n")
    (tmp_path / "old" / "x.txt").write_text("We utilize Kiev.\n")
    data = run_json(".", cwd=tmp_path)
    rules = sorted((Path(f["path"]).name, f["rule"], f["severity"]) for f in data["findings"])
    assert ("new.txt", "house.no-utilize", "error") in rules
    assert ("x.txt", "house.no-utilize", "error") not in rules
    assert ("new.txt", "names.romanization", "warning") in rules  # built-in rule kept
    assert ("new.txt", "house.romanization", "info") in rules


def test_broken_user_pack_exits_2_naming_file_and_line(tmp_path: Path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "name: bad\nversion: '1'\ndescription: d\nrules:\n"
        "  - id: r\n    kind: nope\n    severity: error\n"
        "    message: m\n    description: d\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--isolated", "--pack", str(pack), str(SEEDS))
    assert proc.returncode == 2
    assert f"{pack}:6: rule bad.r: unknown kind 'nope'" in proc.stderr


def test_parallel_output_is_identical_to_serial(tmp_path: Path):
    for i in range(16):  # 64 files: enough for the default (-j 0) to start workers
        for seed in SEEDS.glob("*.txt"):
            (tmp_path / f"{i:02d}_{seed.name}").write_bytes(seed.read_bytes())
    one = run_cli("check", "--isolated", "--format", "json", "-j", "1", str(tmp_path))
    two = run_cli("check", "--isolated", "--format", "json", "-j", "2", str(tmp_path))
    auto = run_cli("check", "--isolated", "--format", "json", str(tmp_path))
    assert one.returncode == two.returncode == auto.returncode == 1
    assert one.stdout == two.stdout == auto.stdout
    assert len(json.loads(one.stdout)["findings"]) > 12


def test_jobs_default_to_one_per_core_only_for_many_inputs():
    import os

    from lint.runner import AUTO_JOBS_MIN_INPUTS, effective_jobs

    assert effective_jobs(0, 4) == 1  # a pre-commit run: no workers to start
    assert effective_jobs(0, AUTO_JOBS_MIN_INPUTS) == (os.cpu_count() or 1)
    assert effective_jobs(3, 4) == 3  # -j N is obeyed


def test_rules_rule_and_test_packs_commands():
    listing = run_cli("rules").stdout
    assert "names.romanization" in listing and "substitution" in listing
    explained = run_cli("rule", "names.romanization")
    assert explained.returncode == 0 and "chicken Kiev" in explained.stdout
    assert "warning: a probable defect a reader would notice" in explained.stdout
    assert run_cli("rule", "no.such").returncode == 2
    tested = run_cli("test-packs")
    assert tested.returncode == 0, tested.stdout
    assert " passed, 0 failed" in tested.stdout


def test_a_misspelt_rule_selector_is_an_error_naming_the_closest(tmp_path):
    """`--select nmes` used to run no rule and exit 0: a gate that passes everything."""
    (tmp_path / "a.txt").write_text("Missiles struck Kiev.\n", encoding="utf-8")
    for option, value, close in (
        ("--select", "nmes", "'names'"),
        ("--extend-select", "quality.fragmnt", "'quality.fragment'"),
        ("--ignore", "mt.repeted-word", "'mt.repeated-word'"),
    ):
        proc = run_cli("check", "--isolated", option, value, "a.txt", cwd=tmp_path)
        assert proc.returncode == 2, (option, proc.stderr)
        assert f"no rule id or prefix {value!r}; did you mean {close}" in proc.stderr
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint.severity]\n"names.romanisation" = "error"\n', encoding="utf-8"
    )
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "pyproject.toml: severity: no rule id" in proc.stderr
    assert (
        run_cli("check", "--isolated", "--select", "names,ALL", "a.txt", cwd=tmp_path).returncode
        == 1
    )
