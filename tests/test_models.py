"""framing.models: text classifiers, grouped CV, persuasion techniques, persistence, active learning."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import FunctionTransformer

from conftest import shared_path
from framing.cli import main
from framing.errors import FramingError
from framing.models import (
    CalibrateIfEnough,
    compare_models,
    cross_validate_text,
    data_hash,
    evaluate_persuasion,
    export_for_annotation,
    group_folds,
    informativeness,
    load_model,
    make_lexical_baseline,
    make_majority_baseline,
    make_text_classifier,
    predict_table,
    read_armpro,
    save_model,
    suggest_units,
)
from framing.models.persuasion import (
    TECHNIQUE_TO_COARSE,
    label_matrix,
    persuasion_targets,
    read_technique_map,
    to_coarse,
)
from framing.validate import read_annotations

ARMPRO = ("data", "armpro")


@pytest.fixture(scope="module")
def armpro():
    return read_armpro(shared_path(*ARMPRO, "ArMPro_multilabel_dev_V2.jsonl"))


@pytest.fixture(scope="module")
def sample(armpro):
    """A fixed subsample of whole articles (all paragraphs of a page stay together)."""
    pages = armpro["page_id"].drop_duplicates().sample(frac=0.45, random_state=3)
    return armpro[armpro["page_id"].isin(pages)].reset_index(drop=True)


@pytest.fixture(scope="module")
def coarse_model(sample):
    Y, names = persuasion_targets(sample, "coarse")
    return make_text_classifier(C=0.01).fit(sample["text"].tolist(), Y), names, Y


# --- the pipeline -----------------------------------------------------------------------------

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


# --- cross-validation -------------------------------------------------------------------------

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


def test_char_ngrams_beat_both_baselines(sample):
    scores, per_label = evaluate_persuasion(sample, "coarse", n_splits=3, calibrate=False)
    s = scores.set_index("model")
    assert list(s.index) == ["majority", "lexical", "char-ngram"]
    assert s.loc["char-ngram", "macro_f1"] > s.loc["lexical", "macro_f1"] > s.loc["majority", "macro_f1"]
    assert s.loc["char-ngram", "micro_f1"] > s.loc["lexical", "micro_f1"]
    # The majority baseline only ever predicts the one label present in most paragraphs.
    maj = per_label[per_label["model"] == "majority"].set_index("label")["f1"]
    assert (maj.drop("Manipulative_Wording") == 0).all()


def test_single_label_cv_with_stratified_groups():
    rng = np.random.default_rng(0)
    texts = [("جيش " if i % 2 else "إرهاب ") + str(rng.integers(100)) for i in range(40)]
    y = np.array(["army" if i % 2 else "terror" for i in range(40)])
    scores, _ = compare_models({"majority": make_majority_baseline(),
                                "lexical": make_lexical_baseline(min_df=1)},
                               texts, y, groups=np.arange(40) // 2, n_splits=4)
    s = scores.set_index("model")
    assert s.loc["lexical", "macro_f1"] == 1.0 and s.loc["majority", "macro_f1"] < 0.5


# --- ArMPro ----------------------------------------------------------------------------------

def test_armpro_files_agree(armpro):
    spans = read_armpro(shared_path(*ARMPRO, "ArMPro_span_dev_V2.jsonl"))
    coarse = read_armpro(shared_path(*ARMPRO, "ArMPro_coarse_dev_V2.jsonl"))
    assert len(armpro) == 672 and armpro["page_id"].nunique() < len(armpro)
    assert spans["labels"].tolist() == armpro["labels"].tolist()
    assert isinstance(spans["spans"][1], list) and "start" in spans["spans"][1][0]
    assert to_coarse(armpro["labels"]) == coarse["labels"].tolist()
    assert read_technique_map(shared_path(*ARMPRO, "fine-grained_to_coarse-grained_mapping.txt")) \
        == TECHNIQUE_TO_COARSE


def test_label_selection(armpro):
    Y, names = persuasion_targets(armpro, "fine")
    assert names[:3] == ["Loaded_Language", "Name_Calling-Labeling", "Exaggeration-Minimisation"]
    assert Y.sum(axis=0).min() >= 15 and "Appeal_to_Fear-Prejudice" not in names
    _, coarse = persuasion_targets(armpro, "coarse")
    assert len(coarse) == 6
    Y2, same = label_matrix([["b"], ["a", "b"], []], names=["a", "b"])
    assert Y2.tolist() == [[0, 1], [1, 1], [0, 0]] and same == ["a", "b"]


# --- persistence ------------------------------------------------------------------------------

def test_save_load_roundtrip_and_refusals(tmp_path, coarse_model, sample):
    model, names, Y = coarse_model
    path = tmp_path / "m.joblib"
    meta = save_model(model, path, labels=names, training_hash=data_hash(sample["text"], Y),
                      info={"task": "persuasion"})
    side = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert side == meta and side["labels"] == names and side["task"] == "persuasion"
    assert side["training_data_sha256"] == data_hash(list(sample["text"]), Y)
    assert {"scikit-learn", "numpy", "framing"} <= set(side["versions"])
    loaded, info = load_model(path)
    texts = sample["text"].head(4).tolist()
    np.testing.assert_array_equal(loaded.predict_proba(texts), model.predict_proba(texts))
    assert info["labels"] == names
    # A changed file is refused before anything is unpickled.
    path.write_bytes(path.read_bytes() + b"\0")
    with pytest.raises(FramingError, match="SHA-256 .* does not match.*trust"):
        load_model(path)
    (tmp_path / "m.json").unlink()
    with pytest.raises(FramingError, match="no sidecar"):
        load_model(path)
    (tmp_path / "m.json").write_text('{"sha256": "x"}', encoding="utf-8")
    with pytest.raises(FramingError, match="not a framing-model/1 record"):
        load_model(path)


# --- active learning --------------------------------------------------------------------------

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


# --- command line -----------------------------------------------------------------------------

def test_cli_train_and_predict_persuasion(tmp_path, capsys):
    src = shared_path(*ARMPRO, "ArMPro_multilabel_dev_V2.jsonl")
    lines = src.read_text(encoding="utf-8").splitlines()
    data = tmp_path / "train.jsonl"   # a temporary subset; ArMPro is never copied into the repo
    data.write_text("\n".join(lines[:160]) + "\n", encoding="utf-8")
    model = tmp_path / "persuasion.joblib"
    assert main(["train", "--task", "persuasion", "--data", str(data), "--out", str(model),
                 "--level", "coarse", "--cv", "3"]) == 0
    out = capsys.readouterr().out
    assert "char-ngram" in out and "majority" in out and "lexical" in out
    info = json.loads(model.with_suffix(".json").read_text(encoding="utf-8"))
    assert info["level"] == "coarse" and len(info["cv"]) == 3
    new = tmp_path / "new.jsonl"
    new.write_text("\n".join(lines[600:605]) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    assert main(["predict", str(model), str(new), "--out", str(pred)]) == 0
    recs = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 5 and recs[0]["paragraph_id"] == json.loads(lines[600])["paragraph_id"]
    assert set(recs[0]["probabilities"]) == set(info["labels"])
    assert set(recs[0]["predicted_labels"]) <= set(info["labels"])
    assert recs[0]["labels"] == json.loads(lines[600])["labels"]  # the input record is kept
    model.write_bytes(model.read_bytes()[:-1])
    assert main(["predict", str(model), str(new), "--out", str(pred)]) == 2
    assert "does not match" in capsys.readouterr().err


def test_cli_train_text_task_from_csv(tmp_path, capsys):
    rows = [("الجيش الوطني يحقق النصر", "army"), ("هجوم إرهابي على الحدود", "terror"),
            ("الجيش يؤمن الحدود", "army"), ("إرهابيون يهاجمون القرية", "terror"),
            ("انتصار الجيش", "army"), ("هجوم الإرهاب", "terror"), ("بلا تصنيف", "")] * 3
    data = tmp_path / "coded.csv"
    pd.DataFrame(rows, columns=["body", "frame"]).to_csv(data, index=False)
    model = tmp_path / "frames.joblib"
    assert main(["train", "--task", "text", "--data", str(data), "--text-col", "body",
                 "--label-col", "frame", "--out", str(model)]) == 0
    assert "trained on 18 texts, 2 labels" in capsys.readouterr().out
    new = tmp_path / "new.csv"
    pd.DataFrame({"body": ["الجيش ينتصر", "هجوم إرهابي جديد"]}).to_csv(new, index=False)
    out = tmp_path / "pred.csv"
    assert main(["predict", str(model), str(new), "--out", str(out)]) == 0
    pred = pd.read_csv(out)
    assert pred["predicted_label"].tolist() == ["army", "terror"]
    assert {"p:army", "p:terror"} <= set(pred.columns)
    assert main(["train", "--task", "text", "--data", str(data), "--text-col", "body",
                 "--label-col", "nope", "--out", str(model)]) == 2
    assert "no label column 'nope'" in capsys.readouterr().err
