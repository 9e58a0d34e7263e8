"""Why a technique was predicted: the n-grams that weigh most, at their places in the paragraph.

A fitted :class:`~framing.models.technique_model.TechniqueClassifier` scores a paragraph for a
technique as a sum over its n-grams of ``tf-idf value x coefficient``. :func:`technique_evidence`
lists, for each technique predicted (or asked for), the n-grams with the largest positive
contributions and every place where each occurs in the original paragraph: ``text[start:end] ==
matched``, and ``matched`` normalises to the n-gram (the features are computed on normalised
text, so ``أعلن`` in the paragraph is the n-gram ``اعلن``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import FramingError
from ..text.normalize import normalize_with_map
from .technique_model import split_input

COLUMNS = ["paragraph", "technique", "probability", "threshold", "predicted", "rank", "feature",
           "ngram", "weight", "start", "end", "matched"]


def label_names(model, labels=None):
    """The label names of a technique model: ``labels``, else the model's ``labels``."""
    names = labels if labels is not None else getattr(model, "labels", None)
    if names is None:
        raise FramingError("the model has no label names", fix="pass labels=info['labels']")
    names = list(names)
    if len(names) != model.n_labels_:
        raise FramingError(f"{len(names)} label names for a model of {model.n_labels_} labels")
    return names


def ngram_spans(text, feature):
    """Where a feature n-gram occurs in ``text``: a list of ``(start, end)`` in the original.

    Parameters
    ----------
    text : str
        The original paragraph.
    feature : str
        ``char:NGRAM`` (character n-gram within words; a leading or trailing space marks a word
        boundary) or ``word:W1 W2`` (normalised word n-gram), as in
        :meth:`TechniqueClassifier.feature_names`.

    Returns
    -------
    list of (int, int)
    """
    kind, _, gram = feature.partition(":")
    norm = normalize_with_map(text)
    if kind == "char":
        core = gram.strip(" ")
        if not core:
            return []
        pattern = (r"(?<!\S)" if gram.startswith(" ") else "") + re.escape(core) + \
            (r"(?!\S)" if gram.endswith(" ") else "")
        # char_wb n-grams never cross a space, but a word may hold punctuation: look inside words.
    elif kind == "word":
        words = gram.split(" ")
        pattern = r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)"
    else:
        return []
    spans = []
    for m in re.finditer(pattern, norm.text):
        spans.append(norm.to_original(m.start(), m.end()))
    return spans


def technique_evidence(model, X, labels=None, *, techniques=None, top=5, only_predicted=True):
    """The n-grams behind each predicted technique, mapped to character spans of the paragraph.

    Parameters
    ----------
    model : TechniqueClassifier
        Fitted.
    X : sequence of str or pandas.DataFrame
        Paragraphs (or a ``text``/``type`` frame), as given to the model.
    labels : list of str, optional
        Label names (default the model's ``labels``; or ``info["labels"]`` of a saved model).
    techniques : list of str, optional
        Explain these techniques (whether predicted or not) instead of the predicted ones.
    top : int, default 5
        N-grams per technique and paragraph, by contribution to its score.
    only_predicted : bool, default True
        Without ``techniques``: only the techniques predicted for the paragraph.

    Returns
    -------
    pandas.DataFrame
        One row per occurrence: ``paragraph`` (position in ``X``), ``technique``,
        ``probability``, ``threshold``, ``predicted``, ``rank`` (1 = largest contribution),
        ``feature`` (``char:`` or ``word:`` n-gram), ``ngram``, ``weight`` (tf-idf x
        coefficient), ``start``, ``end``, ``matched`` (``text[start:end]``).

    Examples
    --------
    >>> ev = technique_evidence(model, ["..."], info["labels"])       # doctest: +SKIP
    >>> row = ev.iloc[0]; text[row.start:row.end] == row.matched       # doctest: +SKIP
    True
    """
    names = label_names(model, labels)
    texts, _ = split_input(X, model.default_type)
    wanted = None
    if techniques is not None:
        unknown = set(techniques) - set(names)
        if unknown:
            raise FramingError(f"unknown techniques {sorted(unknown)}", fix=f"use {names}")
        wanted = [names.index(t) for t in techniques]
    Xm = model.transform(X).tocsr()
    proba = model.predict_proba(X)
    feats = model.feature_names()
    rows = []
    for i, text in enumerate(texts):
        cols = wanted if wanted is not None else [
            j for j in range(len(names)) if not only_predicted or proba[i, j] >= model.thresholds_[j]]
        row = Xm.getrow(i)
        for j in cols:
            est = model.estimators_[j]
            if est is None:
                continue
            contrib = row.data * est.coef_[0, row.indices]
            order = np.argsort(-contrib, kind="mergesort")
            rank = 0
            for k in order:
                if contrib[k] <= 0 or rank >= top:
                    break
                feature = feats[row.indices[k]]
                spans = ngram_spans(text, feature)
                if not spans:
                    continue  # the tweet-type column, or an n-gram only the padding made
                rank += 1
                for start, end in spans:
                    rows.append({
                        "paragraph": i, "technique": names[j], "probability": float(proba[i, j]),
                        "threshold": float(model.thresholds_[j]),
                        "predicted": bool(proba[i, j] >= model.thresholds_[j]), "rank": rank,
                        "feature": feature, "ngram": feature.partition(":")[2].strip(" "),
                        "weight": float(contrib[k]), "start": start, "end": end,
                        "matched": text[start:end]})
    return pd.DataFrame(rows, columns=COLUMNS)
