"""Shared checks and grouping for the comparison functions."""

from __future__ import annotations

import warnings

import numpy as np

from ..errors import DataWarning, SchemaError, SmallSampleWarning
from ..schema import require_columns


def group_column(by):
    """Name of the group column in an output table."""
    return by if by is not None else "group"


def iter_groups(df, by):
    """Yield ``(group, rows)``, sorted by group; rows without a group value are left out (warned).

    ``by=None`` treats the whole table as one group called ``"all"``.
    """
    if by is None:
        yield "all", df
        return
    require_columns(df, [by])
    values = df[by]
    missing = values.isna() | (values.astype("string").str.strip() == "")
    if len(df) and missing.all():
        raise SchemaError(f"no article has a value in {by!r}",
                          fix=f"fill the {by} column (metadata.csv or the corpus table), or group "
                              "by another column")
    if missing.any():
        warnings.warn(
            f"{int(missing.sum())} article(s) without a value in {by!r} are left out of the "
            f"comparison",
            DataWarning,
            stacklevel=3,
        )
    for key, rows in df[~missing.to_numpy()].groupby(by, sort=True):
        yield key, rows


def flag_small(table, group_col, min_n, what="articles"):
    """Add the ``small_n`` column (``n_articles < min_n``) and warn once, naming the groups."""
    table["small_n"] = table["n_articles"] < min_n
    small = table.loc[table["small_n"]]
    if len(small):
        sizes = small.groupby(group_col, sort=True)["n_articles"].min()
        listed = ", ".join(f"{g} (n={n})" for g, n in sizes.items())
        warnings.warn(
            f"fewer than {min_n} {what} behind some estimates: {listed}; their intervals are wide "
            f"and they are flagged in the small_n column",
            SmallSampleWarning,
            stacklevel=3,
        )
    return table


def label_matrix(values, labels, column):
    """One-hot matrix (n, len(labels)) of label values; NaN rows where the value is missing.

    Raises a :class:`SchemaError` naming unexpected labels (typos such as ``Pro`` are caught
    because values are compared after stripping and lower-casing).
    """
    clean = values.astype("string").str.strip().str.lower()
    missing = clean.isna() | (clean == "")
    unknown = sorted(set(clean[~missing]) - set(labels))
    if unknown:
        raise SchemaError(
            f"unexpected value(s) {unknown} in column {column!r}",
            key=column,
            fix=f"use one of {list(labels)}, or pass labels= with the labels your codebook uses",
        )
    out = np.stack([(clean == lab).fillna(False).to_numpy(float) for lab in labels], axis=1)
    out[missing.to_numpy()] = np.nan
    return out


def holm(p_values):
    """Holm-Bonferroni adjusted p-values (NaN stays NaN), controlling the family-wise error rate."""
    p = np.asarray(p_values, dtype=float)
    out = np.full_like(p, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    if not len(ok):
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    m = len(order)
    adjusted = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    out[order] = adjusted
    return out


