"""framing.features.quotes: attributed statements, speakers, source types, continuations."""

from __future__ import annotations

import pytest

from framing.features import CompiledCodebook
from framing.features.extract import analyze_document
from framing.features.quote_grammar import SPEAKER_STOPS, is_participle
from framing.text import normalize, tokenize
from helpers import S000, SEEDS, run_texts

PROTOCOL_TYPES = {"official", "expert", "media", "report", "unnamed", "other"}
S003 = "003_19dffe29337ef76b"


@pytest.fixture(scope="module")
def packaged():
    return CompiledCodebook("libya-egypt")


def _seed_rows(packaged, doc_id):
    """The raw quote rows of one seed (with the statement span that the table does not hold)."""
    text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
    return text, analyze_document(packaged, doc_id, text)


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


def test_speakers_stand_in_the_text_and_continuations_repeat_an_earlier_speaker(seeds_analysis):
    corpus, res = seeds_analysis
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    sentences = res.sentences.set_index(["doc_id", "sent_id"])
    assert len(res.quotes) >= 20
    assert set(res.quotes["source_type"]) <= PROTOCOL_TYPES
    for doc_id, quotes in res.quotes.groupby("doc_id", sort=False):
        earlier = set()
        for q in quotes.itertuples():
            assert texts[doc_id][q.start:q.end] == q.speaker
            if q.resolved == "phrase":
                s = sentences.loc[(doc_id, q.sent_id)]
                assert s.start <= q.start and q.end <= s.end
            elif q.resolved == "previous":  # a continuation: a speaker named before, in full
                assert (q.speaker, q.start, q.end, q.source_type) in earlier
            else:  # a short re-mention: its fullest mention, written before this sentence
                assert q.resolved == "name"
                assert q.start < sentences.loc[(doc_id, q.sent_id)].start
                assert texts[doc_id][q.start:q.end] == q.speaker
            earlier.add((q.speaker, q.start, q.end, q.source_type))


def test_the_statement_span_is_evidence_inside_its_sentence(packaged):
    text, out = _seed_rows(packaged, S003)
    sents = {r["sent_id"]: r for r in out["sentences"]}
    assert out["quotes"]
    for q in out["quotes"]:
        s = sents[q["sent_id"]]
        assert text[q["statement_start"]:q["statement_end"]] == q["statement"]
        assert s["start"] <= q["statement_start"] < q["statement_end"] <= s["end"]
        assert q["statement"].split()[0] not in ("أن", "إن")  # the statement, not its complementiser


def test_participles_continue_the_speaker_of_their_clause(seeds_analysis):
    """Seed 003: 'أشار الرئيس السيسي - خلال اللقاء -، إلى ...، مؤكدًا أن استقرار ليبيا ...'."""
    _, res = seeds_analysis
    q = res.quotes[res.quotes.doc_id == S003]
    here = q[q.sent_id == q.loc[q.speaker == "الرئيس السيسي", "sent_id"].min()]
    assert here["speaker"].tolist()[:2] == ["الرئيس السيسي"] * 2  # cut before "- خلال اللقاء"
    assert here["resolved"].tolist()[:2] == ["phrase", "previous"]
    assert is_participle(normalize(here["verb"].tolist()[1]))
    assert set(here["actor"]) == {"sisi"}  # the codebook knows the speaker


def test_a_short_re_mention_is_the_speaker_named_in_full(seeds_analysis):
    """Seed 003: 'وأكد الإعلامي مصطفى بكري ...' then 'وأضاف بكري: أن ...'."""
    _, res = seeds_analysis
    q = res.quotes[(res.quotes.doc_id == S003) & res.quotes.speaker.str.contains("بكري")]
    assert set(q["speaker"]) == {"الإعلامي مصطفى بكري"}  # cut before "، في تعليقه"
    assert "name" in set(q["resolved"]) and set(q["source_type"]) == {"media"}


def test_a_preposition_of_attribution_names_its_source(seeds_analysis):
    """Seed 000: 'ووفقا لخبراء، فإن زيارة رئيس الأركان ...' is a statement of experts."""
    _, res = seeds_analysis
    q = res.quotes[(res.quotes.doc_id == S000) & (res.quotes.speaker == "خبراء")]
    assert q["source_type"].tolist() == ["expert"]


def test_a_preposition_with_no_source_is_not_an_attribution(packaged):
    out = analyze_document(packaged, "d", "وتجري الانتخابات وفقًا لنظام يجمع بين الفردي والقائمة.")
    assert out["quotes"] == []


def test_participle_forms():
    assert all(is_participle(normalize(w)) for w in ("مؤكدًا", "مشيرة", "مضيفين", "قائلا", "لافتا"))
    assert not any(is_participle(normalize(w)) for w in ("قال", "أكد", "أشار", "بحسب", "دعا"))


def test_speaker_spans_end_at_the_name_or_role(seeds_analysis):
    _, res = seeds_analysis
    for speaker in res.quotes["speaker"]:
        words = tokenize(speaker, normalize=True, words_only=True)
        assert words and not SPEAKER_STOPS & set(words), speaker
