"""framing.validate: annotation readers, Krippendorff's alpha, and the toolkit against gold labels."""

from __future__ import annotations

import json

import krippendorff
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_path
from framing.errors import FramingError
from framing.validate import (
    agreement,
    alpha,
    alpha_from_counts,
    alpha_with_toolkit,
    as_presence,
    bootstrap_alpha,
    coincidence_alpha,
    coincidence_matrix,
    compare_to_gold,
    counts_from_matrix,
    error_kind,
    fignews_alpha,
    percent_agreement,
    read_annotations,
    read_fignews,
    reliability_matrix,
    value_counts,
    wide_to_tidy,
)

NA = np.nan
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders x 12
# units, values 1-5, missing values; unit 12 has a single value and is not pairable.
K2011 = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA],   # coder A
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3],     # coder B
    [NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA],    # coder C
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA],     # coder D
]).T  # units x coders


# --- Krippendorff's alpha ---------------------------------------------------------------------

def test_worked_example_coincidence_matrix_by_hand():
    o = coincidence_matrix(counts_from_matrix(K2011).to_numpy())
    # The matrix printed in the paper: e.g. o_11 = 7, o_12 = 4/3, o_13 = o_14 = 1/3, o_55 = 3.
    expected = np.array([
        [7, 4 / 3, 1 / 3, 1 / 3, 0],
        [4 / 3, 10, 4 / 3, 1 / 3, 0],
        [1 / 3, 4 / 3, 8, 1 / 3, 0],
        [1 / 3, 1 / 3, 1 / 3, 4, 0],
        [0, 0, 0, 0, 3],
    ])
    np.testing.assert_allclose(o, expected)
    assert o.sum() == pytest.approx(40)  # n = pairable values


def test_worked_example_nominal_alpha_is_0743():
    # By hand: n_c = (9, 13, 10, 5, 3), n = 40, 8 disagreeing pairable values off the diagonal.
    hand = 1 - (40 - 1) * 8 / (40 ** 2 - (9 ** 2 + 13 ** 2 + 10 ** 2 + 5 ** 2 + 3 ** 2))
    assert hand == pytest.approx(0.743, abs=5e-4)
    counts = counts_from_matrix(K2011)
    assert alpha(K2011, "nominal") == pytest.approx(hand)
    assert coincidence_alpha(counts, "nominal") == pytest.approx(hand)
    assert krippendorff.alpha(K2011.T, level_of_measurement="nominal") == pytest.approx(hand)


@pytest.mark.parametrize("level, published", [("ordinal", 0.815), ("interval", 0.849)])
def test_worked_example_other_levels(level, published):
    counts = counts_from_matrix(K2011)
    ours = coincidence_alpha(counts, level)
    assert ours == pytest.approx(published, abs=5e-4)
    assert alpha(K2011, level) == pytest.approx(ours)
    assert krippendorff.alpha(K2011.T, level_of_measurement=level) == pytest.approx(ours)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 4), min_size=3, max_size=3), min_size=2, max_size=25),
       st.sampled_from(["nominal", "ordinal", "interval"]))
def test_own_alpha_matches_package(rows, level):
    counts = np.array(rows)
    ours, theirs = coincidence_alpha(counts, level), alpha_from_counts(counts, level)
    assert (np.isnan(ours) and np.isnan(theirs)) or ours == pytest.approx(theirs, abs=1e-9)


def test_tidy_matrix_and_counts_give_the_same_alpha():
    tidy = pd.DataFrame([
        {"unit": f"u{u}", "coder": c, "field": "score", "label": str(int(v))}
        for u, row in enumerate(K2011) for c, v in zip("ABCD", row) if not np.isnan(v)
    ])
    matrix = reliability_matrix(tidy, "score")
    assert list(matrix.columns) == list("ABCD") and matrix.shape == (12, 4)
    counts = value_counts(tidy, "score")
    table = agreement(tidy, n_boot=0, level="interval")
    assert table.loc[0, "alpha"] == pytest.approx(0.849, abs=5e-4)
    assert alpha_from_counts(counts) == pytest.approx(alpha(matrix)) == pytest.approx(0.7434, abs=1e-4)
    assert table.loc[0, ["n_coders", "n_units", "n_values"]].tolist() == [4, 11, 40]


