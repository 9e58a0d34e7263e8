"""Supervised text classifiers for sentences, paragraphs or articles, as scikit-learn Pipelines.

The default model is the strong, transparent baseline for small annotated Arabic sets: TF-IDF over
character n-grams within words (2-5 characters, after Arabic normalisation, which makes it robust
to clitics and spelling variants without a morphological analyser) and one class-balanced logistic
regression per label (one-vs-rest, so the same pipeline does binary, multi-class and multi-label
work). Probabilities are calibrated by cross-validation where each label has enough examples.

Decisions and probabilities answer different questions. A label is predicted when the
class-balanced regression scores it above zero, a rule that keeps rare labels from being drowned
by frequent ones; the probability is a calibrated estimate of how often a text with that score
carries the label. A predicted rare label can therefore have a probability below 0.5.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.utils.validation import check_is_fitted

from ..text.normalize import normalize


def normalize_text(text):
    """Normalise one text for the vectorisers (a named function, so that fitted models pickle)."""
    return normalize("" if text is None else str(text))


class CalibrateIfEnough(ClassifierMixin, BaseEstimator):
    """A binary classifier whose probabilities are calibrated when the data allow it.

    With at least ``cv`` examples of each class, probabilities come from
    :class:`~sklearn.calibration.CalibratedClassifierCV` (``ensemble=False``: the estimator is fit
    on all data and the calibrator on cross-validated scores); otherwise from the estimator itself.
    Decisions always come from the estimator fit on all data (see the module notes).

    Parameters
    ----------
    estimator : classifier, optional
        Default: ``LogisticRegression(class_weight="balanced", solver="liblinear", random_state=0)``.
    cv : int, default 3
        Calibration folds (stratified, not shuffled: deterministic).
    method : {"sigmoid", "isotonic"}, default "sigmoid"

    Attributes
    ----------
    calibrated_ : bool
        Whether the probabilities were calibrated.
    classes_ : numpy.ndarray
    """

    def __init__(self, estimator=None, cv=3, method="sigmoid"):
        self.estimator = estimator
        self.cv = cv
        self.method = method

    def fit(self, X, y):
        base = self.estimator if self.estimator is not None else _logistic(1.0, 0)
        _, counts = np.unique(y, return_counts=True)
        self.calibrated_ = bool(len(counts) >= 2 and counts.min() >= self.cv)
        if self.calibrated_:
            self.calibrator_ = CalibratedClassifierCV(clone(base), method=self.method, cv=self.cv,
                                                      ensemble=False).fit(X, y)
            self.estimator_ = self.calibrator_.calibrated_classifiers_[0].estimator
        else:
            self.estimator_ = clone(base).fit(X, y)
        self.classes_ = self.estimator_.classes_
        return self

    def decision_function(self, X):
        check_is_fitted(self)
        return self.estimator_.decision_function(X)

    def predict(self, X):
        check_is_fitted(self)
        return self.estimator_.predict(X)

    def predict_proba(self, X):
        check_is_fitted(self)
        return (self.calibrator_ if self.calibrated_ else self.estimator_).predict_proba(X)


def _logistic(C, random_state):
    return LogisticRegression(C=C, class_weight="balanced", solver="liblinear",
                              random_state=random_state)


def char_ngram_features(ngram_range=(2, 5), min_df=2, max_features=None):
    """TF-IDF over character n-grams within word boundaries, on normalised text.

    Parameters
    ----------
    ngram_range : tuple of int, default (2, 5)
    min_df : int or float, default 2
        Ignore n-grams seen in fewer documents (rare n-grams are mostly noise in small sets).
    max_features : int, optional

    Returns
    -------
    sklearn.feature_extraction.text.TfidfVectorizer
    """
    return TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(ngram_range), min_df=min_df,
                           max_features=max_features, preprocessor=normalize_text,
                           sublinear_tf=True, dtype=np.float64)


def make_text_classifier(*, extra_features=None, ngram_range=(2, 5), min_df=2, max_features=None,
                         C=1.0, calibrate=True, calibration_cv=3, random_state=0):
    """Character n-gram TF-IDF + class-balanced logistic regression, one-vs-rest.

    Fit it with a list of texts and either a 1-D array of labels (binary or multi-class) or a 0/1
    indicator matrix (multi-label, one column per label).

    Parameters
    ----------
    extra_features : transformer, optional
        Any transformer of the same texts (e.g. a codebook featuriser); its output is joined to
        the n-gram features with a :class:`~sklearn.pipeline.FeatureUnion`.
    ngram_range, min_df, max_features
        See :func:`char_ngram_features`.
    C : float, default 1.0
        Inverse regularisation strength.
    calibrate : bool, default True
        Calibrate probabilities where each label has at least ``calibration_cv`` examples of
        each class. Calibration folds do not respect article groups.
    calibration_cv : int, default 3
    random_state : int, default 0

    Returns
    -------
    sklearn.pipeline.Pipeline
        Steps ``features`` and ``classifier``.

    Examples
    --------
    >>> model = make_text_classifier().fit(texts, labels)          # doctest: +SKIP
    >>> model.predict_proba(["نص جديد"])                            # doctest: +SKIP
    """
    features = char_ngram_features(ngram_range, min_df, max_features)
    if extra_features is not None:
        features = FeatureUnion([("chars", features), ("extra", extra_features)])
    base = _logistic(C, random_state)
    if calibrate:
        base = CalibrateIfEnough(base, cv=calibration_cv)
    return Pipeline([("features", features), ("classifier", OneVsRestClassifier(base))])


def make_lexical_baseline(*, C=1.0, min_df=2, random_state=0):
    """Bag of normalised words (unigrams, presence) + class-balanced logistic regression.

    The lexical baseline: it learns which whole words go with a label, nothing below or beyond
    the word.

    Parameters
    ----------
    C : float, default 1.0
    min_df : int, default 2
    random_state : int, default 0

    Returns
    -------
    sklearn.pipeline.Pipeline
    """
    words = CountVectorizer(analyzer="word", preprocessor=normalize_text, binary=True, min_df=min_df)
    return Pipeline([("features", words),
                     ("classifier", OneVsRestClassifier(_logistic(C, random_state)))])


def make_majority_baseline():
    """Predict each label's most frequent value in the training data (multi-label: per column).

    Returns
    -------
    sklearn.dummy.DummyClassifier
    """
    return DummyClassifier(strategy="most_frequent")


def is_multilabel(model):
    """Whether a fitted model predicts a 0/1 indicator matrix rather than one label per text."""
    final = model.steps[-1][1] if isinstance(model, Pipeline) else model
    return bool(getattr(final, "multilabel_", False))


def predict_table(model, texts, labels=None, index=None):
    """Predicted labels and probabilities for some texts, one row per text.

    Parameters
    ----------
    model : fitted classifier from :func:`make_text_classifier`
    texts : sequence of str
    labels : list of str, optional
        Label names of a multi-label model (its columns); single-label models know theirs.
    index : index-like, optional
        Index of the result (e.g. the input frame's index).

    Returns
    -------
    pandas.DataFrame
        ``predicted_labels`` (a list per text) for a multi-label model or ``predicted_label``
        otherwise, then one ``p:LABEL`` probability column per label.
    """
    texts = list(texts)
    proba = model.predict_proba(texts)
    pred = model.predict(texts)
    multilabel = is_multilabel(model)
    names = list(labels) if labels is not None and multilabel else list(model.classes_)
    out = pd.DataFrame(proba, columns=[f"p:{name}" for name in names], index=index)
    if multilabel:
        picked = [[names[j] for j in np.flatnonzero(row)] for row in np.asarray(pred)]
        out.insert(0, "predicted_labels", picked)
    else:
        out.insert(0, "predicted_label", pred)
    return out
