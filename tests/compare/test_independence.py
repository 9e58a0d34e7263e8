"""framing.compare.independence: the right test for the table, Holm's correction, label tests."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from framing import compare
from helpers import articles_table


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
