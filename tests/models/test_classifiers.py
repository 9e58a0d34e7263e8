"""framing.models.classifiers: char n-grams on normalised text, balanced LR, calibration, extras."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import FunctionTransformer

from framing.models import CalibrateIfEnough, make_text_classifier, predict_table


def test_pipeline_is_char_ngrams_on_normalised_text_and_balanced_lr():
    model = make_text_classifier()
    vec = model.named_steps["features"]
    assert vec.analyzer == "char_wb" and vec.ngram_range == (2, 5)
    analyse = vec.build_analyzer()
    # Spelling variants (hamza, tatweel, diacritics, Arabic-Indic digits) give the same n-grams.
    assert analyse("إعـــادةُ ٢٠٢٥") == analyse("اعادة 2025")
    lr = model.named_steps["classifier"].estimator.estimator
    assert isinstance(lr, LogisticRegression)
    assert lr.class_weight == "balanced" and lr.solver == "liblinear" and lr.random_state == 0


def test_multilabel_fit_predict_and_calibration(coarse_model, sample):
    model, names, Y = coarse_model
    proba = model.predict_proba(sample["text"].head(5).tolist())
    assert proba.shape == (5, len(names)) and ((proba >= 0) & (proba <= 1)).all()
    assert names[0] == "Manipulative_Wording"  # most frequent first
    per_label = model.named_steps["classifier"].estimators_
    # Frequent labels are calibrated; a label with fewer positives than folds is not.
    assert per_label[0].calibrated_
    assert all(e.calibrated_ == (Y[:, j].sum() >= 3) for j, e in enumerate(per_label))
    table = predict_table(model, sample["text"].head(3), names)
    assert list(table.columns) == ["predicted_labels"] + [f"p:{n}" for n in names]
    # Decisions come from the class-balanced regression, not from p > 0.5.
    decisions = model.predict(sample["text"].head(3).tolist())
    assert [sorted(v) for v in table["predicted_labels"]] == \
        [sorted(names[j] for j in np.flatnonzero(row)) for row in decisions]


def test_calibrate_if_enough_falls_back():
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0]])
    few = CalibrateIfEnough(cv=3).fit(X, [0, 0, 0, 1, 1])  # two positives < 3 folds
    assert not few.calibrated_
    many = CalibrateIfEnough(cv=2).fit(X, [0, 0, 0, 1, 1])
    assert many.calibrated_ and many.predict_proba(X).shape == (5, 2)


def test_extra_features_join_the_ngrams(sample):
    length = FunctionTransformer(lambda texts: np.array([[len(t) / 1000] for t in texts]))
    model = make_text_classifier(extra_features=length, calibrate=False)
    assert isinstance(model.named_steps["features"], FeatureUnion)
    texts = sample["text"].tolist()[:60]
    y = np.array(["long" if len(t) > 150 else "short" for t in texts])
    model.fit(texts, y)
    n_chars = len(model.named_steps["features"].transformer_list[0][1].vocabulary_)
    assert model.named_steps["classifier"].estimators_[0].coef_.shape[1] == n_chars + 1


def test_codebook_featurizer_as_extra_features(seed_texts):
    featurizer = pytest.importorskip("framing.features").CodebookFeaturizer()
    texts = list(seed_texts.values())
    model = make_text_classifier(extra_features=featurizer, calibrate=False, min_df=1)
    model.fit(texts, ["a", "b", "a", "b", "a"])
    assert model.predict_proba(texts).shape == (5, 2)


def test_single_label_text_classifier():
    texts = ["الجيش الوطني يحقق النصر", "هجوم إرهابي على الحدود", "الجيش يؤمن الحدود",
             "إرهابيون يهاجمون القرية", "انتصار الجيش", "هجوم الإرهاب"] * 3
    y = ["army", "terror", "army", "terror", "army", "terror"] * 3
    model = make_text_classifier(min_df=1).fit(texts, y)
    table = predict_table(model, ["الجيش ينتصر", "هجوم إرهابي"])
    assert table["predicted_label"].tolist() == ["army", "terror"]
    assert np.allclose(table.filter(like="p:").sum(axis=1), 1)
