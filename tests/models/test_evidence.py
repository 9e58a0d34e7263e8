"""framing.models.evidence: the n-grams behind a technique, at their places in the paragraph."""

from __future__ import annotations

import re

import pytest

from framing.errors import FramingError
from framing.models.evidence import ngram_spans, technique_evidence
from framing.text.normalize import normalize


def test_ngram_spans_map_normalised_ngrams_to_the_original():
    text = "أعلنَ الجيشُ، وأعلن الرئيس"
    spans = ngram_spans(text, "char: اعلن")  # word-initial, written with hamza and a haraka
    assert [text[s:e] for s, e in spans] == ["أعلنَ"]
    assert [normalize(text[s:e]) for s, e in ngram_spans(text, "char:علن")] == ["علن", "علن"]
    words = ngram_spans(text, "word:الجيش واعلن")  # across the comma
    assert [text[s:e] for s, e in words] == ["الجيشُ، وأعلن"]
    assert ngram_spans(text, "length") == [] and ngram_spans(text, "char:xyz") == []


def test_evidence_spans_match_the_paragraph(small_technique_model):
    model, _, _, held = small_technique_model
    texts = held["text"].head(40).tolist()
    ev = technique_evidence(model, texts, top=3)
    assert len(ev) and ev["predicted"].all()
    pred = model.predict(texts)
    assert set(zip(ev["paragraph"], ev["technique"])) <= {
        (i, model.labels[j]) for i, j in zip(*pred.nonzero())}
    for row in ev.itertuples():
        text = texts[row.paragraph]
        assert text[row.start:row.end] == row.matched
        if row.feature.startswith("char:"):
            assert normalize(row.matched) == row.ngram
        else:
            assert re.findall(r"\w+", normalize(row.matched)) == row.ngram.split(" ")
    assert (ev["weight"] > 0).all() and ev.groupby(["paragraph", "technique"])["rank"].max().le(3).all()
    # The strongest n-gram of a technique raises its score: without it the probability drops.
    first = ev.sort_values(["paragraph", "technique", "rank"]).iloc[0]
    j = model.labels.index(first.technique)
    text = texts[first.paragraph]
    cut = text.replace(first.matched, " ")
    assert model.predict_proba([cut])[0, j] < model.predict_proba([text])[0, j]


def test_evidence_for_asked_techniques_and_errors(small_technique_model):
    model, _, _, held = small_technique_model
    ev = technique_evidence(model, held["text"].head(3).tolist(), techniques=["Reputation"])
    assert set(ev["technique"]) <= {"Reputation"}
    with pytest.raises(FramingError, match="unknown techniques"):
        technique_evidence(model, ["نص"], techniques=["Nope"])
