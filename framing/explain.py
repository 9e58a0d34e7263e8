"""Why did an article get its labels? Each label's rule, worked through with its numbers.

Every number comes from the tables of ``framing analyze``: the cue weights of ``evidence``, the
sentence kinds (headline, lead) of ``sentences``, the thresholds of ``run.json`` (and a topic's
or target's own threshold from the codebook). The rule is then applied again, in words:

- a topic: ``s4: أزمة إنسانية 2.0 + نزح 1.5 = 3.5 ≥ 2.0 → 1`` per sentence (each distinct cue
  once), then ``2 sentences ≥ 1 → 1``; its score is the share of the counted sentences;
- a stance: the pro and con weights against ``stance_min_evidence`` and the score
  ``(pro − con) / (pro + con)`` against ``stance_threshold``;
- tone: the positive and negative sums, each sentence weighed as headline, lead or body, and the
  score ``(P − N) / (P + N + smoothing)`` against ``tone_threshold``.

A label worked out again that differs from the table is said so (``check`` column), never
hidden. :func:`explain_text` prints it for a terminal, :func:`explain_html` writes a page
(:mod:`framing.explain_page`).
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from . import schema
from .errors import FramingError
from .features.topics import SHORT_REPORT_FACTOR, SHORT_REPORT_SENTENCES, reaches


def num(x):
    """A weight or score as written in the explanation: ``2.0``, ``0.5``, ``0.0667``."""
    x = float(x) + 0.0
    return f"{x:.1f}" if round(x, 1) == round(x, 4) else f"{round(x, 4):g}"


def _settings(analysis, codebook):
    from .codebook.model import DEFAULT_SETTINGS

    st = dict(DEFAULT_SETTINGS)
    st.update(((analysis.run or {}).get("codebook") or {}).get("settings") or {})
    if codebook is None:
        from .pipeline import codebook_of

        codebook = codebook_of(analysis)
    elif not hasattr(codebook, "topics"):  # a packaged name or a path
        from .codebook import load_codebook

        codebook = load_codebook(getattr(codebook, "codebook", codebook))
    topics = {t.name: t for t in codebook.topics} if codebook is not None else {}
    stances = {s.name: s for s in codebook.stances} if codebook is not None else {}
    return st, topics, stances


def _own(item, st, key):
    return item.setting(st, key) if item is not None else st[key]


def _article(analysis, doc_id):
    art = analysis.articles[analysis.articles["doc_id"].astype(str) == str(doc_id)]
    if art.empty:
        raise FramingError(f"no article with doc_id '{doc_id}'",
                           fix="list the ids with `framing corpus PATH`")
    return art.iloc[0]


def _sentences(analysis, doc_id):
    sents = analysis.sentences[analysis.sentences["doc_id"].astype(str) == str(doc_id)]
    return sents.sort_values("sent_id")


def _cue(r):
    return f"{'¬ ' if r.negated else ''}{r.cue}"


def _topic(col, ev, sents, st, topic):
    mw, ms = _own(topic, st, "topic_min_weight"), _own(topic, st, "topic_min_sentences")
    steps, addressing = [], 0
    out_of_scope = (ev["label"] == "out_of_scope").any()
    counted = int((sents["kind"] != "repeat").sum()) if "kind" in sents else len(sents)
    short = counted <= SHORT_REPORT_SENTENCES  # features.topics: one strong cue is enough
    for sid, rows in ev[ev["label"].isin(["1", "out_of_scope"])].groupby("sent_id", sort=True):
        cues = {}
        for r in rows.itertuples():
            cues.setdefault(r.cue, float(r.weight))  # each distinct cue once per sentence
        total, strongest = sum(cues.values()), max(cues.values())
        reach = bool(reaches(total, strongest, mw, short))
        ok = reach and not out_of_scope
        addressing += ok
        terms = " + ".join(f"{c} {num(w)}" for c, w in cues.items())
        note = (f"; short report: strongest cue {num(strongest)} {'≥' if reach else '<'} "
                f"{num(SHORT_REPORT_FACTOR * mw)}" if short and total < mw else "")
        steps.append((int(sid), f"s{sid}: {terms} = {num(total)} {'≥' if total >= mw else '<'} "
                                f"{num(mw)}{note} → {int(ok)}"))
    if out_of_scope:
        return steps, 0, ("out of scope: the article names none of the topic's context cues, so "
                          "its topic cues do not count → 0")
    verdict = int(addressing >= ms)
    body = sents[sents["kind"] != "repeat"] if "kind" in sents else sents
    n_addr = (int(pd.to_numeric(body[col], errors="coerce").fillna(0).sum()) if col in sents
              else addressing)
    rule = (f"{addressing} sentence(s) reach topic_min_weight {num(mw)}; "
            f"{addressing} {'≥' if verdict else '<'} topic_min_sentences {ms} → {verdict}; "
            f"score = share of sentences addressing it = {n_addr}/{max(counted, 1)} = "
            f"{num(n_addr / max(counted, 1))}")
    return steps, verdict, rule


def stance_rule(pro, con, mentions, st, target=None, gated=False):
    """The stance label and the rule in words, from the pro and con weight."""
    th, me = _own(target, st, "stance_threshold"), _own(target, st, "stance_min_evidence")
    weights = f"pro {num(pro)} + con {num(con)} = {num(pro + con)}"
    if not mentions:
        return "absent", "the target is not mentioned → absent"
    if gated:
        return "absent", (f"mentioned only outside its topic ({target.topic} = 0) and "
                          f"{weights} < stance_min_evidence {num(me)} → absent")
    if pro + con == 0 or pro + con < me:
        return "neutral", (f"mentioned {mentions}×; {weights} < stance_min_evidence {num(me)}"
                           f" → neutral")
    score = (pro - con) / (pro + con)
    label = "pro" if score > th else "con" if score < -th else "neutral"
    cmp = f"> {num(th)}" if label == "pro" else f"< −{num(th)}" if label == "con" else \
        f"within ±{num(th)}"
    return label, (f"mentioned {mentions}×; {weights} ≥ stance_min_evidence {num(me)}; "
                   f"score = ({num(pro)} − {num(con)}) / {num(pro + con)} = {num(score)} {cmp} "
                   f"(stance_threshold) → {label}")


def _stance(col, ev, art, st, target):
    if (ev["label"] == "out_of_scope").any():
        return [], "absent", ("out of scope: the article names none of the target's context "
                              "cues → absent")
    steps, pro, con = [], 0.0, 0.0
    mentions = int((ev["label"] == "mention").sum())
    for sid, rows in ev.groupby("sent_id", sort=True):
        parts = []
        for r in rows.itertuples():
            if r.label in ("pro", "con"):
                parts.append(f"{r.label} {_cue(r)} {num(r.weight)}")
                pro += float(r.weight) if r.label == "pro" else 0.0
                con += float(r.weight) if r.label == "con" else 0.0
        n_mention = int((rows["label"] == "mention").sum())
        if parts or n_mention:
            steps.append((int(sid), f"s{sid}: {n_mention} mention(s)"
                                    + (f"; {', '.join(parts)}" if parts else "; no evaluation")))
    gated = bool(target is not None and target.topic
                 and not int(pd.to_numeric(art.get(schema.field(schema.TOPIC, target.topic), 1),
                                           errors="coerce") or 0)
                 and pro + con < _own(target, st, "stance_min_evidence") and mentions)
    label, rule = stance_rule(pro, con, mentions, st, target, gated)
    return steps, label, rule


def _tone(ev, sents, st):
    from .features.tone import sentence_weights

    kinds = list(sents["kind"]) if "kind" in sents else ["sentence"] * len(sents)
    ids = list(sents["sent_id"])
    weights = dict(zip(ids, sentence_weights(kinds, st)))
    kind_of = dict(zip(ids, kinds))
    top = int(st["tone_sentences"])
    lead, left = set(), int(st["lead_sentences"])  # as sentence_weights picks the lead
    for sid, k in zip(ids, kinds):
        if k != "headline" and k not in ("heading", "url", "repeat") and left > 0:
            lead.add(sid)
            left -= 1
    steps, P, N = [], 0.0, 0.0
    for sid, rows in ev.groupby("sent_id", sort=True):
        sid = int(sid)
        pos = rows.loc[rows["label"] == "positive", "weight"].astype(float).sum()
        neg = rows.loc[rows["label"] == "negative", "weight"].astype(float).sum()
        counts = kind_of.get(sid) != "repeat" and (top <= 0 or sid < top)
        w = weights.get(sid, 1.0)
        role = ("headline" if kind_of.get(sid) == "headline" else "lead" if sid in lead else "body")
        cues = ", ".join(f"{'+' if r.label == 'positive' else '−'} {_cue(r)} {num(r.weight)}"
                         for r in rows.itertuples())
        if counts:
            P, N = P + w * pos, N + w * neg
        steps.append((sid, f"s{sid} ({role} ×{num(w)}): {cues}; positive {num(pos)}, negative "
                           f"{num(neg)}" + ("" if counts else " — not counted")))
    sm, th = st["tone_smoothing"], st["tone_threshold"]
    score = (P - N) / (P + N + sm)
    label = "positive" if score > th else "negative" if score < -th else "neutral"
    cmp = f"> {num(th)}" if label == "positive" else f"< −{num(th)}" if label == "negative" \
        else f"within ±{num(th)}"
    rule = (f"P = {num(P)}, N = {num(N)} (headline ×{num(st['headline_weight'])}, lead "
            f"×{num(st['lead_weight'])} for {int(st['lead_sentences'])} sentences); score = "
            f"({num(P)} − {num(N)}) / ({num(P)} + {num(N)} + {num(sm)}) = {num(score)} {cmp} "
            f"(tone_threshold) → {label}")
    return steps, label, rule


def explanations(analysis, doc_id, codebook=None):
    """Every article-level label of ``doc_id`` with its rule worked through.

    Parameters
    ----------
    analysis : Analysis
    doc_id : str
    codebook : Codebook, optional
        For a topic's or target's own thresholds; default the analysis's codebook
        (:func:`framing.pipeline.codebook_of`), else the run's settings alone.

    Returns
    -------
    list of dict
        ``field, label, score, steps`` (``(sent_id, text)`` per sentence with evidence),
        ``rule`` (the decision with its numbers and threshold), ``recomputed`` (the label the
        rule gives) and ``evidence`` (``cue → matched [label, sN]``).
    """
    art = _article(analysis, doc_id)
    st, topics, stances = _settings(analysis, codebook)
    ev_all = analysis.evidence[analysis.evidence["doc_id"].astype(str) == str(doc_id)]
    sents = _sentences(analysis, doc_id)
    out = []
    for col in schema.label_fields(art.index):
        kind, name = schema.parse_field(col)
        ev = ev_all[ev_all["field"] == col]
        if kind == schema.TOPIC:
            steps, again, rule = _topic(col, ev, sents, st, topics.get(name))
        elif kind == schema.STANCE:
            steps, again, rule = _stance(col, ev, art, st, stances.get(name))
        else:
            steps, again, rule = _tone(ev, sents, st)
        items = [f"{_cue(r)} → {r.matched} [{r.label}, s{r.sent_id}]" for r in ev.itertuples()]
        out.append({"field": col, "label": art[col], "score": art.get(schema.score_column(col)),
                    "steps": steps, "rule": rule, "recomputed": str(again),
                    "evidence": "; ".join(items) if items else "no evidence"})
    return out


def reasons(analysis, doc_id, codebook=None):
    """A tidy table of each article-level label, the rule with its numbers, and the evidence.

    Returns
    -------
    pandas.DataFrame
        ``field, label, score, rule, steps, check, evidence`` -- ``steps`` the per-sentence
        sums (``s4: ... = 3.5 ≥ 2.0 → 1``, joined by `` | ``), ``check`` ``ok`` or what the
        rule gives instead, evidence as ``cue → matched`` strings (sentence numbers in
        brackets, ``¬`` for negated cues).
    """
    rows = []
    for e in explanations(analysis, doc_id, codebook):
        same = str(e["label"]) == e["recomputed"]
        rows.append({"field": e["field"], "label": e["label"], "score": e["score"],
                     "rule": e["rule"], "steps": " | ".join(t for _, t in e["steps"]),
                     "check": "ok" if same else f"rule gives {e['recomputed']}",
                     "evidence": e["evidence"]})
    return pd.DataFrame(rows)


def explain_text(analysis, corpus, doc_id, codebook=None):
    """Plain-text explanation (logical-order Arabic) for a terminal or a notebook cell: the
    numbered sentences, then each label's rule with its numbers, the actors and the quotes."""
    _article(analysis, doc_id)
    lines = [f"# {doc_id}", "", "## sentences"]
    for r in _sentences(analysis, doc_id).itertuples():
        lines.append(f"s{r.sent_id} [{getattr(r, 'kind', '')}] {r.text}")
    lines += ["", "## labels"]
    for e in explanations(analysis, doc_id, codebook):
        score = "" if pd.isna(e["score"]) else f" (score {e['score']})"
        lines.append(f"{e['field']} = {e['label']}{score}: {e['rule']}")
        if str(e["label"]) != e["recomputed"]:
            lines.append(f"  ! the rule worked through here gives {e['recomputed']}")
        lines += [f"  {text}" for _, text in e["steps"]]
        lines.append(f"  evidence: {e['evidence']}")
    act = analysis.actors[analysis.actors["doc_id"].astype(str) == str(doc_id)]
    if len(act):
        lines += ["", "## actors"]
    for r in act.itertuples():
        lines.append(f"actor {r.actor}: «{r.label}» {r.connotation} ×{r.count}")
    q = analysis.quotes[analysis.quotes["doc_id"].astype(str) == str(doc_id)]
    if len(q):
        lines += ["", "## quotes"]
    for r in q.itertuples():
        lines.append(f"quote s{r.sent_id}: {r.speaker} [{r.source_type}] via {r.verb}")
    return "\n".join(lines)


def explain_html(analysis, corpus, doc_id, fragment=False, codebook=None):
    """A self-contained right-to-left HTML page: numbered sentences with the evidence marked,
    each label's rule with its numbers, the actor labels and the quotes; prints legibly.

    With ``fragment=True``, only the ``<div dir="rtl">`` body, for a notebook cell.
    See :func:`framing.explain_page.page`.
    """
    from .explain_page import page

    return page(analysis, corpus, doc_id, explanations, fragment=fragment, codebook=codebook)


def sentence_evidence(ev):
    """``{sent_id: [evidence rows]}`` of an evidence table (for the page's margin notes)."""
    out = defaultdict(list)
    for r in ev.itertuples():
        out[int(r.sent_id)].append(r)
    return out
