"""framing.compare.bootstrap: seeded, per-group percentile intervals of the textbook width."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing import compare
from helpers import articles_table


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
