"""The error list joined to the evidence: why the codebook disagreed with the coder, in words.

One row per error and sentence (plus one article row where the article as a whole explains the
label): for a false negative the sentences the coder most likely used -- those the coder's note
quotes (:mod:`.notes`), those where the codebook found some cues of the field, or else those
holding words of the field's cues -- and what the codebook found there; for a false positive
(and a swap: pro for con) the cues that fired. ``cause`` names the reason as a short code and
``reason`` says it in words, with the threshold it was compared with:

=======================  ==============================================================
cause                    reason (example)
=======================  ==============================================================
``no_cue``               no cue of the topic in the article
``below_min_weight``     topic cues weigh 1.5 < topic_min_weight 2.0 in s4
``too_few_sentences``    1 sentence addresses the topic < topic_min_sentences 2
``out_of_scope``         the article names none of the field's context cues
``no_cue_here``          no cue of the field in this sentence (quoted by the coder)
``cue_words``            words of the field's cues (مكافحة) but no whole cue
``no_mention``           the target is not mentioned (no target cue, no linked actor)
``mentioned``            the target is named (so not absent), without evaluation
``no_eval_cue``          the target is named in this sentence without an evaluative cue
``actor_label``          a (de)legitimising label of a linked actor gave the stance
``passing_mention``      mentioned, not evaluated, in an article without topic T
``below_min_evidence``   evaluative weight 0.5 < stance_min_evidence 1.0
``within_threshold``     score 0.00 within ±stance_threshold 0.2
``outside_window``       eval cue 'دعم' 11 tokens from the target (window 8)
``other_clause``         eval cue 'دعم' in another clause than the target
``no_mention_here``      eval cue 'دعم' in a sentence that does not mention the target
``negated``              pro cue 'دعم' negated by a negator: counted as con
``cues_fired``           the cues that gave the predicted label
=======================  ==============================================================

Examples
--------
>>> gold = read_labels("../shared/gold/seeds_articles.csv")                  # doctest: +SKIP
>>> d = diagnose(gold, load_corpus("seeds"))                                  # doctest: +SKIP
>>> d.query("kind == 'FN'")[["field", "doc_id", "sent_id", "cause", "reason"]]  # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from .. import schema
from ..features.tone import sentence_weights
from ..features.topics import SHORT_REPORT_FACTOR, SHORT_REPORT_SENTENCES, reaches
from .article_view import ArticleView, coder_rows, cue_list, cue_words_reason, fmt, row, setting
from .sample import coded_sample, note_columns
from .scoring import errors, paired_labels

COLUMNS = ["field", "doc_id", "gold", "pred", "kind", "sent_id", "basis", "cause", "reason",
           "cues", "weight", "text"]


# -- topics -----------------------------------------------------------------------------------

def _topic(err, art, topic, limit):
    field, st = err["field"], art.st
    mw_name, mw = setting(topic, st, "topic_min_weight")
    ms_name, ms = setting(topic, st, "topic_min_sentences")
    # a short report: one cue alone from a share of min_weight on (features.topics)
    short = sum(k != "repeat" for k in art.kinds) <= SHORT_REPORT_SENTENCES
    ev = art.rows(field)
    cues = ev[ev["label"].isin(["1", "out_of_scope"])]
    by_cue = {int(s): dict(zip(g["cue"], g["weight"].astype(float)))
              for s, g in cues.groupby("sent_id")}
    weights = {s: sum(c.values()) for s, c in by_cue.items()}

    def addresses(s):
        return bool(reaches(weights[s], max(by_cue[s].values()), mw, short))
    out = []
    if (ev["label"] == "out_of_scope").any():
        out.append(row(err, None, "article", "out_of_scope", "topic cues found, but the article "
                       "names none of the topic's context cues: the topic is out of scope", art))
    addressing = [s for s in weights if addresses(s)]
    if err["kind"] == "FN" and not weights:
        out.append(row(err, None, "article", "no_cue", "no cue of the topic in the article", art))
    elif err["kind"] == "FN" and addressing and len(addressing) < ms:
        out.append(row(err, None, "article", "too_few_sentences",
                       f"{len(addressing)} sentence(s) address the topic < {ms_name} {ms}", art))

    def describe(s, basis="cues", words=()):
        if s not in weights:
            cause, reason = (cue_words_reason(words) if words else
                             ("no_cue_here", "no cue of the topic in this sentence"))
            return row(err, s, basis, cause, reason, art)
        rel = ">=" if addresses(s) else "<"
        reason = f"topic cues weigh {fmt(weights[s])} {rel} {mw_name} {fmt(mw)} in s{s}"
        if short and weights[s] < mw:
            strongest = max(by_cue[s].values())
            reason = (f"topic cues weigh {fmt(weights[s])} < {mw_name} {fmt(mw)} in s{s}; the "
                      f"strongest cue, {fmt(strongest)}, {rel} {SHORT_REPORT_FACTOR:g} x "
                      f"{mw_name} (short report) {fmt(SHORT_REPORT_FACTOR * mw)}")
        return row(err, s, basis, "below_min_weight" if rel == "<" else "cues_fired", reason,
                   art, cue_list(cues[cues["sent_id"] == s]), weights[s])

    # FP: the sentences that address the topic; FN: the nearest misses, then the coder's
    ranked = sorted((s for s in weights if err["kind"] == "FN" or addresses(s)),
                    key=lambda s: (-weights[s], s))[:limit]
    out += [describe(s) for s in ranked]
    if err["kind"] == "FN":
        out += coder_rows(art, field, topic.cues, set(ranked), limit, describe)
    return out


# -- stances ----------------------------------------------------------------------------------

def _eval_status(view, hit, m_toks, target, st):
    """``(cause, reason)`` of an evaluative hit: counted (maybe negated) or why not."""
    k, cue = view.local(hit), hit.entry.cue.text
    side = "pro" if hit.entry.payload > 0 else "con"
    if not m_toks:
        return "no_mention_here", (f"{side} cue '{cue}' in a sentence that does not mention "
                                   "the target")
    if target.scope == "window":
        w_name, window = setting(target, st, "stance_window")
        same = [m for m in m_toks if view.clauses[k] == view.clauses[m]]
        if not any(abs(k - m) <= window for m in same):
            if not same:
                return "other_clause", f"{side} cue '{cue}' in another clause than the target"
            d = min(abs(k - m) for m in same)
            return "outside_window", (f"{side} cue '{cue}' {d} tokens from the target "
                                      f"({w_name} {window})")
    if view.negated(hit, int(st["negation_window"])):
        other = "con" if side == "pro" else "pro"
        return "negated", f"{side} cue '{cue}' negated by a negator: counted as {other}"
    return "cues_fired", f"{side} cue '{cue}' counted ({fmt(hit.entry.cue.weight)})"


_PRIORITY = ("outside_window", "other_clause", "negated", "cues_fired", "no_mention_here")


def _stance_article(err, art, target, ev):
    st = art.st
    pro = float(ev.loc[ev["label"] == "pro", "weight"].sum())
    con = float(ev.loc[ev["label"] == "con", "weight"].sum())
    th_name, th = setting(target, st, "stance_threshold")
    me_name, me = setting(target, st, "stance_min_evidence")
    if (ev["label"] == "out_of_scope").any():
        return "out_of_scope", "the article names none of the target's context cues: absent"
    if not (ev["label"] == "mention").any():
        return "no_mention", "the target is not mentioned (no target cue, no linked actor label)"
    topic = getattr(target, "topic", None)
    if err["pred"] == "absent" and topic:
        return "passing_mention", (f"mentioned, not evaluated (weight {fmt(pro + con)} < "
                                   f"{me_name} {fmt(me)}), in an article without topic:{topic}")
    n = int((ev["label"] == "mention").sum())
    if err["gold"] == "absent" and err["pred"] == "neutral":
        return "mentioned", (f"the target is named ({n} mention(s)), so not absent; evaluative "
                             f"weight {fmt(pro + con)} (pro/con needs {me_name} {fmt(me)})")
    if pro + con == 0:
        return "below_min_evidence", (f"the target is named but no evaluative cue counts "
                                      f"({me_name} {fmt(me)})")
    if pro + con < me:
        return "below_min_evidence", (f"evaluative weight {fmt(pro + con)} < {me_name} "
                                      f"{fmt(me)} (pro {fmt(pro)}, con {fmt(con)})")
    score = (pro - con) / (pro + con)
    if abs(score) <= th:
        return "within_threshold", (f"score {score:+.2f} within ±{th_name} {fmt(th)} (pro "
                                    f"{fmt(pro)}, con {fmt(con)})")
    return "cues_fired", (f"score {score:+.2f} beyond ±{th_name} {fmt(th)} (pro {fmt(pro)}, "
                          f"con {fmt(con)})")


def _stance(err, art, target, limit):
    field = err["field"]
    ev = art.rows(field)
    out = [row(err, None, "article", *_stance_article(err, art, target, ev), art)]
    if err["kind"] != "FN":
        return out + _stance_fired(err, art, target, ev, limit)
    listed, scored = set(), []
    for i, view in sorted(art.views.items()):
        found, mentioned = _eval_hits(view, target, art)
        if mentioned:  # what the codebook found where the target is named
            scored.append((min((_PRIORITY.index(c) for (c, _), _ in found), default=9), i))
    for _, i in sorted(scored)[:limit]:
        out.append(_stance_sentence(err, art, target, ev, i, "cues"))
        listed.add(i)
    return out + coder_rows(art, field, target.target, listed, limit,
                            lambda s, basis, words: _stance_sentence(err, art, target, ev, s,
                                                                     basis, words))


def _stance_sentence(err, art, target, ev, i, basis, words=()):
    """A sentence row of a false negative: the target's evaluative cues there and their fate."""
    view = art.views.get(i)
    found, mentioned = _eval_hits(view, target, art) if view is not None else ([], False)
    ev_s = ev[(ev["sent_id"] == i) & ev["label"].isin(["pro", "con"])]
    if not found:
        cause, reason = (("no_eval_cue", "the target is named here without an evaluative cue")
                         if mentioned else cue_words_reason(words) if words else
                         ("no_cue_here", "no evaluative cue of the target here"))
    else:
        # the most telling cue first: a near miss explains a false negative best
        found = sorted(found, key=lambda f: _PRIORITY.index(f[0][0]))
        (cause, reason), _ = found[0]
        if len(found) > 1:
            reason += f"; {len(found) - 1} more cue(s) in the sentence"
    return row(err, i, basis, cause, reason, art, cue_list(ev_s),
                float(ev_s["weight"].sum()) if len(ev_s) else 0.0)


