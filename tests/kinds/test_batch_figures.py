"""batch_figures: across documents, one count given figures that cannot both be true."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_json


def test_cross_document_figures_in_worker_processes(tmp_path):
    (tmp_path / "a.txt").write_text(
        "A missile strike on the Kramatorsk station killed 52 civilians, "
        "Governor Pavlo Kyrylenko said on Friday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "The rocket attack on Kramatorsk killed 39 civilians, Pavlo Kyrylenko said.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_text(
        "Shelling in Kharkiv killed 39 civilians, Oleh Synyehubov said.\n", encoding="utf-8"
    )
    select = ("--isolated", "--no-cache", "--select", "numbers.cross-document-figure")
    for jobs in ("1", "2"):
        findings = run_json(*select, "-j", jobs, str(tmp_path))["findings"]
        assert sorted((Path(f["path"]).name, f["severity"]) for f in findings) == [
            ("a.txt", "info"),
            ("b.txt", "info"),
        ]
        message = [f for f in findings if f["path"].endswith("a.txt")][0]["message"]
        assert "b.txt:1 ('39 civilians')" in message
