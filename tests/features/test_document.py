"""framing.features.document: one article as the rules see it -- sentences, kinds, offset maps."""

from __future__ import annotations

from framing.features.document import UNCOUNTED_KINDS, Document, SentenceView
from framing.text import split_sentences
from helpers import S002, S003, run_texts


def test_repeated_sentence_counts_once(mini):
    res = run_texts(mini, "الانتخابات الرئاسية\nالانتخابات الرئاسية\nنص آخر.")
    kinds = res.sentences["kind"].tolist()
    assert kinds.count("repeat") == 1
    assert res.articles.loc[0, "share:elections"] == 0.5


def test_offsets_map_both_ways_on_the_seeds(seed_texts):
    for text in seed_texts.values():
        doc = Document(text)
        assert doc.sentences and len(doc.kinds) == len(doc.sentences)
        for i, s in enumerate(doc.sentences):
            # The normalised span of a sentence maps back to the sentence as written.
            assert doc.original(int(doc.s_start[i]), int(doc.s_end[i])) == (s.start, s.end)
            assert doc.s_tok0[i] <= doc.s_tok1[i]
            row = doc.sentence_row("x", i)
            assert text[row["start"]:row["end"]] == row["text"] == s.text
            assert row["n_tokens"] == doc.n_words(i) <= doc.s_tok1[i] - doc.s_tok0[i]
        for k, (a, tok) in enumerate(zip(doc.tok_start.tolist(), doc.tokens)):
            assert doc.nt.text[a:a + len(tok)] == tok and doc.token_of(a) == k


def test_headline_and_repeated_title_kinds(seed_texts):
    # Seed 003 prints its title twice: the copy is a repeat and does not count.
    doc = Document(seed_texts[S003], "حفتر في القاهرة: مصر تسعى لإنهاء أزمة ليبيا")
    assert doc.kinds[:2] == ["headline", "repeat"]
    assert "repeat" in UNCOUNTED_KINDS
    # A sentence equal to the metadata title is the headline, wherever it stands.
    s002 = seed_texts[S002]
    title = split_sentences(s002)[0].text
    assert Document(s002, title).kinds[0] == "headline"
    assert Document(s002, "عنوان آخر").kinds.count("headline") == 0


def test_sentence_view_sees_the_hits_of_its_sentence(mini, seed_texts):
    doc = Document(seed_texts[S003])
    hits = mini.hits_by_sentence(doc)
    assert hits
    for i, groups in hits.items():
        view = SentenceView(doc, i, groups, mini.negators)
        assert view.kind == doc.kinds[i] and len(view.clauses) == len(view.tokens)
        for group in groups:
            for h in view.hits(group):
                assert 0 <= view.local(h) < len(view.tokens)
                assert doc.s_start[i] <= h.start < h.end <= doc.s_end[i]
        assert view.hits("no such group") == ()
