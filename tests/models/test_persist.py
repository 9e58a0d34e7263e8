"""framing.models.persist: a joblib file with a JSON sidecar that is checked before loading."""

from __future__ import annotations

import json

import numpy as np
import pytest

from framing.errors import FramingError, ModelVersionWarning
from framing.models import data_hash, load_model, make_text_classifier, save_model


def test_save_load_roundtrip_and_refusals(tmp_path, coarse_model, sample):
    model, names, Y = coarse_model
    path = tmp_path / "m.skops"
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
    with pytest.raises(FramingError, match="SHA-256 .* does not match"):
        load_model(path)
    (tmp_path / "m.json").unlink()
    with pytest.raises(FramingError, match="no sidecar"):
        load_model(path)
    (tmp_path / "m.json").write_text('{"sha256": "x"}', encoding="utf-8")
    with pytest.raises(FramingError, match="not a framing-model/2 record"):
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
    path = tmp_path / "frames.skops"
    meta = save_model(model, path, labels=["military", "other"], training_hash=data_hash(texts, y))
    loaded, info = load_model(path)
    assert info == meta and info["format"] == "framing-model/2"
    np.testing.assert_array_equal(loaded.predict(texts), model.predict(texts))
    assert data_hash(texts, y) != data_hash(texts[::-1], y)


def test_a_model_saved_with_another_scikit_learn_warns_model_version(tmp_path, seed_model):
    model, texts, y = seed_model
    path = tmp_path / "frames.skops"
    save_model(model, path, labels=["military", "other"], training_hash=data_hash(texts, y))
    side = path.with_suffix(".json")
    meta = json.loads(side.read_text(encoding="utf-8"))
    meta["versions"]["scikit-learn"] = "0.0.1"
    side.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.warns(ModelVersionWarning, match="scikit-learn 0.0.1"):
        load_model(path)


# -- safe format: skops with an explicit list of trusted types ---------------------------------

class Sneaky:
    """A type that is not on the trusted list (anything could hide in it)."""

    def transform(self, X):
        return X


def test_models_of_every_kind_round_trip_without_trusting_all(tmp_path, seed_model):
    import warnings

    from framing.models import make_lexical_baseline, make_majority_baseline
    from framing.models.topics import TopicModel

    model, texts, y = seed_model
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kinds = {"text": model, "lexical": make_lexical_baseline(min_df=1).fit(texts, y),
                 "majority": make_majority_baseline().fit(texts, y),
                 "topics": TopicModel(n_topics=2, random_state=0).fit(texts)}
    for name, fitted in kinds.items():
        path = tmp_path / f"{name}.skops"
        save_model(fitted, path, labels=["military", "other"], training_hash="x")
        import zipfile

        assert zipfile.is_zipfile(path), name  # skops, not a pickle
        loaded, info = load_model(path)
        assert info["serialization"] == "skops"
        if name == "topics":
            np.testing.assert_allclose(loaded.transform(texts[:5]), fitted.transform(texts[:5]))
        else:
            np.testing.assert_array_equal(loaded.predict(texts), fitted.predict(texts))


def test_an_untrusted_type_is_refused_when_saving_and_when_loading(tmp_path, seed_model):
    import skops.io as sio

    from framing.models.persist import file_sha256

    model, texts, y = seed_model
    path = tmp_path / "m.skops"
    with pytest.raises(FramingError, match="Sneaky, which is not on the list of trusted types"):
        save_model({"model": model, "extra": Sneaky()}, path, labels=["a"], training_hash="x")
    assert not path.exists()
    # A forged file with a matching sidecar: the types are checked before anything is built.
    save_model(model, path, labels=["military", "other"], training_hash="x")
    sio.dump({"model": model, "extra": Sneaky()}, path)
    side = path.with_suffix(".json")
    meta = json.loads(side.read_text(encoding="utf-8"))
    side.write_text(json.dumps({**meta, "sha256": file_sha256(path)}), encoding="utf-8")
    with pytest.raises(FramingError, match="names types that are not trusted.*Sneaky"):
        load_model(path)


def test_a_truncated_model_is_one_error_even_with_a_forged_sidecar(tmp_path, seed_model):
    from framing.models.persist import file_sha256

    model, texts, y = seed_model
    path = tmp_path / "m.skops"
    save_model(model, path, labels=["military", "other"], training_hash="x")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(FramingError, match="does not match"):
        load_model(path)
    side = path.with_suffix(".json")
    meta = json.loads(side.read_text(encoding="utf-8"))
    side.write_text(json.dumps({**meta, "sha256": file_sha256(path)}), encoding="utf-8")
    with pytest.raises(FramingError, match="not a readable skops model file"):
        load_model(path)


def test_an_old_pickle_model_needs_explicit_trust(tmp_path, seed_model, capsys):
    import joblib

    from framing.cli import main
    from framing.models.persist import file_sha256

    model, texts, y = seed_model
    path = tmp_path / "old.joblib"
    joblib.dump(model, path)
    meta = save_model(model, tmp_path / "new.skops", labels=["military", "other"],
                      training_hash="x")
    path.with_suffix(".json").write_text(json.dumps(
        {**meta, "format": "framing-model/1", "sha256": file_sha256(path), "text_col": "text"}),
        encoding="utf-8")
    with pytest.raises(FramingError, match="pickle can run any code.*--trust"):
        load_model(path)
    loaded, _ = load_model(path, trust=True)
    np.testing.assert_array_equal(loaded.predict(texts), model.predict(texts))
    data = tmp_path / "new.csv"
    data.write_text("text\nتعاون عسكري بين مصر وليبيا\n", encoding="utf-8")
    out = tmp_path / "pred.csv"
    assert main(["predict", str(path), str(data), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--trust" in err
    assert main(["predict", str(path), str(data), "--out", str(out), "--trust"]) == 0
    assert out.is_file()
