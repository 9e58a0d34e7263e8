"""Pairwise similarity of articles for event grouping: lead text, shared places and actors, dates.

The score of two articles ``i, j`` is

    score = (1 - w) * text + w * entities      when both leads name an informative entity,
    score = text                               otherwise,

where

``text``
    cosine similarity of TF-IDF vectors of character n-grams (``char_wb``, 3-5) of the
    normalised title + lead, fitted on the corpus being grouped (sublinear term frequency).
    Character n-grams within words match inflected and cliticised forms (الليبي / لليبيين),
    which word unigrams of Arabic miss.
``entities``
    weighted Jaccard overlap of the places (gazetteer) and actors (codebook actors found by
    ``framing analyze``) named in the title + lead. An entity's weight is its probabilistic
    inverse document frequency ``max(0, log((N - df + 0.5) / (df + 0.5)))``: an entity named in
    half the articles or more (ليبيا in a corpus about Libya) weighs nothing, a rare place or
    person weighs most.
``w``
    ``entity_weight`` (default 0.1). Kept small because on the SaudiNewsNet evaluation larger
    weights merged different events at the same place (two Doha meetings on one day); see
    docs/events.md.

Dates do not enter the score; they gate it (:func:`adjust_for_dates`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

# Rows per block when scoring all pairs: bounds memory to block x n_articles at a time.
_BLOCK = 512


def entity_matrix(entity_sets):
    """Incidence matrices of entity sets: weighted (probabilistic IDF) and binary, float32 CSR."""
    vocab = sorted(set().union(*entity_sets)) if len(entity_sets) else []
    index = {e: k for k, e in enumerate(vocab)}
    rows, cols = [], []
    for i, ents in enumerate(entity_sets):
        for e in ents:
            rows.append(i)
            cols.append(index[e])
    n = len(entity_sets)
    inc = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                            shape=(n, len(vocab)))
    df = np.asarray(inc.sum(axis=0)).ravel()
    weight = np.maximum(0.0, np.log((n - df + 0.5) / (df + 0.5))).astype(np.float32)
    return inc.multiply(weight[None, :]).tocsr(), inc


class PairScorer:
    """Scores of article pairs from leads and entity sets (see the module docstring).

    Parameters
    ----------
    leads : sequence of str
        Normalised title + lead of each article.
    entity_sets : sequence of set
        Places and actors named in each lead.
    entity_weight : float, default 0.1
    """

    def __init__(self, leads, entity_sets, entity_weight=0.1):
        self.n = len(leads)
        self.entity_weight = float(entity_weight)
        if any(lead.strip() for lead in leads):
            vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                  dtype=np.float32)
            self.X = vec.fit_transform(leads).tocsr()
        else:  # nothing to compare: every text similarity is 0
            self.X = sparse.csr_matrix((self.n, 1), dtype=np.float32)
        self.W, inc = entity_matrix(list(entity_sets))
        self.mass = np.asarray(self.W.sum(axis=1)).ravel()
        self.has = self.mass > 0
        self.inc_T = inc.T.tocsr()

    def block(self, rows, cols=None):
        """Dense scores of ``rows`` x ``cols`` (all articles when ``cols`` is None)."""
        rows = np.asarray(rows)
        cols = np.arange(self.n) if cols is None else np.asarray(cols)
        text = (self.X[rows] @ self.X[cols].T).toarray()
        if self.entity_weight == 0 or not self.has.any():
            return text
        # Weighted Jaccard of binary sets: shared weight / (weight of i + weight of j - shared).
        shared = (self.W[rows] @ self.inc_T[:, cols]).toarray()
        union = self.mass[rows][:, None] + self.mass[cols][None, :] - shared
        ent = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
        both = self.has[rows][:, None] & self.has[cols][None, :]
        w = self.entity_weight
        return np.where(both, (1 - w) * text + w * ent, text)

    def pairs_above(self, floor):
        """All pairs ``i < j`` whose score is at least ``floor``: arrays ``i, j, score``."""
        out_i, out_j, out_s = [], [], []
        for start in range(0, self.n, _BLOCK):
            rows = np.arange(start, min(start + _BLOCK, self.n))
            scores = self.block(rows)
            r, c = np.nonzero(scores >= floor)
            keep = c > rows[r]
            out_i.append(rows[r[keep]])
            out_j.append(c[keep])
            out_s.append(scores[r[keep], c[keep]])
        if not out_i:
            return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
        return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_s)


def day_numbers(dates):
    """Days since the epoch as floats, NaN where the date is missing or unreadable."""
    parsed = pd.to_datetime(pd.Series(list(dates), dtype="object"), errors="coerce",
                            format="%Y-%m-%d")
    days = (parsed - pd.Timestamp("1970-01-01")).dt.days
    return days.to_numpy(dtype=float, na_value=np.nan)


def adjust_for_dates(scores, days_i, days_j, window_days, undated_margin):
    """Apply the date gate to scores of pairs.

    * both dated, at most ``window_days`` apart: the score as it is;
    * both dated, further apart: 0 (never the same event or story);
    * at least one undated: the score minus ``undated_margin``, so an undated pair must be
      that much more similar to pass the same threshold.

    ``window_days=None`` means no window: every pair keeps its score, undated ones included.
    """
    scores = np.asarray(scores, dtype=float)
    if window_days is None:
        return scores
    undated = np.isnan(days_i) | np.isnan(days_j)
    with np.errstate(invalid="ignore"):
        far = ~undated & (np.abs(days_i - days_j) > window_days)
    out = np.where(undated, scores - undated_margin, scores)
    return np.where(far, 0.0, out)
