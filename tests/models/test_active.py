"""framing.models.active: which texts to label next, and the sheet coders fill in."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.errors import FramingError
from framing.models import export_for_annotation, informativeness, suggest_units
from framing.validate import read_annotations


def test_informativeness_by_hand():
    p = [[0.5, 0.5], [0.9, 0.1], [1.0, 0.0]]
    np.testing.assert_allclose(informativeness(p, "uncertainty"), [1.0, 0.2, 0.0])
    np.testing.assert_allclose(informativeness(p, "margin"), [1.0, 0.2, 0.0])
    np.testing.assert_allclose(informativeness(p, "entropy"),
                               [1.0, -(0.9 * np.log(0.9) + 0.1 * np.log(0.1)) / np.log(2), 0.0])
    # three classes: margin looks only at the top two
    np.testing.assert_allclose(informativeness([[0.4, 0.4, 0.2]], "margin"), [1.0])
    # multi-label: each label is a yes/no question; the score is the mean over labels
    np.testing.assert_allclose(informativeness([[0.5, 1.0]], "uncertainty", multilabel=True), [0.5])
    with pytest.raises(FramingError, match="unknown strategy"):
        informativeness(p, "random")


@pytest.mark.parametrize("strategy", ["uncertainty", "margin", "entropy"])
def test_suggest_units_ranks_by_score(coarse_model, armpro, strategy):
    model = coarse_model[0]
    pool = armpro.tail(40)
    out = suggest_units(model, pool, n=10, strategy=strategy)
    assert list(out.columns) == ["rank", "unit", "text", "score", "strategy"]
    assert out["rank"].tolist() == list(range(1, 11))
    assert out["score"].is_monotonic_decreasing
    every = informativeness(model.predict_proba(pool["text"].tolist()), strategy, multilabel=True)
    assert out["score"].iloc[0] == pytest.approx(every.max())
    assert out["unit"].iloc[0] == pool["paragraph_id"].iloc[int(np.argmax(every))]


def test_export_for_annotation_reads_back(tmp_path, coarse_model, armpro):
    batch = suggest_units(coarse_model[0], armpro.tail(12), n=3)
    path = tmp_path / "to_code.csv"
    sheet = export_for_annotation(batch, path, fields=["technique", "stance:haftar"])
    written = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(written.columns) == ["unit", "text", "field", "label", "coder"]
    assert len(written) == 6 and (written["label"] == "").all() and (written["coder"] == "").all()
    assert written["unit"].tolist() == sheet["unit"].tolist()
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic writer left nothing behind
    written.loc[0, ["label", "coder"]] = ["Doubt", "ali"]
    written.to_csv(path, index=False)
    back = read_annotations(path)
    assert back[["unit", "coder", "field", "label"]].values.tolist() == \
        [[batch["unit"][0], "ali", "technique", "Doubt"]]
