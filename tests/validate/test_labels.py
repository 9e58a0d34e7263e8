"""framing.validate.labels: gold and predicted label tables read as strings, from any layout."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.errors import FramingError, SchemaError
from framing.validate import read_labels
from helpers import S004, SEEDS_GOLD


def test_an_analysis_folder_its_articles_file_and_parquet_read_alike(seeds_run, tmp_path):
    labels = read_labels(seeds_run)
    assert all(map(pd.api.types.is_string_dtype, labels.dtypes)) and len(labels) == 5
    assert labels.equals(read_labels(seeds_run / "articles.csv"))
    assert labels.set_index("doc_id").loc[S004, "topic:military_cooperation"] == "1"
    arts = pd.read_csv(seeds_run / "articles.csv", dtype=str, keep_default_na=False)
    arts.to_parquet(tmp_path / "articles.parquet")
    assert read_labels(tmp_path / "articles.parquet").equals(labels)


def test_gold_labels_are_strings_and_ids_stay_as_written(tmp_path):
    gold = read_labels((SEEDS_GOLD / "seeds_articles.csv"))
    assert gold["doc_id"].str.len().eq(20).all()
    assert all(map(pd.api.types.is_string_dtype, gold.dtypes))
    assert set(gold["topic:elections"]) <= {"0", "1"}
    path = tmp_path / "coded.csv"
    path.write_text("doc_id,tone\n00,positive\n01,negative\n", encoding="utf-8")
    assert read_labels(path)["doc_id"].tolist() == ["00", "01"]


def test_unreadable_label_tables_are_user_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FramingError) as info:
        read_labels("../nope/x.csv")
    assert str(info.value) == "../nope/x.csv: file not found. Fix: check the path."
    (tmp_path / "empty").mkdir()
    with pytest.raises(FramingError, match="no articles.csv or articles.parquet"):
        read_labels(tmp_path / "empty")
    (tmp_path / "t.csv").write_text("id,tone\n1,positive\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="no doc_id column"):
        read_labels(tmp_path / "t.csv")
