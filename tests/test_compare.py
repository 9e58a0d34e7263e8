"""framing.compare: shares with bootstrap intervals, log-odds, tests of independence, actors."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
import regex
from scipy import stats

from framing import compare
from framing.errors import SmallSampleWarning
from framing.errors import FramingError
from framing.schema import STANCE_LABELS
from framing.text import tokenize
from framing.text.normalize import normalize

from conftest import shared_path


def articles_table(sizes, with_topic, seed=0):
    """Articles of outlets ``sizes = {outlet: n}``; the first ``with_topic[outlet]`` have it."""
    rng = np.random.default_rng(seed)
    rows = []
    for outlet, n in sizes.items():
        for i in range(n):
            rows.append({
                "doc_id": f"{outlet}-{i}", "outlet": outlet,
                "date": f"2025-09-{1 + i % 28:02d}",
                "topic:elections": int(i < with_topic[outlet]),
                "share:elections": 0.25 if i < with_topic[outlet] else 0.0,
                "topic:border_security": int(i % 2 == 0),
                "share:border_security": 0.5 if i % 2 == 0 else 0.0,
                "stance:haftar": ["pro", "con", "neutral", "absent"][i % 4],
                "stance_score:haftar": [0.5, -0.5, 0.0, 0.0][i % 4],
                "tone": ["positive", "neutral", "negative"][i % 3],
                "tone_score": float(rng.uniform(-1, 1)),
            })
    return pd.DataFrame(rows)


# -- log-odds with an informative Dirichlet prior -----------------------------------------------

def test_log_odds_matches_a_worked_example_by_hand():
    # Two corpora over three words:
    #            x    y    z    total
    #   a (i)   10    5    0    n_i = 15
    #   b (j)    4    6    5    n_j = 15
    # Default prior: the pooled counts, alpha = (14, 11, 5), alpha_0 = 30.
    #   delta_x = log((10+14)/(15+30-10-14)) - log((4+14)/(15+30-4-14))
    #           = log(24/21) - log(18/27)
    #   var_x   = 1/(10+14) + 1/(4+14) = 1/24 + 1/18
    #   delta_y = log((5+11)/(15+30-5-11)) - log((6+11)/(15+30-6-11)) = log(16/29) - log(17/28)
    #   var_y   = 1/16 + 1/17
    #   delta_z = log((0+5)/(15+30-0-5)) - log((5+5)/(15+30-5-5))    = log(5/40) - log(10/35)
    #   var_z   = 1/5 + 1/10
    expected = {
        "x": (math.log(24 / 21) - math.log(18 / 27), 1 / 24 + 1 / 18),
        "y": (math.log(16 / 29) - math.log(17 / 28), 1 / 16 + 1 / 17),
        "z": (math.log(5 / 40) - math.log(10 / 35), 1 / 5 + 1 / 10),
    }
    result = compare.log_odds_dirichlet({"x": 10, "y": 5, "z": 0}, {"x": 4, "y": 6, "z": 5})
    got = result.set_index("term")
    for term, (delta, var) in expected.items():
        assert got.loc[term, "log_odds"] == pytest.approx(delta, abs=1e-9)
        assert got.loc[term, "variance"] == pytest.approx(var, abs=1e-9)
        assert got.loc[term, "z"] == pytest.approx(delta / math.sqrt(var), abs=1e-9)
    # By hand: z_x = (0.133531 + 0.405465) / sqrt(0.097222) = 1.728617; x is the most "a" word.
    assert got.loc["x", "z"] == pytest.approx(1.7286, abs=1e-4)
    assert list(result["term"]) == ["x", "y", "z"]


def test_log_odds_prior_rescaled_to_a0_by_hand():
    # Same table, prior rescaled to a0 = 10: alpha = 10 * (14, 11, 5) / 30 = (14/3, 11/3, 5/3).
    #   delta_z = log((0 + 5/3)/(15 + 10 - 0 - 5/3)) - log((5 + 5/3)/(15 + 10 - 5 - 5/3))
    #   var_z   = 1/(5/3) + 1/(5 + 5/3) = 0.6 + 0.15
    a_z = 5 / 3
    delta = math.log(a_z / (25 - a_z)) - math.log((5 + a_z) / (20 - a_z))
    var = 1 / a_z + 1 / (5 + a_z)
    got = compare.log_odds_dirichlet({"x": 10, "y": 5, "z": 0}, {"x": 4, "y": 6, "z": 5},
                                     a0=10).set_index("term")
    assert got.loc["z", "prior"] == pytest.approx(a_z, abs=1e-12)
    assert got.loc["z", "log_odds"] == pytest.approx(delta, abs=1e-9)
    assert got.loc["z", "variance"] == pytest.approx(var, abs=1e-9)
    assert got.loc["z", "z"] == pytest.approx(delta / math.sqrt(var), abs=1e-9)


def test_log_odds_is_antisymmetric_and_flat_prior():
    a, b = {"x": 7, "y": 1, "w": 3}, {"x": 2, "y": 9}
    ab = compare.log_odds_dirichlet(a, b).set_index("term")
    ba = compare.log_odds_dirichlet(b, a).set_index("term")
    np.testing.assert_allclose(ab["z"], -ba.loc[ab.index, "z"], atol=1e-12)
    flat = compare.log_odds_dirichlet(a, b, prior=0.5).set_index("term")
    # Flat prior, word w: log((3+.5)/(11+1.5-3-.5)) - log((0+.5)/(11+1.5-0-.5)), 3 words -> a0 = 1.5
    assert flat.loc["w", "log_odds"] == pytest.approx(
        math.log(3.5 / 9) - math.log(0.5 / 12), abs=1e-9)


# -- distinctive terms ----------------------------------------------------------------------------

SEED_OUTLETS = {"000": "بوابة الأهرام", "001": "بوابة الأهرام", "002": "العرب", "003": "العرب",
                "004": "ميدل إيست أونلاين"}


@pytest.fixture(scope="module")
def seed_docs(seed_texts):
    return pd.DataFrame({"doc_id": list(seed_texts),
                         "outlet": [SEED_OUTLETS[d[:3]] for d in seed_texts],
                         "text": list(seed_texts.values())})


def _occurrences(word, texts):
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){word}(?![\p{{L}}\p{{M}}])")
    return sum(len(pattern.findall(normalize(t))) for t in texts)


def test_distinctive_terms_on_seed_articles_with_arabic_outlet_names(seed_docs):
    terms = compare.distinctive_terms(seed_docs, min_count=3)
    assert set(terms["outlet"]) == set(SEED_OUTLETS.values())
    meo = terms.loc[terms["outlet"] == "ميدل إيست أونلاين"]
    # The outlet's masthead words occur in its article only: they must rank among its top terms.
    top = set(meo.nsmallest(5, "rank")["term"])
    assert {"ميدل", "ايست", "اونلاين"} <= top
    row = meo.set_index("term").loc["اونلاين"]
    own = seed_docs.loc[seed_docs["outlet"] == "ميدل إيست أونلاين", "text"]
    rest = seed_docs.loc[seed_docs["outlet"] != "ميدل إيست أونلاين", "text"]
    assert row["count_group"] == _occurrences("اونلاين", own) > 0
    assert row["count_ref"] == _occurrences("اونلاين", rest) == 0
    assert row["example"] == "أونلاين"  # shown as written, not normalised
    assert row["z"] > 0
    # Every top term of every outlet is a real word of that outlet's texts.
    for outlet, group in terms.groupby("outlet"):
        texts = seed_docs.loc[seed_docs["outlet"] == outlet, "text"]
        for term in group.nsmallest(10, "rank")["term"]:
            assert _occurrences(term, texts) > 0, (outlet, term)
    # Ranks follow z within each outlet.
    for _, group in terms.groupby("outlet"):
        assert list(group["rank"]) == list(range(1, len(group) + 1))
        assert group["z"].is_monotonic_decreasing


def test_distinctive_terms_against_a_reference_outlet_and_stopwords(seed_docs):
    terms = compare.distinctive_terms(seed_docs, reference="العرب", min_count=2,
                                      stopwords=["مع", "في", "من"])
    assert set(terms["outlet"]) == {"بوابة الأهرام", "ميدل إيست أونلاين"}
    assert set(terms["reference"]) == {"العرب"}
    assert not terms["term"].isin(["مع", "في", "من"]).any()
    with pytest.raises(FramingError, match="reference group"):
        compare.distinctive_terms(seed_docs, reference="الوسط")


def test_tokenize_normalises_and_drops_short_words():
    words = dict(normalize=True, words_only=True, numbers=False, min_length=2)
    assert tokenize("الأمم المتّحدة و 2025 Libya", **words) == ["الامم", "المتحدة", "libya"]
    assert tokenize("مؤكدا", stopwords=frozenset({"مءكدا"}), **words) == []


# -- shares and bootstrap -------------------------------------------------------------------------

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


def test_bootstrap_is_deterministic_and_per_group():
    arts = articles_table({"A": 30, "B": 25}, {"A": 11, "B": 20})
    first = compare.topic_shares(arts, random_state=7)
    again = compare.topic_shares(arts, random_state=7)
    pd.testing.assert_frame_equal(first, again)
    other = compare.topic_shares(arts, random_state=8)
    assert not np.allclose(first["ci_low"], other["ci_low"])
    # A group's interval does not depend on which other groups are in the table.
    alone = compare.topic_shares(arts.loc[arts["outlet"] == "A"], random_state=7)
    pd.testing.assert_frame_equal(alone, first.loc[first["outlet"] == "A"].reset_index(drop=True))


def test_bootstrap_interval_has_the_textbook_width():
    # p = 0.5, n = 400: the normal-approximation 95% interval is 0.5 +/- 1.96 * 0.025 = +/- 0.049.
    mean, low, high = compare.bootstrap_means(np.r_[np.ones(200), np.zeros(200)], n_boot=4000)
    assert mean[0] == 0.5
    assert low[0] == pytest.approx(0.451, abs=0.01)
    assert high[0] == pytest.approx(0.549, abs=0.01)


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


# -- tests of independence -------------------------------------------------------------------------

def test_independence_test_picks_the_test_and_reports_it():
    two = compare.independence_test([[8, 2], [1, 9]])
    assert two["test"] == "fisher-exact"
    assert two["p_value"] == pytest.approx(stats.fisher_exact([[8, 2], [1, 9]]).pvalue)

    big = np.array([[40, 30, 20], [20, 30, 45]])
    chi = compare.independence_test(big)
    ref = stats.chi2_contingency(big, correction=False)
    assert chi["test"] == "chi-square" and chi["dof"] == 2
    assert chi["statistic"] == pytest.approx(ref.statistic)
    assert chi["p_value"] == pytest.approx(ref.pvalue)
    assert chi["min_expected"] == pytest.approx(ref.expected_freq.min())
    assert chi["cramers_v"] == pytest.approx(math.sqrt(ref.statistic / (big.sum() * 1)))

    sparse = np.array([[3, 1, 0], [1, 4, 6]])
    mc = compare.independence_test(sparse, n_resamples=2000, random_state=3)
    assert mc["test"] in ("fisher-monte-carlo", "chi-square")  # the latter on SciPy < 1.15
    assert mc["min_expected"] < 5 and mc["note"]
    assert compare.independence_test(sparse, n_resamples=2000, random_state=3) == mc

    forced = compare.independence_test(sparse, test="chi2")
    assert forced["test"] == "chi-square" and "below 5" in forced["note"]
    empty = compare.independence_test([[5, 0], [7, 0]])
    assert empty["test"] == "none" and np.isnan(empty["p_value"])


def test_topic_and_label_tests_by_outlet():
    arts = articles_table({"A": 30, "B": 30}, {"A": 25, "B": 5})
    tests = compare.topic_outlet_tests(arts)
    assert list(tests["topic"]) == ["elections", "border_security"]
    row = tests.set_index("topic").loc["elections"]
    assert row["test"] == "fisher-exact" and row["p_value"] < 1e-4
    assert (tests["p_holm"] >= tests["p_value"]).all()

    actors = pd.DataFrame({
        "doc_id": [f"A-{i}" for i in range(10)] + [f"B-{i}" for i in range(10)],
        "actor": "lna",
        "label": ["الجيش الوطني"] * 9 + ["قوات حفتر"] + ["قوات حفتر"] * 8 + ["الجيش الوطني"] * 2,
        "connotation": "neutral", "count": 1,
    })
    labels = compare.label_outlet_tests(actors, arts)
    assert labels.loc[0, "actor"] == "lna" and labels.loc[0, "p_value"] < 0.01
    assert "not independent" in labels.loc[0, "note"]
    by_articles = compare.label_outlet_tests(actors, arts, unit="articles")
    assert "not independent" not in by_articles.loc[0, "note"]


# -- actors and events ----------------------------------------------------------------------------

def test_actor_label_table_from_the_reference_labels():
    gold = pd.read_csv(shared_path("gold", "seeds_actor_labels.csv"))
    gold["count"] = 1
    arts = pd.DataFrame({"doc_id": sorted(gold["doc_id"].unique())})
    arts["outlet"] = ["بوابة الأهرام" if i < 3 else "العرب" for i in range(len(arts))]
    table = compare.actor_label_table(gold, arts)
    assert list(table.columns) == ["outlet", "actor", "label", "connotation", "count",
                                   "n_articles", "share"]
    assert table["count"].sum() == len(gold)
    np.testing.assert_allclose(table.groupby(["outlet", "actor"])["share"].sum(), 1.0)
    lna = table.loc[(table["actor"] == "lna") & (table["label"] == "قوات حفتر")]
    assert set(lna["connotation"]) == {"delegitimizing"}
    wide = compare.actor_label_pivot(table)
    assert set(wide.columns) == {"بوابة الأهرام", "العرب"}
    assert wide.to_numpy().sum() == len(gold)


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


def test_missing_columns_are_user_errors():
    with pytest.raises(FramingError, match="topic:"):
        compare.topic_shares(pd.DataFrame({"outlet": ["A"]}))
    with pytest.raises(FramingError, match="'outlet'"):
        compare.topic_shares(pd.DataFrame({"topic:x": [1]}))