def _eval_hits(view, target, art):
    """``[((cause, reason), hit)]`` for the evaluative cues of ``target`` in a sentence, and
    whether the sentence names the target."""
    name = target.name
    mentions = list(view.hits(f"target:{name}"))
    linked = [h for h in view.hits("actor")
              if name in art.compiled.actor_stance[h.entry.payload[0]]]
    m_toks = [view.local(h) for h in mentions + linked]
    return [(_eval_status(view, h, m_toks, target, art.st), h)
            for h in view.hits(f"eval:{name}")], bool(m_toks)


def _stance_fired(err, art, target, ev, limit):
    """Sentence rows of a false positive or a swap: the evidence that gave the prediction."""
    side = err["pred"] if err["pred"] in ("pro", "con") else None
    if side is None:  # named but not evaluated: the mentions are what the prediction rests on
        m = ev[ev["label"] == "mention"]
        return [row(err, int(s), "cues", "mentioned", "the target is named here: "
                     + ", ".join(f"'{c}'" for c in dict.fromkeys(g["cue"])), art,
                     "; ".join(dict.fromkeys(g["cue"])), 0.0)
                for s, g in list(m.groupby("sent_id"))[:limit]]
    ev = ev[ev["label"].isin(["pro", "con"])]
    evals = {c.text for c in (*target.pro, *target.con)}
    sent = {}
    for s, g in ev.groupby("sent_id"):
        toward = float(g.loc[g["label"] == side, "weight"].sum()) if side else 0.0
        sent[int(s)] = (toward, g)
    out = []
    for s in sorted(sent, key=lambda s: (-sent[s][0], s))[:limit]:
        toward, g = sent[s]
        g = g[g["label"] == side] if side and toward else g
        labels = g["cue"].map(lambda c: "cue" if c in evals else "actor label")
        parts = [f"{lab}: {kind} '{cue}'{' (negated)' if neg else ''} ({fmt(float(w))})"
                 for lab, kind, cue, neg, w in zip(g["label"], labels, g["cue"], g["negated"],
                                                   g["weight"])]
        cause = ("negated" if g["negated"].any() else
                 "actor_label" if (labels == "actor label").all() else "cues_fired")
        out.append(row(err, s, "cues", cause, "; ".join(parts), art, cue_list(g),
                        float(g["weight"].sum())))
    return out


