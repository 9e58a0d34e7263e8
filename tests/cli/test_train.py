"""``framing train``: fit a text classifier (persuasion techniques, or any labelled CSV/JSONL)."""

from __future__ import annotations

import json

import pytest

from framing.cli import main
from helpers import run_cli


def test_cli_train_persuasion(persuasion_model):
    model, out, _ = persuasion_model
    assert "char-ngram" in out and "majority" in out and "lexical" in out
    info = json.loads(model.with_suffix(".json").read_text(encoding="utf-8"))
    assert info["level"] == "coarse" and len(info["cv"]) == 3


def test_cli_train_text_task_from_csv(frames_model, tmp_path, capsys):
    model, data, out = frames_model
    assert "trained on 18 texts, 2 labels" in out
    assert main(["train", "--task", "text", "--data", str(data), "--text-col", "body",
                 "--label-col", "nope", "--out", str(model)]) == 2
    assert "no label column 'nope'" in capsys.readouterr().err


def test_random_state_is_recorded_and_seed_is_gone(frames_model, tmp_path, capsys):
    _, data, _ = frames_model
    model = tmp_path / "m.skops"
    args = ["train", "--task", "text", "--data", data, "--text-col", "body", "--label-col", "frame",
            "--out", model]
    code, out, err = run_cli(capsys, *args, "--random-state", "7")
    assert code == 0 and "warning: 3 rows without a label are left out" in err
    info = json.loads(model.with_suffix(".json").read_text(encoding="utf-8"))
    assert info["params"] == {"C": 1.0, "random_state": 7} and info["n_train"] == 18
    with pytest.raises(SystemExit) as exit_info:  # the old name is refused by argparse
        run_cli(capsys, *args, "--seed", "7")
    assert exit_info.value.code == 2
