"""A multi-label technique classifier with thresholds and calibration from grouped CV.

:class:`TechniqueClassifier` joins TF-IDF of character 2-5-grams (within words) and word 1-2-grams
of normalised text, plus one 0/1 column per text type other than ``default_type`` (e.g. tweet)
and the paragraph's length, and fits one logistic regression per label (one-vs-rest). Before the
final fit it cross-validates the same regressions with folds grouped by source document, and
uses the out-of-fold scores of the texts of the type that will be labelled (``tune_type``,
paragraphs by default) twice:

- calibration: per label a Platt sigmoid of the score (``calibration_``: slope and intercept),
  so that ``predict_proba`` estimates how often a text with that score carries the label;
- thresholds: per label the calibrated probability above which a label is predicted
  (:func:`choose_thresholds`: by default the set that maximises the out-of-fold micro-F1).

Labels with fewer than ``min_positives`` training positives, or whose best out-of-fold F1 stays
below ``min_cv_f1``, are never predicted (``learnable_`` is False for them); their probability
is the training prevalence. The threshold of such a label is ``inf``.

Inputs are a sequence of texts (all of type ``default_type``) or a DataFrame with ``text`` and
``type`` columns. The class is a plain scikit-learn estimator: its fitted state is vectorisers,
logistic regressions and numpy arrays.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.utils.validation import check_is_fitted

from ..errors import FramingError
from .classifiers import normalize_text


def split_input(X, default_type="paragraph"):
    """Texts and text types of a model input (texts, or a frame with ``text`` and ``type``)."""
    if hasattr(X, "columns"):
        if "text" not in X.columns:
            raise FramingError("the input table needs a 'text' column")
        texts = X["text"].fillna("").astype(str).tolist()
        types = (X["type"].fillna(default_type).astype(str).tolist() if "type" in X.columns
                 else [default_type] * len(texts))
        return texts, types
    texts = ["" if t is None else str(t) for t in X]
    return texts, [default_type] * len(texts)


def best_threshold(proba, y):
    """The probability threshold that maximises F1 of ``proba >= t`` against ``y``.

    Thresholds are midpoints between consecutive distinct probabilities (robust to ties).

    Returns
    -------
    threshold : float
        ``inf`` when ``y`` has no positive.
    f1 : float
    """
    proba, y = np.asarray(proba, dtype=float), np.asarray(y).astype(int)
    n_pos = int(y.sum())
    if n_pos == 0:
        return np.inf, 0.0
    order = np.argsort(-proba, kind="mergesort")
    p, t = proba[order], y[order]
    tp = np.cumsum(t)
    k = np.arange(1, len(p) + 1)
    last = np.append(p[1:] != p[:-1], True)  # cut only between distinct values
    f1 = np.where(last, 2 * tp / (k + n_pos), -1.0)
    i = int(np.argmax(f1))
    nxt = p[i + 1] if i + 1 < len(p) else p[i] - 1e-6
    return float((p[i] + nxt) / 2), float(f1[i])


def _counts(proba, y, t):
    pred = proba >= t
    tp = int((pred & (y == 1)).sum())
    return tp, int(pred.sum()) - tp, int(y.sum()) - tp


def _global_threshold(proba, Y, shared, rest):
    """The one threshold for the ``shared`` labels that maximises micro-F1 given ``rest``.

    ``rest`` holds the (tp, fp, fn) of the other labels; returns ``(threshold, micro_f1)``.
    """
    p, y = proba[:, shared].ravel(), Y[:, shared].ravel().astype(int)
    order = np.argsort(-p, kind="mergesort")
    p, y = p[order], y[order]
    tp = np.cumsum(y)
    fp = np.arange(1, len(p) + 1) - tp
    fn = int(y.sum()) - tp
    last = np.append(p[1:] != p[:-1], True)
    f = np.where(last, 2 * (tp + rest[0]) / np.maximum(
        2 * (tp + rest[0]) + fp + rest[1] + fn + rest[2], 1), -1.0)
    none = 2 * rest[0] / max(2 * rest[0] + rest[1] + rest[2] + int(y.sum()), 1)
    i = int(np.argmax(f))
    if len(p) == 0 or f[i] <= none:
        return np.inf, none
    nxt = p[i + 1] if i + 1 < len(p) else p[i] - 1e-6
    return float((p[i] + nxt) / 2), float(f[i])


def choose_thresholds(proba, Y, learnable, objective="micro", passes=3, min_own=0):
    """Per-label probability thresholds from out-of-fold probabilities.

    ``objective="label"``: each label's threshold maximises its own F1. ``"micro"``: starting
    from those, coordinate ascent on the micro-F1 over all labels (a frequent label may then be
    predicted more readily and a weak rare one not at all).

    ``min_own`` (micro objective only): a learnt label with fewer positives in ``Y`` gets no
    threshold of its own but shares one with the other such labels -- the single threshold that
    maximises the micro-F1 with them together (a threshold tuned on a handful of positives
    fits their noise; on calibrated probabilities one threshold suits all labels alike).

    Returns
    -------
    thresholds : numpy.ndarray
        ``inf`` for labels not learnt or never worth predicting.
    f1 : numpy.ndarray
        Each label's out-of-fold F1 at its threshold.
    """
    if objective not in ("micro", "label"):
        raise FramingError(f"unknown objective {objective!r}", fix="use micro or label")
    n_labels = Y.shape[1]
    learnable = np.asarray(learnable, dtype=bool)
    thr = np.full(n_labels, np.inf)
    shared = (learnable & (Y.sum(axis=0) < min_own) if objective == "micro"
              else np.zeros(n_labels, dtype=bool))
    own = learnable & ~shared
    for j in np.flatnonzero(own):
        thr[j] = best_threshold(proba[:, j], Y[:, j])[0]
    if objective == "micro":
        counts = np.array([_counts(proba[:, j], Y[:, j], thr[j]) for j in range(n_labels)])
        for _ in range(passes):
            if shared.any():
                rest = counts[~shared].sum(axis=0)
                thr[shared] = _global_threshold(proba, Y, shared, rest)[0]
                for j in np.flatnonzero(shared):
                    counts[j] = _counts(proba[:, j], Y[:, j], thr[j])
            for j in np.flatnonzero(own):
                rest = counts.sum(axis=0) - counts[j]
                cands = np.append(np.unique(proba[:, j]), np.inf)
                best, best_f = thr[j], -1.0
                for t in cands:
                    tp, fp, fn = np.add(rest, _counts(proba[:, j], Y[:, j], t))
                    f = 2 * tp / max(2 * tp + fp + fn, 1)
                    if f > best_f + 1e-12:
                        best, best_f = t, f
                thr[j] = best
                counts[j] = _counts(proba[:, j], Y[:, j], thr[j])
    f1 = np.zeros(n_labels)
    for j in range(n_labels):
        tp, fp, fn = _counts(proba[:, j], Y[:, j], thr[j])
        f1[j] = 2 * tp / max(2 * tp + fp + fn, 1)
    return thr, f1


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))


class TechniqueClassifier(ClassifierMixin, BaseEstimator):
    """TF-IDF char + word n-grams, one-vs-rest logistic regression, CV thresholds and calibration.

    Parameters
    ----------
    C : float, default 1.0
        Inverse regularisation of the per-label regressions.
    class_weight : {"balanced", None}, default "balanced"
    char_ngrams, word_ngrams : tuple of int, default (2, 5) and (1, 2)
    min_df : int, default 2
    cv : int, default 5
        Grouped folds for thresholds and calibration.
    min_positives : int, default 8
        Labels with fewer training positives are not learnt.
    min_cv_f1 : float, default 0.1
        Labels whose best out-of-fold F1 is lower are not predicted.
    tune_type : str or None, default "paragraph"
        Choose thresholds on out-of-fold predictions of texts of this type (None: all).
    default_type : str, default "paragraph"
        Type of plain-text inputs.
    length_scale : float, default 4.0
        Weight of the length column ``log(1 + words) / log(1000)`` (0: no length column). Longer
        paragraphs carry more techniques; a larger weight lets the penalised regression use it.
    objective : {"micro", "label"}, default "micro"
        How thresholds are chosen (:func:`choose_thresholds`).
    char_analyzer : {"char_wb", "char"}, default "char_wb"
        Character n-grams within words, or also across word boundaries.
    min_own_positives : int, default 0
        A label with fewer positives among the tuning texts shares one threshold with the other
        such labels instead of getting its own (``min_own`` of :func:`choose_thresholds`).
    random_state : int, default 0
    labels : list of str, optional
        Names of the label columns (for tables and evidence; not used in fitting).

    Attributes
    ----------
    char_vectorizer_, word_vectorizer_ : TfidfVectorizer
    estimators_ : list of LogisticRegression or None
        One per label (None where not learnt).
    calibration_ : numpy.ndarray of shape (n_labels, 2)
        Platt slope and intercept of each label's score.
    thresholds_ : numpy.ndarray
        Probability thresholds (``inf``: never predicted).
    cv_f1_ : numpy.ndarray
        Out-of-fold F1 at the chosen threshold.
    oof_proba_ : numpy.ndarray
        Out-of-fold calibrated probabilities of the ``tune_type`` training texts (what the
        thresholds were chosen on).
    learnable_ : numpy.ndarray of bool
    prevalence_ : numpy.ndarray
    """

    multilabel_ = True

    def __init__(self, C=1.0, class_weight="balanced", char_ngrams=(2, 5), word_ngrams=(1, 2),
                 min_df=2, cv=5, min_positives=8, min_cv_f1=0.1, tune_type="paragraph",
                 default_type="paragraph", length_scale=4.0, objective="micro",
                 char_analyzer="char_wb", min_own_positives=0, random_state=0, labels=None):
        self.C = C
        self.class_weight = class_weight
        self.char_ngrams = char_ngrams
        self.word_ngrams = word_ngrams
        self.min_df = min_df
        self.cv = cv
        self.min_positives = min_positives
        self.min_cv_f1 = min_cv_f1
        self.tune_type = tune_type
        self.default_type = default_type
        self.length_scale = length_scale
        self.objective = objective
        self.char_analyzer = char_analyzer
        self.min_own_positives = min_own_positives
        self.random_state = random_state
        self.labels = labels

    # -- features ---------------------------------------------------------------------------

    def _vectorizers(self):
        char = TfidfVectorizer(analyzer=self.char_analyzer, ngram_range=tuple(self.char_ngrams),
                               min_df=self.min_df, preprocessor=normalize_text, sublinear_tf=True,
                               dtype=np.float64)
        word = TfidfVectorizer(analyzer="word", ngram_range=tuple(self.word_ngrams),
                               min_df=self.min_df, preprocessor=normalize_text, sublinear_tf=True,
                               token_pattern=r"(?u)\b\w+\b", dtype=np.float64)
        return char, word

    def _stack(self, char, word, texts, types, fit=False):
        a = char.fit_transform(texts) if fit else char.transform(texts)
        b = word.fit_transform(texts) if fit else word.transform(texts)
        if fit:
            self.type_values_ = sorted(set(types) - {self.default_type})
        extra = [[float(t == v) for v in self.type_values_] for t in types]
        if self.length_scale:  # TF-IDF rows are unit length: the paragraph's length is lost
            for row, text in zip(extra, texts):
                row.append(self.length_scale * float(np.log1p(len(text.split())) / np.log(1000)))
        dense = np.array(extra, dtype=float).reshape(len(texts), -1)
        return sp.hstack([a, b, sp.csr_matrix(dense)], format="csr")

    def transform(self, X):
        """The feature matrix of ``X`` (char n-grams, word n-grams, types, length)."""
        check_is_fitted(self, "estimators_")
        texts, types = split_input(X, self.default_type)
        return self._stack(self.char_vectorizer_, self.word_vectorizer_, texts, types)

    def feature_names(self):
        """Names of the feature columns: ``char:NGRAM``, ``word:NGRAM``, ``type:T``, ``length``."""
        check_is_fitted(self, "estimators_")
        return np.array([*("char:" + n for n in self.char_vectorizer_.get_feature_names_out()),
                         *("word:" + n for n in self.word_vectorizer_.get_feature_names_out()),
                         *("type:" + t for t in self.type_values_),
                         *(["length"] if self.length_scale else [])], dtype=object)

    # -- fitting ----------------------------------------------------------------------------

    def _logistic(self):
        # The dual problem is the faster one with fewer texts than n-grams (4-5x here).
        return LogisticRegression(C=self.C, class_weight=self.class_weight, solver="liblinear",
                                  dual=True, max_iter=1000, random_state=self.random_state)

    def _fit_labels(self, Xm, Y, learnable):
        return [self._logistic().fit(Xm, Y[:, j]) if learnable[j] else None
                for j in range(Y.shape[1])]

    def fit(self, X, y, groups=None):
        """Fit on texts (or a ``text``/``type`` frame) and a 0/1 indicator matrix ``y``.

        Parameters
        ----------
        X : sequence of str or pandas.DataFrame
        y : array-like of shape (n_texts, n_labels)
        groups : array-like, optional
            Source document of each text; a group never spans CV folds (default: one per text).
        """
        texts, types = split_input(X, self.default_type)
        Y = np.asarray(y).astype(int)
        if Y.ndim != 2 or Y.shape[0] != len(texts):
            raise FramingError("y must be a 0/1 indicator matrix with one row per text")
        groups = np.arange(len(texts)) if groups is None else np.asarray(groups)
        self.prevalence_ = Y.mean(axis=0)
        learnable = Y.sum(axis=0) >= self.min_positives
        scores = self._oof_scores(texts, types, Y, groups, learnable)
        tune = (np.array([t == self.tune_type for t in types]) if self.tune_type is not None
                else np.ones(len(texts), dtype=bool))
        if not tune.any():
            tune[:] = True
        n_labels = Y.shape[1]
        pos = Y[tune].sum(axis=0)
        learnable &= (pos >= 2) & (pos < tune.sum())  # a sigmoid needs both classes to fit
        self.calibration_ = np.zeros((n_labels, 2))
        proba = np.tile(Y[tune].mean(axis=0), (int(tune.sum()), 1))
        for j in np.flatnonzero(learnable):  # Platt on the texts the thresholds are tuned on
            platt = LogisticRegression(C=1e4, solver="lbfgs").fit(scores[tune][:, [j]], Y[tune, j])
            self.calibration_[j] = platt.coef_[0, 0], platt.intercept_[0]
            proba[:, j] = _sigmoid(self.calibration_[j, 0] * scores[tune, j]
                                   + self.calibration_[j, 1])
        self.thresholds_, self.cv_f1_ = choose_thresholds(proba, Y[tune], learnable,
                                                          self.objective,
                                                          min_own=self.min_own_positives)
        self.oof_proba_ = proba
        learnable &= self.cv_f1_ >= self.min_cv_f1
        self.thresholds_[~learnable] = np.inf
        self.learnable_ = learnable
        self.char_vectorizer_, self.word_vectorizer_ = self._vectorizers()
        Xm = self._stack(self.char_vectorizer_, self.word_vectorizer_, texts, types,
                         fit=True)
        self.estimators_ = self._fit_labels(Xm, Y, learnable)
        self.classes_ = np.arange(n_labels)
        self.n_labels_ = n_labels
        return self

    def _oof_scores(self, texts, types, Y, groups, learnable):
        n_splits = min(self.cv, len(np.unique(groups)))
        if n_splits < 2:
            raise FramingError("too few groups for cross-validated thresholds")
        folds = GroupKFold(n_splits, shuffle=True, random_state=self.random_state)
        texts, types = np.asarray(texts, dtype=object), np.asarray(types, dtype=object)
        scores = np.zeros(Y.shape)
        for train, test in folds.split(texts, groups=groups):
            char, word = self._vectorizers()
            Xtr = self._stack(char, word, list(texts[train]), list(types[train]), fit=True)
            Xte = self._stack(char, word, list(texts[test]), list(types[test]))
            for j in np.flatnonzero(learnable):
                if Y[train, j].min() == Y[train, j].max():
                    continue
                scores[test, j] = self._logistic().fit(Xtr, Y[train, j]).decision_function(Xte)
        return scores

    # -- prediction -------------------------------------------------------------------------

    def decision_function(self, X):
        """Raw per-label scores (0 where a label is not learnt)."""
        Xm = self.transform(X)
        out = np.zeros((Xm.shape[0], self.n_labels_))
        for j, est in enumerate(self.estimators_):
            if est is not None:
                out[:, j] = est.decision_function(Xm)
        return out

    def predict_proba(self, X):
        """Calibrated probability of each label, shape (n_texts, n_labels)."""
        scores = self.decision_function(X)
        proba = _sigmoid(scores * self.calibration_[:, 0] + self.calibration_[:, 1])
        return np.where(self.learnable_, proba, self.prevalence_)

    def predict(self, X):
        """0/1 indicator matrix: probability at or above each label's threshold."""
        return (self.predict_proba(X) >= self.thresholds_).astype(int)
