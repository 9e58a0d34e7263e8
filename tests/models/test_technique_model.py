"""framing.models.technique_model: CV thresholds and calibration, on real ArMPro + ArAIEval text."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import f1_score

from framing.models.persuasion import ALL_LABELS, label_matrix, level_labels
from framing.models.technique_model import best_threshold, choose_thresholds


def test_best_threshold_maximises_f1():
    proba = np.array([0.9, 0.8, 0.7, 0.4, 0.3, 0.2])
    y = np.array([1, 1, 0, 1, 0, 0])
    t, f = best_threshold(proba, y)
    assert 0.3 < t < 0.4 and f == pytest.approx(f1_score(y, proba >= t))
    assert best_threshold(proba, np.zeros(6))[0] == np.inf


def test_micro_objective_is_never_worse_than_per_label():
    rng = np.random.default_rng(0)
    Y = (rng.random((200, 4)) < [0.5, 0.2, 0.05, 0.1]).astype(int)
    P = np.clip(Y * 0.3 + rng.random((200, 4)) * 0.7, 0, 1)
    learn = np.array([True, True, True, False])

    def micro(thr):
        return f1_score(Y, (P >= thr).astype(int), average="micro")

    t_label, _ = choose_thresholds(P, Y, learn, "label")
    t_micro, f1 = choose_thresholds(P, Y, learn, "micro")
    assert micro(t_micro) >= micro(t_label) and t_micro[3] == np.inf
    assert f1[0] == pytest.approx(f1_score(Y[:, 0], P[:, 0] >= t_micro[0]))


def test_rare_labels_share_one_threshold():
    rng = np.random.default_rng(1)
    Y = (rng.random((300, 5)) < [0.5, 0.3, 0.04, 0.03, 0.05]).astype(int)
    P = np.clip(Y * 0.35 + rng.random((300, 5)) * 0.65, 0, 1)
    learn = np.ones(5, dtype=bool)
    thr, f1 = choose_thresholds(P, Y, learn, "micro", min_own=20)
    rare = Y.sum(axis=0) < 20
    assert rare.sum() == 3 and not rare[:2].any()
    assert len(set(thr[rare])) == 1  # one threshold for the rare labels ...
    # ... the best single one given the frequent labels' thresholds
    def micro(t):
        return f1_score(Y, (P >= np.where(rare, t, thr)).astype(int), average="micro")
    assert all(micro(thr[rare][0]) >= micro(t) - 1e-12 for t in np.linspace(0.05, 1.01, 49))
    assert f1[0] == pytest.approx(f1_score(Y[:, 0], P[:, 0] >= thr[0]))
    own, _ = choose_thresholds(P, Y, learn, "micro")
    assert len(set(own[rare])) > 1  # without min_own each label has its own


def test_thresholds_and_calibration_come_from_grouped_cv(small_technique_model):
    model, table, Y, _ = small_technique_model
    tune = (table["type"] == "paragraph").to_numpy()
    # The thresholds are those chosen on the out-of-fold probabilities ...
    pos = Y[tune].sum(axis=0)
    tried = (Y.sum(axis=0) >= model.min_positives) & (pos >= 2) & (pos < tune.sum())
    again, f1 = choose_thresholds(model.oof_proba_, Y[tune], tried, model.objective,
                                  min_own=model.min_own_positives)
    learnt = model.learnable_
    assert learnt.sum() >= 2
    assert np.allclose(again[learnt], model.thresholds_[learnt])
    assert np.isinf(model.thresholds_[~learnt]).all()
    assert np.allclose(f1, model.cv_f1_) and (model.cv_f1_[learnt] >= model.min_cv_f1).all()
    # ... which are not the in-sample ones: a model scores its own training texts higher.
    inside = model.predict_proba(table[["text", "type"]])[tune]
    j = int(np.argmax(Y.sum(axis=0)))
    assert inside[Y[tune, j] == 1, j].mean() > model.oof_proba_[Y[tune, j] == 1, j].mean()
    proba = model.predict_proba(table["text"].head(5).tolist())
    assert proba.shape == (5, len(model.labels)) and ((proba >= 0) & (proba <= 1)).all()


def test_beats_majority_on_heldout_articles(small_technique_model):
    model, _, _, held = small_technique_model
    Yh, _ = label_matrix(level_labels(held["labels"], "coarse"), names=ALL_LABELS["coarse"])
    pred = model.predict(held["text"].tolist())
    majority = np.zeros_like(Yh)
    majority[:, int(np.argmax(model.prevalence_))] = 1
    ours, base = (f1_score(Yh, p, average="micro") for p in (pred, majority))
    assert ours > base
