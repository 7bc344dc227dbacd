"""html: one self-contained page for people: every document with its findings
highlighted in place, filters by rule and severity, and a chart of findings per
rule and per document. No network: styles, script and SVG are inline.

Overlapping findings are drawn by cutting the text at every finding boundary;
each piece is one <mark> listing the findings that cover it, so filters can
show a piece while any of its findings is shown.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from html import escape
from typing import TYPE_CHECKING

from lint.baseline import Texts
from lint.finding import SEVERITIES
from lint.quoting import quote_path
from lint.report import document_rows

if TYPE_CHECKING:
    from lint.finding import Finding
    from lint.gate import DocumentSummary
    from lint.runner import Report

COLOURS = {"error": "#d73a49", "warning": "#e36209", "info": "#0366d6"}

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#24292e;background:#f6f8fa}
header,section,nav{background:#fff;margin:12px;padding:12px 16px;border:1px solid #e1e4e8;
border-radius:6px}
h1{font-size:20px;margin:0 0 6px}h2{font-size:16px;margin:0 0 8px;word-break:break-all}
.text{white-space:pre-wrap;font-family:Georgia,serif;background:#fbfbfb;padding:10px;
border-left:3px solid #e1e4e8;max-height:32em;overflow:auto}
mark{cursor:pointer;border-radius:2px;padding:0 1px}
mark.error{background:#ffd7d5;border-bottom:2px solid #d73a49}
mark.warning{background:#ffe9c7;border-bottom:2px solid #e36209}
mark.info{background:#dbedff;border-bottom:2px solid #0366d6}
mark.off{background:none;border:none;cursor:auto}
mark.active{outline:2px solid #24292e}
ol.findings{font-size:13px;padding-left:22px}ol.findings li.off{display:none}
.sev{font-weight:600}.sev.error{color:#d73a49}.sev.warning{color:#e36209}
.sev.info{color:#0366d6}code{font-size:12px}
nav label{margin-right:12px;white-space:nowrap;font-size:13px}
#tip{position:fixed;bottom:12px;right:12px;max-width:420px;background:#24292e;color:#fff;
padding:8px 12px;border-radius:6px;font-size:13px;display:none}
.families{font-size:13px;color:#586069;margin:0 0 6px}
.charts{display:flex;flex-wrap:wrap;gap:24px}.charts svg{font:12px system-ui,sans-serif}
"""

SCRIPT = """
const F = JSON.parse(document.getElementById('findings-data').textContent);
let ON={};
function checked(kind){return new Set([...document.querySelectorAll(
  'input[data-filter="'+kind+'"]:checked')].map(i=>i.value));}
function visible(i){return ON.severity.has(F[i].severity)&&ON.rule.has(F[i].rule);}
function apply(){
  ON={severity:checked('severity'),rule:checked('rule')};
  document.querySelectorAll('mark[data-ids]').forEach(m=>{
    const ids=m.dataset.ids.split(' ').map(Number).filter(visible);
    m.classList.remove('off','error','warning','info');
    if(!ids.length){m.classList.add('off');m.removeAttribute('title');return;}
    const sev=['error','warning','info'].find(s=>ids.some(i=>F[i].severity===s));
    m.classList.add(sev);
    m.title=ids.map(i=>F[i].severity+' '+F[i].rule+': '+F[i].message).join('\\n');});
  document.querySelectorAll('li[data-id]').forEach(li=>
    li.classList.toggle('off',!visible(Number(li.dataset.id))));
  const n=F.filter((f,i)=>visible(i)).length;
  document.getElementById('shown').textContent=n;}
document.querySelectorAll('input[data-filter]').forEach(i=>i.addEventListener('change',apply));
document.addEventListener('click',e=>{const m=e.target.closest('mark[data-ids]');
  const tip=document.getElementById('tip');
  document.querySelectorAll('mark.active').forEach(a=>a.classList.remove('active'));
  if(!m||m.classList.contains('off')){tip.style.display='none';return;}
  m.classList.add('active');tip.textContent=m.title;tip.style.display='block';});
apply();
"""


def _pieces(text: str, findings: list[tuple[int, Finding]]) -> Iterator[tuple[int, int, list[int]]]:
    """(start, end, [finding ids]) pieces covering the text in order."""
    spans = []
    for i, f in findings:
        start = max(0, min(f.offset, len(text)))
        end = max(start, min(f.end_offset, len(text)))
        if end == start:  # a point: mark the character after it (or before, at the end)
            end, start = (start + 1, start) if start < len(text) else (start, max(0, start - 1))
        spans.append((start, end, i))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    for a, b in zip(cuts, cuts[1:], strict=False):
        ids = [i for s, e, i in spans if s <= a and b <= e]
        yield a, b, ids


