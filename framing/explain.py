"""Why did an article get its labels? The article with its evidence, as text or right-to-left HTML."""

from __future__ import annotations

import html

import pandas as pd

from . import schema
from .errors import FramingError

FAMILY_COLOURS = {  # Okabe-Ito, light tints for highlighting behind Arabic text
    "topic": "#cfe8f7", "stance": "#fde2b8", "tone": "#d5f0e3", "actor": "#f3d3e6",
}
NEG_BORDER = "2px dashed #d55e00"
_CSS = (".framing-explain{font-family:'Noto Naskh Arabic','Amiri','Noto Sans Arabic',serif;"
        "line-height:1.9} .framing-explain table{border-collapse:collapse;font-size:.9em}"
        " .framing-explain td,.framing-explain th{border:1px solid #ccc;padding:.2em .5em;"
        "vertical-align:top;text-align:right} .framing-explain mark{padding:0 .1em;border-radius:.2em}")


def _family(field):
    return schema.parse_field(field)[0]


def reasons(analysis, doc_id):
    """A tidy table of each article-level label and the evidence behind it.

    Returns
    -------
    pandas.DataFrame
        ``field, label, score, evidence`` -- evidence as ``cue → matched`` strings (sentence
        numbers in brackets, ``¬`` for negated cues).
    """
    art = analysis.articles[analysis.articles["doc_id"] == doc_id]
    if art.empty:
        raise FramingError(f"no article with doc_id '{doc_id}'",
                           fix="list the ids with `framing corpus PATH`")
    art = art.iloc[0]
    ev = analysis.evidence[analysis.evidence["doc_id"] == doc_id]
    rows = []
    for col in schema.label_fields(art.index):
        fev = ev[ev["field"] == col]
        items = [f"{'¬' if r.negated else ''}{r.cue} → {r.matched} [{r.label}, s{r.sent_id}]"
                 for r in fev.itertuples()]
        rows.append({"field": col, "label": art[col], "score": art.get(schema.score_column(col)),
                     "evidence": "; ".join(items) if items else "no evidence"})
    return pd.DataFrame(rows)


def explain_text(analysis, corpus, doc_id):
    """Plain-text explanation (logical-order Arabic) for a terminal or a notebook cell."""
    table = reasons(analysis, doc_id)
    lines = [f"# {doc_id}"]
    for r in table.itertuples():
        lines.append(f"{r.field} = {r.label} (score {r.score}): {r.evidence}")
    act = analysis.actors[analysis.actors["doc_id"] == doc_id]
    for r in act.itertuples():
        lines.append(f"actor {r.actor}: «{r.label}» {r.connotation} ×{r.count}")
    q = analysis.quotes[analysis.quotes["doc_id"] == doc_id]
    for r in q.itertuples():
        lines.append(f"quote s{r.sent_id}: {r.speaker} [{r.source_type}] via {r.verb}")
    return "\n".join(lines)


def _highlight(text, ev):
    """HTML of ``text`` with every evidence span marked (overlaps split into runs)."""
    marks = [[] for _ in range(len(text) + 1)]
    for r in ev.itertuples():
        for k in range(int(r.start), int(r.end)):
            marks[k].append(r)
    out, k = [], 0
    while k < len(text):
        j = k
        key = tuple(id(m) for m in marks[k])
        while j < len(text) and tuple(id(m) for m in marks[j]) == key:
            j += 1
        chunk = html.escape(text[k:j]).replace("\n", "<br>\n")
        if marks[k]:
            fam = _family(marks[k][0].field)
            tip = "\n".join(f"{m.field} = {m.label} (cue: {m.cue}{', negated' if m.negated else ''})"
                            for m in marks[k])
            style = f"background:{FAMILY_COLOURS.get(fam, '#eee')}"
            if any(m.negated for m in marks[k]):
                style += f";border-bottom:{NEG_BORDER}"
            out.append(f'<mark class="{fam}" style="{style}" title="{html.escape(tip)}">{chunk}</mark>')
        else:
            out.append(chunk)
        k = j
    return "".join(out)


def explain_html(analysis, corpus, doc_id, fragment=False):
    """A self-contained right-to-left HTML page: highlighted article + table of reasons.

    With ``fragment=True``, only the ``<div dir="rtl">`` body, for a notebook cell.
    """
    doc = corpus[corpus["doc_id"].astype(str) == doc_id]
    if doc.empty:
        raise FramingError(f"no article with doc_id '{doc_id}'",
                           fix="list the ids with `framing corpus PATH`")
    text = doc["text"].iloc[0]
    ev = analysis.evidence[analysis.evidence["doc_id"] == doc_id]
    table = reasons(analysis, doc_id)
    legend = " ".join(f'<mark style="background:{c}">{f}</mark>' for f, c in FAMILY_COLOURS.items())
    rows = "\n".join(
        f"<tr><td dir='ltr'>{html.escape(r.field)}</td><td>{html.escape(str(r.label))}</td>"
        f"<td dir='ltr'>{'' if pd.isna(r.score) else r.score}</td>"
        f"<td>{html.escape(r.evidence)}</td></tr>" for r in table.itertuples())
    raw_title = doc["title"].iloc[0] if "title" in doc else None
    title = html.escape(raw_title) if isinstance(raw_title, str) and raw_title else html.escape(doc_id)
    body = f"""<div lang="ar" dir="rtl" class="framing-explain">
<h2>{title}</h2>
<p dir="ltr">doc_id: {html.escape(doc_id)} — evidence: {legend}; dashed underline = negated cue. Hover a mark for the field, label and cue.</p>
<article>{_highlight(text, ev)}</article>
<h3>لماذا هذه التسميات؟ / Why these labels</h3>
<table><tr><th>field</th><th>label</th><th>score</th><th>evidence (cue → matched [label, sentence])</th></tr>
{rows}</table>
</div>"""
    if fragment:
        return f"<style>{_CSS}</style>\n{body}"
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{html.escape(doc_id)}</title>
<style>body{{max-width:60em;margin:2em auto}} {_CSS}</style></head><body>
{body}
</body></html>
"""
