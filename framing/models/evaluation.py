"""Grouped cross-validation of text classifiers, with tidy per-fold and per-label scores.

Texts from one article (or one outlet) share words, names and style; if they sit on both sides of
a split, the scores measure memory, not generalisation. Folds are therefore built from groups:
:class:`~sklearn.model_selection.StratifiedGroupKFold` for single-label data and
:class:`~sklearn.model_selection.GroupKFold` for multi-label data, both shuffled with a fixed seed.

The headline numbers are computed once over the pooled out-of-fold predictions (every text is
predicted exactly once, by a model that never saw its group); the per-fold table shows their
spread.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import f1_score, precision_recall_fscore_support
from sklearn.model_selection import GroupKFold, StratifiedGroupKFold

from ..errors import FramingError


@dataclass
class CVResult:
    """Cross-validation scores (tidy tables).

    Attributes
    ----------
    folds : pandas.DataFrame
        ``fold, n_train, n_test, micro_f1, macro_f1``.
    labels : pandas.DataFrame
        Per fold and label: ``fold, label, precision, recall, f1, support``.
    pooled : pandas.DataFrame
        Per label over the pooled out-of-fold predictions: ``label, precision, recall, f1, support``.
    predictions : numpy.ndarray
        Out-of-fold predictions, aligned with the input.
    micro_f1, macro_f1 : float
        Over the pooled out-of-fold predictions.
    """

    folds: pd.DataFrame
    labels: pd.DataFrame
    pooled: pd.DataFrame
    predictions: np.ndarray
    micro_f1: float
    macro_f1: float

    def summary(self):
        """One row: pooled micro/macro F1 and the mean and standard deviation over folds."""
        return {
            "micro_f1": self.micro_f1,
            "macro_f1": self.macro_f1,
            "micro_f1_fold_mean": self.folds["micro_f1"].mean(),
            "micro_f1_fold_sd": self.folds["micro_f1"].std(ddof=1),
            "macro_f1_fold_mean": self.folds["macro_f1"].mean(),
            "macro_f1_fold_sd": self.folds["macro_f1"].std(ddof=1),
        }


def group_folds(y, groups, n_splits=5, random_state=0):
    """Train/test index pairs that keep each group in one fold.

    Parameters
    ----------
    y : array-like, 1-D labels or 2-D indicator matrix
    groups : array-like
        Group of each row (article id, outlet).
    n_splits : int, default 5
    random_state : int, default 0

    Returns
    -------
    list of (numpy.ndarray, numpy.ndarray)
    """
    y = np.asarray(y)
    groups = np.asarray(groups)
    n_groups = len(np.unique(groups))
    if n_groups < n_splits:
        raise FramingError(f"{n_groups} groups cannot fill {n_splits} folds",
                           fix="use fewer folds or finer groups")
    if y.ndim == 1:
        splitter = StratifiedGroupKFold(n_splits, shuffle=True, random_state=random_state)
    else:
        splitter = GroupKFold(n_splits, shuffle=True, random_state=random_state)
    return list(splitter.split(np.zeros(len(y)), y if y.ndim == 1 else None, groups))


def cross_validate_text(estimator, texts, y, groups, *, labels=None, n_splits=5, random_state=0,
                        folds=None):
    """Cross-validate a text classifier with grouped folds.

    Parameters
    ----------
    estimator : classifier
        Unfitted; cloned for every fold (e.g. :func:`framing.models.make_text_classifier`).
    texts : sequence of str
    y : array-like
        1-D labels, or a 0/1 indicator matrix for multi-label data.
    groups : array-like
        Group of each text; a group never spans folds.
    labels : list of str, optional
        Names of the indicator columns (multi-label) or the labels to score (single-label).
    n_splits : int, default 5
    random_state : int, default 0
    folds : list of (train, test) index arrays, optional
        Precomputed folds (so several models can be compared on the same splits).

    Returns
    -------
    CVResult

    Examples
    --------
    >>> cv = cross_validate_text(make_text_classifier(), texts, Y, groups=page_ids,
    ...                          labels=names)                                  # doctest: +SKIP
    >>> cv.micro_f1, cv.macro_f1                                               # doctest: +SKIP
    """
    texts = np.asarray(list(texts), dtype=object)
    y = np.asarray(y)
    multilabel = y.ndim == 2
    if labels is None:
        labels = list(range(y.shape[1])) if multilabel else sorted(np.unique(y).tolist())
    folds = folds if folds is not None else group_folds(y, groups, n_splits, random_state)
    oof = np.zeros_like(y) if multilabel else np.empty(len(y), dtype=object)
    fold_rows, label_rows = [], []
    for k, (train, test) in enumerate(folds):
        model = clone(estimator).fit(list(texts[train]), y[train])
        pred = np.asarray(model.predict(list(texts[test])))
        oof[test] = pred
        fold_rows.append({"fold": k, "n_train": len(train), "n_test": len(test),
                          **_averages(y[test], pred, labels, multilabel)})
        label_rows += _per_label(y[test], pred, labels, multilabel, fold=k)
    overall = _averages(y, oof, labels, multilabel)
    return CVResult(
        folds=pd.DataFrame(fold_rows),
        labels=pd.DataFrame(label_rows),
        pooled=pd.DataFrame(_per_label(y, oof, labels, multilabel)).drop(columns="fold"),
        predictions=oof,
        micro_f1=overall["micro_f1"],
        macro_f1=overall["macro_f1"],
    )


def _comparable(y, pred, labels, multilabel):
    """Targets, predictions and the label keys sklearn's metrics expect."""
    if multilabel:
        return y.astype(int), np.asarray(pred).astype(int), list(range(len(labels)))
    return y, np.asarray(pred).astype(y.dtype), list(labels)


def _averages(y, pred, labels, multilabel):
    y, pred, keys = _comparable(y, pred, labels, multilabel)
    return {avg + "_f1": float(f1_score(y, pred, labels=keys, average=avg, zero_division=0))
            for avg in ("micro", "macro")}


def _per_label(y, pred, labels, multilabel, fold=None):
    y, pred, keys = _comparable(y, pred, labels, multilabel)
    p, r, f, s = precision_recall_fscore_support(y, pred, labels=keys, zero_division=0)
    return [{"fold": fold, "label": labels[i], "precision": p[i], "recall": r[i], "f1": f[i],
             "support": int(s[i])} for i in range(len(keys))]


def compare_models(models, texts, y, groups, *, labels=None, n_splits=5, random_state=0):
    """Cross-validate several models on the same grouped folds.

    Parameters
    ----------
    models : dict of str -> classifier
        E.g. ``{"majority": ..., "lexical": ..., "char-ngram LR": ...}``.
    texts, y, groups, labels, n_splits, random_state
        As in :func:`cross_validate_text`.

    Returns
    -------
    scores : pandas.DataFrame
        One row per model: ``model`` and the :meth:`CVResult.summary` columns.
    per_label : pandas.DataFrame
        ``model, label, precision, recall, f1, support`` over the pooled out-of-fold predictions.
    """
    folds = group_folds(np.asarray(y), groups, n_splits, random_state)
    scores, per_label = [], []
    for name, model in models.items():
        cv = cross_validate_text(model, texts, y, groups, labels=labels, folds=folds)
        scores.append({"model": name, **cv.summary()})
        per_label.append(cv.pooled.assign(model=name))
    per_label = pd.concat(per_label, ignore_index=True)
    return pd.DataFrame(scores), per_label[["model", *per_label.columns.drop("model")]]
