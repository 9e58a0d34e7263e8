"""Inter-coder agreement: Krippendorff's alpha, its bootstrap interval, and percent agreement.

Alpha depends on the data only through how many coders gave each value to each unit, so every
function here works on a *value-counts* table (units × categories), and the tidy and units × coders
forms are turned into one. The point estimate comes from the ``krippendorff`` package; the same
statistic is also computed here from the coincidence matrix (Krippendorff 2011, "Computing
Krippendorff's Alpha-Reliability"), which cross-checks the package and makes the bootstrap fast.

The bootstrap resamples units with replacement (percentile interval, seeded). Units with fewer
than two values carry no pairable information and are left out before resampling.
"""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd

from ..errors import FramingError
from .annotations import COLUMNS, value_counts

LEVELS = ("nominal", "ordinal", "interval")


def counts_from_matrix(reliability, categories=None):
    """Turn a units × coders table of labels into a units × categories count table.

    Parameters
    ----------
    reliability : pandas.DataFrame or array-like
        One row per unit, one column per coder; missing values (NaN, None, ``""``) are codes not given.
    categories : list, optional
        Column order of the result; by default the labels sorted (numerically when all are numbers).

    Returns
    -------
    pandas.DataFrame
        Integer counts, index = units, columns = categories.

    Examples
    --------
    >>> counts_from_matrix([["a", "a"], ["a", "b"]])
       a  b
    0  2  0
    1  1  1
    """
    df = pd.DataFrame(reliability)
    long = df.stack().rename("label").reset_index(level=0)
    long = long[long["label"].notna() & (long["label"].astype(str) != "")]
    counts = pd.crosstab(long.iloc[:, 0], long["label"]).reindex(df.index, fill_value=0)
    counts = counts.reindex(columns=_order(counts.columns, categories), fill_value=0)
    counts.index.name = df.index.name
    counts.columns.name = None
    return counts


def _order(labels, categories):
    if categories is not None:
        unknown = set(labels) - set(categories)
        if unknown:
            raise FramingError(f"labels {sorted(map(str, unknown))} are not among the categories")
        return list(categories)
    try:
        return sorted(labels, key=float)
    except (TypeError, ValueError):
        return sorted(labels, key=str)


def _prepare(counts, level, categories):
    """Validate a count table; return (counts array, value domain for the package)."""
    if level not in LEVELS:
        raise FramingError(f"unknown level of measurement {level!r}",
                           fix=f"use one of {', '.join(LEVELS)}")
    if isinstance(counts, pd.DataFrame):
        if categories is not None:
            counts = counts.reindex(columns=_order(counts.columns, categories), fill_value=0)
        labels = list(counts.columns)
        if level == "ordinal" and categories is None:
            # Only numbers have an order we can trust; a lexical order of words is a silent error.
            _numeric(labels, "ordinal data need categories=[...] in their order")
        array = counts.to_numpy()
    else:
        array = np.asarray(counts)
        labels = list(categories) if categories is not None else list(range(array.shape[1]))
    array = np.asarray(array, dtype=float)
    if array.ndim != 2 or len(labels) != array.shape[1]:
        raise FramingError("value counts must be a units × categories table")
    if (array < 0).any():
        raise FramingError("value counts cannot be negative")
    if level == "interval":
        domain = _numeric(labels, "interval data need numeric labels")
    else:  # nominal and ordinal distances use only the category positions
        domain = list(range(len(labels)))
    return array, np.asarray(domain, dtype=float)


def _numeric(labels, fix):
    try:
        return [float(v) for v in labels]
    except (TypeError, ValueError):
        raise FramingError(f"labels {list(map(str, labels))} are not numbers", fix=fix) from None


def alpha_from_counts(counts, level="nominal", categories=None):
    """Krippendorff's alpha from per-unit value counts (the ``krippendorff`` package).

    Parameters
    ----------
    counts : pandas.DataFrame or array-like of shape (n_units, n_categories)
        How many coders gave each category to each unit (e.g. FIGNEWS vote counts). With a
        DataFrame, the columns are the categories.
    level : {"nominal", "ordinal", "interval"}, default "nominal"
    categories : list, optional
        Category order (ordinal) or selection; interval data use the category values themselves,
        so they must be numbers.

    Returns
    -------
    float
        NaN when there is no variation at all (alpha is undefined).

    Examples
    --------
    >>> round(alpha_from_counts([[2, 0], [0, 2], [1, 1]]), 3)
    0.444
    """
    array, domain = _prepare(counts, level, categories)
    if _expected_disagreement_is_zero(array):
        return float("nan")
    return float(krippendorff.alpha(value_counts=array, value_domain=domain,
                                    level_of_measurement=level))


def _expected_disagreement_is_zero(array):
    pairable = array[array.sum(axis=1) >= 2]
    return (pairable.sum(axis=0) > 0).sum() < 2


