"""framing.compare.events: what each outlet says about one event."""

from __future__ import annotations

import pandas as pd

from framing import compare


def test_event_profile_per_outlet():
    arts = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
                         "topic:elections": [1, 0, 0], "stance:haftar": ["pro", "con", "neutral"],
                         "tone": ["positive", "positive", "negative"]})
    actors = pd.DataFrame({"doc_id": ["a", "a", "c"], "actor": ["lna"] * 3,
                           "label": ["الجيش الوطني", "قوات حفتر", "قوات حفتر"],
                           "connotation": ["legitimizing", "delegitimizing", "delegitimizing"],
                           "count": [3, 1, 2]})
    prof = compare.event_profile(arts, actors).set_index(["outlet", "kind", "field"])
    assert prof.loc[("X", "topic", "elections"), "share"] == 0.5
    assert prof.loc[("X", "stance", "haftar"), "value"] == "mixed"
    assert prof.loc[("Y", "tone", "tone"), "value"] == "negative"
    assert prof.loc[("X", "actor", "lna"), "value"] == "الجيش الوطني"
    assert prof.loc[("X", "actor", "lna"), "share"] == 0.75
    only_c = compare.event_profile(arts, actors, doc_ids=["c"])
    assert set(only_c["outlet"]) == {"Y"}


def test_event_profile_counts_whom_each_outlet_quotes_on_the_event(seeds_analysis):
    _, res = seeds_analysis
    quotes = res.quotes
    prof = compare.event_profile(res.articles, res.actors, quotes=quotes, min_quotes=5)
    n = prof[prof["kind"] == "quotes"].set_index("outlet")["n"]
    by_outlet = quotes.merge(res.articles[["doc_id", "outlet"]]).groupby("outlet").size()
    assert n.reindex(by_outlet.index).tolist() == by_outlet.tolist()
    types = prof[prof["kind"] == "source"]
    # the source rows of an outlet add up to its quotes, their shares to one
    sums = types.groupby("outlet")["n"].sum()
    assert sums.reindex(by_outlet.index).tolist() == by_outlet.tolist()
    assert types.groupby("outlet")["share"].sum().round(9).eq(1).all()
    assert set(types["field"]) <= {"official", "expert", "media", "report", "unnamed", "other"}
    small = prof[prof["kind"] == "quotes"].set_index("outlet")["small_n"]
    assert (small == (n < 5)).all()
    speakers = prof[prof["kind"] == "speaker"]
    assert 0 < speakers["field"].nunique() <= 5
    assert all(s in set(quotes["speaker"]) for s in speakers["speaker"])


def test_a_shorter_mention_of_a_speaker_is_counted_with_the_longer_one():
    arts = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"]})
    quotes = pd.DataFrame({"doc_id": ["a", "b", "b"],
                           "speaker": ["وزير الخارجية المصري سامح شكري", "«سامح شكري»",
                                       "مصدر أمني"],
                           "source_type": ["official", "official", "unnamed"]})
    prof = compare.event_profile(arts, quotes=quotes, max_speakers=1)
    top = prof[prof["kind"] == "speaker"]
    assert top["outlet"].tolist() == ["X", "Y"]  # the speaker both outlets quote comes first
    assert set(top["speaker"]) == {"وزير الخارجية المصري سامح شكري"}
    z = prof[prof["outlet"] == "Z"]
    assert z["kind"].tolist() == ["quotes"] and int(z["n"].iloc[0]) == 0
