"""One coded article as :mod:`.diagnose` reads it: its evidence rows, its sentences, and the
raw cue hits of each sentence as the coding rules saw them (before any threshold), plus the
small formatting helpers of the diagnosis rows."""

from __future__ import annotations

import pandas as pd

from ..corpus.encoding import replace_surrogates
from ..features.actors import mask_actor_names
from ..features.document import UNCOUNTED_KINDS, Document, SentenceView
from .notes import note_quotes, rank_by_cue_words, rank_by_quotes


def fmt(x):
    """A weight or threshold as written in a codebook: 2.0, 1.5, 0.15; whole counts as 1, 2."""
    if isinstance(x, int):
        return str(x)
    return f"{x:.1f}" if float(x).is_integer() else f"{x:g}"


def setting(item, st, key):
    """``(name, value)`` of a threshold: the field's own key if it sets one, else the setting."""
    own = {"topic_min_weight": "min_weight", "topic_min_sentences": "min_sentences",
           "stance_threshold": "threshold", "stance_min_evidence": "min_evidence",
           "stance_window": "window"}[key]
    value = getattr(item, own, None)
    return (f"{own} of the field", value) if value is not None else (key, st[key])


class ArticleView:
    """One article's evidence, sentences and raw cue hits (as the coding rules saw them)."""

    def __init__(self, sample, doc_id, notes):
        an, compiled = sample.analysis, sample.compiled
        self.compiled, self.st = compiled, compiled.codebook.settings
        self.evidence = an.evidence[an.evidence["doc_id"].astype(str) == doc_id]
        sents = an.sentences[an.sentences["doc_id"].astype(str) == doc_id].sort_values("sent_id")
        self.text = dict(zip(sents["sent_id"].astype(int), sents["text"]))
        self.kinds = sents["kind"].tolist()
        counted = [i for i, k in zip(sents["sent_id"].astype(int), self.kinds)
                   if k not in UNCOUNTED_KINDS]
        self.counted = {i: self.text[i] for i in counted}
        row = sample.corpus[sample.corpus["doc_id"] == doc_id].iloc[0]
        text = row["text"] if isinstance(row["text"], str) else ""
        title = row.get("title")
        doc = Document(replace_surrogates(text), title if isinstance(title, str) else None)
        self.views = {}
        for i, groups in compiled.hits_by_sentence(doc).items():
            mask_actor_names(groups)
            self.views[i] = SentenceView(doc, i, groups, compiled.negators)
        self.notes = notes

    def rows(self, field):
        return self.evidence[self.evidence["field"] == field]

    def coder_sentences(self, field, cues, exclude, limit):
        """``(sent_id, basis, words)``: the sentences the coder's note quotes for ``field``,
        else those with the most words of ``cues``."""
        quotes = [q for n in self.notes for q in note_quotes(n, field)]
        if quotes:
            ranked = rank_by_quotes(self.counted, quotes)
            return [(s, "note", ()) for s, _ in ranked if s not in exclude][:limit]
        ranked = rank_by_cue_words(self.counted, cues)
        return [(s, "cue words", w) for s, w in ranked if s not in exclude][:limit]


def row(err, sent_id, basis, cause, reason, art, cues="", weight=float("nan")):
    text = art.text.get(sent_id, "") if sent_id is not None else ""
    return {**err, "sent_id": sent_id, "basis": basis, "cause": cause, "reason": reason,
            "cues": cues, "weight": weight, "text": text}


SIGN = {"pro": "pro ", "con": "con ", "positive": "+", "negative": "-"}


def cue_list(rows):
    """``cue (weight)`` of evidence rows, with the side (pro/con, +/-) and ``not`` if negated."""
    out = [f"{SIGN.get(lab, '')}{'not ' if neg else ''}{cue} ({fmt(float(w))})"
           for cue, w, neg, lab in zip(rows["cue"], rows["weight"], rows["negated"], rows["label"])]
    counts = pd.Series(out, dtype=object).value_counts(sort=False)
    return "; ".join(c + (f" x{n}" if n > 1 else "") for c, n in counts.items())


def coder_rows(art, field, cues, listed, limit, describe):
    """Rows for the sentences the coder most likely used that are not listed yet.

    ``describe(sent_id, basis, words)`` makes the row: what the codebook found in the sentence
    (``words``: the cue words it holds, when found by cue words).
    """
    return [describe(sid, basis, ws) for sid, basis, ws in
            art.coder_sentences(field, cues, listed, limit)]


def cue_words_reason(words):
    return "cue_words", f"words of the field's cues ({', '.join(words)}) but no whole cue here"


__all__ = ["ArticleView", "coder_rows", "cue_list", "cue_words_reason", "fmt", "row", "setting"]
