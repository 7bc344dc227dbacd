"""batch_names: across documents in one run, the rare spelling of a name the others share."""

from __future__ import annotations

from tests.conftest import run_cli


def test_a_run_reports_the_rare_spelling_of_a_name_its_other_documents_share(tmp_path):
    for i, text in enumerate(
        [
            "Nikos Vlachogiannis played Xerxes.",
            "Vlachogiannis was praised by the critics.",
            "The actor Nikos Vlachogiannis spoke after the show.",
            "Nikos Vlachoggiannis was not there.",
            "Nothing about her here.",
        ]
    ):
        (tmp_path / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--select", "names", "--no-cache", str(tmp_path))
    lines = [line for line in proc.stdout.splitlines() if "cross-document" in line]
    assert len(lines) == 1 and "3.txt:1:7:" in lines[0]
    assert "'Vlachoggiannis' here, but 'Vlachogiannis' 3 times in 3 other documents" in lines[0]
    (tmp_path / "3.txt").write_text("Nikos Vlachogiannis was not there.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--select", "names", "--no-cache", str(tmp_path))
    assert "cross-document" not in proc.stdout
