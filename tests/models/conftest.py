"""Fixtures of the model tests: a small persuasion model trained on real ArMPro + ArAIEval text."""

from __future__ import annotations

import pytest

from helpers import ARMPRO, shared_path


@pytest.fixture(scope="session")
def armpro_parts(armpro):
    """ArMPro dev split by article: (training part, held-out part)."""
    from framing.models.persuasion_data import HELDOUT, TRAIN, armpro_split

    part = armpro_split(armpro)
    return (armpro[part == TRAIN].reset_index(drop=True),
            armpro[part == HELDOUT].reset_index(drop=True))


@pytest.fixture(scope="session")
def small_technique_model(armpro_parts):
    """A coarse-level technique model on 250 ArMPro training paragraphs and the ArAIEval dev
    items (a few hundred texts): ``(model, training table, Y, held-out paragraphs)``."""
    from framing.models.persuasion import train_technique_model
    from framing.models.persuasion_data import combine_training, read_araieval

    train, held = armpro_parts
    dev = read_araieval(shared_path(*ARMPRO[:1], "araieval23", "task1B_dev.jsonl"))
    table = combine_training(train.head(250), [dev], exclude=held["text"])
    model, _, Y = train_technique_model(table, "coarse", cv=3)
    return model, table, Y, held
