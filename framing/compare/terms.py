r"""Distinctive terms: log-odds ratios with an informative Dirichlet prior ("Fightin' Words").

Monroe, Colaresi & Quinn (2008), *Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict*, Political Analysis 16(4), eqs. 16-22. For a term
:math:`w` with counts :math:`y_{wi}, y_{wj}` in corpora of :math:`n_i, n_j` tokens and prior
pseudo-counts :math:`\alpha_w` summing to :math:`\alpha_0`:

.. math::

    \hat\delta_w = \log\frac{y_{wi}+\alpha_w}{n_i+\alpha_0-y_{wi}-\alpha_w}
                 - \log\frac{y_{wj}+\alpha_w}{n_j+\alpha_0-y_{wj}-\alpha_w},\qquad
    \sigma^2_w \approx \frac{1}{y_{wi}+\alpha_w} + \frac{1}{y_{wj}+\alpha_w},\qquad
    z_w = \hat\delta_w / \sigma_w.

The prior: by default :math:`\alpha_w` is the term's count in the two corpora pooled (Monroe et
al.'s informative prior from the overall frequencies, as in the common implementations), so
:math:`\alpha_0 = n_i + n_j`. That shrinks the log-odds of rare terms hard and lets frequent,
consistently different terms rank first -- what a reader of a framing comparison wants.
``a0=`` rescales the prior to another total (a smaller ``a0`` trusts the data more); ``prior=``
takes background counts or a flat pseudo-count instead.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from ..errors import ParameterError, SchemaError
from ..schema import require_columns
from ..text.stopwords import load_stopwords
from ..text.tokens import tokenize
from ._common import group_column, iter_groups

def words_and_spellings(text, stopwords=frozenset(), min_length=2):
    """``(term, word as written)`` for the words of ``text``: normalised words of at least
    ``min_length`` letters (numbers are not terms), and each one's spelling in the text."""
    return [(term, text[a:b]) for term, a, b in
            tokenize(text, normalize=True, words_only=True, numbers=False, min_length=min_length,
                     stopwords=stopwords, spans=True)]


def _as_counts(counts, name):
    series = counts if isinstance(counts, pd.Series) else pd.Series(counts)
    series = series.astype(float)
    if (series < 0).any() or series.isna().any():
        raise ParameterError(f"{name} must hold non-negative counts")
    return series.groupby(level=0).sum()


def log_odds_dirichlet(counts_a, counts_b, *, prior=None, a0=None):
    """Log-odds ratio of each term between two corpora, with an informative Dirichlet prior.

    Parameters
    ----------
    counts_a, counts_b : mapping or pandas.Series
        Term counts of corpus *i* (``a``) and corpus *j* (``b``). ``n_i`` and ``n_j`` are their
        totals, so pass every term, not only the ones you want to show.
    prior : None, float or mapping, default None
        ``None``: the pooled counts ``a + b`` (informative prior). A float: the same pseudo-count
        for every term (Monroe et al.'s uninformative prior). A mapping: background counts from
        texts outside the comparison; the pooled counts are added so that no term has a zero
        prior.
    a0 : float, optional
        Rescale the prior so that its pseudo-counts sum to ``a0``; default: keep it as built
        (for the pooled prior, ``a0 = n_i + n_j``).

    Returns
    -------
    pandas.DataFrame
        Columns ``term, count_a, count_b, prior, log_odds, variance, z``, sorted by ``z``
        (most distinctive of ``a`` first), ties by term. Positive ``log_odds`` = more typical of
        ``a``.

    Examples
    --------
    >>> r = log_odds_dirichlet({"x": 10, "y": 5}, {"x": 4, "y": 6})
    >>> r["term"].tolist(), bool(r["z"].iloc[0] > 0 > r["z"].iloc[1])
    (['x', 'y'], True)
    """
    a = _as_counts(counts_a, "counts_a")
    b = _as_counts(counts_b, "counts_b")
    vocab = a.index.union(b.index)
    a = a.reindex(vocab, fill_value=0.0)
    b = b.reindex(vocab, fill_value=0.0)
    pooled = a + b
    if prior is None:
        alpha = pooled
    elif np.isscalar(prior):
        if not prior > 0:
            raise ParameterError("a flat prior must be a positive pseudo-count")
        alpha = pd.Series(float(prior), index=vocab)
    else:
        alpha = _as_counts(prior, "prior").reindex(vocab, fill_value=0.0) + pooled
    if (alpha <= 0).any():
        raise ParameterError("every term needs a positive prior; drop terms with zero counts")
    if a0 is not None:
        if not a0 > 0:
            raise ParameterError("a0 must be positive")
        alpha = alpha * (a0 / alpha.sum())
    total = alpha.sum()
    n_a, n_b = a.sum(), b.sum()
    log_odds = (np.log((a + alpha) / (n_a + total - a - alpha))
                - np.log((b + alpha) / (n_b + total - b - alpha)))
    variance = 1.0 / (a + alpha) + 1.0 / (b + alpha)
    out = pd.DataFrame({
        "term": vocab, "count_a": a.to_numpy(), "count_b": b.to_numpy(),
        "prior": alpha.to_numpy(), "log_odds": log_odds.to_numpy(),
        "variance": variance.to_numpy(),
    })
    out["z"] = out["log_odds"] / np.sqrt(out["variance"])
    return out.sort_values(["z", "term"], ascending=[False, True], ignore_index=True)