def alpha(reliability, level="nominal", categories=None):
    """Krippendorff's alpha from a units × coders table of labels.

    Parameters
    ----------
    reliability : pandas.DataFrame or array-like of shape (n_units, n_coders)
        Missing values are codes not given (any number of coders per unit).
    level : {"nominal", "ordinal", "interval"}, default "nominal"
    categories : list, optional
        See :func:`alpha_from_counts`.

    Returns
    -------
    float

    Examples
    --------
    >>> round(alpha([["a", "a"], ["b", "b"], ["a", "b"]]), 3)
    0.444
    """
    return alpha_from_counts(counts_from_matrix(reliability, categories), level, categories)


def coincidence_matrix(counts):
    """Krippendorff's coincidence matrix from per-unit value counts.

    Each unit with ``m >= 2`` values contributes ``(n n' - diag(n)) / (m - 1)``: every ordered pair
    of values from different coders, weighted so that each unit adds ``m`` pairable values.

    Parameters
    ----------
    counts : array-like of shape (n_units, n_categories)

    Returns
    -------
    numpy.ndarray of shape (n_categories, n_categories)
    """
    return _unit_coincidences(np.asarray(counts, dtype=float)).sum(axis=0)


def _unit_coincidences(n):
    m = n.sum(axis=1)
    n = n[m >= 2]
    w = 1.0 / (n.sum(axis=1) - 1)
    outer = n[:, :, None] * n[:, None, :]
    diag = np.einsum("uc,cd->ucd", n, np.eye(n.shape[1]))
    return (outer - diag) * w[:, None, None]


