"""framing.features.quotes: speech verbs, speakers, source types, continued speech."""

from __future__ import annotations

from framing.schema import SOURCE_TYPES
from framing.text import normalize
from framing.text.clitics import strip_article
from helpers import S000, run_texts


def test_quotes_speaker_and_continuation(mini):
    res = run_texts(mini, "قال الخبير د. أحمد علي إن الوضع مستقر. وأكد أن الانتخابات قريبة.")
    q = res.quotes
    assert q["speaker"].tolist() == ["الخبير د. أحمد علي", "الخبير د. أحمد علي"]
    assert q["source_type"].tolist() == ["expert", "expert"]
    assert q["resolved"].tolist() == ["phrase", "previous"]


def test_the_five_experts_of_seed_000_are_quoted_as_experts(seeds_analysis):
    _, res = seeds_analysis
    q = res.quotes[res.quotes.doc_id.str.startswith("000") & (res.quotes.resolved == "phrase")]
    experts = q[q.source_type == "expert"]["speaker"].tolist()
    for name in ("حسن عبد الرحمن", "عماد الفيتوري", "محمود الشافعي", "خالد بن عمران", "سالم البرعصي"):
        assert any(name in s for s in experts), (name, experts)


def test_quotes_stand_at_their_speaker_and_continue_the_previous_one(seeds_analysis):
    corpus, res = seeds_analysis
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    sentences = res.sentences.set_index(["doc_id", "sent_id"])
    assert len(res.quotes) >= 20
    for doc_id, quotes in res.quotes.groupby("doc_id", sort=False):
        earlier = set()
        for q in quotes.itertuples():
            if q.resolved == "phrase":
                s = sentences.loc[(doc_id, q.sent_id)]
                assert texts[doc_id][q.start:q.end] == q.speaker
                assert s.start <= q.start and q.end <= s.end
            else:  # a verb without a speaker phrase: a speaker before it goes on speaking
                assert q.resolved == "previous" and earlier
                assert (q.speaker, q.start, q.end, q.source_type) in earlier
            earlier.add((q.speaker, q.start, q.end, q.source_type))


def test_source_types_come_from_the_speaker_phrase(seeds_analysis):
    _, res = seeds_analysis
    for q in res.quotes.itertuples():
        if q.source_cue:  # the longest source-type cue inside the phrase
            assert strip_article(normalize(q.source_cue)) in normalize(q.speaker)
            assert q.source_type in SOURCE_TYPES
        elif q.actor:     # else an actor named in it makes an official source
            assert q.source_type == "official"
        else:             # else a short phrase is of unknown type
            assert q.source_type == "unknown"
    assert {"expert", "official"} <= set(res.quotes["source_type"])


def test_a_continuation_in_the_same_sentence_continues_that_sentence_s_speaker(seeds_analysis):
    """Seed 000: 'يرى اللواء المتقاعد حسن عبد الرحمن أن ... ، مضيفًا أن “ليبيا تمثل ...”'."""
    _, res = seeds_analysis
    q = res.quotes[res.quotes.doc_id == S000]
    (sent_id,) = q.loc[(q.speaker == "اللواء المتقاعد حسن عبد الرحمن") & (q.resolved == "phrase"),
                       "sent_id"]
    here = q[q.sent_id == sent_id]
    assert here["resolved"].tolist() == ["phrase", "previous"]
    assert here["speaker"].tolist() == ["اللواء المتقاعد حسن عبد الرحمن"] * 2