def term_counts(docs, by="outlet", *, text="text", tokenizer=None, stopwords=None):
    """Term counts per group: a terms x groups table of integers.

    Parameters
    ----------
    docs : pandas.DataFrame
        One row per document with the ``by`` and ``text`` columns.
    by : str or None, default "outlet"
    text : str, default "text"
    tokenizer : callable, optional
        ``str -> list of str``; default: the normalised words of 2 or more letters of
        :func:`framing.text.tokenize`.
    stopwords : None, "default", path or iterable
        See :func:`framing.text.load_stopwords`; applied after the tokenizer.

    Returns
    -------
    pandas.DataFrame
        Index: term; columns: groups (sorted).
    """
    return _count(docs, by, text, tokenizer, stopwords)[0]


def _count(docs, by, text, tokenizer, stopwords):
    """Term counts per group, and each term's most frequent written form."""
    require_columns(docs, [text], table="documents")
    stop = load_stopwords(stopwords)
    counts, spellings = {}, Counter()
    for key, group in iter_groups(docs, by):
        counter = Counter()
        for doc in group[text]:
            if tokenizer is None:
                pairs = words_and_spellings(doc, stop)
                spellings.update(pairs)
                counter.update(term for term, _ in pairs)
            else:
                counter.update(w for w in tokenizer(doc if isinstance(doc, str) else "")
                               if w not in stop)
        counts[key] = counter
    table = pd.DataFrame(counts).fillna(0).astype(int).sort_index()
    examples = {}
    # most_common orders ties by first occurrence: sort first so that ties go alphabetically.
    for (term, word), _ in sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0])):
        examples.setdefault(term, word)
    return table, examples


def distinctive_terms(docs, by="outlet", *, reference="rest", text="text", tokenizer=None,
                      stopwords=None, min_count=5, prior=None, a0=None):
    """Terms that distinguish each group (outlet) from the rest or from a reference group.

    Parameters
    ----------
    docs : pandas.DataFrame
        One row per document with the ``by`` and ``text`` columns (e.g. the corpus table, or
        article texts joined to ``articles.csv`` on ``doc_id``).
    by : str, default "outlet"
    reference : None, "rest" or a group name, default "rest"
        ``"rest"`` (or ``None``): each group against all other groups pooled. A group name:
        every other group against that one (the reference gets no rows of its own).
    text : str, default "text"
    tokenizer : callable, optional
        ``str -> list of str``; default: the normalised words of 2 or more letters of
        :func:`framing.text.tokenize`.
    stopwords : None, "default", path or iterable, default None
        Words to leave out (:func:`framing.text.load_stopwords`).
    min_count : int, default 5
        Keep terms seen at least this often in the group and its reference together. Filtering
        happens after the estimates, so ``n_i``, ``n_j`` and the prior use every token.
    prior, a0
        See :func:`log_odds_dirichlet`; the default prior is the pooled counts of the group and
        its reference.

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>, reference, term, example, count_group, count_ref, log_odds, z, rank``:
        ``term`` is the normalised word, ``example`` its most frequent spelling in the texts
        (for display: normalisation writes مؤكدا as مءكدا); ``rank`` 1 is the term most typical of
        the group (highest ``z``); negative ``z`` marks terms typical of the reference. Sorted by
        group and rank.

    Examples
    --------
    >>> docs = pd.DataFrame({"outlet": ["A", "A", "B"],
    ...                      "text": ["الجيش الجيش الوطني", "الجيش الوطني", "المليشيات الوطني"]})
    >>> distinctive_terms(docs, min_count=1).query("rank == 1")[["outlet", "term"]]
      outlet       term
    0      A      الجيش
    3      B  المليشيات
    """
    counts, examples = _count(docs, by, text, tokenizer, stopwords)
    groups = list(counts.columns)
    if reference in (None, "rest"):
        if len(groups) < 2:
            raise SchemaError(f"distinctive terms need at least two groups in {by!r}, found "
                               f"{len(groups)}", key=by)
        pairs = [(g, "rest", counts.drop(columns=g).sum(axis=1)) for g in groups]
    else:
        if reference not in groups:
            raise ParameterError(f"reference group {reference!r} not found in {by!r}", key=by,
                               fix=f"use 'rest' or one of {groups}")
        pairs = [(g, reference, counts[reference]) for g in groups if g != reference]
    parts = []
    for group, ref_name, ref in pairs:
        mine = counts[group]
        keep = (mine + ref) > 0
        res = log_odds_dirichlet(mine[keep], ref[keep], prior=prior, a0=a0)
        res = res.loc[res["count_a"] + res["count_b"] >= min_count].reset_index(drop=True)
        res.insert(0, "reference", ref_name)
        res.insert(0, group_column(by), group)
        res["rank"] = np.arange(1, len(res) + 1)
        parts.append(res)
    out = pd.concat(parts, ignore_index=True)
    out["example"] = [examples.get(term, term) for term in out["term"]]
    out = out.rename(columns={"count_a": "count_group", "count_b": "count_ref"})
    out[["count_group", "count_ref"]] = out[["count_group", "count_ref"]].astype(int)
    return out[[group_column(by), "reference", "term", "example", "count_group", "count_ref",
                "log_odds", "z", "rank"]]
