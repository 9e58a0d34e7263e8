"""Active learning: which unlabelled texts should a coder label next?

Uncertainty sampling (Lewis & Gale 1994; Settles 2009): label first the texts the current model is
least sure about. All three strategies give a score in [0, 1], higher = more informative:

``uncertainty``
    One minus the probability of the most likely label (least confidence), rescaled by
    ``k / (k - 1)`` for ``k`` labels so that a uniform distribution scores 1.
``margin``
    One minus the gap between the two most likely labels.
``entropy``
    Entropy of the predicted distribution, divided by its maximum.

For a multi-label model every label is a yes/no question (its two classes are the label and its
absence), and a text's score is the mean over labels.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import FramingError
from ..io import write_table
from .classifiers import is_multilabel

STRATEGIES = ("uncertainty", "margin", "entropy")
ID_COLUMNS = ("unit", "doc_id", "paragraph_id", "id")


def informativeness(proba, strategy="uncertainty", multilabel=False):
    """Score predicted probabilities: higher = the model is less sure.

    Parameters
    ----------
    proba : array-like of shape (n_texts, n_labels)
        Class probabilities (rows sum to one), or per-label probabilities when ``multilabel``.
    strategy : {"uncertainty", "margin", "entropy"}, default "uncertainty"
    multilabel : bool, default False

    Returns
    -------
    numpy.ndarray of shape (n_texts,)

    Examples
    --------
    >>> informativeness([[0.5, 0.5], [0.9, 0.1]]).round(2)
    array([1. , 0.2])
    >>> informativeness([[0.5, 0.5], [0.9, 0.1]], "margin").round(2)
    array([1. , 0.2])
    """
    if strategy not in STRATEGIES:
        raise FramingError(f"unknown strategy {strategy!r}", fix=f"use one of {', '.join(STRATEGIES)}")
    p = np.clip(np.asarray(proba, dtype=float), 0.0, 1.0)
    if multilabel:
        # Each label as its own two-class distribution: (n, L) -> (n, L, 2), then mean over labels.
        binary = np.stack([p, 1.0 - p], axis=-1)
        return _score(binary, strategy).mean(axis=1)
    return _score(p, strategy)


def _score(p, strategy):
    """Scores over the last axis (the classes)."""
    k = p.shape[-1]
    ranked = -np.sort(-p, axis=-1)
    if strategy == "uncertainty":
        # Rescaled so that a uniform distribution scores 1 whatever the number of classes.
        return (1.0 - ranked[..., 0]) * k / (k - 1) if k > 1 else np.zeros(p.shape[:-1])
    if strategy == "margin":
        return 1.0 - (ranked[..., 0] - ranked[..., 1]) if k > 1 else np.zeros(p.shape[:-1])
    with np.errstate(divide="ignore", invalid="ignore"):
        h = -np.where(p > 0, p * np.log(p), 0.0).sum(axis=-1)
    return h / np.log(k) if k > 1 else np.zeros(p.shape[:-1])


def _id_column(df, id_col):
    if id_col is not None:
        if id_col not in df.columns:
            raise FramingError(f"no column {id_col!r}", key=id_col)
        return df[id_col]
    for col in ID_COLUMNS:
        if col in df.columns:
            return df[col]
    return pd.Series(df.index, index=df.index)


def suggest_units(model, unlabeled_df, n=20, strategy="uncertainty", *, text_col="text", id_col=None):
    """Rank unlabelled texts by how much labelling them would teach the model.

    Parameters
    ----------
    model : fitted classifier with ``predict_proba``
        E.g. from :func:`framing.models.make_text_classifier`.
    unlabeled_df : pandas.DataFrame
        The pool, with a text column.
    n : int, default 20
        How many to suggest.
    strategy : {"uncertainty", "margin", "entropy"}, default "uncertainty"
    text_col : str, default "text"
    id_col : str, optional
        Column naming each unit; by default the first of ``unit, doc_id, paragraph_id, id``
        present, else the index.

    Returns
    -------
    pandas.DataFrame
        ``rank, unit, text, score, strategy``, most informative first (ties keep pool order).

    Examples
    --------
    >>> batch = suggest_units(model, pool, n=30, strategy="entropy")     # doctest: +SKIP
    >>> export_for_annotation(batch, "to_code.csv", fields=["stance:haftar"])  # doctest: +SKIP
    """
    if text_col not in unlabeled_df.columns:
        raise FramingError(f"no text column {text_col!r}", key=text_col, fix="pass text_col=")
    if n < 1:
        raise FramingError("n must be at least 1")
    texts = unlabeled_df[text_col].fillna("").astype(str).tolist()
    if not texts:
        raise FramingError("the pool of unlabelled texts is empty")
    score = informativeness(model.predict_proba(texts), strategy, is_multilabel(model))
    order = np.argsort(-score, kind="stable")[:n]
    return pd.DataFrame({
        "rank": np.arange(1, len(order) + 1),
        "unit": _id_column(unlabeled_df, id_col).astype(str).to_numpy()[order],
        "text": np.asarray(texts, dtype=object)[order],
        "score": score[order],
        "strategy": strategy,
    })


def export_for_annotation(suggestions, path, fields=("label",)):
    """Write suggested units as an annotation sheet (tidy CSV, atomically).

    The sheet has one row per unit and field, with ``label`` and ``coder`` left empty for the
    coder; once filled in, :func:`framing.validate.read_annotations` reads it back.

    Parameters
    ----------
    suggestions : pandas.DataFrame
        With ``unit`` and ``text`` (e.g. from :func:`suggest_units`).
    path : str or os.PathLike
    fields : sequence of str, default ("label",)
        The fields to code for each unit.

    Returns
    -------
    pandas.DataFrame
        ``unit, text, field, label, coder`` as written.
    """
    missing = [c for c in ("unit", "text") if c not in suggestions.columns]
    if missing:
        raise FramingError(f"suggestions lack column(s) {missing}")
    if isinstance(fields, str):
        fields = [fields]
    sheet = suggestions[["unit", "text"]].merge(pd.DataFrame({"field": list(fields)}), how="cross")
    sheet["label"] = ""
    sheet["coder"] = ""
    write_table(sheet, path)
    return sheet
