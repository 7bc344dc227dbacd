"""html: one self-contained page for people: every document with its findings
highlighted in place, filters by rule and severity (with "only" this rule,
"all" and "none"), and charts of findings per rule and per document that
count only what the filters show. No network: styles, script and SVG are inline.

Overlapping findings are drawn by cutting the text at every finding boundary;
each piece is one <mark> listing the findings that cover it, so filters can
show a piece while any of its findings is shown. A finding that covers whole
lines, or points between characters (zero width: a line-level finding), is
drawn on its whole line instead: one `<mark class="line">` around the line,
the other findings' pieces inside it. A click on a finding in a list scrolls
its span into view and outlines it.

Every piece of data is escaped: text and attributes with `html.escape`, the
findings' JSON with `<` written as `\\u003c`, and the script builds its charts
with `textContent`, never with markup.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from html import escape
from typing import TYPE_CHECKING

from lint.baseline import Texts
from lint.document import Document
from lint.finding import SEVERITIES
from lint.quoting import quote_path
from lint.report import document_rows

if TYPE_CHECKING:
    from lint.finding import Finding
    from lint.gate import DocumentSummary
    from lint.runner import Report

COLOURS = {"error": "#d73a49", "warning": "#e36209", "info": "#0366d6"}
RULE_COLOUR, DOC_COLOUR = "#e36209", "#0366d6"
DOC_BARS = 25  # the per-document chart shows this many documents, the most found first

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#24292e;background:#f6f8fa}
header,section,nav{background:#fff;margin:12px;padding:12px 16px;border:1px solid #e1e4e8;
border-radius:6px}
h1{font-size:20px;margin:0 0 6px}h2{font-size:16px;margin:0 0 8px;word-break:break-all}
.text{white-space:pre-wrap;font-family:Georgia,serif;background:#fbfbfb;padding:10px;
border-left:3px solid #e1e4e8;max-height:32em;overflow:auto}
mark{cursor:pointer;border-radius:2px;padding:0 1px}
mark.line{display:inline-block;width:100%;min-height:1.5em;box-sizing:border-box;padding:0}
mark.error{background:#ffd7d5;border-bottom:2px solid #d73a49}
mark.warning{background:#ffe9c7;border-bottom:2px solid #e36209}
mark.info{background:#dbedff;border-bottom:2px solid #0366d6}
mark.off{background:none;border:none;cursor:auto}
mark.active{outline:2px solid #24292e}
mark.current{outline:3px solid #6f42c1;outline-offset:1px}
ol.findings{font-size:13px;padding-left:22px}ol.findings li.off{display:none}
ol.findings li{cursor:pointer}ol.findings li:hover,ol.findings li.current{background:#f1e8ff}
.sev{font-weight:600}.sev.error{color:#d73a49}.sev.warning{color:#e36209}
.sev.info{color:#0366d6}code{font-size:12px}
nav label{margin-right:12px;white-space:nowrap;font-size:13px}
nav button{font-size:11px;padding:0 4px;margin-left:2px;cursor:pointer}
#tip{position:fixed;bottom:12px;right:12px;max-width:420px;background:#24292e;color:#fff;
padding:8px 12px;border-radius:6px;font-size:13px;display:none}
.families{font-size:13px;color:#586069;margin:0 0 6px}
.charts{display:flex;flex-wrap:wrap;gap:24px}.charts svg{font:12px system-ui,sans-serif}
"""

