"""The full JSON report on the seeds and on each pack's documents, compared
exactly with the snapshots in tests/snapshots/ (see tests/snapshots/__init__.py).

When a change of findings is intended: `python -m tests.snapshots --update`, or
this file with NEWSLINT_UPDATE_SNAPSHOTS=1; then review and commit the diff.
"""

from __future__ import annotations

import pytest

from tests.snapshots import (
    CASES,
    HERE,
    UPDATE_COMMAND,
    UPDATE_ENV,
    difference,
    render,
    snapshot_path,
    wants_update,
)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_json_report_matches_its_snapshot(name):
    actual = render(name)
    path = snapshot_path(name)
    if wants_update():
        path.write_text(actual, encoding="utf-8")
        return
    how = f"If the change is intended: {UPDATE_COMMAND} {name} (or {UPDATE_ENV}=1 pytest)"
    if not path.is_file():
        pytest.fail(f"no snapshot {path.name} yet. {how}", pytrace=False)
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        pytest.fail(
            f"the JSON report of case {name!r} differs from {path.name}:\n\n"
            f"{difference(name, expected, actual)}\n{how}",
            pytrace=False,
        )


def test_every_snapshot_file_belongs_to_a_case():
    stored = {path.stem for path in HERE.glob("*.json")}
    assert stored == set(CASES), "remove snapshots of cases that are gone: " + ", ".join(
        sorted(stored - set(CASES))
    )


def test_the_snapshots_cover_every_rule_of_every_pack():
    """Each pack's documents exercise each of its rules (grammar needs a server)."""
    import json

    from lint.packs import builtin_pack_paths, load_pack

    for path in builtin_pack_paths():
        case = f"pack-{path.stem}"
        if path.stem == "grammar":
            continue
        report = json.loads(snapshot_path(case).read_text(encoding="utf-8"))
        fired = {finding["rule"] for finding in report["findings"]}
        missing = sorted({rule.id for rule in load_pack(path).rules} - fired)
        assert missing == [], f"{case}: no document exercises {', '.join(missing)}"
