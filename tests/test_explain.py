"""framing.explain: each label's rule worked through with the numbers of the evidence tables."""

from __future__ import annotations

import re

import pytest

from framing import explain, schema

DOC = "004_07d685bfe4e10dc6"


def _settings(res):
    return res.run["codebook"]["settings"]


def test_the_rule_worked_through_gives_every_label_of_the_table(seeds_analysis):
    _, res = seeds_analysis
    for doc in res.articles["doc_id"]:
        table = explain.reasons(res, doc)
        assert list(table["field"]) == schema.label_fields(res.articles.columns)
        assert (table["check"] == "ok").all(), table.loc[table["check"] != "ok"]


def test_topic_steps_sum_the_cue_weights_of_the_evidence_against_the_threshold(seeds_analysis):
    _, res = seeds_analysis
    st = _settings(res)
    ev = res.evidence[(res.evidence["doc_id"] == DOC)]
    sents = res.sentences[res.sentences["doc_id"] == DOC].set_index("sent_id")
    found = 0
    for e in explain.explanations(res, DOC):
        kind, _ = schema.parse_field(e["field"])
        if kind != schema.TOPIC:
            continue
        for sid, text in e["steps"]:
            rows = ev[(ev["field"] == e["field"]) & (ev["sent_id"] == sid) & (ev["label"] == "1")]
            total = sum(dict(zip(rows["cue"], rows["weight"])).values())  # distinct cues
            expected = f"= {explain.num(total)} {'≥' if total >= st['topic_min_weight'] else '<'}"
            assert expected in text and f"{explain.num(st['topic_min_weight'])} →" in text
            assert text.endswith(f"→ {int(sents.loc[sid, e['field']])}")
            for cue in rows["cue"]:
                assert cue in text
            found += 1
        share = res.articles.set_index("doc_id").loc[DOC, schema.score_column(e["field"])]
        assert f"= {explain.num(share)}" in e["rule"]  # the score: a share of sentences
    assert found > 5


def test_stance_and_tone_rules_name_their_sums_and_thresholds(seeds_analysis):
    _, res = seeds_analysis
    st = _settings(res)
    ev = res.evidence[res.evidence["doc_id"] == DOC]
    by_field = {e["field"]: e for e in explain.explanations(res, DOC)}
    for field in schema.label_fields(res.articles.columns):
        e, rows = by_field[field], ev[ev["field"] == field]
        if field.startswith("stance:") and e["label"] in ("pro", "con", "neutral"):
            pro = rows.loc[rows["label"] == "pro", "weight"].sum()
            con = rows.loc[rows["label"] == "con", "weight"].sum()
            assert f"pro {explain.num(pro)} + con {explain.num(con)}" in e["rule"]
            assert f"stance_min_evidence {explain.num(st['stance_min_evidence'])}" in e["rule"]
        if field == "tone":
            assert f"±{explain.num(st['tone_threshold'])}" in e["rule"] or \
                f"{explain.num(st['tone_threshold'])} (tone_threshold)" in e["rule"]
            assert f"headline ×{explain.num(st['headline_weight'])}" in e["rule"]
            score = res.articles.set_index("doc_id").loc[DOC, "tone_score"]
            assert f"= {explain.num(score)}" in e["rule"]


def test_text_numbers_the_sentences_and_lists_actors_and_quotes(seeds_analysis):
    corpus, res = seeds_analysis
    text = explain.explain_text(res, corpus, DOC)
    sents = res.sentences[res.sentences["doc_id"] == DOC]
    for sid in sents["sent_id"]:
        assert re.search(rf"^s{sid} \[", text, re.MULTILINE)
    assert "## actors" in text and "## quotes" in text
    assert "stance:sisi = con" in text


def test_a_missing_article_is_a_user_error(seeds_analysis):
    _, res = seeds_analysis
    with pytest.raises(ValueError, match="no article with doc_id"):
        explain.reasons(res, "nope")


def test_a_one_sentence_post_is_explained_by_the_short_report_rule():
    """A one-sentence post takes a topic from one cue of half min_weight (features.topics):
    the worked rule agrees with the label, and two weak words stay 0 there too."""
    from framing.codebook import load_codebook
    from framing.features import CompiledCodebook
    from helpers import run_texts

    posts = ["عاجل | تقرير أممي: المقاتلون الأجانب ما زالوا ينتشرون في وسط ليبيا",
             "عاجل | وزير الدفاع يفتتح معرض القاهرة للكتاب ويشيد بالتعاون مع دور النشر"]
    cb = load_codebook("libya-egypt")
    res = run_texts(CompiledCodebook(cb), *posts)
    assert res.articles.set_index("doc_id").loc["d0", "topic:foreign_forces"] == 1
    for doc in ("d0", "d1"):
        table = explain.reasons(res, doc, "libya-egypt")  # a packaged name is loaded
        topics = table[table["field"].str.startswith("topic:")]
        assert (topics["check"] == "ok").all(), topics[["field", "steps", "check"]]
    steps = explain.reasons(res, "d0", cb).set_index("field").loc["topic:foreign_forces", "steps"]
    assert "short report: strongest cue 1.5 ≥ 1.0 → 1" in steps
