"""A scikit-learn transformer that turns texts into codebook features."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from .compiled import CompiledCodebook
from .extract import analyze_document


class CodebookFeaturizer(TransformerMixin, BaseEstimator):
    """Codebook features of each text, for use in a scikit-learn Pipeline.

    Columns: ``share:T`` per topic, ``stance_score:S`` per stance target, ``tone_score`` and,
    with ``include_labels=True``, the 1/0 topic labels.

    Parameters
    ----------
    codebook : str or path, default "libya-egypt"
        Packaged codebook name or YAML file.
    include_labels : bool, default True
        Add the article-level ``topic:T`` indicators.
    text_col : str, default "text"
        Column to read when ``X`` is a DataFrame.

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.linear_model import LogisticRegression
    >>> pipe = make_pipeline(CodebookFeaturizer(), LogisticRegression())  # doctest: +SKIP
    """

    def __init__(self, codebook="libya-egypt", include_labels=True, text_col="text"):
        self.codebook = codebook
        self.include_labels = include_labels
        self.text_col = text_col

    def fit(self, X=None, y=None):
        self.compiled_ = CompiledCodebook(self.codebook)
        cb = self.compiled_.codebook
        names = [f"share:{t.name}" for t in cb.topics]
        if self.include_labels:
            names += [f"topic:{t.name}" for t in cb.topics]
        names += [f"stance_score:{s.name}" for s in cb.stances] + ["tone_score"]
        self.feature_names_out_ = np.array(names, dtype=object)
        self.n_features_out_ = len(names)
        return self

    def _texts(self, X):
        if isinstance(X, pd.DataFrame):
            return X[self.text_col].fillna("").astype(str).tolist()
        if isinstance(X, pd.Series):
            return X.fillna("").astype(str).tolist()
        return ["" if x is None else str(x) for x in X]

    def transform(self, X):
        if not hasattr(self, "compiled_"):
            self.fit()
        rows = [analyze_document(self.compiled_, str(i), t)["article"]
                for i, t in enumerate(self._texts(X))]
        return np.array([[float(r[n]) for n in self.feature_names_out_] for r in rows],
                        dtype=float).reshape(len(rows), self.n_features_out_)

    def get_feature_names_out(self, input_features=None):
        return self.feature_names_out_
