"""framing.validate.calibrate (and .thresholds, .yamledit): thresholds chosen by cross-validation
on coded articles, written into a new codebook file.

Real text: the seeds and the tuning part of the coded SaudiNewsNet sample (never its check
part). The packaged codebook is copied once per module, so that the labels compared all come
from one version of it.
"""

from __future__ import annotations

import difflib
from importlib import resources

import numpy as np
import pandas as pd
import pytest

from framing import analyze, load_codebook
from framing.errors import CodebookError, ParameterError
from framing.features import CompiledCodebook
from framing.text.sentences import split_sentences
from framing.validate import read_labels
from framing.validate.calibrate import calibrate, cross_validate, score
from framing.validate.sample import coded_sample, sample_hash
from framing.validate.split import holdout_split
from framing.validate.thresholds import cue_tables, current_thresholds, relabel
from framing.validate.yamledit import with_thresholds
from helpers import SEEDS, SEEDS_GOLD, SNN, devset, load_quietly, shared_path


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A copy of the packaged codebook: ``(path, text, compiled)``."""
    text = (resources.files("framing") / "data" / "codebooks" / "libya-egypt.yaml").read_text(
        encoding="utf-8")
    path = tmp_path_factory.mktemp("codebook") / "libya-egypt.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text, CompiledCodebook(path)


@pytest.fixture(scope="module")
def seeds(base):
    corpus = load_quietly(SEEDS)
    return read_labels((SEEDS_GOLD / "seeds_articles.csv")), corpus, analyze(corpus, base[2])


@pytest.fixture(scope="module")
def tuning(base):
    shared_path(*SNN)
    gold = read_labels(shared_path("gold", "saudinewsnet_dev.csv"))
    gold = gold[holdout_split(gold["doc_id"]).to_numpy() == "tuning"].reset_index(drop=True)
    corpus = devset().dev_corpus(gold)
    return gold, corpus, analyze(corpus, base[2])


@pytest.fixture(scope="module")
def posts(base):
    """One-sentence reports: every sentence of the seeds as an article of its own (the short
    report rule of :mod:`framing.features.topics` applies to them)."""
    seeds = load_quietly(SEEDS)
    rows = [{**row, "doc_id": f"{row['doc_id']}-s{i}", "text": s.text}
            for row in seeds.to_dict("records")
            for i, s in enumerate(split_sentences(row["text"])) if len(s.text.split()) >= 6]
    corpus = pd.DataFrame(rows, columns=seeds.columns)
    return None, corpus, analyze(corpus, base[2])


def moved(cb, topic, stance, tone):
    """Every field's thresholds set to the given values."""
    out = {f: dict(topic) for f in cb.fields if f.startswith("topic:")}
    out.update({f: dict(stance) for f in cb.fields if f.startswith("stance:")})
    out["tone"] = {"tone_threshold": tone}
    return out


SETTINGS = [({"min_weight": 1.5, "min_sentences": 2}, {"threshold": 0.5, "min_evidence": 0.5},
             0.05),
            ({"min_weight": 3.0, "min_sentences": 1}, {"threshold": 0.0, "min_evidence": 2.0},
             0.3)]


# -- re-thresholding from the evidence tables -------------------------------------------------

@pytest.mark.parametrize("sample", ["seeds", "posts", "tuning"])
@pytest.mark.parametrize("setting", range(len(SETTINGS)))
def test_rethresholding_equals_a_new_analysis(sample, setting, base, request, tmp_path):
    path, text, cc = base
    _, corpus, res = request.getfixturevalue(sample)
    thresholds = moved(cc.codebook, *SETTINGS[setting])
    new = tmp_path / "moved.yaml"
    new.write_text(with_thresholds(text, thresholds), encoding="utf-8")
    assert current_thresholds(new) == {f: {**current_thresholds(cc.codebook, [f])[f], **t}
                                       for f, t in thresholds.items()}
    again = analyze(corpus, new).articles.astype(str).set_index("doc_id")
    predicted = relabel(cue_tables(res, cc.codebook), thresholds).set_index("doc_id")
    pd.testing.assert_frame_equal(predicted, again[predicted.columns], check_names=False,
                                  check_dtype=False)
    # and the moved thresholds do change labels: the comparison is not between two copies
    before = res.articles.astype(str).set_index("doc_id")[predicted.columns]
    assert (predicted != before).any().any()