# -- tone -------------------------------------------------------------------------------------

def _tone(err, art, limit):
    st, ev = art.st, art.rows(schema.TONE)
    weights = sentence_weights(art.kinds, st)
    by_sent = {}
    for s, lab, w in zip(ev["sent_id"].astype(int), ev["label"], ev["weight"].astype(float)):
        by_sent.setdefault(s, [0.0, 0.0])[lab == "negative"] += w
    p = sum(weights[s] * v[0] for s, v in by_sent.items() if art.kinds[s] != "repeat")
    n = sum(weights[s] * v[1] for s, v in by_sent.items() if art.kinds[s] != "repeat")
    score = (p - n) / (p + n + st["tone_smoothing"])
    th = st["tone_threshold"]
    cause = "within_threshold" if abs(score) <= th else "cues_fired"
    out = [row(err, None, "article", cause, f"tone score {score:+.2f} "
               f"{'within' if abs(score) <= th else 'beyond'} ±tone_threshold {fmt(th)} (weighted "
               f"positive {fmt(p)}, negative {fmt(n)})", art)]
    # the sentences that pull towards the predicted label (FP, swap) or the coder's (FN)
    towards = err["gold"] if err["kind"] == "FN" else err["pred"]
    sign = {"positive": 1, "negative": -1}.get(towards, 0)
    net = {s: v[0] - v[1] for s, v in by_sent.items()}

    def describe(s, basis="cues", words=()):
        if s not in net:
            return row(err, s, basis, "no_cue_here", "no sentiment cue in this sentence", art)
        k = art.kinds[s]
        extra = "" if weights[s] == 1 else f", x{fmt(weights[s])} as {k}" if k == "headline" \
            else f", x{fmt(weights[s])} in the lead"
        return row(err, s, basis, "cues_fired", f"sentiment cues weigh {net[s]:+g} in s{s}{extra}",
                   art, cue_list(ev[ev["sent_id"] == s]), net[s])

    ranked = sorted((s for s in net if (net[s] * sign > 0 if sign else net[s] != 0)),
                    key=lambda s: (-abs(net[s] * weights[s]), s))[:limit]
    out += [describe(s) for s in ranked]
    if err["kind"] == "FN":
        out += coder_rows(art, schema.TONE, (), set(ranked), limit, describe)
    return out


