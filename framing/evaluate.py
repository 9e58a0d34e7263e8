"""Agreement of predicted article labels with reference labels: accuracy, macro-F1, confusion."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import FramingError

LABEL_PREFIXES = ("topic:", "stance:")


def label_fields(columns):
    """The label columns (``topic:T``, ``stance:S``, ``tone``) among ``columns``."""
    return [c for c in columns if c.startswith(LABEL_PREFIXES) or c == "tone"]


def read_labels(path):
    """Read a labels table (CSV or Parquet) keyed by ``doc_id``, every field as a string."""
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
    df = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path, dtype=str,
                                                                             keep_default_na=False)
    if "doc_id" not in df.columns:
        raise FramingError("no doc_id column", path=path, fix="add a doc_id column")
    return df.astype(str).set_index("doc_id")


def _f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold, pred, fields=None):
    """Compare predicted labels with reference labels field by field.

    Parameters
    ----------
    gold, pred : pandas.DataFrame
        Indexed by ``doc_id``; one column per field, values as strings.
    fields : list of str, optional
        Defaults to the label fields the two tables share.

    Returns
    -------
    scores : pandas.DataFrame
        ``field, n, accuracy, macro_f1`` (macro-F1 over the labels present in gold or pred).
    per_label : pandas.DataFrame
        ``field, label, precision, recall, f1, support``.
    confusion : pandas.DataFrame
        ``field, gold, pred, n`` (tidy confusion table).

    Examples
    --------
    >>> g = pd.DataFrame({"tone": ["positive", "negative"]}, index=["a", "b"])
    >>> p = pd.DataFrame({"tone": ["positive", "positive"]}, index=["a", "b"])
    >>> evaluate(g, p)[0].to_dict("records")
    [{'field': 'tone', 'n': 2, 'accuracy': 0.5, 'macro_f1': 0.3333}]
    """
    common = gold.index.intersection(pred.index)
    if not len(common):
        raise FramingError("no doc_id is shared by the reference and the predicted labels",
                           fix="check that both tables come from the same corpus")
    fields = fields or [f for f in label_fields(gold.columns) if f in pred.columns]
    scores, per_label, confusion = [], [], []
    for f in fields:
        g, p = gold.loc[common, f].astype(str), pred.loc[common, f].astype(str)
        labels = sorted(set(g) | set(p))
        f1s = []
        for lab in labels:
            tp = int(((g == lab) & (p == lab)).sum())
            fp = int(((g != lab) & (p == lab)).sum())
            fn = int(((g == lab) & (p != lab)).sum())
            prec, rec, f1 = _f1(tp, fp, fn)
            f1s.append(f1)
            per_label.append({"field": f, "label": lab, "precision": round(prec, 4),
                              "recall": round(rec, 4), "f1": round(f1, 4), "support": int((g == lab).sum())})
        scores.append({"field": f, "n": int(len(common)), "accuracy": round(float((g == p).mean()), 4),
                       "macro_f1": round(sum(f1s) / len(f1s), 4)})
        ct = pd.crosstab(g, p)
        for gl in ct.index:
            for pl in ct.columns:
                if ct.loc[gl, pl]:
                    confusion.append({"field": f, "gold": gl, "pred": pl, "n": int(ct.loc[gl, pl])})
    return pd.DataFrame(scores), pd.DataFrame(per_label), pd.DataFrame(confusion)
