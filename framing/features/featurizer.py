"""A scikit-learn transformer that turns texts into codebook features."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..schema import texts_of
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
    >>> featurizer = CodebookFeaturizer().fit(["نص"])
    >>> X = featurizer.transform(["دعت مصر إلى إجراء الانتخابات في موعدها.", "خبر رياضي."])
    >>> X.shape == (2, len(featurizer.get_feature_names_out()))
    True
    >>> from sklearn.linear_model import LogisticRegression
    >>> from sklearn.pipeline import make_pipeline
    >>> pipe = make_pipeline(CodebookFeaturizer(), LogisticRegression())
    """

    def __init__(self, codebook="libya-egypt", include_labels=True, text_col="text"):
        self.codebook = codebook
        self.include_labels = include_labels
        self.text_col = text_col

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False  # one text per sample, not a numeric matrix
        tags.input_tags.string = True
        return tags

    def fit(self, X, y=None):
        """Compile the codebook; ``X`` is not used (the features are defined by the codebook).

        Returns
        -------
        self
        """
        texts_of(X, self.text_col)  # the input is checked, not used
        self.compiled_ = CompiledCodebook(self.codebook)
        cb = self.compiled_.codebook
        names = [f"share:{t.name}" for t in cb.topics]
        if self.include_labels:
            names += [f"topic:{t.name}" for t in cb.topics]
        names += [f"stance_score:{s.name}" for s in cb.stances] + ["tone_score"]
        self.feature_names_out_ = np.array(names, dtype=object)
        self.n_features_out_ = len(names)
        return self

    def transform(self, X):
        """The codebook features of each text: an array of shape ``(n_texts, n_features)``."""
        check_is_fitted(self, "compiled_")
        rows = [analyze_document(self.compiled_, str(i), t)["article"]
                for i, t in enumerate(texts_of(X, self.text_col))]
        return np.array([[float(r[n]) for n in self.feature_names_out_] for r in rows],
                        dtype=float).reshape(len(rows), self.n_features_out_)

    def get_feature_names_out(self, input_features=None):
        """The feature (column) names, in output order."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_
