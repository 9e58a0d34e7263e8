"""framing.corpus.columns: the corpus table's columns and how input columns are recognised."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus import load_corpus
from framing.corpus.columns import CORE, EXTRACTED
from framing.errors import CorpusError
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


# -- a researcher's own column names ----------------------------------------------------------

def _own_table(seed_texts):
    ids = sorted(seed_texts)
    return pd.DataFrame({"النص": [seed_texts[d] for d in ids],
                         "المصدر": [f"مصدر {i}" for i in range(len(ids))],
                         "التاريخ": ["17 فبراير 2026", "10 كانون الثاني 2025", "2025-09-16",
                                     "", "أبريل 30, 2020"],
                         "العنوان": [f"عنوان {i}" for i in range(len(ids))],
                         "القسم": ["سياسة", "أمن", "سياسة", "اقتصاد", "سياسة"]})


def test_arabic_headers_mapped_with_columns_and_extras_carried(seed_texts):
    mapping = {"النص": "text", "المصدر": "outlet", "التاريخ": "date", "العنوان": "title"}
    df = load_quietly(_own_table(seed_texts), columns=mapping)
    assert df["outlet"].tolist() == [f"مصدر {i}" for i in range(5)]
    assert df["date"].tolist() == ["2026-02-17", "2025-01-10", "2025-09-16", "", "2020-04-30"]
    assert df["date_raw"].iloc[1] == "10 كانون الثاني 2025"  # the value as written is kept
    # the column that is no field is carried as extra metadata, under its own name
    assert df["القسم"].tolist() == ["سياسة", "أمن", "سياسة", "اقتصاد", "سياسة"]
    assert df.attrs["columns"] == mapping
    assert df.attrs["extra_columns"] == {"القسم": "القسم"}


def test_unknown_column_in_the_mapping_lists_the_columns_found(seed_texts):
    with pytest.raises(CorpusError) as info:
        load_corpus(_own_table(seed_texts), columns={"Body": "text"})
    message = str(info.value)
    assert "no column 'Body'" in message
    assert all(repr(c) in message for c in _own_table(seed_texts).columns)


def test_a_field_that_does_not_exist(seed_texts):
    with pytest.raises(CorpusError, match="cannot map column 'النص' to 'body'"):
        load_corpus(_own_table(seed_texts), columns={"النص": "body"})


def test_an_extra_column_named_like_an_output_column_is_renamed(seed_texts):
    frame = _own_table(seed_texts).rename(columns={"القسم": "path"})
    df = load_quietly(frame, columns={"النص": "text"})
    assert df["path_input"].tolist()[:2] == ["سياسة", "أمن"]
    assert df["path"].str.startswith("<DataFrame>").all()
    assert df.attrs["extra_columns"]["path"] == "path_input"
