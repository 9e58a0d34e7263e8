"""Article labels re-computed from the evidence tables under other thresholds, without
analysing the corpus again.

The coding rules decide a label in two steps: the cues found (which do not depend on the
thresholds) and a comparison with the thresholds. The evidence table keeps the first step, so a
label can be re-decided for any setting of

- a topic's ``min_weight`` / ``min_sentences`` (the sentence weight is the sum of the weights
  of the distinct cues of the topic in the sentence, :mod:`framing.features.topics`);
- a stance target's ``threshold`` / ``min_evidence`` (pro and con weight, and whether the target
  is mentioned at all, :mod:`framing.features.stances`);
- the global ``tone_threshold`` (positive and negative weight, with the headline and lead
  weights of :mod:`framing.features.tone`).

The scope rules come along: cues of a topic or target whose article is out of its scope are
labelled ``out_of_scope`` in the evidence and never count, and a target linked to a topic
(``topic:`` in the codebook) that is mentioned but not evaluated is ``absent`` where the
article lacks that topic -- under the topic's thresholds of the same setting. The sums are
taken in the order of the coding rules, so the labels equal those of a new analysis with the
same setting (the tests check this on real articles). A stance ``window`` or anything else that
changes which cues count cannot be re-decided this way.

Examples
--------
>>> from framing import analyze, load_corpus                          # doctest: +SKIP
>>> res = analyze(load_corpus("seeds"))                                # doctest: +SKIP
>>> tables = cue_tables(res, "libya-egypt")                            # doctest: +SKIP
>>> relabel(tables, {"topic:elections": {"min_weight": 3.0}})          # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import schema
from ..codebook import load_codebook
from ..errors import ParameterError
from ..features.tone import sentence_weights
from ..features.topics import SHORT_REPORT_SENTENCES, reaches

#: The thresholds of each kind of field: parameter name -> the global setting it overrides.
PARAMETERS = {
    schema.TOPIC: {"min_weight": "topic_min_weight", "min_sentences": "topic_min_sentences"},
    schema.STANCE: {"threshold": "stance_threshold", "min_evidence": "stance_min_evidence"},
    schema.TONE: {"tone_threshold": "tone_threshold"},
}


@dataclass
class CueTables:
    """What the thresholds are compared with, per article (from :func:`cue_tables`).

    Attributes
    ----------
    codebook : Codebook
    doc_ids : list of str
        Every article of the analysis, sorted.
    topics : pandas.DataFrame
        ``doc_id, field, sent_id, weight, strongest``: one row per sentence with a cue of topic
        ``field`` (the sum of its distinct cues' weights, and the heaviest of them).
    stances : pandas.DataFrame
        ``doc_id, field, pro, con, mentions``: one row per article that mentions target ``field``.
    tone : pandas.DataFrame
        ``doc_id, positive, negative, score``: the article's weighted sentiment and tone score
        (articles without sentiment cues have no row: score 0).
    short : frozenset of str
        The short reports (:mod:`framing.features.topics`): their sentences address a topic
        when one cue alone weighs ``SHORT_REPORT_FACTOR`` of its ``min_weight`` or more.
    """

    codebook: object
    doc_ids: list
    topics: pd.DataFrame
    stances: pd.DataFrame
    tone: pd.DataFrame
    short: frozenset = frozenset()


def field_kind(field):
    """``topic``, ``stance`` or ``tone`` for a label field; ParameterError for anything else."""
    kind, name = schema.parse_field(field)
    if field == schema.TONE or (kind in (schema.TOPIC, schema.STANCE) and name):
        return kind
    raise ParameterError(f"{field!r} is not a label field", fix="use topic:T, stance:S or tone")


def current_thresholds(codebook, fields=None):
    """The thresholds a codebook applies to each field.

    Parameters
    ----------
    codebook : str, path or Codebook
    fields : list of str, optional
        Default: every field of the codebook.

    Returns
    -------
    dict
        ``{field: {parameter: value}}``, e.g. ``{"topic:elections": {"min_weight": 2.0,
        "min_sentences": 1}, "tone": {"tone_threshold": 0.15}}``.

    Examples
    --------
    >>> t = current_thresholds("libya-egypt", ["stance:haftar", "tone"])
    >>> sorted(t["stance:haftar"]), sorted(t["tone"])
    (['min_evidence', 'threshold'], ['tone_threshold'])
    """
    cb = load_codebook(codebook)
    st, out = cb.settings, {}
    items = {schema.field(schema.TOPIC, t.name): t for t in cb.topics}
    items.update({schema.field(schema.STANCE, s.name): s for s in cb.stances})
    for field in cb.fields if fields is None else fields:
        kind = field_kind(field)
        if kind == schema.TONE:
            out[field] = {"tone_threshold": st["tone_threshold"]}
            continue
        if field not in items:
            raise ParameterError(f"the codebook has no field {field!r}",
                                 fix=f"use one of {', '.join(cb.fields)}")
        out[field] = {p: items[field].setting(st, key) for p, key in PARAMETERS[kind].items()}
    return out


def _ordered_sum(values):
    # a plain left-to-right sum from 0.0, as the coding rules add up weights
    total = 0.0
    for v in values:
        total += v
    return total


def cue_tables(analysis, codebook="libya-egypt"):
    """The per-sentence and per-article cue weights of an analysis, computed once.

    Parameters
    ----------
    analysis : Analysis
        Made with ``codebook`` (its ``evidence`` and ``sentences`` tables are read).
    codebook : str, path, Codebook or CompiledCodebook

    Returns
    -------
    CueTables
    """
    cb = load_codebook(getattr(codebook, "codebook", codebook))
    ev = analysis.evidence
    cols = [ev[c].tolist() for c in ("doc_id", "sent_id", "field", "label", "cue", "weight")]
    topic_cues, stance, tone = {}, {}, {}
    # evidence rows come in document and sentence order: the sums below follow the rules' order
    for doc, sent, field, label, cue, w in zip(*cols):
        doc, sent, w = str(doc), int(sent), float(w)
        if field.startswith("topic:"):
            if label == "1":  # not context names, not cues of an article out of the topic's scope
                topic_cues.setdefault((doc, field, sent), {}).setdefault(cue, w)
        elif field.startswith("stance:"):
            rec = stance.setdefault((doc, field), [0, {}])  # mentions, {sentence: [pro, con]}
            if label == "mention":
                rec[0] += 1
            elif label in ("pro", "con"):
                rec[1].setdefault(sent, [0.0, 0.0])[label == "con"] += w
        elif field == schema.TONE:
            tone.setdefault(doc, {}).setdefault(sent, [0.0, 0.0])[label == "negative"] += w
    topics = pd.DataFrame([(d, f, s, _ordered_sum(c.values()), max(c.values()))
                           for (d, f, s), c in sorted(topic_cues.items())],
                          columns=["doc_id", "field", "sent_id", "weight", "strongest"])
    rows = []
    for (doc, field), (mentions, by_sent) in sorted(stance.items()):
        sums = [by_sent[s] for s in sorted(by_sent)]  # per sentence, then over sentences
        rows.append((doc, field, _ordered_sum(p for p, _ in sums),
                     _ordered_sum(c for _, c in sums), mentions))
    stances = pd.DataFrame(rows, columns=["doc_id", "field", "pro", "con", "mentions"])
    sents = analysis.sentences
    counted = sents.loc[sents["kind"] != "repeat", "doc_id"].astype(str).value_counts()
    ids = analysis.articles["doc_id"].astype(str)
    short = frozenset(d for d in ids if counted.get(d, 0) <= SHORT_REPORT_SENTENCES)
    return CueTables(cb, sorted(ids), topics, stances,
                     _tone_sums(tone, analysis.sentences, cb.settings), short)


def _tone_sums(tone, sentences, st):
    sents = sentences[sentences["doc_id"].astype(str).isin(set(tone))]
    kinds = {}
    for doc, _sent, kind in sorted(zip(sents["doc_id"].astype(str), sents["sent_id"].astype(int),
                                      sents["kind"])):
        kinds.setdefault(doc, []).append(kind)
    rows = []
    for doc in sorted(tone):
        weights = sentence_weights(kinds[doc], st)
        p = n = 0.0
        for sent in sorted(tone[doc]):
            if kinds[doc][sent] != "repeat":
                pos, neg = tone[doc][sent]
                p += weights[sent] * pos
                n += weights[sent] * neg
        rows.append((doc, p, n, (p - n) / (p + n + st["tone_smoothing"])))
    return pd.DataFrame(rows, columns=["doc_id", "positive", "negative", "score"])


def label_matrix(tables, field, points, topic_labels=None):
    """The article labels of one field under each of several threshold settings.

    Parameters
    ----------
    tables : CueTables
    field : str
        ``topic:T``, ``stance:S`` or ``tone``.
    points : list of dict
        Threshold settings, ``{parameter: value}`` each; a parameter not given keeps the
        codebook's value.
    topic_labels : pandas.Series, optional
        For a target linked to a topic (``topic:`` in the codebook, see
        :mod:`framing.features.stances`): that topic's labels by ``doc_id``; default: under the
        codebook's thresholds.

    Returns
    -------
    pandas.DataFrame
        One column of labels (strings) per setting, indexed by ``doc_id`` (every article of
        the analysis).
    """
    kind = field_kind(field)
    base = current_thresholds(tables.codebook, [field])[field]
    for point in points:
        unknown = set(point) - set(PARAMETERS[kind])
        if unknown:
            raise ParameterError(f"{field} has no threshold {sorted(unknown)[0]!r}",
                                 fix=f"use {', '.join(PARAMETERS[kind])}")
    index = pd.Index(tables.doc_ids, name="doc_id")
    points = [{**base, **p} for p in points]
    if kind == schema.TOPIC:
        cols = _topic_labels(tables.topics[tables.topics["field"] == field], index, points,
                             tables.short)
    elif kind == schema.STANCE:
        cols = _stance_labels(tables.stances[tables.stances["field"] == field], index, points,
                              _linked_topic(tables, field, topic_labels, index))
    else:
        score = tables.tone.set_index("doc_id")["score"].reindex(index, fill_value=0.0).to_numpy()
        # tone_label: positive / negative beyond the threshold
        cols = [np.where(score > p["tone_threshold"], "positive",
                         np.where(score < -p["tone_threshold"], "negative", "neutral"))
                for p in points]
    return pd.DataFrame({i: pd.Series(c, index=index, dtype=object) for i, c in enumerate(cols)})


def _topic_labels(t, index, points, short=frozenset()):
    pos = index.get_indexer(t["doc_id"])
    weight, strongest = t["weight"].to_numpy(), t["strongest"].to_numpy()
    in_short = t["doc_id"].isin(short).to_numpy()  # one strong cue is enough there
    out = []
    for p in points:
        ok = reaches(weight, strongest, p["min_weight"], in_short)
        n = np.bincount(pos[ok], minlength=len(index))
        out.append(np.where(n >= p["min_sentences"], "1", "0"))
    return out


def _linked_topic(tables, field, topic_labels, index):
    """Whether each article has the topic a target is linked to (None: no link)."""
    name = schema.parse_field(field)[1]
    topic = next((getattr(t, "topic", None) for t in tables.codebook.stances if t.name == name),
                 None)
    if not topic:
        return None
    if topic_labels is None:
        topic_labels = label_matrix(tables, schema.field(schema.TOPIC, topic), [{}])[0]
    return topic_labels.reindex(index).astype(str).to_numpy() == "1"


def _stance_labels(s, index, points, has_topic):
    pos = index.get_indexer(s["doc_id"])
    pro, con = s["pro"].to_numpy(), s["con"].to_numpy()
    total = pro + con
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(total > 0, (pro - con) / total, 0.0)
    mentioned = s["mentions"].to_numpy() > 0
    out = []
    for p in points:  # stance_label, vectorised; articles without a mention stay absent
        lab = np.where(score > p["threshold"], "pro",
                       np.where(score < -p["threshold"], "con", "neutral"))
        weak = total < p["min_evidence"]
        lab = np.where(weak, "neutral", lab)
        seen = mentioned if has_topic is None else mentioned & (has_topic[pos] | ~weak)
        col = np.full(len(index), "absent", dtype=object)
        col[pos] = np.where(seen, lab, "absent")  # a passing mention outside the topic: absent
        out.append(col)
    return out


def field_labels(tables, field, topic_labels=None, **params):
    """The article labels of one field under the given thresholds.

    Parameters
    ----------
    tables : CueTables
    field : str
        ``topic:T``, ``stance:S`` or ``tone``.
    topic_labels : pandas.Series, optional
        See :func:`label_matrix`.
    **params
        ``min_weight=``, ``min_sentences=`` (topics), ``threshold=``, ``min_evidence=``
        (stances), ``tone_threshold=`` (tone); a parameter not given keeps the codebook's value.

    Returns
    -------
    pandas.Series
        Labels as strings, indexed by ``doc_id`` (every article of the analysis).
    """
    return label_matrix(tables, field, [params], topic_labels)[0].rename(field)


def relabel(tables, thresholds=None, fields=None):
    """The wide label table of an analysis under other thresholds.

    Parameters
    ----------
    tables : CueTables
        From :func:`cue_tables`.
    thresholds : dict, optional
        ``{field: {parameter: value}}`` (as :func:`current_thresholds` returns); fields and
        parameters not given keep the codebook's values.
    fields : list of str, optional
        Default: every field of the codebook.

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` and one label column per field, strings, as the articles table has them.
    """
    thresholds = thresholds or {}
    fields = list(tables.codebook.fields if fields is None else fields)
    topics = {t.name: field_labels(tables, schema.field(schema.TOPIC, t.name),
                                   **thresholds.get(schema.field(schema.TOPIC, t.name), {}))
              for t in tables.codebook.topics}
    cols = {}
    for f in fields:
        kind, name = schema.parse_field(f)
        if kind == schema.TOPIC:
            cols[f] = topics[name]
            continue
        link = next((getattr(s, "topic", None) for s in tables.codebook.stances
                     if s.name == name), None) if kind == schema.STANCE else None
        cols[f] = field_labels(tables, f, topics.get(link), **thresholds.get(f, {}))
    return pd.DataFrame(cols).rename_axis("doc_id").reset_index()

__all__ = ["PARAMETERS", "CueTables", "cue_tables", "current_thresholds", "field_kind",
           "field_labels", "label_matrix", "relabel"]
