"""framing.corpus.columns: the corpus table's columns and how input columns are recognised."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus import load_corpus
from framing.corpus.columns import CORE, EXTRACTED
from helpers import TABLE, by_id, load_quietly, write_table


@pytest.mark.parametrize("name", ["t.csv", "t.jsonl", "t.jsonl.gz", "t.parquet"])
def test_tables_with_common_column_names(tmp_path, name):
    df = load_quietly(write_table(TABLE, tmp_path / name))
    assert df["doc_id"].tolist() == ["a1", "b2", "b10"]  # numbers in ids sort as numbers
    row = by_id(df).loc["b2"]
    assert row[["outlet", "date", "title", "url"]].tolist() == [
        "alyaum", "2015-07-21", "عنوان & أول", "http://a"]
    assert row["text"] == "نص أول\nفي سطرين."
    assert by_id(df).loc["b10", "date"] == "2020-05-12"
    assert by_id(df).loc["b10", "date_raw"] == "12 مايو/ أيار 2020"
    assert by_id(df).loc["a1", "date_source"] == "unknown"
    assert by_id(df)["section"].tolist() == ["اقتصاد", "سياسة", "رياضة"]
    extras = df.columns[len(CORE):df.columns.get_loc(EXTRACTED[0])].tolist()
    assert extras == ["section", "date_raw"]


def test_column_mapping_and_text_col(tmp_path):
    frame = pd.DataFrame({"paragraph_key": ["p1", "p2"], "para": ["نص أول.", "نص ثان."],
                          "page_domain": ["bbc.com", "rt.com"], "when": ["2020-01-02", ""]})
    path = write_table(frame, tmp_path / "m.jsonl")
    df = load_corpus(path, text_col="para", id_col="paragraph_key", columns={"when": "date"})
    assert df[["doc_id", "text", "outlet", "date"]].values.tolist() == [
        ["p1", "نص أول.", "bbc.com", "2020-01-02"], ["p2", "نص ثان.", "rt.com", ""]]
    assert "when" not in df and "para" not in df
