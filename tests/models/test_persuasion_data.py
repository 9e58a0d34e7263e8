"""framing.models.persuasion_data: ArAIEval files, the fixed ArMPro held-out split, deduplication."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.errors import FramingError
from framing.models.persuasion_data import (
    HELDOUT,
    TRAIN,
    armpro_split,
    combine_training,
    read_araieval,
    read_persuasion_files,
    text_key,
)
from helpers import ARMPRO, shared_path


def _araieval(name):
    return shared_path(ARMPRO[0], "araieval23", name)


def test_heldout_split_is_by_article_and_fixed(armpro):
    part = armpro_split(armpro)
    assert set(part) == {TRAIN, HELDOUT}
    assert armpro.assign(part=part).groupby("page_id")["part"].nunique().eq(1).all()
    share = armpro.assign(part=part).drop_duplicates("page_id")["part"].eq(HELDOUT).mean()
    assert 0.25 < share < 0.42
    shuffled = armpro.sample(frac=1, random_state=1)
    assert armpro_split(shuffled).sort_index().equals(part)  # a rule on page_id, not on order
    assert not armpro_split(armpro, salt="other").equals(part)


def test_read_araieval_drops_no_technique():
    dev = read_araieval(_araieval("task1B_dev.jsonl"))
    assert len(dev) == 228 and set(dev["type"]) == {"tweet", "paragraph"}
    assert not any("no_technique" in labs for labs in dev["labels"])
    assert dev["labels"].map(len).eq(0).sum() > 0 and dev["id"].map(type).eq(str).all()


def test_combine_deduplicates_and_never_trains_on_heldout(armpro):
    part = armpro_split(armpro)
    train, held = armpro[part == TRAIN], armpro[part == HELDOUT]
    ara = [read_araieval(_araieval(f"task1B_{s}.jsonl")) for s in ("train", "dev")]
    raw = pd.concat(ara)
    held_keys = set(held["text"].map(text_key))
    assert raw["text"].map(text_key).isin(held_keys).any()  # ArAIEval repeats held-out paragraphs
    table = combine_training(train, ara, exclude=held["text"])
    assert not table["key"].duplicated().any()
    assert not table["key"].isin(held_keys).any()
    assert (table["source"] == "armpro").sum() == len(train)  # ArMPro's own rows are kept first
    assert table.loc[table["source"] == "armpro", "group"].isin(set(train["page_id"])).all()
    assert set(table["type"]) == {"tweet", "paragraph", "araieval_paragraph"}
    assert table.loc[table["type"] == "paragraph", "source"].eq("armpro").all()
    with pytest.raises(FramingError, match="no training data"):
        combine_training()


def test_read_persuasion_files_tells_the_sources_apart(armpro):
    src = shared_path(*ARMPRO, "ArMPro_multilabel_dev_V2.jsonl")
    arm, table = read_persuasion_files([src, _araieval("task1B_dev.jsonl")], heldout=True)
    assert len(arm) == (armpro_split(armpro) == TRAIN).sum()
    assert set(table["source"]) == {"armpro", "araieval"}
    assert text_key("  أعلنَ، الجيشُ LINK ") == "اعلن الجيش"
