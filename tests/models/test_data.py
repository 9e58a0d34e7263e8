"""framing.models.data: texts, targets, label names and CV groups from a labelled table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.errors import DataWarning, FramingError, SchemaError
from framing.models.data import group_ids, text_column, text_training_data


@pytest.fixture(scope="module")
def coded(seeds_analysis):
    """Seed sentences coded by the codebook: military cooperation or not, blank for headings."""
    _, res = seeds_analysis
    s = res.sentences
    label = np.where(s["topic:military_cooperation"] == 1, "military", "other")
    label = np.where(s["kind"] == "sentence", label, "")
    return pd.DataFrame({"doc_id": s["doc_id"], "text": s["text"], "frame": label,
                         "both": [f"{a};{b}" if a else "" for a, b in zip(label, s["tone"])]})


def test_single_label_data_leaves_out_rows_without_a_label(coded):
    blank = int((coded["frame"] == "").sum())
    assert blank > 0
    with pytest.warns(DataWarning, match=f"{blank} rows without a label"):
        texts, y, labels, groups, col = text_training_data(coded, label_col="frame",
                                                           group_col="doc_id")
    assert col == "text" and labels == ["military", "other"]
    assert len(texts) == len(y) == len(groups) == len(coded) - blank
    kept = coded[coded["frame"] != ""]
    assert texts == kept["text"].tolist() and y.tolist() == kept["frame"].tolist()
    assert set(groups) == set(coded["doc_id"])  # sentences of one article share a CV group


def test_multi_label_data_split_on_a_separator(coded):
    texts, Y, labels, groups, _ = text_training_data(coded, label_col="both", label_sep=";")
    assert set(labels) <= {"military", "other", "positive", "neutral", "negative"}
    assert Y.shape == (len(coded), len(labels)) and len(texts) == len(coded)
    assert (Y[(coded["both"] == "").to_numpy()] == 0).all()
    assert groups.tolist() == list(range(len(coded)))  # no group column: one group per row


def test_training_data_errors_name_the_column(coded):
    with pytest.raises(SchemaError, match="no label column 'nope'"):
        text_training_data(coded, label_col="nope", path="coded.csv")
    with pytest.raises(FramingError, match="fewer than two labels"):
        text_training_data(coded.assign(frame="military"), label_col="frame")
    with pytest.raises(SchemaError, match="no text column"):
        text_column(coded.drop(columns="text"))
    assert text_column(coded.rename(columns={"text": "paragraph"})) == "paragraph"
    with pytest.raises(SchemaError, match="no group column 'page'"):
        group_ids(coded, "page")
