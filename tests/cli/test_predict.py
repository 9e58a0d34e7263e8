"""``framing predict MODEL FILE --out FILE``: label new texts with a trained model."""

from __future__ import annotations

import json
import shutil

import pandas as pd

from framing.cli import main


def test_cli_predict_persuasion(persuasion_model, tmp_path, capsys):
    trained, _, lines = persuasion_model
    model = tmp_path / trained.name  # a copy: this test breaks it at the end
    shutil.copy(trained, model)
    shutil.copy(trained.with_suffix(".json"), model.with_suffix(".json"))
    info = json.loads(model.with_suffix(".json").read_text(encoding="utf-8"))
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


def test_cli_predict_text_task_to_csv(frames_model, tmp_path, capsys):
    model, _, _ = frames_model
    new = tmp_path / "new.csv"
    pd.DataFrame({"body": ["الجيش ينتصر", "هجوم إرهابي جديد"]}).to_csv(new, index=False)
    out = tmp_path / "pred.csv"
    assert main(["predict", str(model), str(new), "--out", str(out)]) == 0
    pred = pd.read_csv(out)
    assert pred["predicted_label"].tolist() == ["army", "terror"]
    assert {"p:army", "p:terror"} <= set(pred.columns)
    assert main(["predict", str(model), str(new), "--out", str(tmp_path / "pred.xlsx")]) == 2
    assert "unknown output type" in capsys.readouterr().err
