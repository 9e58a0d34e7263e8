"""Training data from a table of records: texts, targets, label names and CV groups."""

from __future__ import annotations

import warnings

import numpy as np

from ..errors import DataWarning, FramingError, SchemaError


def text_column(df, wanted=None, path=None):
    """The text column: ``wanted``, else ``paragraph`` or ``text``."""
    if wanted:
        if wanted not in df.columns:
            raise SchemaError(f"no column {wanted!r}", path=path, key=wanted,
                              fix=f"use one of {', '.join(map(str, df.columns))}")
        return wanted
    for col in ("paragraph", "text"):
        if col in df.columns:
            return col
    raise SchemaError("no text column", path=path, fix="pass --text-col")


def group_ids(df, column=None, path=None):
    """Cross-validation groups: the values of ``column``, or one group per row."""
    if column is None:
        return np.arange(len(df))
    if column not in df.columns:
        raise SchemaError(f"no group column {column!r}", path=path, key=column)
    return df[column].astype(str).to_numpy()


def text_training_data(df, *, label_col, text_col=None, label_sep=None, min_support=None,
                       group_col=None, path=None):
    """Texts and targets of a labelled table, for :func:`framing.models.make_text_classifier`.

    Parameters
    ----------
    df : pandas.DataFrame
    label_col : str
        One label per row, or several: a list per row, or a string split on ``label_sep``
        (multi-label data).
    text_col : str, optional
        Default ``paragraph`` or ``text``.
    label_sep : str, optional
    min_support : int, optional
        Multi-label: keep labels with at least this many positive examples (default 1).
    group_col : str, optional
        Rows sharing a value stay in one fold.
    path : str, optional
        The file, named in errors.

    Returns
    -------
    texts : list of str
    y : numpy.ndarray
        Labels (single-label) or a 0/1 indicator matrix (multi-label).
    labels : list of str
    groups : numpy.ndarray
    text_col : str
    """
    text_col = text_column(df, text_col, path)
    if not label_col or label_col not in df.columns:
        raise SchemaError(f"no label column {label_col!r}", path=path,
                          fix="pass --label-col with one of " + ", ".join(map(str, df.columns)))
    values = df[label_col]
    multilabel = label_sep is not None or values.map(lambda v: isinstance(v, list)).any()
    if multilabel:
        from .persuasion import label_matrix

        sep = label_sep or "\n"
        lists = [v if isinstance(v, list) else [s.strip() for s in str(v).split(sep) if s.strip()]
                 for v in values]
        y, labels = label_matrix(lists, min_support or 1)
    else:
        keep = values.astype(str).str.strip().ne("") & values.notna()
        if not keep.all():
            warnings.warn(f"{(~keep).sum()} rows without a label are left out", DataWarning,
                          stacklevel=2)
        df, values = df[keep], values[keep].astype(str).str.strip()
        y, labels = values.to_numpy(), sorted(values.unique())
        if len(labels) < 2:
            raise FramingError("the label column has fewer than two labels", path=path,
                               key=label_col)
    return (df[text_col].fillna("").astype(str).tolist(), y, labels,
            group_ids(df, group_col, path), text_col)
