"""Scores of a grouping against hand labels: B-cubed and pairwise precision and recall.

B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009) scores every item: its *precision* is the
share of the items in its predicted group that share its gold label, its *recall* the share of
the items with its gold label that are in its predicted group. Averaged over items, precision is
a purity measure that does not reward splitting into singletons for free (recall drops), and
recall does not reward one big group (precision drops). Pairwise scores count pairs of items put
together: precision = correct pairs / predicted pairs, recall = correct pairs / gold pairs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import FramingError


def _labels(pred, gold):
    pred = pd.Series(pred).reset_index(drop=True)
    gold = pd.Series(gold).reset_index(drop=True)
    if len(pred) != len(gold):
        raise FramingError(f"{len(pred)} predicted labels but {len(gold)} gold labels",
                           fix="give one predicted and one gold label per item, in the same order")
    if pred.isna().any() or gold.isna().any():
        raise FramingError("a label is missing", fix="label every item (or drop unlabelled items)")
    return pred.astype(str).to_numpy(), gold.astype(str).to_numpy()


def bcubed(pred, gold):
    """B-cubed precision and recall of every item.

    Parameters
    ----------
    pred, gold : sequence
        Predicted group and gold label of each item, in the same order.

    Returns
    -------
    pandas.DataFrame
        ``pred, gold, precision, recall`` per item; ``.mean(numeric_only=True)`` gives the
        overall scores, ``.groupby("gold").mean(numeric_only=True)`` the scores per gold group.

    Examples
    --------
    >>> s = bcubed(["a", "a", "b"], ["x", "x", "x"])
    >>> s[["precision", "recall"]].mean().round(3).tolist()
    [1.0, 0.556]
    """
    p, g = _labels(pred, gold)
    same_pred = p[:, None] == p[None, :]
    same_gold = g[:, None] == g[None, :]
    both = (same_pred & same_gold).sum(axis=1)
    return pd.DataFrame({"pred": p, "gold": g,
                         "precision": both / same_pred.sum(axis=1),
                         "recall": both / same_gold.sum(axis=1)})


def pairwise_scores(pred, gold):
    """Pairwise precision, recall and F1 of a grouping.

    Returns
    -------
    dict
        ``precision, recall, f1`` (NaN when there are no predicted or gold pairs) and the pair
        counts ``n_pred_pairs, n_gold_pairs, n_correct_pairs``.

    Examples
    --------
    >>> pairwise_scores(["a", "a", "b"], ["x", "x", "x"])["recall"]
    0.3333333333333333
    """
    p, g = _labels(pred, gold)
    iu = np.triu_indices(len(p), k=1)
    same_pred = (p[:, None] == p[None, :])[iu]
    same_gold = (g[:, None] == g[None, :])[iu]
    n_pred, n_gold = int(same_pred.sum()), int(same_gold.sum())
    correct = int((same_pred & same_gold).sum())
    precision = correct / n_pred if n_pred else float("nan")
    recall = correct / n_gold if n_gold else float("nan")
    f1 = (2 * precision * recall / (precision + recall)
          if n_pred and n_gold and precision + recall else float("nan"))
    return {"precision": precision, "recall": recall, "f1": f1, "n_pred_pairs": n_pred,
            "n_gold_pairs": n_gold, "n_correct_pairs": correct}
