"""framing.compare.terms: log-odds with an informative Dirichlet prior; distinctive terms."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import regex

from framing import compare
from framing.errors import FramingError
from framing.text.normalize import normalize


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
