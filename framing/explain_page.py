"""The explanation page of one article: right-to-left HTML that a teacher can show and print.

- The article with its sentences numbered (``s4``, the numbers the rules cite) and every
  evidence span marked: the background says the field (topic, stance, tone, actor), a sign and
  an underline say the polarity (``+`` solid for pro / positive / legitimising, ``−`` double
  for con / negative / delegitimising, ``¬`` dashed for a negated cue), so that a black-and-white
  print still tells them apart; the legend shows the same marks with their names.
- For each label, the rule worked through with its numbers (:func:`framing.explain.explanations`).
- The actor-label and quote tables.

Mixed Arabic and Latin text keeps its order in every cell: each piece of text is isolated
(``<bdi>``, ``dir="auto"``), nothing is reversed by hand. A print stylesheet drops the hover
hints, keeps the colours and the marks, and avoids breaking a table row across pages.
"""

from __future__ import annotations

import html

import pandas as pd

FIELD_COLOURS = {  # Okabe-Ito tints behind Arabic text
    "topic": "#cfe8f7", "stance": "#fde2b8", "tone": "#d5f0e3", "actor": "#f3d3e6",
}
FIELD_NAMES = {"topic": ("topic", "موضوع"), "stance": ("stance", "موقف"),
               "tone": ("tone", "نبرة"), "actor": ("actor label", "تسمية فاعل")}
POSITIVE = {"pro", "positive", "legitimizing"}
NEGATIVE = {"con", "negative", "delegitimizing"}

CSS = """
.fx{font-family:'Noto Naskh Arabic','Noto Sans Arabic','Amiri','DejaVu Sans',serif;line-height:2.1}
.fx table{border-collapse:collapse;font-size:.9em;margin:.5em 0;width:100%}
.fx td,.fx th{border:1px solid #bbb;padding:.2em .5em;vertical-align:top;text-align:start}
.fx th{background:#f2f2f2}
.fx .sn{font:bold .7em 'DejaVu Sans',sans-serif;color:#555;background:#eee;border-radius:.3em;
  padding:0 .25em;margin-inline-end:.2em;unicode-bidi:isolate}
.fx mark{color:inherit;padding:0 .1em;border-radius:.15em;-webkit-print-color-adjust:exact;
  print-color-adjust:exact}
.fx mark.f-topic{background:#cfe8f7}.fx mark.f-stance{background:#fde2b8}
.fx mark.f-tone{background:#d5f0e3}.fx mark.f-actor{background:#f3d3e6}
.fx mark.pos{border-bottom:2px solid #0072B2}.fx mark.neg{border-bottom:3px double #D55E00}
.fx mark.negated{outline:1px dashed #000}
.fx mark::after{content:attr(data-tag);font:.6em 'DejaVu Sans',sans-serif;vertical-align:super;
  unicode-bidi:isolate;margin-inline-start:.1em}
.fx .rule{font-family:'DejaVu Sans','Noto Sans Arabic',sans-serif;font-size:.85em}
.fx ul.steps{margin:.2em 0;padding-inline-start:.8em;list-style:none}
.fx .bad{color:#D55E00;font-weight:bold}
.fx .legend mark{margin:0 .3em}
@media print{
 body{max-width:none;margin:0;font-size:10pt}
 .fx .noprint{display:none}
 .fx tr,.fx li{break-inside:avoid}
 .fx h3{break-after:avoid}
 .fx a{color:inherit;text-decoration:none}
}
"""


def _e(text):
    return html.escape("" if text is None or (isinstance(text, float) and pd.isna(text))
                       else str(text))


def bdi(text):
    """``text`` escaped and isolated: its direction is its own, whatever surrounds it."""
    return f"<bdi>{_e(text)}</bdi>"


def _family(field):
    return str(field).partition(":")[0]


def _polarity(label):
    return "pos" if label in POSITIVE else "neg" if label in NEGATIVE else ""


def _tag(family, label, negated):
    letter = {"topic": "T", "stance": "S", "tone": "N", "actor": "A"}.get(family, "?")
    sign = "+" if label in POSITIVE else "−" if label in NEGATIVE else ""
    return ("¬" if negated else "") + letter + sign


