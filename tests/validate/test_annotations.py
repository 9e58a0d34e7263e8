"""framing.validate.annotations: tidy CSV, Label Studio and doccano exports into one tidy table."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing.errors import FramingError
from framing.validate import as_presence, read_annotations, reliability_matrix, value_counts


def test_tidy_csv_roundtrip_and_errors(tmp_path):
    good = tmp_path / "codes.csv"
    good.write_text("unit,coder,field,label,note\n1,ali,tone,positive,x\n1,sara,tone, negative ,\n"
                    "2,ali,tone,,not coded yet\n", encoding="utf-8")
    df = read_annotations(good)
    assert df[["unit", "coder", "label"]].values.tolist() == [["1", "ali", "positive"],
                                                              ["1", "sara", "negative"]]
    assert "note" in df.columns
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,coder,label\n1,a,x\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"bad\.csv:1: missing column\(s\) field"):
        read_annotations(bad)
    gap = tmp_path / "gap.csv"
    gap.write_text("unit,coder,field,label\n1,a,tone,x\n2,,tone,y\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"gap\.csv:3: coder: empty coder"):
        read_annotations(gap)


LABEL_STUDIO = [
    {"id": 11, "data": {"text": "...", "doc_id": "d1"}, "annotations": [
        {"completed_by": 1, "result": [
            {"from_name": "stance", "to_name": "text", "type": "choices", "value": {"choices": ["pro"]}},
            {"from_name": "technique", "to_name": "text", "type": "labels",
             "value": {"start": 3, "end": 9, "text": "…", "labels": ["Loaded_Language"]}},
        ]},
        {"completed_by": {"id": 2, "email": "sara@uni.edu"}, "result": [
            {"from_name": "stance", "type": "choices", "value": {"choices": ["con"]}}]},
        {"completed_by": 3, "was_cancelled": True, "result": [
            {"from_name": "stance", "type": "choices", "value": {"choices": ["neutral"]}}]},
    ]},
    {"id": 12, "data": {"text": "..."}, "annotations": [
        {"completed_by": 1, "result": [
            {"from_name": "stance", "type": "choices", "value": {"choices": ["neutral"]}}]}]},
]


def test_label_studio_export(tmp_path):
    path = tmp_path / "project.json"
    path.write_text(json.dumps(LABEL_STUDIO), encoding="utf-8")
    df = read_annotations(path)
    assert df[["unit", "coder", "field", "label"]].values.tolist() == [
        ["d1", "1", "stance", "pro"],
        ["d1", "1", "technique", "Loaded_Language"],
        ["d1", "sara@uni.edu", "stance", "con"],
        ["12", "1", "stance", "neutral"],   # no doc_id in data: the task id
    ]
    assert df["start"].tolist()[1] == 3 and df["end"].tolist()[1] == 9
    assert pd.isna(df["start"].iloc[0])
    assert reliability_matrix(df, "stance").loc["d1"].tolist() == ["pro", "con"]


def test_label_studio_malformed(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"id": 1,\n "annotations": [}\n]', encoding="utf-8")
    with pytest.raises(FramingError, match=r"broken\.json:2: not valid JSON"):
        read_annotations(path)
    path.write_text(json.dumps({"tasks": []}), encoding="utf-8")
    with pytest.raises(FramingError, match="list of tasks"):
        read_annotations(path)


def test_doccano_jsonl(tmp_path):
    ali = tmp_path / "ali.jsonl"
    ali.write_text(
        json.dumps({"id": 1, "text": "…", "label": ["pro"]}) + "\n\n"
        + json.dumps({"id": 2, "text": "…", "label": [[0, 5, "Doubt"], [9, 14, "Slogans"]]}) + "\n",
        encoding="utf-8")
    sara = tmp_path / "all.jsonl"
    sara.write_text(json.dumps({"id": 1, "text": "…", "labels": ["con"], "annotator": "sara"}) + "\n",
                    encoding="utf-8")
    df = read_annotations([ali, sara], field="stance")
    assert df[["unit", "coder", "label"]].values.tolist() == [
        ["1", "ali", "pro"], ["2", "ali", "Doubt"], ["2", "ali", "Slogans"], ["1", "sara", "con"]]
    assert df["start"].tolist()[1:3] == [0, 9]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": 1, "label": ["x"]}) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"bad\.jsonl:2: is not valid JSON"):
        read_annotations(bad)


def test_multi_label_fields_need_presence_coding():
    tidy = pd.DataFrame({"unit": ["p1"] * 3 + ["p2"] * 2, "coder": ["a", "a", "b", "a", "b"],
                         "field": "technique",
                         "label": ["Doubt", "Slogans", "Doubt", "Doubt", "Doubt"]})
    with pytest.raises(FramingError, match="as_presence"):
        value_counts(tidy, "technique")
    pres = as_presence(tidy)
    slogans = pres[pres["field"] == "technique:Slogans"]
    assert slogans[["unit", "coder", "label"]].values.tolist() == [["p1", "a", "1"], ["p1", "b", "0"]]
    assert set(pres.loc[pres["field"] == "technique:Doubt", "label"]) == {"1"}