SCRIPT = """
const F = JSON.parse(document.getElementById('findings-data').textContent);
const SVG='http://www.w3.org/2000/svg';
let ON={};
function boxes(kind){return [...document.querySelectorAll('input[data-filter="'+kind+'"]')];}
function checked(kind){return new Set(boxes(kind).filter(i=>i.checked).map(i=>i.value));}
function visible(i){return ON.severity.has(F[i].severity)&&ON.rule.has(F[i].rule);}
function el(name,attrs,text){const e=document.createElementNS(SVG,name);
  for(const k in attrs)e.setAttribute(k,attrs[k]);if(text!==undefined)e.textContent=text;return e;}
function bars(id,title,counts,colour){
  const old=document.getElementById(id);if(!old)return;
  const width=560,labelW=260,row=20,top=Math.max(1,...counts.map(c=>c[1]));
  const svg=el('svg',{id:id,class:'chart',width:width,height:24+row*Math.max(1,counts.length),
    role:'img','aria-label':title});
  svg.appendChild(el('text',{x:0,y:14,'font-weight':600},title));
  if(!counts.length)svg.appendChild(el('text',{x:0,y:37},'(no finding shown)'));
  counts.forEach(([label,n],k)=>{const y=24+k*row;
    const bar=Math.max(1,Math.round((width-labelW-40)*n/top));
    const short=label.length<=38?label:'\\u2026'+label.slice(-37);
    svg.appendChild(el('text',{x:labelW-6,y:y+13,'text-anchor':'end'},short));
    const rect=el('rect',{x:labelW,y:y+2,width:bar,height:row-6,fill:colour,'data-label':label,
      'data-count':n});
    rect.appendChild(el('title',{},label+': '+n));svg.appendChild(rect);
    svg.appendChild(el('text',{x:labelW+bar+4,y:y+13},String(n)));});
  old.replaceWith(svg);}
function tally(key,limit){const c=new Map();
  F.forEach((f,i)=>{if(visible(i))c.set(f[key],(c.get(f[key])||0)+1);});
  const rows=[...c.entries()].sort((a,b)=>b[1]-a[1]||(a[0]<b[0]?-1:a[0]>b[0]?1:0));
  return limit?rows.slice(0,limit):rows;}
function apply(){
  ON={severity:checked('severity'),rule:checked('rule')};
  document.querySelectorAll('mark[data-ids]').forEach(m=>{
    const ids=m.dataset.ids.split(' ').map(Number).filter(visible);
    m.classList.remove('off','error','warning','info');
    if(!ids.length){m.classList.add('off');m.classList.remove('current');
      m.removeAttribute('title');return;}
    const sev=['error','warning','info'].find(s=>ids.some(i=>F[i].severity===s));
    m.classList.add(sev);
    m.title=ids.map(i=>F[i].severity+' '+F[i].rule+': '+F[i].message).join('\\n');});
  document.querySelectorAll('li[data-id]').forEach(li=>
    li.classList.toggle('off',!visible(Number(li.dataset.id))));
  const n=F.filter((f,i)=>visible(i)).length;
  document.getElementById('shown').textContent=n;
  bars('chart-rules','Findings per rule',tally('rule'),'RULE_COLOUR');
  bars('chart-docs','Findings per document',tally('doc',DOC_BARS),'DOC_COLOUR');}
function setAll(kind,test){boxes(kind).forEach(i=>{i.checked=test(i.value);});apply();}
document.querySelectorAll('input[data-filter]').forEach(i=>i.addEventListener('change',apply));
document.querySelectorAll('button[data-all]').forEach(b=>b.addEventListener('click',
  ()=>setAll(b.dataset.all,()=>true)));
document.querySelectorAll('button[data-none]').forEach(b=>b.addEventListener('click',
  ()=>setAll(b.dataset.none,()=>false)));
document.querySelectorAll('button[data-only]').forEach(b=>b.addEventListener('click',
  ()=>setAll(b.dataset.kind,v=>v===b.dataset.only)));
function show(id){
  document.querySelectorAll('.current').forEach(c=>c.classList.remove('current'));
  const marks=[...document.querySelectorAll('mark[data-ids]')].filter(m=>
    m.dataset.ids.split(' ').includes(String(id)));
  marks.forEach(m=>m.classList.add('current'));
  const li=document.querySelector('li[data-id="'+Number(id)+'"]');
  if(li)li.classList.add('current');
  if(marks.length)marks[0].scrollIntoView({block:'center',inline:'nearest'});}
document.querySelectorAll('li[data-id]').forEach(li=>{
  li.addEventListener('click',()=>show(li.dataset.id));
  li.addEventListener('keydown',e=>{if(e.key==='Enter')show(li.dataset.id);});});
document.addEventListener('click',e=>{const m=e.target.closest('mark[data-ids]');
  const tip=document.getElementById('tip');
  document.querySelectorAll('mark.active').forEach(a=>a.classList.remove('active'));
  if(!m||m.classList.contains('off')){tip.style.display='none';return;}
  m.classList.add('active');tip.textContent=m.title;tip.style.display='block';});
apply();
""".replace("'RULE_COLOUR'", repr(RULE_COLOUR)).replace("'DOC_COLOUR'", repr(DOC_COLOUR))
SCRIPT = SCRIPT.replace("DOC_BARS", str(DOC_BARS))


def _line_end(doc: Document, index: int) -> int:
    """Where line `index` (0-based) ends, before its line break."""
    starts = doc.line_starts
    end = starts[index + 1] if index + 1 < len(starts) else len(doc.text)
    while end > starts[index] and doc.text[end - 1] in "\r\n":
        end -= 1
    return end


def _layout(
    text: str, findings: list[tuple[int, Finding]]
) -> tuple[Document, list[tuple[int, int, int]], dict[int, list[int]]]:
    """(document, spans, lines): spans (start, end, id) of the findings drawn
    in place, and for each line (0-based) drawn whole, the ids of the findings
    covering it."""
    doc = Document(text)
    starts = doc.line_starts
    spans: list[tuple[int, int, int]] = []
    lines: dict[int, list[int]] = {}
    for i, f in findings:
        start = max(0, min(f.offset, len(text)))
        end = max(start, min(f.end_offset, len(text)))
        first = doc.line_index(start)
        last = doc.line_index(end)
        if end > start and last > first and end == starts[last]:
            last -= 1  # a span that takes its last line's break ends on that line
        whole = end == start or (start == starts[first] and end >= _line_end(doc, last))
        if whole:
            for index in range(first, last + 1):
                lines.setdefault(index, []).append(i)
        else:
            spans.append((start, end, i))
    return doc, spans, lines