def _mark(chunk, rows):
    top = rows[0]
    family = _family(top.field)
    label = next((r.label for r in rows if _polarity(r.label)), top.label)
    negated = any(r.negated for r in rows)
    classes = [f"f-{family}", _polarity(label)] + (["negated"] if negated else [])
    tip = "\n".join(f"{r.field} = {r.label} (cue: {r.cue}, weight {r.weight}"
                    f"{', negated' if r.negated else ''}, s{r.sent_id})" for r in rows)
    return (f'<mark class="{" ".join(c for c in classes if c)}" data-tag="'
            f'{_e(_tag(family, label, negated))}" title="{_e(tip)}">{chunk}</mark>')


def highlight(text, ev, sentences):
    """HTML of ``text``: sentences numbered where they start, evidence spans marked (overlaps
    split into runs; the first field of a run gives its colour, any polar label its sign)."""
    marks = [[] for _ in range(len(text) + 1)]
    for r in ev.itertuples():
        for k in range(max(int(r.start), 0), min(int(r.end), len(text))):
            marks[k].append(r)
    starts = {int(r.start): int(r.sent_id) for r in sentences.itertuples()}
    out, k = [], 0
    while k < len(text):
        if k in starts:
            sid = starts[k]
            out.append(f'<span class="sn" id="s{sid}" dir="ltr">s{sid}</span>')
        j = k + 1
        key = tuple(id(m) for m in marks[k])
        while j < len(text) and j not in starts and tuple(id(m) for m in marks[j]) == key:
            j += 1
        chunk = _e(text[k:j]).replace("\n", "<br>\n")
        out.append(_mark(chunk, marks[k]) if marks[k] else chunk)
        k = j
    return "".join(out)


def _rule_html(text):
    """A rule line: the formula left to right, each run of Arabic words isolated in ``<bdi>``
    (so that ``[1, s17]`` and ``أزمة إنسانية 2.0 + نزح 1.5`` keep their order)."""
    from .text.charsets import has_arabic

    out, run = [], []
    for token in str(text).split(" "):
        if has_arabic(token):
            run.append(token)
            continue
        if run:
            out.append(bdi(" ".join(run)))
            run = []
        out.append(_e(token))
    if run:
        out.append(bdi(" ".join(run)))
    return " ".join(out)


def _legend():
    items = []
    for fam, (en, ar) in FIELD_NAMES.items():
        items.append(f'<mark class="f-{fam}" data-tag="{_tag(fam, "", False)}">{en} / '
                     f'<bdi>{ar}</bdi></mark>')
    items.append('<mark class="f-stance pos" data-tag="S+">+ pro / positive / legitimising</mark>')
    items.append('<mark class="f-stance neg" data-tag="S−">− con / negative / delegitimising</mark>')
    items.append('<mark class="f-tone negated" data-tag="¬N">¬ negated cue</mark>')
    return ('<p class="legend" dir="ltr">Marks: ' + " ".join(items)
            + ' <span class="sn">s4</span> sentence number</p>')


def _label_rows(expl):
    rows = []
    for e in expl:
        steps = "".join(f'<li dir="ltr" class="rule">{_rule_html(t)}</li>' for _, t in e["steps"])
        check = ("" if str(e["label"]) == e["recomputed"] else
                 f'<div class="bad">the rule worked through here gives {_e(e["recomputed"])}</div>')
        score = "" if pd.isna(e["score"]) else e["score"]
        rows.append(
            f'<tr class="why" data-field="{_e(e["field"])}"><td dir="ltr">{_e(e["field"])}</td>'
            f'<td dir="ltr"><strong>{_e(e["label"])}</strong></td><td dir="ltr">{_e(score)}</td>'
            f'<td dir="ltr"><div class="rule">{_rule_html(e["rule"])}</div>{check}'
            f'<ul class="steps">{steps}</ul></td></tr>')
    return "\n".join(rows)


