"""Per-outlet shares and means with bootstrap intervals: topics, stances, scores, tone over time.

Every function takes the ``articles`` table of DESIGN.md (one row per article) and returns a
tidy table: one row per group and quantity, with ``ci_low``/``ci_high`` from a percentile
bootstrap that resamples articles within the group (:mod:`framing.compare.bootstrap`),
``n_articles`` behind the estimate, and a ``small_n`` flag (a :class:`SmallSampleWarning` names
the groups) when fewer than ``min_n`` articles support it.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import schema
from ..errors import DataWarning, SchemaError, check_choice
from ..schema import STANCE_LABELS, TONE_LABELS, prefixed_columns, require_columns
from ._common import flag_small, group_column, iter_groups, label_matrix
from .bootstrap import bootstrap_means

_KIND = {"articles": schema.TOPIC, "sentences": schema.SHARE}


def _numeric(rows, columns, lo=0.0, hi=1.0):
    # A copy: pandas may hand out read-only views, and callers blank cells in place.
    values = rows[columns].apply(pd.to_numeric, errors="coerce").to_numpy(float, copy=True)
    bad = ~np.isnan(values) & ((values < lo) | (values > hi))
    if bad.any():
        col = columns[int(np.flatnonzero(bad.any(axis=0))[0])]
        raise SchemaError(f"values outside {lo:g}..{hi:g} in column {col!r}", key=col,
                           fix="pass the articles table written by `framing analyze`")
    return values


def topic_shares(articles, by="outlet", *, measure="articles", n_boot=2000, ci=0.95, random_state=0,
                 min_n=10):
    """Share of each group's articles that address each topic, with bootstrap intervals.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles table (``topic:T`` columns, 1/0; ``share:T`` for ``measure="sentences"``).
    by : str or None, default "outlet"
        Column to group by; ``None`` pools all articles into one group, ``"all"``.
    measure : {"articles", "sentences"}, default "articles"
        ``"articles"``: share of articles with ``topic:T == 1``. ``"sentences"``: mean over
        articles of ``share:T`` (the share of an article's sentences on the topic), which weighs
        how much of the coverage a topic takes rather than whether it appears.
    n_boot : int, default 2000
        Bootstrap replicates (``0``: no intervals).
    ci : float, default 0.95
    random_state : int, default 0
        Same seed, same intervals.
    min_n : int, default 10
        Groups with fewer articles are flagged (``small_n``) and warned about.

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>, topic, measure, share, ci_low, ci_high, n_articles, small_n``; topics in
        codebook (column) order within each group, groups sorted.

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": ["A"] * 10 + ["B"] * 10,
    ...                      "topic:elections": [1] * 6 + [0] * 4 + [1] * 2 + [0] * 8})
    >>> topic_shares(arts, n_boot=200)[["outlet", "topic", "share"]]
      outlet      topic  share
    0      A  elections    0.6
    1      B  elections    0.2
    """
    check_choice("measure", measure, tuple(_KIND))
    topics = prefixed_columns(articles, _KIND[measure])
    columns = list(topics.values())
    rows = []
    for key, group in iter_groups(articles, by):
        values = _numeric(group, columns)
        mean, low, high = bootstrap_means(values, n_boot=n_boot, ci=ci, random_state=random_state, key=key)
        counts = (~np.isnan(values)).sum(axis=0)
        rows += [(key, topic, measure, mean[i], low[i], high[i], int(counts[i]))
                 for i, topic in enumerate(topics)]
    gcol = group_column(by)
    table = pd.DataFrame(rows, columns=[gcol, "topic", "measure", "share", "ci_low", "ci_high",
                                        "n_articles"])
    return flag_small(table, gcol, min_n)


def _stance_columns(articles, target):
    stances = prefixed_columns(articles, schema.STANCE)
    if target is None:
        return stances
    wanted = [target] if isinstance(target, str) else list(target)
    out = {}
    for t in wanted:
        kind, name = schema.parse_field(t)
        name = name if kind == schema.STANCE and name is not None else t
        if name not in stances:
            raise SchemaError(f"no stance column for target {name!r}",
                              key=schema.field(schema.STANCE, name),
                               fix=f"use one of {sorted(stances)}")
        out[name] = stances[name]
    return out


def stance_distribution(articles, target=None, by="outlet", *, labels=STANCE_LABELS, n_boot=2000,
                        ci=0.95, random_state=0, min_n=10, among="all"):
    """Proportion of each group's articles with each stance label, with bootstrap intervals.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles table (``stance:S`` columns).
    target : str or list of str, optional
        Stance target(s), ``"haftar"`` or ``"stance:haftar"``; default all targets.
    by : str or None, default "outlet"
    labels : sequence of str, default ("pro", "con", "neutral", "absent")
        The labels, in display order; any other value is an error (it is usually a typo).
    n_boot, ci, random_state, min_n
        As in :func:`topic_shares`. Articles with an empty stance cell are left out of that
        target's denominator.
    among : {"all", "mentioning"}, default "all"
        ``"all"``: proportions of all articles, ``absent`` being one label. ``"mentioning"``:
        proportions among the articles that mention the target (``absent`` left out of the
        labels and the denominator, so that pro and con are not squeezed next to a large
        ``absent`` share), with ``n_absent`` and ``n_all`` columns reporting silence separately.

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>, target, label, proportion, ci_low, ci_high, count, n_articles,
        small_n`` (and ``n_absent, n_all`` for ``among="mentioning"``; ``n_articles`` is then the
        number of articles mentioning the target, which is what ``small_n`` is judged on).
        Proportions of one group and target sum to 1 (0 when no article mentions the target).

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": ["A", "A", "A", "B"],
    ...                      "stance:haftar": ["pro", "pro", "con", "absent"]})
    >>> d = stance_distribution(arts, "haftar", n_boot=0, min_n=1)
    >>> d.loc[d.outlet == "A", ["label", "proportion", "count"]].round(3).to_numpy().tolist()
    [['pro', 0.667, 2], ['con', 0.333, 1], ['neutral', 0.0, 0], ['absent', 0.0, 0]]
    """
    check_choice("among", among, ("all", "mentioning"))
    targets = _stance_columns(articles, target)
    labels = tuple(labels)
    mentioning = among == "mentioning"
    shown = tuple(lab for lab in labels if lab != "absent") if mentioning else labels
    rows, silent = [], {}
    for key, group in iter_groups(articles, by):
        cols = {}
        for name, col in targets.items():
            clean = group[col].astype("string").str.strip().str.lower()
            if mentioning:
                label_matrix(clean, labels, col)  # unknown labels are still an error
                silent[key, name] = (int((clean == "absent").sum()), int(clean.notna().sum()))
                clean = clean.mask(clean == "absent")
            cols[col] = clean
        # One bootstrap over all targets at once: every target sees the same resampled articles.
        onehot = np.hstack([label_matrix(cols[col], shown, col) for col in targets.values()])
        mean, low, high = bootstrap_means(onehot, n_boot=n_boot, ci=ci, random_state=random_state, key=key)
        counts = np.nansum(onehot, axis=0)
        coded = (~np.isnan(onehot)).sum(axis=0)
        for t, name in enumerate(targets):
            for j, label in enumerate(shown):
                i = t * len(shown) + j
                rows.append((key, name, label, mean[i], low[i], high[i], int(counts[i]),
                             int(coded[i])))
    gcol = group_column(by)
    table = pd.DataFrame(rows, columns=[gcol, "target", "label", "proportion", "ci_low",
                                        "ci_high", "count", "n_articles"])
    if mentioning:
        table["proportion"] = table["proportion"].fillna(0.0)
        keys = list(zip(table[gcol], table["target"]))
        table["n_absent"] = [silent[k][0] for k in keys]
        table["n_all"] = [silent[k][1] for k in keys]
    return flag_small(table, gcol, min_n)


def mean_scores(articles, by="outlet", *, scores=None, exclude_absent=True, n_boot=2000, ci=0.95,
                random_state=0, min_n=10):
    """Mean stance and tone scores (−1…1) per group, with bootstrap intervals.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles table (``stance_score:S``, ``tone_score``).
    by : str or None, default "outlet"
    scores : list of str, optional
        Score columns; default every ``stance_score:S`` and ``tone_score`` present.
    exclude_absent : bool, default True
        Average ``stance_score:S`` only over articles that mention the target
        (``stance:S != "absent"``), so that silence does not pull the mean towards 0.
    n_boot, ci, random_state, min_n
        As in :func:`topic_shares`.

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>, score, mean, ci_low, ci_high, n_articles, small_n``.
    """
    if scores is None:
        scores = [*schema.names_of(articles.columns, schema.STANCE_SCORE).values(),
                  *[c for c in articles.columns if c == schema.TONE_SCORE]]
        if not scores:
            raise SchemaError("the articles table has no stance_score:* or tone_score column",
                               fix="pass the articles table written by `framing analyze`")
    require_columns(articles, scores)
    rows = []
    for key, group in iter_groups(articles, by):
        values = _numeric(group, scores, lo=-1.0, hi=1.0)
        if exclude_absent:
            for i, col in enumerate(scores):
                kind, name = schema.parse_field(col)
                label_col = schema.field(schema.STANCE, name)
                if kind == schema.STANCE_SCORE and label_col in group.columns:
                    absent = group[label_col].astype("string").str.strip().str.lower() == "absent"
                    values[absent.fillna(False).to_numpy(), i] = np.nan
        mean, low, high = bootstrap_means(values, n_boot=n_boot, ci=ci, random_state=random_state, key=key)
        counts = (~np.isnan(values)).sum(axis=0)
        rows += [(key, col, mean[i], low[i], high[i], int(counts[i]))
                 for i, col in enumerate(scores)]
    gcol = group_column(by)
    table = pd.DataFrame(rows, columns=[gcol, "score", "mean", "ci_low", "ci_high", "n_articles"])
    return flag_small(table, gcol, min_n)


_FREQ = {"D": "D", "W": "W-SUN", "M": "M", "Q": "Q", "Y": "Y"}


def choose_freq(dates):
    """A readable period for a date range: days up to two weeks, weeks up to 18 months, else
    months (daily points over a month of news are mostly one to three articles each)."""
    dates = pd.to_datetime(pd.Series(dates), errors="coerce", format="ISO8601").dropna()
    if dates.empty:
        return "W"
    span = (dates.max() - dates.min()).days
    return "D" if span <= 14 else "W" if span <= 548 else "M"


def tone_over_time(articles, freq="W", by="outlet", *, date="date", n_boot=1000, ci=0.95, random_state=0,
                   min_n=10):
    """Tone per group and period: mean ``tone_score`` with intervals, and tone label shares.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles table (``date`` as ISO ``YYYY-MM-DD``, ``tone_score``, optionally ``tone``).
    freq : {"D", "W", "M", "Q", "Y", "auto"}, default "W"
        Period length; weeks run Monday to Sunday. ``"auto"`` picks from the date range
        (:func:`choose_freq`).
    by : str or None, default "outlet"
    date : str, default "date"
        The date column. Articles without a (valid) date are left out, with a warning.
    n_boot, ci, random_state, min_n
        As in :func:`topic_shares` (fewer replicates by default: there are many cells).

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>, period`` (start of the period, a Timestamp), ``freq, mean_tone, ci_low,
        ci_high, n_articles, small_n`` and, when a ``tone`` column exists, ``positive, neutral,
        negative`` (share of the period's articles with each label). Only periods with articles
        appear; rows are sorted by group and period.
    """
    require_columns(articles, [date, "tone_score"])
    if freq == "auto":
        freq = choose_freq(articles[date])
    check_choice("freq", freq, (*sorted(_FREQ), "auto"))
    dates = pd.to_datetime(articles[date], errors="coerce", format="ISO8601")
    if dates.isna().all():
        raise SchemaError(f"no article has a valid date in column {date!r}", key=date,
                           fix="fill the date column (ISO YYYY-MM-DD) in metadata.csv")
    if dates.isna().any():
        warnings.warn(f"{int(dates.isna().sum())} article(s) without a valid date are left out of "
                      f"the time series", DataWarning, stacklevel=2)
    data = articles.loc[dates.notna().to_numpy()].copy()
    data["_period"] = dates[dates.notna()].dt.to_period(_FREQ[freq]).dt.start_time.to_numpy()
    has_labels = "tone" in data.columns
    rows = []
    for key, group in iter_groups(data, by):
        for period, cell in group.groupby("_period", sort=True):
            values = _numeric(cell, ["tone_score"], lo=-1.0, hi=1.0)
            mean, low, high = bootstrap_means(values, n_boot=n_boot, ci=ci, random_state=random_state,
                                              key=f"{key}|{period:%Y-%m-%d}")
            row = [key, period, freq, mean[0], low[0], high[0], int((~np.isnan(values)).sum())]
            if has_labels:
                row += list(np.nanmean(label_matrix(cell["tone"], TONE_LABELS, "tone"), axis=0))
            rows.append(row)
    gcol = group_column(by)
    columns = [gcol, "period", "freq", "mean_tone", "ci_low", "ci_high", "n_articles"]
    table = pd.DataFrame(rows, columns=columns + (list(TONE_LABELS) if has_labels else []))
    return flag_small(table, gcol, min_n)