def test_ordinal_words_need_an_order():
    tidy = pd.DataFrame({"unit": ["a", "a", "b", "b", "c", "c"], "coder": ["x", "y"] * 3,
                         "field": "tone", "label": ["neg", "neu", "pos", "pos", "neg", "neg"]})
    with pytest.raises(FramingError, match="order"):
        agreement(tidy, level="ordinal", n_boot=0)
    ok = agreement(tidy, level="ordinal", categories={"tone": ["neg", "neu", "pos"]}, n_boot=0)
    assert 0 < ok.loc[0, "alpha"] < 1


def test_percent_agreement_by_hand():
    # unit 1: 3 coders agree (3 of 3 pairs); unit 2: 2 vs 1 (1 of 3 pairs); unit 3: one value only
    assert percent_agreement([[3, 0], [2, 1], [1, 0]]) == pytest.approx((1 + 1 / 3) / 2)


def test_bootstrap_is_seeded_and_brackets_alpha():
    counts = counts_from_matrix(K2011)
    a = bootstrap_alpha(counts, n_boot=300, random_state=1)
    b = bootstrap_alpha(counts, n_boot=300, random_state=1)
    c = bootstrap_alpha(counts, n_boot=300, random_state=2)
    np.testing.assert_array_equal(a["replicates"], b["replicates"])
    assert not np.array_equal(a["replicates"], c["replicates"])
    assert a["ci_low"] < alpha_from_counts(counts) < a["ci_high"] <= 1
    # A replicate is alpha of units drawn with replacement: check one against the package.
    rng = np.random.default_rng(1)
    pairable = counts.to_numpy()[counts.to_numpy().sum(axis=1) >= 2]
    draw = pairable[rng.integers(0, len(pairable), len(pairable))]
    assert a["replicates"][0] == pytest.approx(alpha_from_counts(draw))


def test_perfect_agreement():
    tidy = wide_to_tidy(pd.DataFrame({"doc_id": list("abcd"), "tone": ["pos", "neg", "pos", "neu"]}))
    tidy = pd.concat([tidy, tidy.assign(coder="second")])
    row = agreement(tidy, n_boot=100).iloc[0]
    assert row["alpha"] == row["ci_low"] == row["ci_high"] == 1.0
    assert row["percent_agreement"] == 1.0


# --- annotation readers -----------------------------------------------------------------------