# -- calibration --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def calibrated(tuning, base):
    gold, corpus, res = tuning
    return calibrate(gold, corpus, base[2], analysis=res)


def test_calibration_is_deterministic_and_writes_a_codebook_that_loads(calibrated, tuning, base,
                                                                       tmp_path):
    gold, corpus, _ = tuning
    again = calibrate(gold, corpus, base[2])  # analysed anew, not from the same tables
    assert again.text == calibrated.text
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    cb = calibrated.write(a)
    again.write(b)
    assert a.read_bytes() == b.read_bytes()
    record = cb.meta["calibration"]
    fields = [f for f in cb.fields if f in gold]
    assert record["sample"]["size"] == len(gold) == 71
    assert record["sample"]["sha256"] == sample_hash(gold, fields)
    assert record["folds"] == 5 and record["random_state"] == 0
    assert record["base"]["sha256"] == base[2].codebook.sha256
    assert list(record["fields"]) == fields
    assert "date" not in str(record).lower()


def test_cv_scores_are_reported_per_field(calibrated, tuning):
    gold, _, _ = tuning
    s = calibrated.scores
    assert s["field"].tolist() == [f for f in load_codebook().fields if f in gold]
    assert s[["before", "cv_after", "in_sample"]].apply(lambda c: c.between(0, 1)).all().all()
    assert (s["in_sample"] >= s["before"] - 1e-12).all()  # the codebook's value is on the grid
    assert set(s["metric"]) == {"f1", "macro_f1"}
    changed = s["status"] == "calibrated"
    assert (s.loc[changed, "cv_after"] > s.loc[changed, "before"]).all()
    assert (s.loc[~changed, "thresholds_after"] == s.loc[~changed, "thresholds_before"]).all()
    folds = calibrated.folds
    assert (folds.groupby("field")["fold"].nunique() == 5).all()
    assert folds.groupby("field")["n_test"].sum().eq(71).all()
    for f, rec in calibrated.record["fields"].items():
        row = s.set_index("field").loc[f]
        assert rec["score_before"] == round(row["before"], 4)
        assert rec["cv_score_after"] == round(row["cv_after"], 4)


def test_the_calibrated_codebook_gives_the_labels_calibration_chose(calibrated, tuning, base,
                                                                    tmp_path):
    gold, corpus, res = tuning
    cb = calibrated.write(tmp_path / "calibrated.yaml")
    def cues(book):  # every cue of every field, without the line it is on
        return [[(c.text, c.weight) for c in t.cues] for t in book.topics] + [
            [(c.text, c.weight) for c in s.target + s.pro + s.con] for s in book.stances]

    assert cues(cb) == cues(base[2].codebook)  # no cue changed
    assert current_thresholds(cb) == {**current_thresholds(base[2].codebook),
                                      **calibrated.thresholds}
    labels = analyze(corpus, cb).articles.astype(str).set_index("doc_id")
    expected = relabel(cue_tables(res, base[2].codebook), calibrated.thresholds)
    pd.testing.assert_frame_equal(expected.set_index("doc_id"), labels[expected.columns[1:]],
                                  check_names=False, check_dtype=False)
    sample = coded_sample(gold, corpus, cb, analysis=analyze(corpus, cb))
    for r in calibrated.scores.itertuples():
        kind = "topic" if r.field.startswith("topic:") else "other"
        g = sample.labels(r.field)
        assert score(g, labels.loc[g.index, r.field], kind) == pytest.approx(r.in_sample)


