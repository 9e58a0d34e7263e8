"""framing.models.persist: a joblib file with a JSON sidecar that is checked before loading."""

from __future__ import annotations

import json

import numpy as np
import pytest

from framing.errors import FramingError, ModelVersionWarning
from framing.models import data_hash, load_model, make_text_classifier, save_model


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


@pytest.fixture(scope="module")
def seed_model(seeds_analysis):
    """A small text classifier trained on seed sentences (military cooperation or not)."""
    _, res = seeds_analysis
    s = res.sentences[res.sentences["kind"] == "sentence"]
    texts = s["text"].tolist()
    y = np.where(s["topic:military_cooperation"] == 1, "military", "other")
    return make_text_classifier(min_df=1, calibrate=False).fit(texts, y), texts, y


def test_a_model_of_seed_sentences_round_trips(tmp_path, seed_model):
    model, texts, y = seed_model
    path = tmp_path / "frames.joblib"
    meta = save_model(model, path, labels=["military", "other"], training_hash=data_hash(texts, y))
    loaded, info = load_model(path)
    assert info == meta and info["format"] == "framing-model/1"
    np.testing.assert_array_equal(loaded.predict(texts), model.predict(texts))
    assert data_hash(texts, y) != data_hash(texts[::-1], y)


def test_a_model_saved_with_another_scikit_learn_warns_model_version(tmp_path, seed_model):
    model, texts, y = seed_model
    path = tmp_path / "frames.joblib"
    save_model(model, path, labels=["military", "other"], training_hash=data_hash(texts, y))
    side = path.with_suffix(".json")
    meta = json.loads(side.read_text(encoding="utf-8"))
    meta["versions"]["scikit-learn"] = "0.0.1"
    side.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.warns(ModelVersionWarning, match="scikit-learn 0.0.1"):
        load_model(path)