def diagnose(gold, corpus=None, codebook="libya-egypt", *, analysis=None, fields=None,
             notes=True, max_sentences=3):
    """Every disagreement with the coder, explained from the evidence, sentence by sentence.

    Parameters
    ----------
    gold : pandas.DataFrame
        Wide gold table (``doc_id`` + fields); ``note*`` columns are read as the coders' notes.
    corpus : pandas.DataFrame, optional
        The texts of the coded articles (or pass ``analysis``).
    codebook : str, path, Codebook or CompiledCodebook, default "libya-egypt"
    analysis : Analysis, optional
        An analysis of the coded articles made with ``codebook`` (not analysed again).
    fields : list of str, optional
        Default: every label field of both the gold table and the codebook.
    notes : bool, default True
        Use the coders' notes to find the sentences they used.
    max_sentences : int, default 3
        Sentences listed per error and kind of basis.

    Returns
    -------
    pandas.DataFrame
        ``field, doc_id, gold, pred, kind`` (FP / FN / swap), ``sent_id`` (NA on an article
        row), ``basis`` (``article``, ``cues``: the codebook found cues there, ``note``: the
        coder's note quotes it, ``cue words``), ``cause``, ``reason``, ``cues`` (that fired,
        with weights; ``not`` marks a negated cue), ``weight`` (the field's weight in the
        sentence) and ``text`` (the sentence).
    """
    sample = coded_sample(gold, corpus, codebook, analysis=analysis, fields=fields)
    pred = sample.analysis.articles.astype({"doc_id": str})
    pairs = paired_labels(sample.gold, pred, sample.fields)
    wrong = errors(pairs)
    cb = sample.codebook
    topics = {schema.field(schema.TOPIC, t.name): t for t in cb.topics}
    stances = {schema.field(schema.STANCE, s.name): s for s in cb.stances}
    note_cols = note_columns(sample.gold) if notes else []
    notes_of = sample.gold.set_index("doc_id")[note_cols]
    articles, rows = {}, []
    for err in wrong.to_dict("records"):
        doc = err["doc_id"]
        if doc not in articles:
            articles[doc] = ArticleView(sample, doc, [n for n in notes_of.loc[doc] if n])
        art, field = articles[doc], err["field"]
        if field in topics:
            rows += _topic(err, art, topics[field], max_sentences)
        elif field in stances:
            rows += _stance(err, art, stances[field], max_sentences)
        else:
            rows += _tone(err, art, max_sentences)
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["sent_id"] = out["sent_id"].astype("Int64")
    return out


def reason_counts(diagnosis):
    """How often each cause explains an error: ``field, kind, cause, n`` (errors, not rows).

    Examples
    --------
    >>> reason_counts(diagnose(gold, corpus)).head()                     # doctest: +SKIP
    """
    one = diagnosis.drop_duplicates(["field", "doc_id", "cause"])
    return (one.groupby(["field", "kind", "cause"]).size().rename("n").reset_index()
            .sort_values(["field", "n"], ascending=[True, False], ignore_index=True))


__all__ = ["COLUMNS", "diagnose", "reason_counts"]
