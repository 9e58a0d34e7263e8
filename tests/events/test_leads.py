"""framing.events.leads: the title and lead an event is recognised by."""

from __future__ import annotations

from framing.events import article_lead, article_leads
from framing.events.leads import LEAD_COLUMNS
from framing.text import normalize
from framing.text.tokens import WORD_RE
from helpers import S003, S004, assert_doctests


def test_docstring_examples():
    import framing.events.leads

    assert_doctests(framing.events.leads)


def test_leads_of_the_seeds_are_the_title_and_the_first_words_of_the_body(seeds_analysis):
    corpus, _ = seeds_analysis
    leads = article_leads(corpus)
    assert list(leads.columns) == LEAD_COLUMNS
    assert leads["doc_id"].tolist() == corpus["doc_id"].tolist()
    for title, text, lead, end in zip(corpus["title"], corpus["text"], leads["lead"],
                                      leads["lead_end"]):
        head = WORD_RE.findall(normalize(title))
        words = lead.split()
        assert words[:len(head)] == head
        body = words[len(head):]
        assert len(body) == 60 and 0 < end <= len(text)
        # The body is the last words before lead_end (title lines and mastheads skipped).
        assert " ".join(WORD_RE.findall(normalize(text[:end]))).endswith(" ".join(body))
        short, short_end = article_lead(title, text, lead_words=10)
        assert short.split() == head + body[:10] and short_end < end


def test_a_repeated_title_and_a_masthead_are_not_the_lead(seeds_analysis):
    corpus, _ = seeds_analysis
    rows = corpus.set_index("doc_id")
    lead, _ = article_lead(rows.loc[S003, "title"], rows.loc[S003, "text"])
    title = " ".join(WORD_RE.findall(normalize(rows.loc[S003, "title"])))
    assert lead.startswith(title) and lead.count(title) == 1  # the text prints it twice
    # Seed 004 opens with the masthead "ميدل إيست أونلاين | <title>": skipped when the title is known.
    masthead = normalize("ميدل إيست أونلاين")
    assert article_lead(None, rows.loc[S004, "text"])[0].startswith(masthead)
    lead, _ = article_lead(rows.loc[S004, "title"], rows.loc[S004, "text"])
    title = " ".join(WORD_RE.findall(normalize(rows.loc[S004, "title"])))
    assert lead.startswith(title) and not lead[len(title):].strip().startswith(masthead)
    assert article_lead("", None) == ("", 0)
