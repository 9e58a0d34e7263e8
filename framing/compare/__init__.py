"""Compare outlets: who covers what, with which stance, tone and words -- and how sure we are.

Every function takes the tidy tables of ``framing analyze`` (``articles``, ``actors``, or a
documents table with text) and returns a tidy DataFrame, ready for :mod:`framing.plots`.

Shares and scores (with seeded bootstrap intervals over articles)
    :func:`topic_shares`, :func:`stance_distribution`, :func:`mean_scores`,
    :func:`tone_over_time`
Words
    :func:`distinctive_terms` (log-odds with an informative Dirichlet prior,
    :func:`log_odds_dirichlet`), :func:`term_counts` (words from :func:`framing.text.tokenize`)
Actors and events
    :func:`actor_label_table`, :func:`actor_label_pivot`, :func:`event_profile`
Tests of independence
    :func:`independence_test`, :func:`topic_outlet_tests`, :func:`label_outlet_tests`

Examples
--------
>>> import pandas as pd
>>> from framing import compare
>>> arts = pd.DataFrame({"outlet": ["A"] * 12 + ["B"] * 12,
...                      "topic:elections": [1, 0] * 6 + [1] * 12})
>>> compare.topic_shares(arts, n_boot=500)[["outlet", "share"]]
  outlet  share
0      A    0.5
1      B    1.0
"""

from .actors import actor_label_pivot, actor_label_table
from .bootstrap import bootstrap_means
from .events import event_profile
from .independence import independence_test, label_outlet_tests, topic_outlet_tests
from .shares import choose_freq, mean_scores, stance_distribution, tone_over_time, topic_shares
from .terms import distinctive_terms, log_odds_dirichlet, term_counts

__all__ = [
    "topic_shares", "stance_distribution", "mean_scores", "tone_over_time", "choose_freq",
    "bootstrap_means",
    "distinctive_terms", "log_odds_dirichlet", "term_counts",
    "actor_label_table", "actor_label_pivot", "event_profile",
    "independence_test", "topic_outlet_tests", "label_outlet_tests",
]
