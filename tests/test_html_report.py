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


def _rule_counts(page, chart: str) -> dict[str, int]:
    """What a chart shows: label -> count of each bar."""
    bars = page.locator(f"#{chart} rect")
    return {
        bars.nth(k).get_attribute("data-label"): int(bars.nth(k).get_attribute("data-count"))
        for k in range(bars.count())
    }


def test_only_none_all_controls_and_charts_follow_the_filters(browser, tmp_path):
    out = tmp_path / "report.html"
    run_cli("check", "--format", "html", "-o", str(out), str(SEEDS))
    findings = json.loads(run_cli("check", "--format", "json", str(SEEDS)).stdout)["findings"]
    per_rule: dict[str, int] = {}
    for f in findings:
        per_rule[f["rule"]] = per_rule.get(f["rule"], 0) + 1
    rule = "scrape.photo-credit"
    assert per_rule[rule] >= 2 and len(per_rule) > 5

    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(out.as_uri())
    shown = page.locator("#shown")
    items = page.locator("li[data-id]:not(.off)")
    assert _rule_counts(page, "chart-rules") == per_rule

    # "only": one rule's findings, highlights and bars; the other boxes unchecked.
    page.locator(f'button[data-only="{rule}"]').click()
    assert shown.inner_text() == str(per_rule[rule])
    assert items.count() == per_rule[rule]
    assert page.locator('input[data-filter="rule"]:checked').count() == 1
    assert _rule_counts(page, "chart-rules") == {rule: per_rule[rule]}
    docs = _rule_counts(page, "chart-docs")
    assert sum(docs.values()) == per_rule[rule]
    assert set(docs) == {f["path"] for f in findings if f["rule"] == rule}

    # "none": nothing shown, no highlight lit, the charts say so.
    page.locator('button[data-none="rule"]').click()
    assert shown.inner_text() == "0" and items.count() == 0
    assert page.locator("mark[data-ids]:not(.off)").count() == 0
    assert _rule_counts(page, "chart-rules") == {}
    assert "no finding shown" in page.locator("#chart-rules").inner_html()

    # "all" brings everything back; a severity filter changes the charts too.
    page.locator('button[data-all="rule"]').click()
    assert shown.inner_text() == str(len(findings))
    page.locator('input[data-filter="severity"][value="warning"]').uncheck()
    not_warnings: dict[str, int] = {}
    for f in findings:
        if f["severity"] != "warning":
            not_warnings[f["rule"]] = not_warnings.get(f["rule"], 0) + 1
    assert _rule_counts(page, "chart-rules") == not_warnings
    page.close()


def _long_document(folder: Path) -> Path:
    """120 lines: a span finding (Kiev) on line 100, a whole-line one on line 110."""
    lines = [
        f"Line {k}: the council met on a quiet morning and talked about item number {k} "
        "for an hour."
        for k in range(1, 121)
    ]
    lines[99] = "Missiles struck Kiev on Monday, officials said."
    lines[109] = "Comments are closed."
    path = folder / "long.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


IN_VIEW = """m => { const r = m.getBoundingClientRect();
  const box = m.closest('.text').getBoundingClientRect();
  return r.top >= box.top && r.bottom <= box.bottom && r.top >= 0 && r.bottom <= innerHeight; }"""


def test_a_finding_in_the_list_scrolls_to_its_span_and_whole_lines_are_lit_whole(browser, tmp_path):
    doc = _long_document(tmp_path)
    out = tmp_path / "report.html"
    proc = run_cli(
        "check", "--isolated", "--no-cache", "--format", "html", "-o", str(out), str(doc)
    )
    assert proc.returncode == 1, proc.stderr
    page = browser.new_page(viewport={"width": 1200, "height": 700})
    page.goto(out.as_uri())
    items = page.locator("li[data-id]")
    assert items.count() == 2
    kiev = page.locator("mark[data-ids='0']")
    assert kiev.inner_text() == "Kiev"
    assert not kiev.evaluate(IN_VIEW)  # line 100 of a box 32em high: out of sight

    items.nth(0).click()
    assert kiev.evaluate(IN_VIEW)
    assert page.locator("mark.current").count() == 1
    assert "current" in (kiev.get_attribute("class") or "")
    assert "current" in (items.nth(0).get_attribute("class") or "")

    # The whole-line finding: its mark spans the text box's width, not its 20 characters.
    items.nth(1).click()
    line = page.locator("mark.current")
    assert line.count() == 1 and "line" in line.get_attribute("class")
    assert line.inner_text() == "Comments are closed."
    assert line.evaluate(IN_VIEW) and not kiev.evaluate("m => m.classList.contains('current')")
    width = line.evaluate("m => m.getBoundingClientRect().width")
    box = line.evaluate("m => m.closest('.text').clientWidth")
    words = kiev.evaluate("m => m.getBoundingClientRect().width")
    assert width > 0.9 * (box - 20) and words < 0.1 * box
    # Its line stands alone: the lines around it are where they were.
    text = page.locator(".text").inner_text()
    assert "Line 109: the council" in text and "\nComments are closed.\nLine 111" in text
    page.close()


def test_zero_width_findings_light_their_whole_line(browser, tmp_path):
    from lint.finding import Finding
    from lint.report import render
    from lint.runner import Report

    doc = tmp_path / "zero.txt"
    doc.write_text("First line.\nDRAFT <b>text</b> here.\n\nLast.", encoding="utf-8")
    findings = [
        Finding(str(doc), 2, 1, 2, 1, "x.draft", "warning", "a draft", offset=12, end_offset=12),
        Finding(str(doc), 3, 1, 3, 1, "x.empty", "info", "an empty line", offset=36, end_offset=36),
        Finding(str(doc), 2, 7, 2, 10, "x.tag", "error", "a tag", offset=18, end_offset=21),
    ]
    report = Report(findings=findings, checked=[str(doc)], words={str(doc): 5})
    page_html = render("html", report)
    assert "<b>text" not in page_html and "text&lt;/b&gt; here" in page_html
    out = tmp_path / "report.html"
    out.write_text(page_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    page.goto(out.as_uri())
    lines = page.locator("mark.line")
    assert lines.count() == 2
    assert lines.nth(0).inner_text() == "DRAFT <b>text</b> here."
    assert lines.nth(0).locator("mark[data-ids='2']").inner_text() == "<b>"
    assert lines.nth(1).inner_text() == ""  # the empty line, still drawn
    assert lines.nth(1).evaluate("m => m.getBoundingClientRect().height") > 5
    assert page.locator(".text").inner_text() == "First line.\nDRAFT <b>text</b> here.\n\nLast."
    page.close()