def _actor_rows(act):
    sign = {"legitimizing": "+", "delegitimizing": "−", "neutral": "·"}
    return "\n".join(
        f'<tr><td dir="ltr">{_e(r.actor)}</td><td dir="rtl">{bdi(r.label)}</td>'
        f'<td dir="ltr">{sign.get(r.connotation, "")} {_e(r.connotation)}</td>'
        f'<td dir="ltr">{_e(r.count)}</td></tr>' for r in act.itertuples())


def _quote_rows(q):
    return "\n".join(
        f'<tr><td dir="ltr"><a href="#s{_e(r.sent_id)}">s{_e(r.sent_id)}</a></td>'
        f'<td dir="auto">{bdi(r.speaker)}</td><td dir="ltr">{_e(r.source_type)}</td>'
        f'<td dir="auto">{bdi(r.verb)}</td><td dir="auto">{bdi(getattr(r, "actor", ""))}</td></tr>'
        for r in q.itertuples())


def page(analysis, corpus, doc_id, explanations, fragment=False, codebook=None):
    """The page (or, with ``fragment=True``, its ``<div>`` for a notebook cell)."""
    from .errors import FramingError

    doc = corpus[corpus["doc_id"].astype(str) == str(doc_id)]
    if doc.empty:
        raise FramingError(f"no article with doc_id '{doc_id}'",
                           fix="list the ids with `framing corpus PATH`")
    text = doc["text"].iloc[0]
    text = text if isinstance(text, str) else ""
    ev = analysis.evidence[analysis.evidence["doc_id"].astype(str) == str(doc_id)]
    sents = analysis.sentences[analysis.sentences["doc_id"].astype(str) == str(doc_id)]
    expl = explanations(analysis, doc_id, codebook)
    act = analysis.actors[analysis.actors["doc_id"].astype(str) == str(doc_id)]
    quotes = analysis.quotes[analysis.quotes["doc_id"].astype(str) == str(doc_id)]
    raw_title = doc["title"].iloc[0] if "title" in doc else None
    title = raw_title if isinstance(raw_title, str) and raw_title else doc_id
    cb = (analysis.run or {}).get("codebook") or {}
    meta = " · ".join(_e(x) for x in (doc_id, doc["outlet"].iloc[0] if "outlet" in doc else "",
                                      doc["date"].iloc[0] if "date" in doc else "",
                                      f"codebook {cb.get('name', '')} {cb.get('version', '')}")
                      if isinstance(x, str) and x.strip())
    body = f"""<div lang="ar" dir="rtl" class="fx">
<h2 dir="auto">{_e(title)}</h2>
<p dir="ltr">{meta}</p>
{_legend()}
<p class="noprint" dir="ltr">Hover a mark for its field, label, cue and weight.</p>
<article id="text">{highlight(text, ev, sents)}</article>
<h3>لماذا هذه التسميات؟ / Why these labels</h3>
<table id="why"><thead><tr><th>field</th><th>label</th><th>score</th>
<th>rule, with the numbers of the evidence (per sentence: cue weights, sum, threshold)</th></tr>
</thead><tbody>
{_label_rows(expl)}
</tbody></table>
<h3>تسميات الفاعلين / Actor labels</h3>
<table id="actors"><thead><tr><th>actor</th><th>label as written</th><th>connotation</th>
<th>count</th></tr></thead><tbody>
{_actor_rows(act) or '<tr><td colspan="4" dir="ltr">no actor label</td></tr>'}
</tbody></table>
<h3>الاقتباسات / Quotes</h3>
<table id="quotes"><thead><tr><th>sentence</th><th>speaker</th><th>source type</th><th>verb</th>
<th>actor</th></tr></thead><tbody>
{_quote_rows(quotes) or '<tr><td colspan="5" dir="ltr">no quote</td></tr>'}
</tbody></table>
</div>"""
    if fragment:
        return f"<style>{CSS}</style>\n{body}"
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{_e(doc_id)}</title>
<style>body{{max-width:62em;margin:2em auto;padding:0 1em}} {CSS}</style></head><body>
{body}
</body></html>
"""
