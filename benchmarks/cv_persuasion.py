"""How the persuasion model's settings were chosen: grouped CV on the training part only.

    python benchmarks/cv_persuasion.py [--shared ../shared]

The training table of ``bench_persuasion.py`` (ArMPro training articles + ArAIEval 2023 1B, no
held-out paragraph) is cross-validated with the toolkit's own grouped 5 folds
(:meth:`TechniqueClassifier._oof_scores`). The decision rule is cross-fitted too: for each fold,
the Platt sigmoids and thresholds are chosen on the out-of-fold scores of the ArMPro paragraphs
of the four other folds and applied to its own paragraphs, so that the micro-F1 printed is not
the one the thresholds were tuned on. The held-out ArMPro articles are only left out (with the
ArAIEval texts that repeat them), never scored. Other classifiers, ensembles, span features and
decision rules on the same folds: ``cv_persuasion_variants.py``.
"""

from __future__ import annotations

import sys
import warnings

import numpy as np
from bench_persuasion import load, parse_shared, shared_parser
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from framing.models.persuasion import (
    ALL_LABELS,
    TECHNIQUE_PARAMS,
    label_matrix,
    level_labels,
)
from framing.models.technique_model import (
    TechniqueClassifier,
    _sigmoid,
    choose_thresholds,
)

SETTINGS = {  # name: overrides of TECHNIQUE_PARAMS
    "balanced classes (previous toolkit)": {"class_weight": "balanced"},
    "unweighted (toolkit)": {},
    "unweighted, rare techniques share a threshold": {"min_own_positives": 20},
    "unweighted, C=0.3": {"C": 0.3},
    "unweighted, C=3": {"C": 3.0},
}


def crossfit(scores, Y, fold, model):
    """Micro-F1, macro-F1 (labels present) and binary accuracy of the cross-fitted rule."""
    pred = np.zeros_like(Y, dtype=bool)
    learn = (Y.sum(axis=0) >= model.min_positives)
    for k in np.unique(fold):
        tr, te = fold != k, fold == k
        ok = learn & (Y[tr].sum(axis=0) >= 2)
        cal = np.zeros((Y.shape[1], 2))
        for j in np.flatnonzero(ok):
            platt = LogisticRegression(C=1e4).fit(scores[tr][:, [j]], Y[tr, j])
            cal[j] = platt.coef_[0, 0], platt.intercept_[0]
        thr, f1 = choose_thresholds(_sigmoid(scores[tr] * cal[:, 0] + cal[:, 1]), Y[tr], ok,
                                    model.objective, min_own=model.min_own_positives)
        thr[f1 < model.min_cv_f1] = np.inf
        pred[te] = _sigmoid(scores[te] * cal[:, 0] + cal[:, 1]) >= np.where(ok, thr, np.inf)
    Yb = Y.astype(bool)
    tp = (Yb & pred).sum()
    micro = 2 * tp / (2 * tp + (pred & ~Yb).sum() + (Yb & ~pred).sum())
    per = 2 * (Yb & pred).sum(axis=0) / np.maximum(Yb.sum(axis=0) + pred.sum(axis=0), 1)
    return micro, float(per[Yb.any(axis=0)].mean()), float((Yb.any(axis=1) == pred.any(axis=1)).mean())


def run(shared):
    _, _, table = load(shared)
    names = ALL_LABELS["fine"]
    Y, _ = label_matrix(level_labels(table["labels"], "fine"), names=names)
    texts, types = table["text"].tolist(), table["type"].tolist()
    groups = table["group"].to_numpy()
    arm = (table["type"] == "paragraph").to_numpy()
    fold = np.zeros(len(texts), dtype=int)
    for k, (_, te) in enumerate(GroupKFold(5, shuffle=True, random_state=0).split(texts,
                                                                                   groups=groups)):
        fold[te] = k
    top = int(np.argmax(Y[arm].sum(axis=0)))
    base = np.zeros_like(Y[arm])
    base[:, top] = 1
    tp = (Y[arm] & base).sum()
    lines = [(f"grouped 5-fold CV, {len(texts)} training texts, scored on the {arm.sum()} ArMPro "
              "training paragraphs (micro-F1 / macro-F1 / binary accuracy)"),
             f"{'majority':48s} {2 * tp / (Y[arm].sum() + base.sum()):.3f}"]
    for name, over in SETTINGS.items():
        model = TechniqueClassifier(**{**TECHNIQUE_PARAMS, **over})
        learn = Y.sum(axis=0) >= model.min_positives
        scores = model._oof_scores(texts, types, Y, groups, learn)
        micro, macro, binary = crossfit(scores[arm], Y[arm], fold[arm], model)
        lines.append(f"{name:48s} {micro:.3f} / {macro:.3f} / {binary:.3f}")
        print(lines[-1], flush=True)
    return "\n".join(lines) + "\n"


def main(argv=None):
    if (args := parse_shared(shared_parser(__doc__), argv)) is None:
        return 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        print(run(args.shared), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
