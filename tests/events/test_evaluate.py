"""framing.events.evaluate: B-cubed and pairwise scores of a grouping against hand labels."""

from __future__ import annotations

import pytest

from framing.errors import FramingError
from framing.events import bcubed, pairwise_scores
from helpers import assert_doctests


def test_bcubed_and_pairwise_scores():
    pred, gold = ["a", "a", "b", "c"], ["x", "x", "x", "y"]
    per_item = bcubed(pred, gold)
    assert per_item["precision"].tolist() == [1, 1, 1, 1]
    assert per_item["recall"].round(3).tolist() == [0.667, 0.667, 0.333, 1.0]
    pw = pairwise_scores(pred, gold)
    assert (pw["precision"], pw["n_gold_pairs"], pw["n_correct_pairs"]) == (1.0, 3, 1)
    with pytest.raises(FramingError):
        bcubed(["a"], ["x", "y"])


def test_docstring_examples():
    import framing.events.evaluate

    assert_doctests(framing.events.evaluate)
