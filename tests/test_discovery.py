"""Which files a folder walk checks (issue 18, items 5 and 6), through the real
CLI on real folders: .gitignore and .ignore with git's semantics, the default
vendor and build folders, --no-respect-gitignore, exclude and extend-exclude
on the command line and in the configuration, and --force-exclude for the
files pre-commit names."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli

KIEV = "Missiles struck Kiev on Monday.\n"  # one finding in every file


def _tree(root: Path, files: list[str]) -> None:
    for rel in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(KIEV, encoding="utf-8")


def checked(*args: str, cwd: Path) -> list[str]:
    """The files a `check` run reported on (each file holds one finding)."""
    # One rule is enough to see which files were read, and quick.
    proc = run_cli(
        "check", "--no-cache", "--format", "json", "--select", "names.romanization", *args, cwd=cwd
    )
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    paths = sorted({f["path"].removeprefix("./") for f in report["findings"]})
    assert len(paths) == report["summary"]["files"], report["summary"]
    return paths


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

VENDOR = [
    "venv/lib/python3.11/site-packages/pkg/README.txt",
    ".venv/lib/notes.txt",
    "env/lib/python3.11/site-packages/pkg/LICENSE.txt",
    "node_modules/left-pad/README.md",
    "build/lib/doc.txt",
    "dist/notes.md",
    "__pycache__/x.txt",
    ".tox/py311/log.txt",
    ".newslint_cache/x.txt",
]


def test_the_usual_vendor_and_build_folders_are_skipped(tmp_path: Path):
    _tree(tmp_path, ["story.txt", "desk/draft.md", *VENDOR])
    assert checked("--isolated", ".", cwd=tmp_path) == ["desk/draft.md", "story.txt"]
    # Named on the command line, a folder is walked all the same (as in ruff).
    assert checked("--isolated", "build", cwd=tmp_path) == ["build/lib/doc.txt"]


GITIGNORE_TREE = [
    "keep.txt",
    "debug.txt",
    "logs/today.txt",
    "logs/keep-this.txt",
    "out/a.txt",
    "nested/out/b.txt",
    "docs/root-only.txt",
    "root-only.txt",
    "sub/secret.txt",
    "sub/public.txt",
    "sub/deep/secret.txt",
    "sub/deep/notes.md",
    "exclude-info.txt",
    "drafts/x.md",
    "drafts/important.md",
]


def _gitignores(root: Path) -> None:
    (root / ".gitignore").write_text(
        "# comments and blank lines are ignored\n\n"
        "debug.txt\n"
        "logs/*\n"
        "!logs/keep-this.txt\n"  # negation
        "/out/\n"  # anchored, folders only: nested/out/ stays
        "/root-only.txt\n"  # anchored: docs/root-only.txt stays
        "drafts/\n"
        "!drafts/important.md\n"  # cannot re-include inside an ignored folder (git's rule)
    )
    (root / "sub" / ".gitignore").write_text("secret.txt\n")  # nested: any depth below sub/
    (root / "sub" / "deep" / ".gitignore").write_text("!secret.txt\n")  # deeper file wins


@needs_git
def test_gitignore_is_applied_as_git_applies_it(tmp_path: Path):
    _git(tmp_path, "init", "-q")
    _tree(tmp_path, GITIGNORE_TREE)
    _gitignores(tmp_path)
    (tmp_path / ".git" / "info" / "exclude").write_text("exclude-info.txt\n")
    found = checked("--isolated", ".", cwd=tmp_path)
    # git itself is the oracle: the files it does not ignore.
    untracked = _git(tmp_path, "ls-files", "--others", "--exclude-standard")
    expected = sorted(p for p in untracked.splitlines() if p.endswith((".txt", ".md")))
    assert found == expected
    assert found == [
        "docs/root-only.txt",
        "keep.txt",
        "logs/keep-this.txt",
        "nested/out/b.txt",
        "sub/deep/notes.md",
        "sub/deep/secret.txt",
        "sub/public.txt",
    ]
    # Walking a subfolder, the .gitignore files above it still apply.
    assert checked("--isolated", "sub", cwd=tmp_path) == [
        "sub/deep/notes.md",
        "sub/deep/secret.txt",
        "sub/public.txt",
    ]
    assert checked("--isolated", ".", cwd=tmp_path / "logs") == ["keep-this.txt"]
    # --no-respect-gitignore walks everything the defaults do not skip.
    everything = checked("--isolated", "--no-respect-gitignore", ".", cwd=tmp_path)
    assert everything == sorted(GITIGNORE_TREE)
    # A file named on the command line is checked even when ignored.
    assert checked("--isolated", "debug.txt", cwd=tmp_path) == ["debug.txt"]


@needs_git
def test_a_folder_named_on_the_command_line_is_walked_even_when_ignored(tmp_path: Path):
    """`newslint check bench/out/corpus` when .gitignore holds `bench/out/` (as
    ripgrep and ruff walk a named folder); the other patterns still apply."""
    _git(tmp_path, "init", "-q")
    _tree(tmp_path, ["bench/out/corpus/0001/a.txt", "bench/out/corpus/0001/b.tmp.txt", "c.txt"])
    (tmp_path / ".gitignore").write_text("bench/out/\n*.tmp.txt\n")
    assert checked("--isolated", ".", cwd=tmp_path) == ["c.txt"]
    assert checked("--isolated", "bench/out/corpus", cwd=tmp_path) == [
        "bench/out/corpus/0001/a.txt"
    ]
    assert checked("--isolated", "corpus", cwd=tmp_path / "bench" / "out") == ["corpus/0001/a.txt"]


def test_gitignore_and_ignore_files_count_outside_a_git_repository(tmp_path: Path):
    _tree(tmp_path, GITIGNORE_TREE)
    _gitignores(tmp_path)
    assert not (tmp_path / ".git").exists()
    (tmp_path / "sub" / ".ignore").write_text("public.txt\n")  # ripgrep's and ruff's .ignore
    (tmp_path / "docs" / ".gitignore").write_text("!*.txt\n")
    (tmp_path / "docs" / ".ignore").write_text("root-only.txt\n")  # .ignore beats .gitignore
    assert checked("--isolated", ".", cwd=tmp_path) == [
        "exclude-info.txt",
        "keep.txt",
        "logs/keep-this.txt",
        "nested/out/b.txt",
        "sub/deep/notes.md",
        "sub/deep/secret.txt",
    ]
    assert len(checked("--isolated", "--no-respect-gitignore", ".", cwd=tmp_path)) == len(
        GITIGNORE_TREE
    )


def test_respect_gitignore_can_be_switched_off_in_the_configuration(tmp_path: Path):
    _tree(tmp_path, ["a.txt", "ignored.txt"])
    (tmp_path / ".gitignore").write_text("ignored.txt\n")
    assert checked(".", cwd=tmp_path) == ["a.txt"]
    (tmp_path / ".newslint.toml").write_text("respect-gitignore = false\n")
    assert checked(".", cwd=tmp_path) == ["a.txt", "ignored.txt"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(tmp_path: Path):
    _tree(tmp_path, ["story.txt", "drafts/x.txt", "archive/2019/y.txt", "build/z.txt"])
    assert checked("--isolated", ".", cwd=tmp_path) == [
        "archive/2019/y.txt",
        "drafts/x.txt",
        "story.txt",
    ]
    assert checked("--isolated", "--extend-exclude", "drafts,archive/*", ".", cwd=tmp_path) == [
        "story.txt"
    ]
    # --exclude replaces the default list: build/ is walked again.
    assert checked("--isolated", "--exclude", "drafts", ".", cwd=tmp_path) == [
        "archive/2019/y.txt",
        "build/z.txt",
        "story.txt",
    ]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint]\nextend-exclude = ["drafts"]\n', encoding="utf-8"
    )
    assert checked(".", cwd=tmp_path) == ["archive/2019/y.txt", "story.txt"]
    assert checked("--extend-exclude", "archive", ".", cwd=tmp_path) == ["story.txt"]
    # The configuration's `exclude` replaces the defaults; its extend-exclude still adds.
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint]\nexclude = ["archive"]\nextend-exclude = ["drafts"]\n', encoding="utf-8"
    )
    assert checked(".", cwd=tmp_path) == ["build/z.txt", "story.txt"]


def test_force_exclude_applies_the_excludes_to_named_files(tmp_path: Path):
    """pre-commit names each staged file; without --force-exclude `exclude` was bypassed."""
    _tree(tmp_path, ["story.txt", "drafts/x.txt", "drafts/deep/y.md", "node_modules/m/r.md"])
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint]\nextend-exclude = ["drafts"]\n', encoding="utf-8"
    )
    named = ("story.txt", "drafts/x.txt", "drafts/deep/y.md", "node_modules/m/r.md")
    assert checked(*named, cwd=tmp_path) == sorted(named)
    assert checked("--force-exclude", *named, cwd=tmp_path) == ["story.txt"]
    assert checked("--force-exclude", "drafts", "story.txt", cwd=tmp_path) == ["story.txt"]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint]\nextend-exclude = ["drafts"]\nforce-exclude = true\n', encoding="utf-8"
    )
    assert checked(*named, cwd=tmp_path) == ["story.txt"]
    assert checked("--no-force-exclude", *named, cwd=tmp_path) == sorted(named)
    # Every named file excluded: exit 0, as in ruff, with a warning.
    proc = run_cli("check", "drafts/x.txt", cwd=tmp_path)
    assert proc.returncode == 0 and "no documents to check" in proc.stderr


def test_the_precommit_hook_passes_force_exclude():
    hooks = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text()
    assert "entry: newslint check --force-exclude" in hooks


def test_a_file_named_twice_is_checked_and_fixed_once(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Missiles struck Kiev.\nThe the mayor spoke.\n")
    assert checked("--isolated", ".", "a.txt", "./a.txt", cwd=tmp_path) == ["a.txt"]
    proc = run_cli("check", "--isolated", "--diff", "a.txt", ".", "./a.txt", cwd=tmp_path)
    assert proc.stdout.count("+++ b/") == 1
    assert "2 fix(es) would be applied to 1 file(s)" in proc.stderr
    proc = run_cli("check", "--isolated", "--fix", ".", "a.txt", cwd=tmp_path)
    assert "fixed 2 finding(s) in 1 file(s)" in proc.stderr
    assert (tmp_path / "a.txt").read_text() == "Missiles struck Kyiv.\nThe mayor spoke.\n"


def test_baseline_walks_folders_the_same_way(tmp_path: Path):
    _tree(tmp_path, ["a.txt", "venv/b.txt", "ignored/c.txt"])
    (tmp_path / ".gitignore").write_text("ignored/\n")
    proc = run_cli("baseline", "--isolated", "-o", "base.json", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "wrote 1 finding(s)" in proc.stderr


def test_json_lines_walks_skip_the_same_folders(tmp_path: Path):
    record = json.dumps({"id": "1", "text": KIEV}) + "\n"
    for rel in ("feed.jsonl", "node_modules/x.jsonl", "old/y.jsonl"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(record)
    (tmp_path / ".ignore").write_text("old/\n")
    proc = run_cli(
        "check", "--isolated", "--format", "json", "--jsonl-field", "text", ".", cwd=tmp_path
    )
    paths = {f["path"] for f in json.loads(proc.stdout)["findings"]}
    assert paths == {"./feed.jsonl#L1"}
