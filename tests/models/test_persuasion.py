"""framing.models.persuasion: ArMPro files, label selection, and the model against two baselines."""

from __future__ import annotations

from framing.models import evaluate_persuasion, read_armpro
from framing.models.persuasion import (
    TECHNIQUE_TO_COARSE,
    label_matrix,
    persuasion_targets,
    read_technique_map,
    to_coarse,
)
from helpers import ARMPRO, shared_path


def test_char_ngrams_beat_both_baselines(sample):
    scores, per_label = evaluate_persuasion(sample, "coarse", n_splits=3, calibrate=False)
    s = scores.set_index("model")
    assert list(s.index) == ["majority", "lexical", "char-ngram"]
    assert s.loc["char-ngram", "macro_f1"] > s.loc["lexical", "macro_f1"] > s.loc["majority", "macro_f1"]
    assert s.loc["char-ngram", "micro_f1"] > s.loc["lexical", "micro_f1"]
    # The majority baseline only ever predicts the one label present in most paragraphs.
    maj = per_label[per_label["model"] == "majority"].set_index("label")["f1"]
    assert (maj.drop("Manipulative_Wording") == 0).all()


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
