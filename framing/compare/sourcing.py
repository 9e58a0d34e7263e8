"""Sourcing by outlet: whom each outlet lets speak -- source types and the most quoted actors.

The unit is the article: for each article with at least one quote, the share of its quotes that
are of each source type (or that give the voice to each actor); an outlet's value is the mean of
these shares over its articles with quotes, with a percentile bootstrap interval that resamples
articles (:func:`framing.compare.bootstrap.bootstrap_means`). An outlet that quotes anyone in
fewer than ``min_n`` articles is flagged ``small_n``. Articles without quotes are counted
(``n_articles_all``) but carry no share.

Examples
--------
>>> import pandas as pd
>>> q = pd.DataFrame({"doc_id": ["a", "a", "b"], "source_type": ["official", "expert", "official"],
...                   "actor": ["", "", "sisi"]})
>>> arts = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["x", "x", "x"]})
>>> t = source_shares(q, arts, n_boot=0, min_n=1)
>>> t[["outlet", "source_type", "n_articles", "n_quotes", "proportion"]].values.tolist()[:2]
[['x', 'official', 2, 2, 0.75], ['x', 'expert', 2, 1, 0.25]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import SchemaError
from ..schema import SOURCE_TYPES, require_columns
from ._common import flag_small, group_column, iter_groups
from .bootstrap import bootstrap_means

#: The protocol's source types, in display order (the schema's list).
SOURCE_ORDER = SOURCE_TYPES
COLUMNS = ("n_articles", "n_articles_all", "n_quotes", "proportion", "ci_low", "ci_high",
           "small_n")


def _per_article(quotes, column, categories):
    counts = pd.crosstab(quotes["doc_id"].astype(str), quotes[column].astype(str))
    counts = counts.reindex(columns=categories, fill_value=0)
    totals = quotes.groupby(quotes["doc_id"].astype(str)).size()
    return counts, totals


def source_shares(quotes, articles, *, by="outlet", what="source_type", top=None, n_boot=2000,
                  ci=0.95, random_state=0, min_n=10):
    """Shares of source types (or of the most quoted actors) among each outlet's quotes.

    Parameters
    ----------
    quotes : pandas.DataFrame
        The quotes table of :func:`framing.analyze` (``doc_id`` and ``what``).
    articles : pandas.DataFrame
        The articles table (``doc_id`` and ``by``): the articles of each outlet.
    by : str, default "outlet"
    what : {"source_type", "actor"}, default "source_type"
        ``actor``: the share of quotes whose speaker is each codebook actor (quotes of no
        actor count in the denominator only).
    top : int, optional
        Keep the ``top`` categories quoted most often overall (default: all source types, the
        eight most quoted actors).
    n_boot, ci, random_state, min_n
        Bootstrap replicates, coverage, seed, and the number of articles with quotes below which
        an outlet is flagged ``small_n``.

    Returns
    -------
    pandas.DataFrame
        One row per outlet and category: ``by``, ``what``, ``n_articles`` (articles with
        quotes), ``n_articles_all``, ``n_quotes`` (quotes of that category), ``proportion``,
        ``ci_low``, ``ci_high``, ``small_n``.
    """
    if what not in ("source_type", "actor"):
        raise SchemaError(f"cannot compare sourcing by {what!r}", fix="use source_type or actor")
    require_columns(quotes, ["doc_id", what], table="quotes")
    require_columns(articles, ["doc_id"], table="articles")
    q = quotes[quotes["doc_id"].astype(str).isin(set(articles["doc_id"].astype(str)))]
    named = q[q[what].astype(str).str.strip() != ""] if what == "actor" else q
    ranked = named[what].astype(str).value_counts(sort=True)
    ranked = ranked.reindex(sorted(ranked.index, key=lambda c: (-ranked[c], c)))
    if what == "source_type":
        categories = [c for c in SOURCE_ORDER if c in ranked.index]
        categories += [c for c in ranked.index if c not in categories]
    else:
        categories = list(ranked.index)
    limit = top if top is not None else (None if what == "source_type" else 8)
    if limit is not None:
        categories = [c for c in categories if c in set(ranked.index[:limit])]
    counts, totals = _per_article(named, what, categories)
    totals = q.groupby(q["doc_id"].astype(str)).size() if what == "actor" else totals
    gcol = group_column(by)
    rows = []
    for group, arts in iter_groups(articles, by):
        ids = arts["doc_id"].astype(str)
        with_quotes = [d for d in ids if d in totals.index]
        values = (counts.reindex(with_quotes, fill_value=0).to_numpy(float)
                  / totals.reindex(with_quotes).to_numpy(float)[:, None]) if with_quotes \
            else np.empty((0, len(categories)))
        if len(with_quotes):
            mean, low, high = bootstrap_means(values, n_boot=n_boot, ci=ci,
                                              random_state=random_state, key=group)
        else:
            mean = low = high = np.full(len(categories), np.nan)
        n_cat = counts.reindex(with_quotes, fill_value=0).sum(axis=0)
        for i, c in enumerate(categories):
            rows.append({gcol: group, what: c, "n_articles": len(with_quotes),
                         "n_articles_all": len(ids), "n_quotes": int(n_cat.get(c, 0)),
                         "proportion": float(mean[i]), "ci_low": float(low[i]),
                         "ci_high": float(high[i])})
    table = pd.DataFrame(rows, columns=[gcol, what, *COLUMNS[:-1]])
    return flag_small(table, gcol, min_n, what="articles with quotes")