def test_calibrating_a_calibrated_codebook_replaces_its_record(calibrated, tuning, tmp_path):
    gold, corpus, _ = tuning
    first = calibrated.write(tmp_path / "first.yaml")
    second = calibrate(gold.head(50), corpus, first, k=3)
    assert second.text.count("\ncalibration:") == 1
    assert second.record["sample"]["size"] == 50
    assert load_codebook(second.write(tmp_path / "second.yaml").path).meta[
        "calibration"]["folds"] == 3


def test_small_samples_and_bad_parameters(seeds, base):
    gold, corpus, res = seeds
    cal = calibrate(gold, corpus, base[2], analysis=res, k=2, min_positive=1)
    assert len(cal.scores) == len([f for f in base[2].codebook.fields if f in gold])
    with pytest.raises(ParameterError, match="k must be"):
        calibrate(gold, corpus, base[2], analysis=res, k=1)
    with pytest.raises(ParameterError, match="k must be"):
        calibrate(gold, corpus, base[2], analysis=res, k=6)
    with pytest.raises(ParameterError, match="random_state"):
        calibrate(gold, corpus, base[2], analysis=res, random_state=None)


def test_cross_validation_chooses_on_training_folds_only():
    # column 1 is right on the first half only, column 2 on the second half only
    gold = np.array(["1", "0"] * 4, dtype=object)
    m = np.column_stack([np.array(["0"] * 8, dtype=object),
                         np.where(np.arange(8) < 4, gold, "0").astype(object),
                         np.where(np.arange(8) >= 4, gold, "0").astype(object)])
    folds = [(np.arange(4, 8), np.arange(0, 4)), (np.arange(0, 4), np.arange(4, 8))]
    res = cross_validate(gold, m, "topic", np.array([0, 1, 2]), 0, folds)
    # trained on the half where column 2 is right, it labels the other half all 0: F1 0
    assert [f["column"] for f in res["folds"]] == [2, 1]
    assert res["cv_after"] == 0.0 and res["in_sample"][res["best"]] == pytest.approx(2 / 3)
    assert res["before"] == 0.0


# -- writing thresholds into a codebook ---------------------------------------------------------

def test_thresholds_are_written_into_the_text_with_its_comments(base):
    _, text, cc = base
    new = with_thresholds(text, {"topic:elections": {"min_weight": 1.5},
                                 "stance:sisi": {"threshold": 0.3},
                                 "tone": {"tone_threshold": 0.1}}, {"sample": {"size": 3}})
    diff = list(difflib.ndiff(text.splitlines(), new.splitlines()))
    added = [line[2:] for line in diff if line[0] == "+"]
    removed = [line for line in diff if line[0] == "-"]
    # every line stays, comments included, but a value already set, which is replaced
    assert all(r[2:].split(":")[0].strip() in {"min_weight", "threshold", "tone_threshold"}
               for r in removed), removed
    assert {"    min_weight: 1.5", "    threshold: 0.3", "  tone_threshold: 0.1"} <= {
        a.rstrip() for a in added}
    again = with_thresholds(new, {"topic:elections": {"min_weight": 2.5},
                                  "tone": {"tone_threshold": 0.2}})
    changed = [line for line in difflib.ndiff(new.splitlines(), again.splitlines())
               if line[0] in "+-"]
    assert sorted(" ".join(c.split()) for c in changed) == sorted(
        ["- min_weight: 1.5", "+ min_weight: 2.5", "- tone_threshold: 0.1",
         "+ tone_threshold: 0.2"])
    with pytest.raises(ParameterError):
        with_thresholds(text, {"topic:elections": {"threshold": 0.2}})
    with pytest.raises(CodebookError, match="no entry"):
        with_thresholds(text, {"topic:nothing": {"min_weight": 1.0}})
    flow = "name: x\nversion: '1'\ntopics: {t: {cues: [a]}}\n"
    with pytest.raises(CodebookError, match="block mapping"):
        with_thresholds(flow, {"topic:t": {"min_weight": 1.0}})
