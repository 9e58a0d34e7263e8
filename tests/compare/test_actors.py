"""framing.compare.actors: which labels each outlet gives each actor."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing import compare
from helpers import shared_path


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
