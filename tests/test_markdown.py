"""Markdown is checked as prose: code, link targets, HTML, front matter and
table pipes are neither linted nor fixed, and positions point into the file
(issue 18, item 9). URLs and e-mail addresses are never rewritten (item 2)."""

from __future__ import annotations

import json

from lint.markdown_prose import is_markdown, prose_only
from tests.conftest import run_cli

ROMANIZATION = "names.romanization"

DOC = """---
title: Kiev in front matter
---
# Shelling in Kiev

Missiles struck Kiev on Monday, see [the Kiev report](https://example.com/kiev-news "Kiev").

```text
Kiev inside a fence
```

    Kiev in indented code

Inline `Kiev` code, <span title="Kiev">raw</span> and <!-- Kiev in a comment -->.

<div>
Kiev in an HTML block
</div>

| City | Note |
|------|------|
| Kiev | `Kiev` |

> - Quoted item about Kiev
![Kiev alt](img/kiev.png) <https://kiev.ua/kiev> press@kiev-news.ua https://example.com/kiev-news
"""


def _findings(*args: str) -> list[dict]:
    proc = run_cli("check", "--format", "json", "--isolated", "--no-cache", *args)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


def test_only_prose_is_reported_at_its_place_in_the_file(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text(DOC, encoding="utf-8")
    found = [
        (f["line"], f["column"], f["end_column"])
        for f in _findings("--select", ROMANIZATION, str(doc))
    ]
    lines = DOC.split("\n")
    expected = []
    for number, text, nth in [
        (4, "# Shelling in Kiev", 0),
        (6, lines[5], 0),  # prose
        (6, lines[5], 1),  # link text
        (22, lines[21], 0),  # table cell
        (24, lines[23], 0),  # quoted list item
        (25, lines[24], 0),  # image alt text
    ]:
        at = -1
        for _ in range(nth + 1):
            at = text.index("Kiev", at + 1)
        expected.append((number, at + 1, at + 5))
    assert found == expected


def test_the_same_file_as_txt_is_plain_text(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(DOC, encoding="utf-8")
    found = _findings("--select", ROMANIZATION, str(doc))
    # Every Kiev outside the URLs and the e-mail address is reported in plain text.
    assert {f["line"] for f in found} == {2, 4, 6, 9, 12, 14, 17, 22, 24, 25}
    assert [f["column"] for f in found if f["line"] == 14] == [9, 60]  # code, comment


def test_fix_changes_prose_and_leaves_code_links_urls_and_addresses(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text(DOC, encoding="utf-8")
    proc = run_cli("check", "--fix", "--isolated", "--no-cache", str(doc))
    assert proc.returncode in (0, 1), proc.stderr
    after = doc.read_text(encoding="utf-8").split("\n")
    before = DOC.split("\n")
    changed = {i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b}
    assert changed == {4, 6, 22, 24, 25}
    assert after[5] == (
        "Missiles struck Kyiv on Monday, see [the Kyiv report]"
        '(https://example.com/kiev-news "Kiev").'
    )
    assert after[24] == (
        "![Kyiv alt](img/kiev.png) <https://kiev.ua/kiev> press@kiev-news.ua "
        "https://example.com/kiev-news"
    )
    assert after[21] == "| Kyiv | `Kiev` |"


def test_urls_and_addresses_in_plain_text_are_not_fixed_or_reported(tmp_path):
    doc = tmp_path / "a.txt"
    text = (
        "Missiles struck Kiev. Read https://example.com/kiev-news or www.kiev-news.ua/kiev, "
        "or write to press@kiev-news.ua.\n"
    )
    doc.write_text(text, encoding="utf-8")
    found = _findings("--select", ROMANIZATION, str(doc))
    assert [(f["line"], f["column"]) for f in found] == [(1, 17)]
    run_cli("check", "--fix", "--isolated", "--no-cache", str(doc))
    assert doc.read_text(encoding="utf-8") == text.replace("struck Kiev", "struck Kyiv", 1)


def test_page_furniture_rules_still_see_addresses(tmp_path):
    """A line of share links and addresses is still page furniture."""
    doc = tmp_path / "a.txt"
    doc.write_text(
        "Missiles struck the city on Monday, officials said.\n\n"
        "Follow us on Twitter: https://twitter.com/example\n",
        encoding="utf-8",
    )
    rules = {f["rule"] for f in _findings("--select", "scrape", str(doc))}
    doc.write_text(
        "Missiles struck the city on Monday, officials said.\n\nFollow us on Twitter\n",
        encoding="utf-8",
    )
    assert rules == {f["rule"] for f in _findings("--select", "scrape", str(doc))}


def test_masking_keeps_lengths_lines_and_prose():
    text = "# Title *em* #\r\n\r\nA `code` and [text](http://x.y) \\* &amp; snake_case.\r\n"
    masked = prose_only(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c in "\r\n"] == [
        i for i, c in enumerate(text) if c in "\r\n"
    ]
    assert masked.split() == ["Title", "em", "A", "and", "text", "*", "snake_case."]


def test_which_files_are_markdown(tmp_path):
    assert is_markdown("notes/a.md") and is_markdown("A.MARKDOWN")
    assert not is_markdown("a.mdx") and not is_markdown("a.txt")
    assert not is_markdown("feed.jsonl#post.md")  # a record, not a file
    real = tmp_path / "a#b.md"
    real.write_text("x", encoding="utf-8")
    assert is_markdown(str(real))
