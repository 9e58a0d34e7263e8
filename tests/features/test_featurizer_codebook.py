"""CodebookFeaturizer with another codebook than the packaged one (the mini codebook).

(The scikit-learn contract is tested in test_featurizer.py, kept as it is.)
"""

from __future__ import annotations

from helpers import MINI


def test_featurizer_in_a_pipeline(seed_texts):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from framing.features import CodebookFeaturizer

    texts = list(seed_texts.values())
    feat = CodebookFeaturizer(MINI)
    X = feat.fit_transform(texts)
    assert X.shape == (5, len(feat.get_feature_names_out()))
    names = list(feat.get_feature_names_out())
    assert X[:, names.index("topic:elections")].sum() >= 3  # the seeds discuss elections
    pipe = make_pipeline(CodebookFeaturizer(MINI), LogisticRegression())
    pipe.fit(texts, [1, 1, 0, 1, 0])
    assert pipe.predict(texts).shape == (5,)