def _alpha_from_coincidences(o, level, values):
    """Alpha for one or a stack of coincidence matrices (shape (..., V, V))."""
    n_c = o.sum(axis=-1)
    n = n_c.sum(axis=-1)
    delta = _distance(level, n_c, values)
    observed = (o * delta).sum(axis=(-2, -1))
    expected = (n_c[..., :, None] * n_c[..., None, :] * delta).sum(axis=(-2, -1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(expected > 0, 1.0 - (n - 1) * observed / expected, np.nan)


def _distance(level, n_c, values):
    v = len(values)
    if level == "nominal":
        return 1.0 - np.eye(v)
    if level == "interval":
        return (values[:, None] - values[None, :]) ** 2
    # ordinal: (sum of n_g for g between c and k, minus half of n_c and n_k) squared
    cum = np.concatenate([np.zeros(n_c.shape[:-1] + (1,)), np.cumsum(n_c, axis=-1)], axis=-1)
    idx = np.arange(v)
    lo, hi = np.minimum.outer(idx, idx), np.maximum.outer(idx, idx)
    between = np.take(cum, hi + 1, axis=-1) - np.take(cum, lo, axis=-1)
    return (between - (n_c[..., :, None] + n_c[..., None, :]) / 2) ** 2


def coincidence_alpha(counts, level="nominal", categories=None):
    """Krippendorff's alpha computed here from the coincidence matrix (cross-check of the package).

    Parameters
    ----------
    counts, level, categories
        As in :func:`alpha_from_counts`.

    Returns
    -------
    float

    Examples
    --------
    >>> round(coincidence_alpha([[2, 0], [0, 2], [1, 1]]), 3)
    0.444
    """
    array, domain = _prepare(counts, level, categories)
    return float(_alpha_from_coincidences(coincidence_matrix(array), level, domain))


def percent_agreement(counts):
    """Pairwise percent agreement, averaged over units.

    For each unit with at least two values: the share of coder pairs that gave the same value.
    Every unit weighs the same, however many coders it had.

    Parameters
    ----------
    counts : pandas.DataFrame or array-like of shape (n_units, n_categories)

    Returns
    -------
    float

    Examples
    --------
    >>> percent_agreement([[3, 0], [2, 1]])  # 3/3 and 1/3 agreeing pairs
    0.6666666666666666
    """
    n = np.asarray(counts, dtype=float)
    m = n.sum(axis=1)
    keep = m >= 2
    if not keep.any():
        return float("nan")
    agree = (n[keep] * (n[keep] - 1)).sum(axis=1) / (m[keep] * (m[keep] - 1))
    return float(agree.mean())


def bootstrap_alpha(counts, level="nominal", categories=None, *, n_boot=1000, ci=0.95,
                    random_state=0, batch=200):
    """Bootstrap interval for alpha by resampling units with replacement.

    Parameters
    ----------
    counts, level, categories
        As in :func:`alpha_from_counts`.
    n_boot : int, default 1000
    ci : float, default 0.95
        Coverage of the percentile interval.
    random_state : int, default 0
        Seed; the same seed gives the same interval.
    batch : int, default 200
        Replicates computed at once (memory vs speed).

    Returns
    -------
    dict
        ``ci_low``, ``ci_high``, ``n_boot`` (replicates where alpha is defined) and
        ``replicates`` (numpy array).

    Examples
    --------
    >>> out = bootstrap_alpha([[2, 0], [0, 2], [1, 1], [2, 0]], n_boot=50)
    >>> out["ci_low"] <= out["ci_high"]
    True
    """
    array, domain = _prepare(counts, level, categories)
    per_unit = _unit_coincidences(array)
    n_units, v = per_unit.shape[0], array.shape[1]
    if n_units == 0:
        return {"ci_low": np.nan, "ci_high": np.nan, "n_boot": 0, "replicates": np.array([])}
    flat = per_unit.reshape(n_units, v * v)
    rng = np.random.default_rng(random_state)
    reps = []
    for start in range(0, n_boot, batch):
        size = min(batch, n_boot - start)
        draws = rng.integers(0, n_units, size=(size, n_units))
        weights = np.zeros((size, n_units))
        np.add.at(weights, (np.repeat(np.arange(size), n_units), draws.ravel()), 1.0)
        reps.append(_alpha_from_coincidences((weights @ flat).reshape(size, v, v), level, domain))
    reps = np.concatenate(reps)
    ok = reps[~np.isnan(reps)]
    tail = (1 - ci) / 2 * 100
    low, high = np.percentile(ok, [tail, 100 - tail]) if len(ok) else (np.nan, np.nan)
    return {"ci_low": float(low), "ci_high": float(high), "n_boot": int(len(ok)), "replicates": reps}


def agreement_from_counts(counts, level="nominal", categories=None, *, n_boot=1000, ci=0.95,
                          random_state=0):
    """Alpha, its bootstrap interval and percent agreement for one count table.

    Parameters
    ----------
    counts, level, categories
        As in :func:`alpha_from_counts`.
    n_boot, ci, random_state
        As in :func:`bootstrap_alpha`; ``n_boot=0`` skips the interval.

    Returns
    -------
    dict
        ``level, n_units, n_values, alpha, ci_low, ci_high, percent_agreement`` where ``n_units``
        and ``n_values`` count the pairable units (two or more values) and their values.
    """
    array, _ = _prepare(counts, level, categories)
    m = array.sum(axis=1)
    row = {
        "level": level,
        "n_units": int((m >= 2).sum()),
        "n_values": int(m[m >= 2].sum()),
        "alpha": alpha_from_counts(counts, level, categories),
        "ci_low": np.nan,
        "ci_high": np.nan,
        "percent_agreement": percent_agreement(array),
    }
    if n_boot:
        boot = bootstrap_alpha(counts, level, categories, n_boot=n_boot, ci=ci,
                               random_state=random_state)
        row.update(ci_low=boot["ci_low"], ci_high=boot["ci_high"])
    return row


def agreement(tidy, fields=None, level="nominal", categories=None, *, n_boot=1000, ci=0.95,
              random_state=0):
    """Agreement per field of a tidy annotation table.

    Parameters
    ----------
    tidy : pandas.DataFrame
        ``unit, coder, field, label`` (see :func:`framing.validate.read_annotations`).
    fields : list of str, optional
        Default: every field in the table, in order of first appearance.
    level : {"nominal", "ordinal", "interval"} or dict, default "nominal"
        One level for all fields, or ``{field: level}`` (fields not named are nominal).
    categories : dict, optional
        ``{field: [categories in order]}`` for ordinal fields.
    n_boot, ci, random_state
        As in :func:`bootstrap_alpha`.

    Returns
    -------
    pandas.DataFrame
        One row per field: ``field, level, n_coders, n_units, n_values, alpha, ci_low, ci_high,
        percent_agreement``.

    Examples
    --------
    >>> tidy = pd.DataFrame({"unit": ["u1", "u1", "u2", "u2", "u3", "u3"],
    ...                      "coder": ["A", "B"] * 3, "field": "tone",
    ...                      "label": ["pos", "pos", "neg", "neg", "pos", "neg"]})
    >>> agreement(tidy, n_boot=0)[["field", "alpha", "percent_agreement"]].round(3)
      field  alpha  percent_agreement
    0  tone  0.444              0.667
    """
    fields = list(dict.fromkeys(tidy["field"])) if fields is None else list(fields)
    categories = categories or {}
    rows = []
    for field in fields:
        lev = level.get(field, "nominal") if isinstance(level, dict) else level
        cats = categories.get(field)
        counts = value_counts(tidy[COLUMNS], field, cats)
        n_coders = tidy.loc[tidy["field"] == field, "coder"].nunique()
        stats = agreement_from_counts(counts, lev, cats, n_boot=n_boot, ci=ci,
                                      random_state=random_state)
        rows.append({"field": field, "n_coders": n_coders, **stats})
    columns = ["field", "level", "n_coders", "n_units", "n_values", "alpha", "ci_low", "ci_high",
               "percent_agreement"]
    return pd.DataFrame(rows, columns=columns)
