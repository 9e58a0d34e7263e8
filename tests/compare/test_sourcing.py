"""framing.compare.sourcing: shares of source types and quoted actors per outlet."""

from __future__ import annotations

import numpy as np
import pytest

from framing.compare.sourcing import SOURCE_ORDER, source_shares
from framing.errors import SchemaError, SmallSampleWarning

pytestmark = pytest.mark.filterwarnings("ignore::framing.errors.SmallSampleWarning")


def test_source_type_shares_sum_to_one_per_outlet(seeds_analysis):
    _, res = seeds_analysis
    with pytest.warns(SmallSampleWarning):
        t = source_shares(res.quotes, res.articles, n_boot=200)
    assert list(t.columns[:2]) == ["outlet", "source_type"]
    assert set(t["source_type"]) <= set(SOURCE_ORDER)
    with_quotes = t[t["n_articles"] > 0]
    sums = with_quotes.groupby("outlet")["proportion"].sum()
    assert np.allclose(sums, 1.0)
    assert (t["small_n"] == (t["n_articles"] < 10)).all()
    ok = with_quotes.dropna(subset=["ci_low"])
    assert ((ok.ci_low <= ok.proportion + 1e-12) & (ok.proportion <= ok.ci_high + 1e-12)).all()


def test_counts_are_the_quotes_of_each_outlet(seeds_analysis):
    _, res = seeds_analysis
    t = source_shares(res.quotes, res.articles, n_boot=0, min_n=1)
    outlets = res.articles.set_index("doc_id")["outlet"]
    want = res.quotes.assign(outlet=res.quotes.doc_id.map(outlets)).groupby(
        ["outlet", "source_type"]).size()
    got = t.set_index(["outlet", "source_type"])["n_quotes"]
    assert (got[got > 0] == want.reindex(got[got > 0].index)).all()
    assert int(got.sum()) == len(res.quotes)


def test_actor_shares_and_the_same_result_twice(seeds_analysis):
    _, res = seeds_analysis
    a = source_shares(res.quotes, res.articles, what="actor", top=2, n_boot=100, min_n=1)
    b = source_shares(res.quotes, res.articles, what="actor", top=2, n_boot=100, min_n=1)
    assert a.equals(b)
    assert a["actor"].nunique() <= 2 and "" not in set(a["actor"])
    top = res.quotes[res.quotes.actor != ""]["actor"].value_counts().index[0]
    assert top in set(a["actor"])
    with pytest.raises(SchemaError):
        source_shares(res.quotes, res.articles, what="speaker")