def _body(text: str, findings: list[tuple[int, Finding]]) -> str:
    """The document's text as HTML, with its findings marked."""
    if not text:  # not available (standard input): the list alone shows the findings
        return ""
    doc, spans, lines = _layout(text, findings)
    opens = {doc.line_starts[k]: k for k in lines}
    closes = {_line_end(doc, k): k for k in lines}
    cuts = sorted(
        {0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans), *opens, *closes}
    )
    out: list[str] = []

    def boundary(at: int) -> None:
        if at in closes and at not in opens:  # a line ends here (an empty one opens too)
            out.append("</mark>")
        if at in opens:
            ids = " ".join(map(str, lines[opens[at]]))
            out.append(f'<mark class="line" data-ids="{ids}">')
            if at in closes:  # an empty line: its mark holds nothing
                out.append("</mark>")

    for a, b in zip(cuts, cuts[1:], strict=False):
        boundary(a)
        chunk = escape(text[a:b])
        ids = [i for s, e, i in spans if s <= a and b <= e]
        out.append(f'<mark data-ids="{" ".join(map(str, ids))}">{chunk}</mark>' if ids else chunk)
    boundary(len(text))
    return "".join(out)


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
    items = "".join(
        f'<li data-id="{i}" tabindex="0"><span class="sev {f.severity}">{f.severity}</span> '
        f"{f.line}:{f.column} <code>{escape(f.rule)}</code> {escape(f.message)}"
        + (f" (suggestion: {escape(f.suggestions[0])})" if f.suggestions else "")
        + "</li>"
        for i, f in findings
    )
    shown = "" if text or not findings else "<p>(text not available)</p>"
    return (
        f'<section class="doc" id="doc-{index}"><h2>{escape(quote_path(path))} '
        f"<small>({len(findings)} finding(s))</small></h2>{_families(row)}"
        f'<div class="text">{_body(text, findings)}</div>{shown}'
        f'<ol class="findings">{items}</ol></section>'
    )


def _bars(chart_id: str, title: str, counts: list[tuple[str, int]], colour: str) -> str:
    """A horizontal bar chart as inline SVG (the script redraws it as the
    filters change, the same way)."""
    width, label_w, row = 560, 260, 20
    top = max((n for _, n in counts), default=1)
    height = 24 + row * max(1, len(counts))
    parts = [
        f'<svg id="{chart_id}" class="chart" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}"><text x="0" y="14" font-weight="600">{escape(title)}</text>'
    ]
    if not counts:
        parts.append('<text x="0" y="37">(no finding shown)</text>')
    for k, (label, n) in enumerate(counts):
        y = 24 + k * row
        bar = max(1, round((width - label_w - 40) * n / top))
        short = label if len(label) <= 38 else "…" + label[-37:]
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{bar}" height="{row - 6}" fill="{colour}" '
            f'data-label="{escape(label)}" data-count="{n}">'
            f"<title>{escape(label)}: {n}</title></rect>"
            f'<text x="{label_w + bar + 4}" y="{y + 13}">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _buttons(kind: str) -> str:
    return (
        f'<button type="button" data-all="{kind}">all</button>'
        f'<button type="button" data-none="{kind}">none</button> '
    )


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
        {
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message,
            "path": f.path,
            "doc": quote_path(f.path),
        }
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
        f'<button type="button" data-kind="rule" data-only="{escape(r)}" '
        f'title="show only this rule">only</button> '
        for r, n in sorted(rules.items())
    )
    by_count = sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))
    doc_counts = sorted(docs.items(), key=lambda kv: (-kv[1], kv[0]))[:DOC_BARS]
    charts = _bars("chart-rules", "Findings per rule", by_count, RULE_COLOUR) + _bars(
        "chart-docs", "Findings per document", doc_counts, DOC_COLOUR
    )
    rows = {row.path: row for row in document_rows(report)}
    sections = "".join(
        _document(k, path, texts[path], found, rows.get(path))
        for k, (path, found) in enumerate(by_doc.items())
    )
    # In a <script>, only "</script" or "<!--" could end or change it: no "<" at all.
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width">'
        f"<title>newslint report</title><style>{STYLE}</style></head><body>"
        f"<header><h1>newslint report</h1><p><b>{len(report.findings)}</b> finding(s) in "
        f"{len(report.checked)} document(s); <b id=shown>{len(report.findings)}</b> shown.</p>"
        f'<div class="charts">{charts}</div></header>'
        f"<nav><div>Severity: {_buttons('severity')}{severity_boxes}</div>"
        f"<div>Rules: {_buttons('rule')}{rule_boxes}</div></nav>"
        f'{sections}<div id="tip"></div>'
        f'<script type="application/json" id="findings-data">{payload}</script>'
        f"<script>{SCRIPT}</script></body></html>\n"
    )
