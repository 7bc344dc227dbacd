"""The HTML report in a real headless browser (Debian's chromium, driven by Playwright):
highlights are in place, filters hide and show them, a click explains a finding."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_cli

CHROMIUM = os.environ.get("NEWSLINT_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def test_report_is_self_contained(tmp_path):
    out = tmp_path / "report.html"
    proc = run_cli("check", "--format", "html", "-o", str(out), str(SEEDS))
    assert proc.returncode in (0, 1), proc.stderr
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched
    assert "<svg" in page and page.count("<mark data-ids=") > 5


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.skip(f"chromium not found at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def test_highlights_filters_and_screenshot(browser, tmp_path):
    out = tmp_path / "report.html"
    run_cli("check", "--format", "html", "-o", str(out), str(SEEDS))
    findings = json.loads(run_cli("check", "--format", "json", str(SEEDS)).stdout)["findings"]
    rules = sorted({f["rule"] for f in findings})
    rule = max(rules, key=lambda r: sum(f["rule"] == r for f in findings))
    of_rule = sum(f["rule"] == rule for f in findings)
    warnings = sum(f["severity"] == "warning" for f in findings)

    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(out.as_uri())
    shown = page.locator("#shown")
    lit = page.locator("mark[data-ids]:not(.off)")
    items = page.locator("li[data-id]:not(.off)")
    assert shown.inner_text() == str(len(findings))
    assert items.count() == len(findings)
    assert lit.count() >= len({(f["path"], f["line"], f["column"]) for f in findings}) // 2

    # Hiding one rule hides its findings and its highlights; showing it brings them back.
    lit_before = lit.count()
    page.locator(f'input[data-filter="rule"][value="{rule}"]').uncheck()
    assert shown.inner_text() == str(len(findings) - of_rule)
    assert items.count() == len(findings) - of_rule
    assert lit.count() < lit_before
    page.locator(f'input[data-filter="rule"][value="{rule}"]').check()
    assert lit.count() == lit_before

    # Hiding a severity hides every finding at it.
    page.locator('input[data-filter="severity"][value="warning"]').uncheck()
    assert items.count() == len(findings) - warnings
    page.locator('input[data-filter="severity"][value="warning"]').check()

    # A click on a highlight shows its message.
    first = lit.first
    first.scroll_into_view_if_needed()
    first.click()
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert any(f["message"] in tip.inner_text() for f in findings)

    shot = Path(tempfile.gettempdir()) / "newslint-html-report.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    page.close()
