"""framing.validate.scoring: the toolkit's labels against gold labels -- scores, errors, alpha."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.errors import FramingError
from framing.validate import (agreement, alpha_with_toolkit, compare_to_gold, error_kind, evaluate,
                              read_labels, wide_to_tidy)
from helpers import SEEDS_GOLD


@pytest.fixture
def gold():
    return pd.read_csv((SEEDS_GOLD / "seeds_articles.csv"))


def test_compare_to_gold_scores_errors_and_evidence(gold):
    pred = gold.copy()
    d1 = gold["doc_id"][1]
    pred.loc[0, "topic:elections"] = 1 - gold.loc[0, "topic:elections"]  # a false positive or negative
    pred.loc[1, "stance:haftar"] = "con" if gold.loc[1, "stance:haftar"] != "con" else "pro"
    pred["topic:elections"] = pred["topic:elections"].astype(float)      # 1.0 must equal 1
    evidence = pd.DataFrame([
        {"doc_id": d1, "field": "stance:haftar", "label": "con", "cue": "ميليشيا",
         "matched": "ميليشيات", "sent_id": 3, "start": 120, "end": 128, "negated": False},
        {"doc_id": d1, "field": "tone", "label": "negative", "cue": "x", "matched": "x",
         "sent_id": 1, "start": 0, "end": 1, "negated": False},
    ])
    report = compare_to_gold(gold, pred, evidence, n_boot=50)
    fields = report.fields.set_index("field")
    assert len(fields) == 13 and fields.loc["tone", "accuracy"] == 1.0
    assert fields.loc["topic:elections", "accuracy"] == pytest.approx(4 / 5)
    assert fields.loc["stance:haftar", "accuracy"] == pytest.approx(4 / 5)
    conf = report.confusion
    el = conf[conf["field"] == "topic:elections"]
    assert el["n"].sum() == 5 and len(el) == 4
    wrong = el[el["gold"] != el["pred"]]
    assert wrong["n"].sum() == 1
    errors = report.errors.set_index("field")
    assert errors.loc["topic:elections", "cue"] == "no evidence found"
    assert errors.loc["topic:elections", "kind"] == ("FN" if gold.loc[0, "topic:elections"] == 1 else "FP")
    haftar = errors.loc["stance:haftar"]
    assert haftar["doc_id"] == d1 and haftar["cue"] == "ميليشيا" and haftar["sent_id"] == 3
    assert len(report.errors) == 2  # the tone evidence belongs to no error
    per_label = report.labels.set_index(["field", "label"])
    assert per_label["support"].groupby("field").sum().eq(5).all()


def test_label_scores_by_hand():
    gold = pd.DataFrame({"doc_id": list("abcdef"),
                         "tone": ["positive"] * 2 + ["negative"] * 2 + ["neutral"] * 2})
    pred = pd.DataFrame({"doc_id": list("fedcba"),  # another row order: rows pair by doc_id
                         "tone": ["neutral", "negative", "negative", "negative", "positive", "neutral"]})
    report = compare_to_gold(gold, pred, n_boot=0)
    labels = report.labels.set_index("label")
    # by doc_id, gold -> pred: a pos->neu, b pos->pos, c neg->neg, d neg->neg, e neu->neg, f neu->neu
    assert labels.loc["negative", ["precision", "recall", "support", "predicted"]].tolist() == \
        [2 / 3, 1.0, 2, 3]
    assert labels.loc["positive", ["precision", "recall"]].tolist() == [1.0, 0.5]
    assert labels.loc["neutral", "f1"] == pytest.approx(0.5)
    assert report.fields.loc[0, "macro_f1"] == pytest.approx((0.8 + 2 / 3 + 0.5) / 3)
    assert report.fields.loc[0, "accuracy"] == pytest.approx(4 / 6)
    # a: the toolkit says less than the coder (FN); e: it says more (FP)
    assert report.errors[["doc_id", "kind"]].values.tolist() == [["a", "FN"], ["e", "FP"]]


def test_error_kinds():
    assert [error_kind(*p) for p in [("0", "1"), ("1", "0"), ("absent", "neutral"),
                                     ("pro", "neutral"), ("pro", "con"), ("positive", "negative")]] \
        == ["FP", "FN", "FP", "FN", "swap", "swap"]


def test_alpha_with_toolkit_as_extra_coder(gold):
    perfect = alpha_with_toolkit(gold, gold, n_boot=0).set_index("field")
    varying = perfect["alpha_with_toolkit"].notna()
    assert varying.any() and (perfect.loc[varying, "alpha_with_toolkit"] == 1.0).all()
    assert perfect["alpha_humans"].isna().all()  # one human coder: no human alpha
    humans = pd.concat([wide_to_tidy(gold, coder="ali"), wide_to_tidy(gold, coder="sara")])
    pred = gold.copy()
    pred["tone"] = pred["tone"].map({"positive": "negative", "negative": "positive", "neutral": "neutral"})
    row = alpha_with_toolkit(humans, pred, ["tone"], n_boot=0).iloc[0]
    assert row["alpha_humans"] == 1.0 and row["n_coders"] == 2
    assert row["alpha_with_toolkit"] < 1.0
    tidy = pd.concat([humans, wide_to_tidy(pred, coder="toolkit")])
    assert row["alpha_with_toolkit"] == pytest.approx(agreement(tidy, ["tone"], n_boot=0)["alpha"][0])


def test_gold_without_predictions_is_an_error(gold):
    pred = gold.assign(doc_id="other")
    with pytest.raises(FramingError, match="no gold article has a prediction"):
        compare_to_gold(gold, pred)


def test_evaluate_the_seed_analysis_against_the_reference_labels(seeds_run, gold):
    gold_labels, pred = read_labels((SEEDS_GOLD / "seeds_articles.csv")), read_labels(seeds_run)
    scores, per_label, confusion = evaluate(gold_labels, pred)
    fields = [c for c in gold.columns if c.startswith(("topic:", "stance:")) or c == "tone"]
    assert scores["field"].tolist() == fields and (scores["n"] == 5).all()
    assert (confusion.groupby("field")["n"].sum() == 5).all()
    assert (per_label.groupby("field")["support"].sum() == 5).all()
    # The accuracy is the share of the diagonal of the confusion table.
    diagonal = confusion[confusion["gold"] == confusion["pred"]].groupby("field")["n"].sum()
    accuracy = scores.set_index("field")["accuracy"]
    share = diagonal.reindex(fields, fill_value=0) / 5
    assert accuracy.to_dict() == pytest.approx(share.to_dict())
    # evaluate and compare_to_gold agree field by field.
    report = compare_to_gold(gold_labels, pred, n_boot=0).fields.set_index("field")
    assert accuracy.to_dict() == pytest.approx(report.loc[fields, "accuracy"].to_dict())
