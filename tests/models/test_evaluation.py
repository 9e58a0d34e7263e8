"""framing.models.evaluation: folds that keep articles together, reproducible CV tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.errors import FramingError
from framing.models import (compare_models, cross_validate_text, group_folds, make_lexical_baseline,
                            make_majority_baseline, make_text_classifier)
from framing.models.persuasion import persuasion_targets


def test_folds_keep_articles_together(sample):
    Y, _ = persuasion_targets(sample, "coarse")
    folds = group_folds(Y, sample["page_id"], n_splits=4)
    seen = np.zeros(len(sample), dtype=int)
    for train, test in folds:
        assert not set(sample["page_id"][train]) & set(sample["page_id"][test])
        seen[test] += 1
    assert (seen == 1).all()
    with pytest.raises(FramingError, match="groups cannot fill"):
        group_folds(Y[:3], ["a", "a", "b"], n_splits=3)


def test_cross_validation_tables_and_reproducibility(sample):
    Y, names = persuasion_targets(sample, "coarse")
    args = (sample["text"], Y, sample["page_id"])
    runs = [cross_validate_text(make_text_classifier(C=0.01, calibrate=False), *args,
                                labels=names, n_splits=3) for _ in range(2)]
    a, b = runs
    pd.testing.assert_frame_equal(a.folds, b.folds)
    pd.testing.assert_frame_equal(a.labels, b.labels)
    assert (a.micro_f1, a.macro_f1) == (b.micro_f1, b.macro_f1)
    assert list(a.folds.columns) == ["fold", "n_train", "n_test", "micro_f1", "macro_f1"]
    assert a.folds["n_test"].sum() == len(sample)
    assert set(a.labels["label"]) == set(names) and len(a.labels) == 3 * len(names)
    assert a.pooled.set_index("label")["support"].tolist() == Y.sum(axis=0).tolist()


def test_single_label_cv_with_stratified_groups():
    rng = np.random.default_rng(0)
    texts = [("جيش " if i % 2 else "إرهاب ") + str(rng.integers(100)) for i in range(40)]
    y = np.array(["army" if i % 2 else "terror" for i in range(40)])
    scores, _ = compare_models({"majority": make_majority_baseline(),
                                "lexical": make_lexical_baseline(min_df=1)},
                               texts, y, groups=np.arange(40) // 2, n_splits=4)
    s = scores.set_index("model")
    assert s.loc["lexical", "macro_f1"] == 1.0 and s.loc["majority", "macro_f1"] < 0.5
