"""framing.compare.shares: topic shares, stance distributions, mean scores and tone over time."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from helpers import articles_table, shared_path

from framing import compare
from framing.errors import FramingError, SmallSampleWarning
from framing.schema import STANCE_LABELS


def test_topic_shares_on_a_constructed_table():
    arts = articles_table({"A": 20, "B": 12}, {"A": 15, "B": 3})
    shares = compare.topic_shares(arts, n_boot=500)
    got = shares.set_index(["outlet", "topic"])
    assert got.loc[("A", "elections"), "share"] == pytest.approx(15 / 20)
    assert got.loc[("B", "elections"), "share"] == pytest.approx(3 / 12)
    assert got.loc[("A", "border_security"), "share"] == pytest.approx(10 / 20)
    assert (got["n_articles"] == got.index.get_level_values(0).map({"A": 20, "B": 12})).all()
    assert (got["ci_low"] <= got["share"]).all() and (got["share"] <= got["ci_high"]).all()
    assert not got["small_n"].any()
    sentences = compare.topic_shares(arts, measure="sentences", n_boot=0).set_index(
        ["outlet", "topic"])
    assert sentences.loc[("A", "elections"), "share"] == pytest.approx(0.25 * 15 / 20)
    assert sentences["ci_low"].isna().all()


def test_small_groups_are_flagged_and_warned():
    arts = articles_table({"A": 20, "B": 4}, {"A": 5, "B": 2})
    with pytest.warns(SmallSampleWarning, match=r"B \(n=4\)"):
        shares = compare.topic_shares(arts, n_boot=100)
    assert shares.loc[shares["outlet"] == "B", "small_n"].all()
    assert not shares.loc[shares["outlet"] == "A", "small_n"].any()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compare.topic_shares(arts, n_boot=100, min_n=3)


def test_shares_of_the_reference_labels(tmp_path):
    # The hand-coded labels of the seed articles, compared between two (made-up) outlets.
    gold = pd.read_csv(shared_path("gold", "seeds_articles.csv"))
    gold["outlet"] = ["بوابة الأهرام" if i < 3 else "ميدل إيست أونلاين" for i in range(len(gold))]
    with pytest.warns(SmallSampleWarning):
        shares = compare.topic_shares(gold, n_boot=200)
    for (outlet, topic), row in shares.set_index(["outlet", "topic"]).iterrows():
        values = gold.loc[gold["outlet"] == outlet, f"topic:{topic}"].tolist()
        assert row["share"] == pytest.approx(sum(values) / len(values))
        assert row["n_articles"] == len(values)
    with pytest.warns(SmallSampleWarning):
        stance = compare.stance_distribution(gold, "haftar", n_boot=200)
    first = gold.loc[gold["outlet"] == "بوابة الأهرام", "stance:haftar"].tolist()
    got = stance.loc[stance["outlet"] == "بوابة الأهرام"].set_index("label")
    for label in STANCE_LABELS:
        assert got.loc[label, "count"] == first.count(label)


def test_stance_distribution_sums_to_one_and_rejects_typos():
    arts = articles_table({"A": 12, "B": 16}, {"A": 0, "B": 0})
    dist = compare.stance_distribution(arts, "stance:haftar", n_boot=200)
    sums = dist.groupby(["outlet", "target"])["proportion"].sum()
    np.testing.assert_allclose(sums, 1.0)
    a = dist.loc[dist["outlet"] == "A"].set_index("label")
    assert a.loc["pro", "count"] == 3 and a.loc["pro", "proportion"] == pytest.approx(0.25)
    arts.loc[0, "stance:haftar"] = "Pro "  # case and spaces are forgiven
    compare.stance_distribution(arts, n_boot=0)
    arts.loc[0, "stance:haftar"] = "supportive"
    with pytest.raises(FramingError, match="supportive"):
        compare.stance_distribution(arts, n_boot=0)
    with pytest.raises(FramingError, match="sisi"):
        compare.stance_distribution(arts, "sisi")


def test_mean_scores_leave_out_articles_that_do_not_mention_the_target():
    arts = articles_table({"A": 12}, {"A": 0})
    scores = compare.mean_scores(arts, n_boot=200, min_n=5).set_index("score")
    # pro 0.5, con -0.5, neutral 0.0 (absent left out): mean 0 over 9 articles.
    assert scores.loc["stance_score:haftar", "n_articles"] == 9
    assert scores.loc["stance_score:haftar", "mean"] == pytest.approx(0.0)
    assert scores.loc["tone_score", "mean"] == pytest.approx(arts["tone_score"].mean())
    everything = compare.mean_scores(arts, exclude_absent=False, n_boot=0).set_index("score")
    assert everything.loc["stance_score:haftar", "n_articles"] == 12


def test_tone_over_time_by_week():
    arts = pd.DataFrame({
        "doc_id": list("abcdef"), "outlet": ["A"] * 4 + ["B"] * 2,
        # 2025-09-01 is a Monday; 09-07 the Sunday of that week; 09-08 starts the next.
        "date": ["2025-09-01", "2025-09-07", "2025-09-08", "", "2025-09-03", "2025-09-10"],
        "tone_score": [0.5, -0.1, 0.2, 0.9, -0.4, 0.0],
        "tone": ["positive", "neutral", "positive", "positive", "negative", "neutral"],
    })
    with pytest.warns(UserWarning, match="without a valid date"):
        series = compare.tone_over_time(arts, "W", n_boot=100, min_n=1)
    a = series.loc[series["outlet"] == "A"].set_index("period")
    assert list(a.index) == [pd.Timestamp("2025-09-01"), pd.Timestamp("2025-09-08")]
    assert a.loc["2025-09-01", "mean_tone"] == pytest.approx(0.2)
    assert a.loc["2025-09-01", "n_articles"] == 2
    assert a.loc["2025-09-01", "positive"] == pytest.approx(0.5)
    with pytest.warns(UserWarning, match="without a valid date"):
        monthly = compare.tone_over_time(arts, "M", n_boot=0, min_n=1)
    assert set(monthly["period"]) == {pd.Timestamp("2025-09-01")}
    assert compare.choose_freq(arts["date"]) == "D"


def test_missing_columns_are_user_errors():
    with pytest.raises(FramingError, match="topic:"):
        compare.topic_shares(pd.DataFrame({"outlet": ["A"]}))
    with pytest.raises(FramingError, match="'outlet'"):
        compare.topic_shares(pd.DataFrame({"topic:x": [1]}))


def test_stance_among_the_articles_that_mention_the_target():
    arts = pd.DataFrame({"outlet": ["A"] * 10 + ["B"] * 10,
                         "stance:haftar": ["pro", "con", "pro"] + ["absent"] * 7
                         + ["neutral", "con"] + ["absent"] * 8})
    every = compare.stance_distribution(arts, "haftar", n_boot=0, min_n=1)
    among = compare.stance_distribution(arts, "haftar", n_boot=0, min_n=1, among="mentioning")
    assert "absent" not in set(among["label"])
    a = among.loc[among["outlet"] == "A"].set_index("label")
    e = every.loc[every["outlet"] == "A"].set_index("label")
    mentioned = int(e.loc[["pro", "con", "neutral"], "count"].sum())
    assert a.loc["pro", "proportion"] == pytest.approx(e.loc["pro", "count"] / mentioned)
    assert a["n_articles"].iloc[0] == mentioned
    assert a["n_absent"].iloc[0] == e.loc["absent", "count"] and a["n_all"].iloc[0] == 10
    for _, rows in among.groupby("outlet"):
        assert rows["proportion"].sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="among must be one of"):
        compare.stance_distribution(arts, "haftar", n_boot=0, among="some")