def _families(row: DocumentSummary | None) -> str:
    """Findings per 1,000 words of each rule family, as a line under the title."""
    if row is None:
        return ""
    figures = " · ".join(f"{escape(k)} {v:.1f}" for k, v in row.families.items())
    return f'<p class="families">per 1,000 words ({row.words} words): {figures}</p>'


def _document(
    index: int,
    path: str,
    text: str,
    findings: list[tuple[int, Finding]],
    row: DocumentSummary | None = None,
) -> str:
    body = []
    for a, b, ids in _pieces(text, findings):
        chunk = escape(text[a:b])
        if ids:
            body.append(f'<mark data-ids="{" ".join(map(str, ids))}">{chunk}</mark>')
        else:
            body.append(chunk)
    items = "".join(
        f'<li data-id="{i}"><span class="sev {f.severity}">{f.severity}</span> '
        f"{f.line}:{f.column} <code>{escape(f.rule)}</code> {escape(f.message)}"
        + (f" (suggestion: {escape(f.suggestions[0])})" if f.suggestions else "")
        + "</li>"
        for i, f in findings
    )
    shown = "" if text or not findings else "<p>(text not available)</p>"
    return (
        f'<section class="doc" id="doc-{index}"><h2>{escape(quote_path(path))} '
        f"<small>({len(findings)} finding(s))</small></h2>{_families(row)}"
        f'<div class="text">{"".join(body)}</div>{shown}<ol class="findings">{items}</ol></section>'
    )


def _bars(title: str, counts: list[tuple[str, int]], colour: str) -> str:
    """A horizontal bar chart as inline SVG."""
    if not counts:
        return ""
    width, label_w, row = 560, 260, 20
    top = max(n for _, n in counts)
    height = 24 + row * len(counts)
    parts = [
        f'<svg class="chart" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}"><text x="0" y="14" font-weight="600">{escape(title)}</text>'
    ]
    for k, (label, n) in enumerate(counts):
        y = 24 + k * row
        bar = max(1, round((width - label_w - 40) * n / top))
        short = label if len(label) <= 38 else "…" + label[-37:]
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{bar}" height="{row - 6}" fill="{colour}">'
            f"<title>{escape(label)}: {n}</title></rect>"
            f'<text x="{label_w + bar + 4}" y="{y + 13}">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def chunks(report: Report) -> Iterator[str]:
    """One piece: the page shows every document, so it is built whole."""
    yield render(report)


def render(report: Report) -> str:
    texts = Texts(report)
    numbered = list(enumerate(report.findings))
    by_doc: dict[str, list] = {path: [] for path in report.checked}
    for i, f in numbered:
        by_doc.setdefault(f.path, []).append((i, f))
    data = [
        {"rule": f.rule, "severity": f.severity, "message": f.message, "path": f.path}
        for f in report.findings
    ]
    rules = Counter(f.rule for f in report.findings)
    severities = Counter(f.severity for f in report.findings)
    docs = Counter(quote_path(f.path) for f in report.findings)
    severity_boxes = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{s}" checked> '
        f'<span class="sev {s}">{s}</span> ({severities[s]})</label>'
        for s in reversed(SEVERITIES)
    )
    rule_boxes = "".join(
        f'<label><input type="checkbox" data-filter="rule" value="{escape(r)}" checked> '
        f"<code>{escape(r)}</code> ({n})</label>"
        for r, n in sorted(rules.items())
    )
    charts = _bars("Findings per rule", rules.most_common(), "#e36209") + _bars(
        "Findings per document", docs.most_common(25), "#0366d6"
    )
    rows = {row.path: row for row in document_rows(report)}
    sections = "".join(
        _document(k, path, texts[path], found, rows.get(path))
        for k, (path, found) in enumerate(by_doc.items())
    )
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width">'
        f"<title>newslint report</title><style>{STYLE}</style></head><body>"
        f"<header><h1>newslint report</h1><p><b>{len(report.findings)}</b> finding(s) in "
        f"{len(report.checked)} document(s); <b id=shown>{len(report.findings)}</b> shown.</p>"
        f'<div class="charts">{charts}</div></header>'
        f"<nav><div>Severity: {severity_boxes}</div><div>Rules: {rule_boxes}</div></nav>"
        f'{sections}<div id="tip"></div>'
        f'<script type="application/json" id="findings-data">{payload}</script>'
        f"<script>{SCRIPT}</script></body></html>\n"
    )
