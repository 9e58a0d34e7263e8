"""framing.events.align: the claims each outlet includes or omits, and the labels it uses."""

from __future__ import annotations

import numpy as np
import pytest

from framing.errors import FramingError
from framing.events import align_event, label_comparison
from helpers import assert_doctests, with_gold


@pytest.mark.slow
def test_align_event_finds_shared_and_omitted_claims(libya, libya_events):
    corpus, analysis, gold = libya
    data = with_gold(libya_events, corpus, gold)
    event_id = data.loc[data["event"] == "migrant_shipwreck", "event_id"].iloc[0]
    table = align_event(corpus, analysis, event_id, events=libya_events)
    assert list(table.columns) == ["claim_id", "claim_text", "outlet", "doc_id", "date",
                                   "sent_id", "text", "included", "similarity"]
    assert set(table["outlet"]) == {"aawsat", "aleqtisadiya", "alweeam"}
    # Every claim has one row per article.
    assert (table.groupby("claim_id").size() == 3).all()
    included = table.pivot(index="claim_id", columns="outlet", values="included")
    # The agency report (Italian coast guard: more than 200 missing, 400 rescued) is shared by
    # two outlets; the third reported the capsizing in other words and omits those claims.
    shared = included[included["aawsat"] & included["aleqtisadiya"] & ~included["alweeam"]]
    assert len(shared) >= 3
    first = table[table["claim_id"] == shared.index[0]].set_index("outlet")
    assert "خفر السواحل" in first.loc["aawsat", "text"]
    assert first.loc["aleqtisadiya", "similarity"] >= 0.35
    assert first.loc["alweeam", "similarity"] < 0.35
    # alweeam ran the Reuters copy, which aawsat also folded into its report: those claims
    # align between the two and are absent from aleqtisadiya's AFP copy.
    assert (included["aawsat"] & included["alweeam"] & ~included["aleqtisadiya"]).any()
    # And each outlet has claims of its own.
    assert (included.sum(axis=1) == 1).any()


def test_align_event_by_doc_ids_and_errors(seeds_analysis):
    corpus, analysis = seeds_analysis
    ids = ["000_d3e141acfa460186", "002_be25e2c6883d7c20"]
    table = align_event(corpus, analysis, ids)
    assert set(table["doc_id"]) == set(ids)
    assert table.groupby("claim_id")["included"].any().all()
    # Without an analysis the texts are split here, with the same sentence ids.
    assert not align_event(corpus, None, ids).empty
    with pytest.raises(FramingError, match="two articles"):
        align_event(corpus, analysis, ids[:1])
    with pytest.raises(FramingError, match="events table"):
        align_event(corpus, analysis, "E0001")
    with pytest.raises(FramingError, match="not in the corpus"):
        align_event(corpus, analysis, ["000_d3e141acfa460186", "nope"])


def test_label_comparison_per_outlet(seeds_analysis):
    _, analysis = seeds_analysis
    table = label_comparison(analysis)
    assert list(table.columns) == ["actor", "outlet", "label", "connotation", "count",
                                   "n_articles", "share"]
    sisi = table[table["actor"] == "sisi"]
    # The same president, named neutrally by most outlets and as a coup leader by one.
    assert "delegitimizing" in set(sisi["connotation"])
    assert "neutral" in set(sisi["connotation"])
    shares = table.groupby(["actor", "outlet"])["share"].sum()
    assert np.allclose(shares, 1.0)
    one = label_comparison(analysis, ["004_07d685bfe4e10dc6"])
    assert set(one["outlet"]) == {"ميدل إيست أونلاين"}


def test_docstring_examples():
    import framing.events.align

    assert_doctests(framing.events.align)
