"""``framing evaluate --gold FILE --pred DIR``: predicted labels against reference labels."""

from __future__ import annotations

import pandas as pd

from framing.cli import main
from helpers import shared_path


def test_evaluate_against_the_reference_labels(seeds_run, tmp_path, capsys):
    gold = shared_path("gold", "seeds_articles.csv")
    assert main(["evaluate", "--gold", str(gold), "--pred", str(seeds_run),
                 "--out", str(tmp_path)]) == 0
    scores = pd.read_csv(tmp_path / "scores.csv")
    assert set(scores["field"]) == {c for c in pd.read_csv(gold).columns
                                    if c.startswith(("topic:", "stance:")) or c == "tone"}
    assert scores["accuracy"].between(0, 1).all()
    confusion = pd.read_csv(tmp_path / "confusion.csv")
    assert (confusion.groupby("field")["n"].sum() == 5).all()
