"""framing.features.extract: the article loop -- evidence and sentences at their offsets."""

from __future__ import annotations

import pandas as pd

from framing import analyze, schema
from framing.features import CompiledCodebook, analyze_document
from helpers import S002


def test_evidence_offsets_slice_the_original(mini, seed_texts):
    corpus = pd.DataFrame({"doc_id": list(seed_texts), "text": list(seed_texts.values())})
    res = analyze(corpus, mini)
    assert len(res.evidence) > 20
    for r in res.evidence.itertuples():
        assert seed_texts[r.doc_id][r.start:r.end] == r.matched
    for r in res.sentences.itertuples():
        assert seed_texts[r.doc_id][r.start:r.end] == r.text


def test_one_article_gives_rows_in_the_layout_of_the_tables(seed_texts):
    compiled = CompiledCodebook()
    res = analyze_document(compiled, "d", seed_texts[S002], title="مصر توسع مجالات التعاون")
    codebook = compiled.codebook
    assert set(res) == {"sentences", "evidence", "article", "actors", "quotes"}
    meta = set(schema.META_COLUMNS) - {"doc_id"}
    assert list(res["article"]) == [c for c in schema.article_columns(codebook) if c not in meta]
    assert all(set(r) == set(schema.sentence_columns(codebook)) for r in res["sentences"])
    assert all(list(r) == schema.EVIDENCE_COLUMNS for r in res["evidence"])
    assert all(set(r) == set(schema.QUOTE_COLUMNS) for r in res["quotes"])
    assert all(list(r) == schema.ACTOR_COLUMNS for r in res["actors"])
    assert res["article"]["n_sentences"] == len(res["sentences"])
    assert res["article"]["n_tokens"] == sum(r["n_tokens"] for r in res["sentences"]
                                             if r["kind"] != "repeat")
    for r in res["evidence"]:
        assert seed_texts[S002][r["start"]:r["end"]] == r["matched"]
    # The same article in a corpus gives the same rows.
    table = analyze(pd.DataFrame({"doc_id": ["d"], "text": [seed_texts[S002]]}), compiled)
    assert table.evidence.to_dict("records") == res["evidence"]


def test_no_text_gives_an_article_without_sentences():
    res = analyze_document(CompiledCodebook(), "empty", None)
    assert res["sentences"] == [] and res["evidence"] == []
    assert res["article"]["n_sentences"] == 0 and res["article"]["tone"] == "neutral"
