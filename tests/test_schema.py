"""framing.schema: the output contract -- field names, score columns, dtypes, input checks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse

from framing import analyze, schema
from framing.codebook import load_codebook
from framing.errors import ParameterError, SchemaError
from framing.schema import (
    check_corpus,
    dtype_of,
    field,
    from_strings,
    label_fields,
    names_of,
    parse_field,
    prefixed_columns,
    require_columns,
    score_column,
    texts_of,
    typed,
)
from framing.validate import error_kind
from helpers import S000, S002, corpus_of


def test_fields_of_the_articles_table(seeds_analysis):
    _, res = seeds_analysis
    columns = list(res.articles.columns)
    for col in columns:
        kind, name = parse_field(col)
        assert (field(kind, name) if name is not None else kind) == col
    labels = label_fields(columns)
    assert labels == load_codebook("libya-egypt").fields  # the codebook's fields, in its order
    for col in labels:
        score = score_column(col)
        assert score in columns and res.articles[score].dtype == "float64", col
        assert columns.index(score) == columns.index(col) + 1  # each label beside its score
    assert names_of(columns, "stance") == {s: f"stance:{s}" for s in
                                           ("elections", "foreign_forces", "haftar", "sisi")}
    assert prefixed_columns(res.articles, "topic") == names_of(columns, "topic")
    assert list(prefixed_columns(res.articles, "share")) == list(names_of(columns, "topic"))
    for bad in ("doc_id", "share:elections", "stance"):
        with pytest.raises(SchemaError, match="is not a label field"):
            score_column(bad)
    with pytest.raises(SchemaError, match=r"no actor:\* columns"):
        prefixed_columns(res.articles, "actor")


def test_require_columns_names_the_missing_column(seeds_analysis):
    _, res = seeds_analysis
    require_columns(res.articles, ["doc_id", "outlet", "tone_score"])
    with pytest.raises(SchemaError) as info:
        require_columns(res.actors, ["doc_id", "outlet"], table="actors")
    assert info.value.key == "outlet"
    assert str(info.value).startswith("outlet: the actors table has no column 'outlet'.")
    assert "doc_id, actor, label, connotation, count" in str(info.value)


def test_every_column_has_the_dtype_of_the_contract(seeds_analysis):
    _, res = seeds_analysis
    for name, df in res.tables().items():
        assert len(df), name
        for col in df.columns:
            want = dtype_of(col)
            if want == "str":
                assert pd.api.types.is_string_dtype(df[col]) or df[col].dtype == object, (name, col)
            else:
                assert df[col].dtype == want, (name, col, df[col].dtype)


def test_tables_without_rows_keep_the_types_of_tables_with_rows(seeds_analysis):
    """A text without quotes or actors: its empty tables get the contract's dtypes (typed)."""
    _, full = seeds_analysis
    bare = analyze(corpus_of(["ارتفعت أسعار الذهب في الأسواق المحلية اليوم."]))
    assert bare.quotes.empty and bare.actors.empty and bare.evidence.empty
    for name in ("evidence", "actors", "quotes"):
        empty, rows = bare.tables()[name], full.tables()[name]
        assert list(empty.columns) == list(rows.columns)
        assert empty.dtypes.to_dict() == rows.dtypes.to_dict(), name
    assert typed(full.quotes) is full.quotes  # tables with rows are left as they are


def test_tables_read_as_strings_get_back_their_dtypes(seeds_run, seeds_analysis):
    _, res = seeds_analysis
    for name, df in res.tables().items():
        raw = pd.read_csv(seeds_run / f"{name}.csv", dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(from_strings(raw), df, obj=name)
    raw = pd.DataFrame({"doc_id": ["00", "01"], "n_tokens": ["3", "4"], "tone_score": ["0.5", ""],
                        "negated": ["True", "false"], "topic:x": ["1", "0"],
                        "tone": ["", "neutral"]})
    got = from_strings(raw)
    assert got["doc_id"].tolist() == ["00", "01"] and got["tone"].tolist() == ["", "neutral"]
    assert got["n_tokens"].dtype == "int64" and got["topic:x"].dtype == "int64"
    assert got["tone_score"].dtype == "float64" and np.isnan(got["tone_score"][1])
    assert got["negated"].tolist() == [True, False]


def test_texts_of_every_kind_of_input(seed_texts):
    texts = [seed_texts[S000], seed_texts[S002]]
    for given in (texts, tuple(texts), pd.Series(texts), np.array(texts, dtype=object),
                  pd.DataFrame({"text": texts})):
        assert texts_of(given) == texts
    assert texts_of(pd.DataFrame({"body": texts}), text_col="body") == texts
    assert texts_of([texts[0], None, float("nan"), 5]) == [texts[0], "", "", "5"]
    with pytest.raises(ParameterError, match="got str"):
        texts_of(texts[0])
    with pytest.raises(ParameterError, match="with 2 dimensions"):
        texts_of(np.array([texts, texts]))
    with pytest.raises(ParameterError, match="sparse input"):
        texts_of(scipy.sparse.csr_matrix(np.ones((2, 2))))
    with pytest.raises(SchemaError, match="the input table has no column 'text'"):
        texts_of(pd.DataFrame({"body": texts}))


def test_check_corpus(seeds_analysis):
    corpus, _ = seeds_analysis
    assert check_corpus(corpus) is corpus
    for bad, message in [(corpus["text"], "must be a pandas DataFrame"),
                         (corpus.drop(columns="text"), "no text column"),
                         (corpus.assign(doc_id=[None, *corpus["doc_id"][1:]]), "has no doc_id"),
                         (pd.DataFrame({"doc_id": [1, "1"], "text": ["أ", "ب"]}),
                          "duplicate doc_id '1'")]:
        with pytest.raises(SchemaError, match=message):
            check_corpus(bad)


def test_label_sets_cover_what_the_analysis_writes(seeds_analysis):
    _, res = seeds_analysis
    arts = res.articles
    assert set(arts[list(names_of(arts.columns, "stance").values())].stack()) <= \
        set(schema.STANCE_LABELS)
    assert set(arts["tone"]) <= set(schema.TONE_LABELS)
    assert set(arts[list(names_of(arts.columns, "topic").values())].stack().astype(str)) <= \
        set(schema.TOPIC_LABELS)
    assert set(res.actors["connotation"]) <= set(schema.CONNOTATIONS)
    # A speaker phrase without a source-type cue or an actor is "unknown" (features.quotes).
    assert set(res.quotes["source_type"]) <= {*schema.SOURCE_TYPES, "unknown"}
    # Null labels say nothing is there, weak ones that it is there without evaluation.
    assert set(schema.NULL_LABELS) <= {*schema.TOPIC_LABELS, *schema.STANCE_LABELS}
    for null in schema.NULL_LABELS:
        assert error_kind(null, "1" if null == "0" else "pro") == "FP"
    for weak in schema.WEAK_LABELS:
        assert error_kind("pro", weak) == "FN" and error_kind(weak, "absent") == "FN"
