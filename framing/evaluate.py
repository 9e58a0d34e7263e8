"""Agreement of predicted article labels with reference labels: accuracy, macro-F1, confusion.

A thin front for ``framing evaluate``; the scoring itself is :mod:`framing.validate.scoring`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import FramingError

LABEL_PREFIXES = ("topic:", "stance:")


def label_fields(columns):
    """The label columns (``topic:T``, ``stance:S``, ``tone``) among ``columns``."""
    return [c for c in columns if c.startswith(LABEL_PREFIXES) or c == "tone"]


def read_labels(path):
    """Read a labels table (CSV or Parquet; or an ``analyze`` output folder), as strings."""
    path = Path(path)
    if path.is_dir():
        for name in ("articles.csv", "articles.parquet"):
            if (path / name).exists():
                path = path / name
                break
        else:
            raise FramingError("no articles.csv or articles.parquet here", path=path,
                               fix="point --pred at the --out folder of `framing analyze`")
    if not path.exists():
        raise FramingError("file not found", path=path, fix="check the path")
    df = (pd.read_parquet(path) if path.suffix == ".parquet"
          else pd.read_csv(path, dtype=str, keep_default_na=False))
    if "doc_id" not in df.columns:
        raise FramingError("no doc_id column", path=path, fix="add a doc_id column")
    return df.astype(str)


def evaluate(gold, pred, fields=None):
    """Compare predicted labels with reference labels field by field.

    Parameters
    ----------
    gold, pred : pandas.DataFrame
        Wide tables with ``doc_id`` and one column per field.
    fields : list of str, optional
        Defaults to the label fields of ``gold``.

    Returns
    -------
    scores : pandas.DataFrame
        ``field, n, accuracy, macro_f1`` (macro-F1 over the labels present in gold or pred).
    per_label : pandas.DataFrame
        ``field, label, precision, recall, f1, support, predicted``.
    confusion : pandas.DataFrame
        ``field, gold, pred, n`` (tidy confusion table, non-zero cells).

    Examples
    --------
    >>> g = pd.DataFrame({"doc_id": ["a", "b"], "tone": ["positive", "negative"]})
    >>> p = pd.DataFrame({"doc_id": ["a", "b"], "tone": ["positive", "positive"]})
    >>> evaluate(g, p)[0].round(4).to_dict("records")
    [{'field': 'tone', 'n': 2, 'accuracy': 0.5, 'macro_f1': 0.3333}]
    """
    from .validate.scoring import confusion, field_scores, label_scores, paired_labels

    pairs = paired_labels(gold, pred, fields)
    table = confusion(pairs)
    return field_scores(pairs), label_scores(pairs), table[table["n"] > 0].reset_index(drop=True)