def test_tidy_csv_roundtrip_and_errors(tmp_path):
    good = tmp_path / "codes.csv"
    good.write_text("unit,coder,field,label,note\n1,ali,tone,positive,x\n1,sara,tone, negative ,\n"
                    "2,ali,tone,,not coded yet\n", encoding="utf-8")
    df = read_annotations(good)
    assert df[["unit", "coder", "label"]].values.tolist() == [["1", "ali", "positive"],
                                                              ["1", "sara", "negative"]]
    assert "note" in df.columns
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,coder,label\n1,a,x\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"bad\.csv:1: missing column\(s\) field"):
        read_annotations(bad)
    gap = tmp_path / "gap.csv"
    gap.write_text("unit,coder,field,label\n1,a,tone,x\n2,,tone,y\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"gap\.csv:3: coder: empty coder"):
        read_annotations(gap)


LABEL_STUDIO = [
    {"id": 11, "data": {"text": "...", "doc_id": "d1"}, "annotations": [
        {"completed_by": 1, "result": [
            {"from_name": "stance", "to_name": "text", "type": "choices", "value": {"choices": ["pro"]}},
            {"from_name": "technique", "to_name": "text", "type": "labels",
             "value": {"start": 3, "end": 9, "text": "…", "labels": ["Loaded_Language"]}},
        ]},
        {"completed_by": {"id": 2, "email": "sara@uni.edu"}, "result": [
            {"from_name": "stance", "type": "choices", "value": {"choices": ["con"]}}]},
        {"completed_by": 3, "was_cancelled": True, "result": [
            {"from_name": "stance", "type": "choices", "value": {"choices": ["neutral"]}}]},
    ]},
    {"id": 12, "data": {"text": "..."}, "annotations": [
        {"completed_by": 1, "result": [
            {"from_name": "stance", "type": "choices", "value": {"choices": ["neutral"]}}]}]},
]


def test_label_studio_export(tmp_path):
    path = tmp_path / "project.json"
    path.write_text(json.dumps(LABEL_STUDIO), encoding="utf-8")
    df = read_annotations(path)
    assert df[["unit", "coder", "field", "label"]].values.tolist() == [
        ["d1", "1", "stance", "pro"],
        ["d1", "1", "technique", "Loaded_Language"],
        ["d1", "sara@uni.edu", "stance", "con"],
        ["12", "1", "stance", "neutral"],   # no doc_id in data: the task id
    ]
    assert df["start"].tolist()[1] == 3 and df["end"].tolist()[1] == 9
    assert pd.isna(df["start"].iloc[0])
    assert reliability_matrix(df, "stance").loc["d1"].tolist() == ["pro", "con"]


def test_label_studio_malformed(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"id": 1,\n "annotations": [}\n]', encoding="utf-8")
    with pytest.raises(FramingError, match=r"broken\.json:2: not valid JSON"):
        read_annotations(path)
    path.write_text(json.dumps({"tasks": []}), encoding="utf-8")
    with pytest.raises(FramingError, match="list of tasks"):
        read_annotations(path)


def test_doccano_jsonl(tmp_path):
    ali = tmp_path / "ali.jsonl"
    ali.write_text(
        json.dumps({"id": 1, "text": "…", "label": ["pro"]}) + "\n\n"
        + json.dumps({"id": 2, "text": "…", "label": [[0, 5, "Doubt"], [9, 14, "Slogans"]]}) + "\n",
        encoding="utf-8")
    sara = tmp_path / "all.jsonl"
    sara.write_text(json.dumps({"id": 1, "text": "…", "labels": ["con"], "annotator": "sara"}) + "\n",
                    encoding="utf-8")
    df = read_annotations([ali, sara], field="stance")
    assert df[["unit", "coder", "label"]].values.tolist() == [
        ["1", "ali", "pro"], ["2", "ali", "Doubt"], ["2", "ali", "Slogans"], ["1", "sara", "con"]]
    assert df["start"].tolist()[1:3] == [0, 9]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": 1, "label": ["x"]}) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"bad\.jsonl:2: is not valid JSON"):
        read_annotations(bad)


def test_multi_label_fields_need_presence_coding():
    tidy = pd.DataFrame({"unit": ["p1"] * 3 + ["p2"] * 2, "coder": ["a", "a", "b", "a", "b"],
                         "field": "technique",
                         "label": ["Doubt", "Slogans", "Doubt", "Doubt", "Doubt"]})
    with pytest.raises(FramingError, match="as_presence"):
        value_counts(tidy, "technique")
    pres = as_presence(tidy)
    slogans = pres[pres["field"] == "technique:Slogans"]
    assert slogans[["unit", "coder", "label"]].values.tolist() == [["p1", "a", "1"], ["p1", "b", "0"]]
    assert set(pres.loc[pres["field"] == "technique:Doubt", "label"]) == {"1"}


# --- the toolkit against gold labels ----------------------------------------------------------

@pytest.fixture
def gold():
    return pd.read_csv(shared_path("gold", "seeds_articles.csv"))


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


# --- FIGNEWS-2024 -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fignews():
    return shared_path("data", "fignews2024", "fignews_iaa_joined.jsonl")


def test_fignews_vote_counts(fignews):
    df = read_fignews(fignews, "bias")
    assert len(df) == 1491 and (df["source_language"] == "Arabic").sum() == 297
    assert df["unit"].is_unique
    assert "Unbiased" in df.columns and df.iloc[:, 2:].to_numpy().min() >= 0


@pytest.mark.parametrize("field", ["bias", "propaganda"])
def test_fignews_alpha(fignews, field):
    table = fignews_alpha(fignews, field, n_boot=200)
    assert table["subset"].tolist() == ["Arabic", "all"]
    df = read_fignews(fignews, field)
    for _, row in table.iterrows():
        part = df if row["subset"] == "all" else df[df["source_language"] == "Arabic"]
        counts = part.iloc[:, 2:].to_numpy()
        direct = krippendorff.alpha(value_counts=counts[counts.sum(axis=1) >= 2],
                                    level_of_measurement="nominal")
        assert row["alpha"] == pytest.approx(direct)
        assert 0 < row["ci_low"] < row["alpha"] < row["ci_high"] < 1
        # many teams, modest agreement: the teaching point of the data set
        assert row["alpha"] < 0.5 and row["percent_agreement"] > row["alpha"]
    assert table.loc[0, "n_units"] <= 297
