"""Tests of independence for outlet comparisons: does topic presence or label use differ by outlet?

The test is chosen per table and reported in the ``test`` column:

- ``fisher-exact`` -- 2 x 2 tables (always: exact and cheap);
- ``fisher-monte-carlo`` -- larger tables with an expected count below 5, where the chi-square
  approximation is poor: Fisher's test with a seeded Monte Carlo p-value
  (:func:`scipy.stats.fisher_exact`, SciPy >= 1.15);
- ``chi-square`` -- otherwise (Pearson, no continuity correction).

Effect size: Cramér's V from the uncorrected chi-square statistic.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from .. import schema
from ..errors import ParameterError, SchemaError, check_choice
from ..schema import prefixed_columns, require_columns
from ._common import holm

COLUMNS = ["test", "statistic", "dof", "p_value", "cramers_v", "min_expected", "n", "note"]


def _scalar(x):
    # SciPy's Monte Carlo Fisher test returns shape-(1,) arrays for some tables
    return float(np.asarray(x).reshape(-1)[0])


def _empty(note, n=0):
    return dict(test="none", statistic=np.nan, dof=np.nan, p_value=np.nan, cramers_v=np.nan,
                min_expected=np.nan, n=n, note=note)


def independence_test(table, *, test="auto", n_resamples=9999, random_state=0):
    """Test a contingency table (rows x columns of counts) for independence.

    Parameters
    ----------
    table : pandas.DataFrame or array_like
        Counts; all-zero rows and columns are dropped first.
    test : {"auto", "chi2", "fisher"}, default "auto"
        ``"auto"`` picks as described in the module docstring.
    n_resamples : int, default 9999
        Monte Carlo tables for Fisher's test on tables larger than 2 x 2.
    random_state : int, default 0

    Returns
    -------
    dict
        ``test, statistic, dof, p_value, cramers_v, min_expected, n, note``. ``statistic`` is
        the chi-square statistic for ``chi-square``, the sample odds ratio for
        ``fisher-exact``, and the null probability of the observed table for
        ``fisher-monte-carlo``; ``dof`` is the chi-square degrees of freedom in every case.

    Examples
    --------
    >>> r = independence_test([[8, 2], [1, 9]])
    >>> r["test"], round(r["p_value"], 4)
    ('fisher-exact', 0.0055)
    """
    check_choice("test", test, ("auto", "chi2", "fisher"))
    obs = np.asarray(table, dtype=float)
    if obs.ndim != 2 or (obs < 0).any() or np.isnan(obs).any():
        raise ParameterError("a contingency table is a 2-D array of non-negative counts")
    obs = obs[obs.sum(axis=1) > 0][:, obs.sum(axis=0) > 0]
    n = int(obs.sum())
    if obs.shape[0] < 2 or obs.shape[1] < 2:
        return _empty("nothing to test: fewer than two non-empty rows or columns", n)

    chi = stats.chi2_contingency(obs, correction=False)
    min_expected = float(chi.expected_freq.min())
    dof = int(chi.dof)
    cramers_v = float(np.sqrt(chi.statistic / (n * (min(obs.shape) - 1))))
    small = min_expected < 5
    fisher = test == "fisher" or (test == "auto" and (obs.shape == (2, 2) or small))
    result = dict(dof=dof, cramers_v=cramers_v, min_expected=min_expected, n=n, note="")
    if fisher and obs.shape == (2, 2):
        res = stats.fisher_exact(obs.astype(np.int64))
        return {**result, "test": "fisher-exact", "statistic": _scalar(res.statistic),
                "p_value": _scalar(res.pvalue)}
    if fisher:
        try:
            method = stats.MonteCarloMethod(n_resamples=n_resamples,
                                            rng=np.random.default_rng(random_state))
            res = stats.fisher_exact(obs.astype(np.int64), method=method)
        except (TypeError, ValueError, AttributeError):  # SciPy < 1.15: no r x c Fisher test
            result["note"] = "Fisher's test for tables larger than 2x2 needs SciPy >= 1.15; "
        else:
            return {**result, "test": "fisher-monte-carlo", "statistic": _scalar(res.statistic),
                    "p_value": _scalar(res.pvalue),
                    "note": f"Monte Carlo p-value from {n_resamples} tables (random_state {random_state})"}
    if small:
        share = float((chi.expected_freq < 5).mean())
        result["note"] += (f"{share:.0%} of expected counts are below 5: the chi-square "
                           f"approximation may be poor")
    return {**result, "test": "chi-square", "statistic": float(chi.statistic),
            "p_value": float(chi.pvalue)}


def _tidy(rows, first, by):
    table = pd.DataFrame(rows, columns=[first] + COLUMNS)
    table["p_holm"] = holm(table["p_value"])
    table.insert(1, "by", by)
    return table


def topic_outlet_tests(articles, by="outlet", *, test="auto", n_resamples=9999, random_state=0):
    """For each topic, test whether the share of articles addressing it differs between groups.

    Each topic gives a groups x (absent, present) table of article counts.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles table (``topic:T`` columns and ``by``).
    by : str, default "outlet"
    test, n_resamples, random_state
        See :func:`independence_test`.

    Returns
    -------
    pandas.DataFrame
        One row per topic: ``topic, by, test, statistic, dof, p_value, cramers_v, min_expected,
        n, note, p_holm`` (Holm-adjusted over the topics).
    """
    require_columns(articles, [by])
    topics = prefixed_columns(articles, schema.TOPIC)
    data = articles.dropna(subset=[by])
    rows = []
    for topic, col in topics.items():
        present = pd.to_numeric(data[col], errors="coerce")
        table = pd.crosstab(data[by], present)
        rows.append({"topic": topic, **independence_test(table, test=test, n_resamples=n_resamples,
                                                           random_state=random_state)})
    return _tidy(rows, "topic", by)


def label_outlet_tests(actors, articles=None, by="outlet", *, level="label", unit="mentions",
                       test="auto", n_resamples=9999, random_state=0):
    """For each actor, test whether the labels (or connotations) used for it differ by group.

    Parameters
    ----------
    actors : pandas.DataFrame
        The actors table (``doc_id, actor, label, connotation, count``).
    articles : pandas.DataFrame, optional
        Supplies ``by`` per ``doc_id`` when ``actors`` lacks it.
    by : str, default "outlet"
    level : {"label", "connotation"}, default "label"
    unit : {"mentions", "articles"}, default "mentions"
        Count mentions (the ``count`` column) or articles using the label. Mentions of one
        article are not independent observations, so with ``"mentions"`` p-values are optimistic
        (said in the ``note``); ``"articles"`` is the more conservative unit.
    test, n_resamples, random_state
        See :func:`independence_test`.

    Returns
    -------
    pandas.DataFrame
        One row per actor: ``actor, by, test, statistic, ..., note, p_holm``.
    """
    check_choice("level", level, ("label", "connotation"))
    check_choice("unit", unit, ("mentions", "articles"))
    data = with_group(actors, articles, by)
    rows = []
    for actor, sub in data.groupby("actor", sort=True):
        if unit == "mentions":
            table = sub.pivot_table(index=level, columns=by, values="count", aggfunc="sum",
                                    fill_value=0)
        else:
            table = sub.groupby([level, by])["doc_id"].nunique().unstack(fill_value=0)
        res = independence_test(table, test=test, n_resamples=n_resamples, random_state=random_state)
        if unit == "mentions" and res["test"] != "none":
            res["note"] = "; ".join(filter(None, [res["note"], "mentions within an article are "
                                                  "not independent: p-values are optimistic"]))
        rows.append({"actor": actor, **res})
    return _tidy(rows, "actor", by)


def with_group(actors, articles, by):
    """The actors table with the ``by`` column, joined from ``articles`` on ``doc_id`` if needed."""
    require_columns(actors, ["doc_id", "actor", "label"], table="actors")
    data = actors.copy()
    if "count" not in data.columns:
        data["count"] = 1
    if "connotation" not in data.columns:
        data["connotation"] = "neutral"
    if by not in data.columns:
        if articles is None:
            raise SchemaError(f"the actors table has no {by!r} column", key=by,
                               fix="pass the articles table too, to join it on doc_id")
        require_columns(articles, ["doc_id", by])
        data = data.merge(articles[["doc_id", by]].drop_duplicates("doc_id"), on="doc_id",
                          how="left")
    lost = data[by].isna()
    if lost.all():
        raise SchemaError(f"no actor row has a {by!r} value", key=by,
                           fix="check that the doc_id values of actors and articles match")
    return data.loc[~lost]
