"""framing.events.grouping: articles -> events -> stories, on the seeds and on SaudiNewsNet.

The evaluation runs on the Libya articles of SaudiNewsNet (../shared/data, CC BY-NC-SA: read
there, never copied into the repo) against the hand labels in tests/data/events_gold.csv.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framing.errors import FramingError
from framing.events import bcubed, group_events, summarize_events
from helpers import EVENTS_GOLD, with_gold


# --- the seed story -------------------------------------------------------------------------


@pytest.mark.parametrize("with_analysis", [False, True])
def test_seeds_are_five_meetings_of_one_story(seeds_analysis, with_analysis):
    corpus, analysis = seeds_analysis
    events = group_events(corpus, analysis if with_analysis else None)
    assert list(events.columns) == ["doc_id", "event_id", "story_id", "similarity"]
    assert len(events) == 5
    # Five different meetings on different dates: five events, one story.
    assert events["event_id"].nunique() == 5
    assert events["story_id"].unique().tolist() == ["S001"]
    # Alone in its event, an article has no similarity to the rest of it.
    assert events["similarity"].isna().all()


def test_ids_follow_dates_then_doc_ids(seeds_analysis):
    corpus, _ = seeds_analysis
    events = group_events(corpus).set_index("doc_id")["event_id"]
    # 000 (2025-09-16) and 004 (2026-02-17) are dated; the undated follow in doc_id order.
    assert events["000_d3e141acfa460186"] == "E0001"
    assert events["004_07d685bfe4e10dc6"] == "E0002"
    assert events[["001_96635321e4ee60bd", "002_be25e2c6883d7c20",
                   "003_19dffe29337ef76b"]].tolist() == ["E0003", "E0004", "E0005"]


def test_deterministic_and_independent_of_row_order(seeds_analysis):
    corpus, analysis = seeds_analysis
    first = group_events(corpus, analysis)
    again = group_events(corpus, analysis)
    shuffled = group_events(corpus.sample(frac=1, random_state=7), analysis)
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(first, shuffled)


def test_dates_gate_events_but_not_stories(seeds_analysis):
    corpus, _ = seeds_analysis
    base = corpus[corpus["doc_id"] == "000_d3e141acfa460186"]
    copies = pd.concat([
        base,
        base.assign(doc_id="copy_next_day", date="2025-09-17"),   # same event
        base.assign(doc_id="copy_next_week", date="2025-09-23"),  # outside the window
        base.assign(doc_id="copy_undated", date=""),              # content alone decides
    ], ignore_index=True)
    events = group_events(copies).set_index("doc_id")
    ev = events["event_id"]
    assert ev["copy_next_day"] == ev["000_d3e141acfa460186"] == ev["copy_undated"]
    assert ev["copy_next_week"] != ev["000_d3e141acfa460186"]
    assert events["story_id"].nunique() == 1
    # The similarity is the content score, whatever the dates: identical texts score 1.
    assert events.loc["copy_next_day", "similarity"] == pytest.approx(1.0)


def test_undated_articles_need_a_stricter_threshold(seeds_analysis):
    corpus, _ = seeds_analysis
    undated = corpus.assign(date="")
    # With dates removed, the five meetings stay five events under the default rule, but the
    # dated rule (undated_threshold = event_threshold) would join the closest pair.
    assert group_events(undated)["event_id"].nunique() == 5
    loose = group_events(undated, event_threshold=0.2, undated_threshold=0.2)
    assert loose["event_id"].nunique() < 5


def test_parameters_are_checked(seeds_analysis):
    corpus, _ = seeds_analysis
    with pytest.raises(FramingError, match="event_threshold"):
        group_events(corpus, event_threshold=0)
    with pytest.raises(FramingError, match="undated_threshold"):
        group_events(corpus, event_threshold=0.4, undated_threshold=0.3)
    with pytest.raises(FramingError, match="text"):
        group_events(corpus.drop(columns="text"))


def test_summary_reads_the_grouping(seeds_analysis):
    corpus, _ = seeds_analysis
    summary = summarize_events(group_events(corpus), corpus)
    assert summary["event_id"].tolist() == [f"E000{k}" for k in range(1, 6)]
    assert summary["n_articles"].tolist() == [1] * 5
    assert summary.loc[0, "first_date"] == "2025-09-16"


# --- SaudiNewsNet, Libya articles -----------------------------------------------------------


@pytest.mark.slow
def test_gold_labels_cover_real_articles(libya):
    corpus, _, gold = libya
    assert 350 <= len(corpus) <= 420
    assert gold["url"].is_unique
    assert set(gold["url"]) <= set(corpus["url"])
    sizes = gold.groupby("event").size()
    assert (sizes >= 2).sum() >= 8  # events reported by several articles
    assert (sizes == 1).sum() >= 10  # and unrelated items, each its own event


@pytest.mark.slow
def test_events_match_hand_labels(libya, libya_events):
    corpus, _, gold = libya
    data = with_gold(libya_events, corpus, gold)
    scores = bcubed(data["event_id"], data["event"])[["precision", "recall"]].mean()
    # Measured 0.92 / 0.90 (docs/events.md). 0.85 leaves room for three to five of the 92
    # labelled articles to move with a dependency update; single linkage instead of average
    # linkage (precision 0.75) fails it. The date gate is tested on the seeds above.
    assert scores["precision"] >= 0.85
    assert scores["recall"] >= 0.85


@pytest.mark.slow
def test_stories_match_hand_labels(libya, libya_events):
    corpus, _, gold = libya
    data = with_gold(libya_events, corpus, gold)
    scores = bcubed(data["story_id"], data["story"])[["precision", "recall"]].mean()
    # Measured 0.85 / 0.84; stories are a coarser, more subjective notion than events.
    assert scores["precision"] >= 0.75
    assert scores["recall"] >= 0.75


# Events reported within a day or two by several outlets whose leads report that event alone.
# (dabbashi_plot_foiled is left out on purpose: one of its reports opens with a second, unrelated
# happening and is grouped with that one; docs/events.md lists it among the errors.)
@pytest.mark.slow
@pytest.mark.parametrize("event", ["migrant_shipwreck", "saif_death_sentence",
                                   "ajdabiya_clashes", "misrata_security_alert",
                                   "unhcr_224k_arrivals", "tunisia_denies_us_base",
                                   "eu_fac_libya_sanctions", "shipwreck_survivors_sicily"])
def test_same_day_reports_by_several_outlets_group_together(libya, libya_events, event):
    corpus, _, gold = libya
    data = with_gold(libya_events, corpus, gold)
    assert data.loc[data["event"] == event, "event_id"].nunique() == 1


@pytest.mark.slow
def test_unrelated_libya_items_stay_apart(libya, libya_events):
    corpus, _, gold = libya
    data = with_gold(libya_events, corpus, gold)
    lone = gold.groupby("story")["event"].transform("nunique").eq(1) & \
        gold.groupby("event")["url"].transform("size").eq(1)
    lone_urls = set(gold.loc[lone, "url"])
    assert len(lone_urls) >= 10
    for url in lone_urls:
        ev = data.loc[data["url"] == url, "event_id"].iloc[0]
        assert (data["event_id"] == ev).sum() == 1, url


@pytest.mark.slow
def test_libya_grouping_is_deterministic(libya, libya_events):
    corpus, analysis, _ = libya
    pd.testing.assert_frame_equal(libya_events, group_events(corpus, analysis))


def test_gold_file_has_the_documented_columns():
    gold = pd.read_csv(EVENTS_GOLD)
    assert list(gold.columns) == ["url", "event", "story"]
    assert gold.notna().all().all()
    # Each event belongs to exactly one story.
    assert (gold.groupby("event")["story"].nunique() == 1).all()
