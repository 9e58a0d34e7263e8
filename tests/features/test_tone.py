"""framing.features.tone: lexicon cues, negation, intensifiers, headline and lead weights."""

from __future__ import annotations

import pandas as pd

from framing import analyze
from framing.codebook import load_codebook
from framing.features.tone import sentence_weights, tone_label
from framing.schema import TONE_LABELS
from helpers import run_texts


def test_negation_on_real_text(mini, seed_texts):
    """Seed 002: 'يزيد من عدم الاستقرار' -- instability, a negated positive term."""
    text = seed_texts["002_be25e2c6883d7c20"]
    corpus = pd.DataFrame({"doc_id": ["002"], "text": [text]})
    res = analyze(corpus, mini)
    tone = res.evidence[(res.evidence.field == "tone")]
    hit = tone[tone["negated"]]
    assert len(hit) >= 1
    for r in hit.itertuples():
        assert r.label == "negative"
        assert "عدم" in text[max(0, r.start - 6):r.start]


def test_tone_labels_follow_the_scores(seeds_analysis):
    _, res = seeds_analysis
    st = load_codebook("libya-egypt").settings
    for table in (res.articles, res.sentences):
        assert set(table["tone"]) <= set(TONE_LABELS)
        for score, label in zip(table["tone_score"], table["tone"]):
            assert -1 <= score <= 1 and label == tone_label(score, st), (score, label)
    tone = res.evidence[res.evidence["field"] == "tone"]
    assert set(tone["label"]) <= {"positive", "negative"} and (tone["weight"] > 0).all()
    # A sentence without tone evidence scores 0.
    with_cues = set(zip(tone["doc_id"], tone["sent_id"]))
    for s in res.sentences.itertuples():
        if (s.doc_id, s.sent_id) not in with_cues:
            assert s.tone_score == 0.0 and s.tone == "neutral"


def test_sentence_weights_and_tone_labels_by_hand():
    st = {"headline_weight": 2.0, "lead_weight": 1.5, "lead_sentences": 2, "tone_threshold": 0.15}
    kinds = ["headline", "heading", "sentence", "bullet", "sentence", "url", "repeat"]
    assert sentence_weights(kinds, st) == [2.0, 1.0, 1.5, 1.5, 1.0, 1.0, 1.0]
    assert [tone_label(x, st) for x in (0.5, 0.15, 0.0, -0.16)] == \
        ["positive", "neutral", "neutral", "negative"]


def test_an_intensifier_multiplies_the_weight_of_its_word(mini):
    res = run_texts(mini, "قال الخبير إن التعاون بالغ الأهمية.", "قال الخبير إن التعاون مهم.")
    tone = res.evidence[res.evidence.field == "tone"].set_index("doc_id")["weight"]
    assert tone["d0"] == 1.5 * tone["d1"]
