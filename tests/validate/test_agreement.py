"""framing.validate.agreement: Krippendorff's alpha (worked example, package, bootstrap)."""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import FramingError
from framing.validate import (
    agreement,
    alpha,
    alpha_from_counts,
    bootstrap_alpha,
    coincidence_alpha,
    coincidence_matrix,
    counts_from_matrix,
    percent_agreement,
    reliability_matrix,
    value_counts,
    wide_to_tidy,
)

NA = np.nan

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders x 12
# units, values 1-5, missing values; unit 12 has a single value and is not pairable.
K2011 = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA],   # coder A
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3],     # coder B
    [NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA],    # coder C
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA],     # coder D
]).T  # units x coders


def test_worked_example_coincidence_matrix_by_hand():
    o = coincidence_matrix(counts_from_matrix(K2011).to_numpy())
    # The matrix printed in the paper: e.g. o_11 = 7, o_12 = 4/3, o_13 = o_14 = 1/3, o_55 = 3.
    expected = np.array([
        [7, 4 / 3, 1 / 3, 1 / 3, 0],
        [4 / 3, 10, 4 / 3, 1 / 3, 0],
        [1 / 3, 4 / 3, 8, 1 / 3, 0],
        [1 / 3, 1 / 3, 1 / 3, 4, 0],
        [0, 0, 0, 0, 3],
    ])
    np.testing.assert_allclose(o, expected)
    assert o.sum() == pytest.approx(40)  # n = pairable values


def test_worked_example_nominal_alpha_is_0743():
    # By hand: n_c = (9, 13, 10, 5, 3), n = 40, 8 disagreeing pairable values off the diagonal.
    hand = 1 - (40 - 1) * 8 / (40 ** 2 - (9 ** 2 + 13 ** 2 + 10 ** 2 + 5 ** 2 + 3 ** 2))
    assert hand == pytest.approx(0.743, abs=5e-4)
    counts = counts_from_matrix(K2011)
    assert alpha(K2011, "nominal") == pytest.approx(hand)
    assert coincidence_alpha(counts, "nominal") == pytest.approx(hand)
    assert krippendorff.alpha(K2011.T, level_of_measurement="nominal") == pytest.approx(hand)


@pytest.mark.parametrize("level, published", [("ordinal", 0.815), ("interval", 0.849)])
def test_worked_example_other_levels(level, published):
    counts = counts_from_matrix(K2011)
    ours = coincidence_alpha(counts, level)
    assert ours == pytest.approx(published, abs=5e-4)
    assert alpha(K2011, level) == pytest.approx(ours)
    assert krippendorff.alpha(K2011.T, level_of_measurement=level) == pytest.approx(ours)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 4), min_size=3, max_size=3), min_size=2, max_size=25),
       st.sampled_from(["nominal", "ordinal", "interval"]))
def test_own_alpha_matches_package(rows, level):
    counts = np.array(rows)
    ours, theirs = coincidence_alpha(counts, level), alpha_from_counts(counts, level)
    assert (np.isnan(ours) and np.isnan(theirs)) or ours == pytest.approx(theirs, abs=1e-9)


def test_tidy_matrix_and_counts_give_the_same_alpha():
    tidy = pd.DataFrame([
        {"unit": f"u{u}", "coder": c, "field": "score", "label": str(int(v))}
        for u, row in enumerate(K2011) for c, v in zip("ABCD", row) if not np.isnan(v)
    ])
    matrix = reliability_matrix(tidy, "score")
    assert list(matrix.columns) == list("ABCD") and matrix.shape == (12, 4)
    counts = value_counts(tidy, "score")
    table = agreement(tidy, n_boot=0, level="interval")
    assert table.loc[0, "alpha"] == pytest.approx(0.849, abs=5e-4)
    assert alpha_from_counts(counts) == pytest.approx(alpha(matrix)) == pytest.approx(0.7434, abs=1e-4)
    assert table.loc[0, ["n_coders", "n_units", "n_values"]].tolist() == [4, 11, 40]


def test_ordinal_words_need_an_order():
    tidy = pd.DataFrame({"unit": ["a", "a", "b", "b", "c", "c"], "coder": ["x", "y"] * 3,
                         "field": "tone", "label": ["neg", "neu", "pos", "pos", "neg", "neg"]})
    with pytest.raises(FramingError, match="order"):
        agreement(tidy, level="ordinal", n_boot=0)
    ok = agreement(tidy, level="ordinal", categories={"tone": ["neg", "neu", "pos"]}, n_boot=0)
    assert 0 < ok.loc[0, "alpha"] < 1


def test_percent_agreement_by_hand():
    # unit 1: 3 coders agree (3 of 3 pairs); unit 2: 2 vs 1 (1 of 3 pairs); unit 3: one value only
    assert percent_agreement([[3, 0], [2, 1], [1, 0]]) == pytest.approx((1 + 1 / 3) / 2)


def test_bootstrap_is_seeded_and_brackets_alpha():
    counts = counts_from_matrix(K2011)
    a = bootstrap_alpha(counts, n_boot=300, random_state=1)
    b = bootstrap_alpha(counts, n_boot=300, random_state=1)
    c = bootstrap_alpha(counts, n_boot=300, random_state=2)
    np.testing.assert_array_equal(a["replicates"], b["replicates"])
    assert not np.array_equal(a["replicates"], c["replicates"])
    assert a["ci_low"] < alpha_from_counts(counts) < a["ci_high"] <= 1
    # A replicate is alpha of units drawn with replacement: check one against the package.
    rng = np.random.default_rng(1)
    pairable = counts.to_numpy()[counts.to_numpy().sum(axis=1) >= 2]
    draw = pairable[rng.integers(0, len(pairable), len(pairable))]
    assert a["replicates"][0] == pytest.approx(alpha_from_counts(draw))


def test_perfect_agreement():
    tidy = wide_to_tidy(pd.DataFrame({"doc_id": list("abcd"), "tone": ["pos", "neg", "pos", "neu"]}))
    tidy = pd.concat([tidy, tidy.assign(coder="second")])
    row = agreement(tidy, n_boot=100).iloc[0]
    assert row["alpha"] == row["ci_low"] == row["ci_high"] == 1.0
    assert row["percent_agreement"] == 1.0
