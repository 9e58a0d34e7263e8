"""The toolkit against human coders: accuracy, per-label F1, confusion tables, alpha, and errors
with the evidence behind them.

Gold and predicted labels come as wide tables, one row per article (``doc_id``) and one column per
field (``topic:elections`` 1/0, ``stance:haftar`` pro/con/neutral/absent, ``tone``), as in
``../shared/gold/seeds_articles.csv`` and the toolkit's ``articles.csv``. Labels are compared as
strings, so ``1``, ``1.0`` and ``"1"`` are the same label.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import precision_recall_fscore_support

from ..errors import DataWarning, FramingError, SchemaError
from ..schema import NULL_LABELS, WEAK_LABELS, label_fields
from .agreement import agreement
from .annotations import COLUMNS, label_strings, wide_to_tidy

# The evidence columns joined to each error (all of them but the weight).
EVIDENCE_COLUMNS = ["doc_id", "field", "label", "cue", "matched", "sent_id", "start", "end", "negated"]
NO_EVIDENCE = "no evidence found"


def paired_labels(gold, pred, fields=None, id_col="doc_id"):
    """Gold and predicted label side by side, one row per article and field.

    Parameters
    ----------
    gold, pred : pandas.DataFrame
        Wide tables with ``id_col`` and the field columns.
    fields : list of str, optional
        Default: the label fields (``topic:*``, ``stance:*``, ``tone``) present in ``gold``.
    id_col : str, default "doc_id"

    Returns
    -------
    pandas.DataFrame
        ``field, doc_id, gold, pred`` (strings); cells without a gold label are left out.
    """
    for name, df in (("gold", gold), ("predicted", pred)):
        if id_col not in df.columns:
            raise SchemaError(f"the {name} table has no {id_col!r} column", key=id_col)
    fields = label_fields(gold.columns) if fields is None else list(fields)
    missing = [f for f in fields if f not in pred.columns or f not in gold.columns]
    if missing:
        raise SchemaError(f"field(s) {missing} missing from the gold or predicted table",
                           fix="pass fields= with the columns both tables share")
    g = _long(gold, fields, id_col, "gold")
    p = _long(pred, fields, id_col, "pred")
    both = g.merge(p, on=["field", "doc_id"], how="left")
    lost = both.loc[both["pred"].isna(), "doc_id"].unique()
    if len(lost) == both["doc_id"].nunique():
        raise FramingError("no gold article has a prediction", key=id_col,
                           fix="check that both tables use the same doc_id values")
    if len(lost):
        warnings.warn(f"{len(lost)} gold article(s) have no prediction and are not scored: "
                      f"{', '.join(map(str, lost[:5]))}", DataWarning, stacklevel=2)
    both = both.dropna(subset=["pred"])
    return both[["field", "doc_id", "gold", "pred"]].reset_index(drop=True)


def _long(df, fields, id_col, name):
    long = df[[id_col, *fields]].melt(id_vars=[id_col], var_name="field", value_name=name)
    long[name] = label_strings(long[name])
    long = long.rename(columns={id_col: "doc_id"}).astype({"doc_id": str})
    return long[long[name] != ""]


def label_scores(pairs):
    """Precision, recall and F1 per field and label.

    Parameters
    ----------
    pairs : pandas.DataFrame
        From :func:`paired_labels`.

    Returns
    -------
    pandas.DataFrame
        ``field, label, precision, recall, f1, support`` (gold count), ``predicted`` (predicted count).
    """
    rows = []
    for field, sub in pairs.groupby("field", sort=False):
        labels = sorted(set(sub["gold"]) | set(sub["pred"]))
        p, r, f, s = precision_recall_fscore_support(sub["gold"], sub["pred"], labels=labels,
                                                     zero_division=0)
        predicted = sub["pred"].value_counts().reindex(labels, fill_value=0)
        rows += [
            {"field": field, "label": lab, "precision": p[i], "recall": r[i], "f1": f[i],
             "support": int(s[i]), "predicted": int(predicted[lab])}
            for i, lab in enumerate(labels)
        ]
    return pd.DataFrame(rows, columns=["field", "label", "precision", "recall", "f1", "support",
                                       "predicted"])


def field_scores(pairs):
    """Accuracy and macro-F1 per field.

    Parameters
    ----------
    pairs : pandas.DataFrame
        From :func:`paired_labels`.

    Returns
    -------
    pandas.DataFrame
        ``field, n, accuracy, macro_f1`` (macro over the labels seen in gold or prediction).
    """
    per_label = label_scores(pairs)
    acc = pairs.assign(hit=pairs["gold"] == pairs["pred"]).groupby("field", sort=False)
    out = pd.DataFrame({"n": acc.size(), "accuracy": acc["hit"].mean()})
    out["macro_f1"] = per_label.groupby("field", sort=False)["f1"].mean()
    return out.rename_axis("field").reset_index()


def confusion(pairs):
    """Confusion tables, tidy: one row per field, gold label and predicted label (zeros included).

    Parameters
    ----------
    pairs : pandas.DataFrame
        From :func:`paired_labels`.

    Returns
    -------
    pandas.DataFrame
        ``field, gold, pred, n``.
    """
    tables = []
    for field, sub in pairs.groupby("field", sort=False):
        labels = sorted(set(sub["gold"]) | set(sub["pred"]))
        grid = pd.MultiIndex.from_product([labels, labels], names=["gold", "pred"])
        n = sub.groupby(["gold", "pred"]).size().reindex(grid, fill_value=0)
        tables.append(n.rename("n").reset_index().assign(field=field))
    if not tables:
        return pd.DataFrame(columns=["field", "gold", "pred", "n"])
    return pd.concat(tables, ignore_index=True)[["field", "gold", "pred", "n"]]


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
    pairs = paired_labels(gold, pred, fields)
    table = confusion(pairs)
    return field_scores(pairs), label_scores(pairs), table[table["n"] > 0].reset_index(drop=True)


def error_kind(gold, pred, null_labels=NULL_LABELS, weak_labels=WEAK_LABELS):
    """Name a disagreement: ``FP`` (the toolkit says more than the coder), ``FN`` (less), or
    ``swap`` (as much, in another direction: pro for con, positive for negative).

    Examples
    --------
    >>> [error_kind(g, p) for g, p in [("0", "1"), ("pro", "absent"), ("neutral", "con"), ("pro", "con")]]
    ['FP', 'FN', 'FP', 'swap']
    """
    def strength(label):
        return 0 if label in null_labels else 1 if label in weak_labels else 2

    diff = strength(pred) - strength(gold)
    return "FP" if diff > 0 else "FN" if diff < 0 else "swap"


def errors(pairs, evidence=None):
    """Every disagreement, with the toolkit's evidence for that article and field.

    Parameters
    ----------
    pairs : pandas.DataFrame
        From :func:`paired_labels`.
    evidence : pandas.DataFrame, optional
        The toolkit's ``evidence.csv``: ``doc_id, field, label, cue, matched, sent_id, start, end,
        negated``. All its rows for the article and field are joined: they are what the
        prediction rests on (for a false negative, typically cues that were negated or too weak).

    Returns
    -------
    pandas.DataFrame
        ``field, doc_id, gold, pred, kind`` and, with evidence, ``evidence_label, cue, matched,
        sent_id, start, end, negated`` -- one row per evidence match; an error without evidence
        has one row with ``cue = "no evidence found"``.
    """
    wrong = pairs[pairs["gold"] != pairs["pred"]].copy()
    wrong["kind"] = [error_kind(g, p) for g, p in zip(wrong["gold"], wrong["pred"])]
    wrong = wrong[["field", "doc_id", "gold", "pred", "kind"]].reset_index(drop=True)
    if evidence is None:
        return wrong
    missing = [c for c in EVIDENCE_COLUMNS if c not in evidence.columns]
    if missing:
        raise SchemaError(f"evidence table lacks column(s) {missing}",
                           fix=f"pass the toolkit's evidence.csv ({', '.join(EVIDENCE_COLUMNS)})")
    ev = evidence[EVIDENCE_COLUMNS].rename(columns={"label": "evidence_label"})
    ev = ev.astype({"doc_id": str, "field": str})
    out = wrong.merge(ev, on=["doc_id", "field"], how="left")
    out["cue"] = out["cue"].astype(object).where(out["cue"].notna(), NO_EVIDENCE)
    for col in ("sent_id", "start", "end"):
        # offsets stay integers where an error without evidence leaves a gap
        if pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].astype("Int64")
    return out


def alpha_with_toolkit(annotations, pred, fields=None, *, coder="toolkit", id_col="doc_id",
                       level="nominal", n_boot=1000, random_state=0):
    """Krippendorff's alpha among the human coders, and with the toolkit added as one more coder.

    Parameters
    ----------
    annotations : pandas.DataFrame
        Tidy human codes (``unit, coder, field, label``), or a wide gold table (one coder,
        ``gold``).
    pred : pandas.DataFrame
        The toolkit's wide article table.
    fields : list of str, optional
        Default: the label fields of the annotations.
    coder : str, default "toolkit"
        Name of the toolkit as a coder.
    id_col : str, default "doc_id"
    level, n_boot, random_state
        As in :func:`framing.validate.agreement`; the interval is for the alpha with the toolkit.

    Returns
    -------
    pandas.DataFrame
        ``field, n_coders`` (humans), ``n_units, alpha_humans`` (NaN with one coder),
        ``alpha_with_toolkit, ci_low, ci_high``.
    """
    if not set(COLUMNS) <= set(annotations.columns):
        annotations = wide_to_tidy(annotations, unit_col=id_col, coder="gold",
                                   fields=label_fields(annotations.columns))
    fields = list(dict.fromkeys(annotations["field"])) if fields is None else list(fields)
    humans = annotations[annotations["field"].isin(fields)][COLUMNS]
    if coder in set(humans["coder"]):
        raise FramingError(f"a human coder is already called {coder!r}", fix="pass coder= another name")
    machine = wide_to_tidy(pred, unit_col=id_col, coder=coder, fields=[f for f in fields if f in pred])
    machine = machine[machine["unit"].isin(set(humans["unit"]))]
    both = agreement(pd.concat([humans, machine], ignore_index=True), fields, level,
                     n_boot=n_boot, random_state=random_state)
    alone = agreement(humans, fields, level, n_boot=0)
    alone.loc[alone["n_coders"] < 2, "alpha"] = np.nan
    return pd.DataFrame({
        "field": both["field"],
        "n_coders": alone["n_coders"],
        "n_units": both["n_units"],
        "alpha_humans": alone["alpha"],
        "alpha_with_toolkit": both["alpha"],
        "ci_low": both["ci_low"],
        "ci_high": both["ci_high"],
    })


@dataclass
class ValidationReport:
    """The tables of :func:`compare_to_gold` (each a tidy DataFrame)."""

    fields: pd.DataFrame
    labels: pd.DataFrame
    confusion: pd.DataFrame
    errors: pd.DataFrame
    alpha: pd.DataFrame


def compare_to_gold(gold, pred, evidence=None, *, fields=None, id_col="doc_id", annotations=None,
                    n_boot=1000, random_state=0):
    """Score the toolkit's article labels against human gold labels.

    Parameters
    ----------
    gold : pandas.DataFrame
        Wide gold table, e.g. ``../shared/gold/seeds_articles.csv``.
    pred : pandas.DataFrame
        The toolkit's ``articles.csv`` (or the ``articles`` table of the Python API).
    evidence : pandas.DataFrame, optional
        The toolkit's ``evidence.csv``, joined to the error list.
    fields : list of str, optional
        Default: the label fields in ``gold``.
    id_col : str, default "doc_id"
    annotations : pandas.DataFrame, optional
        Tidy codes of several human coders for the alpha table; by default ``gold`` as one coder.
    n_boot, random_state
        Bootstrap of the alpha interval.

    Returns
    -------
    ValidationReport
        ``fields`` (accuracy, macro-F1 per field), ``labels`` (precision/recall/F1/support),
        ``confusion`` (field, gold, pred, n), ``errors`` (with evidence) and ``alpha``.

    Examples
    --------
    >>> gold = pd.read_csv("../shared/gold/seeds_articles.csv")             # doctest: +SKIP
    >>> report = compare_to_gold(gold, articles, evidence)                    # doctest: +SKIP
    >>> report.fields.sort_values("accuracy")                                 # doctest: +SKIP
    """
    pairs = paired_labels(gold, pred, fields, id_col)
    fields = list(dict.fromkeys(pairs["field"]))
    return ValidationReport(
        fields=field_scores(pairs),
        labels=label_scores(pairs),
        confusion=confusion(pairs),
        errors=errors(pairs, evidence),
        alpha=alpha_with_toolkit(gold if annotations is None else annotations, pred, fields,
                                 id_col=id_col, n_boot=n_boot, random_state=random_state),
    )
