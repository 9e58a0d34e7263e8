"""A coded sample: gold labels, the texts they were coded from and the codebook's analysis of
them, aligned on ``doc_id`` -- the common input of :mod:`.diagnose`, :mod:`.suggest` and
:mod:`.calibrate`.

Examples
--------
>>> gold = read_labels("../shared/gold/seeds_articles.csv")           # doctest: +SKIP
>>> s = coded_sample(gold, load_corpus("seeds"))                       # doctest: +SKIP
>>> s.fields[:2], len(s.gold)                                          # doctest: +SKIP
(['topic:military_cooperation', 'topic:border_security'], 5)
"""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass

import pandas as pd

from .. import schema
from ..errors import DataWarning, FramingError, ParameterError, SchemaError
from ..features import CompiledCodebook
from .annotations import label_strings


@dataclass
class CodedSample:
    """Gold labels with their texts and analysis (see :func:`coded_sample`).

    Attributes
    ----------
    gold : pandas.DataFrame
        ``doc_id`` and the label fields (strings; ``""`` = not coded), sorted by ``doc_id``,
        plus any ``note*`` columns.
    fields : list of str
        The label fields both the gold table and the codebook have, in codebook order.
    corpus : pandas.DataFrame
        ``doc_id, text`` (and ``title``) of the coded articles.
    analysis : Analysis or None
        The codebook's analysis of those articles (None if not asked for).
    compiled : CompiledCodebook
    """

    gold: pd.DataFrame
    fields: list
    corpus: pd.DataFrame
    analysis: object
    compiled: CompiledCodebook

    @property
    def codebook(self):
        return self.compiled.codebook

    def labels(self, field):
        """The coded labels of ``field`` as a Series indexed by ``doc_id`` (uncoded left out)."""
        g = self.gold.set_index("doc_id")[field]
        return g[g != ""]


def note_columns(gold):
    """The coders' note columns of a gold table (``note``, ``note_coder_a`` ...)."""
    return [c for c in gold.columns if str(c).lower().startswith("note")]


def check_codebook(analysis, codebook):
    """Raise FramingError when ``analysis`` records another codebook than ``codebook``."""
    made_with = ((analysis.run or {}).get("codebook") or {}).get("sha256")
    if made_with and made_with != codebook.sha256:
        raise FramingError(
            f"the analysis was made with another codebook ({analysis.run['codebook'].get('name')}"
            f", sha256 {made_with[:12]}) than --codebook {codebook.name} ({codebook.sha256[:12]})",
            fix="pass the codebook the analysis was made with, or the corpus itself")


def coded_sample(gold, corpus=None, codebook="libya-egypt", *, analysis=None, fields=None,
                 analyse=True):
    """Align a gold table with the coded articles' texts and the codebook's analysis.

    Parameters
    ----------
    gold : pandas.DataFrame
        Wide gold table: ``doc_id`` and one column per field (as
        :func:`framing.validate.read_labels` reads it).
    corpus : pandas.DataFrame, optional
        The texts (``doc_id``, ``text``); only the coded articles are analysed. Default: rebuilt
        from ``analysis`` (:func:`framing.pipeline.corpus_from_analysis`).
    codebook : str, path, Codebook or CompiledCodebook, default "libya-egypt"
    analysis : Analysis, optional
        An analysis made with ``codebook`` that holds the coded articles (not analysed again).
    fields : list of str, optional
        Default: every label field of ``gold`` that the codebook has.
    analyse : bool, default True
        Analyse the coded articles (when no ``analysis`` is given); ``False`` leaves
        ``analysis`` None, for callers that only read the texts.

    Returns
    -------
    CodedSample
        Coded articles missing from the corpus are left out with a :class:`DataWarning`.
    """
    from ..analysis import analyze
    from ..pipeline import corpus_from_analysis, subset

    if "doc_id" not in gold.columns:
        raise SchemaError("the gold table has no 'doc_id' column", key="doc_id")
    if corpus is None and analysis is None:
        raise ParameterError("coded_sample needs the corpus or its analysis",
                             fix="pass corpus= (the texts) or analysis=")
    compiled = codebook if isinstance(codebook, CompiledCodebook) else CompiledCodebook(codebook)
    cb = compiled.codebook
    known = [f for f in cb.fields if f in gold.columns]
    fields = known if fields is None else list(fields)
    bad = [f for f in fields if f not in known]
    if bad or not fields:
        raise SchemaError(f"field {bad[0]!r} is not both in the gold table and the codebook" if bad
                          else "the gold table has no field of the codebook",
                          fix=f"use fields of both: {', '.join(known) or 'none in common'}")
    g = gold.copy()
    g["doc_id"] = g["doc_id"].astype(str)
    for f in fields:
        g[f] = label_strings(g[f]).to_numpy()
    if analysis is not None:
        check_codebook(analysis, cb)
        if corpus is None:
            corpus = corpus_from_analysis(analysis)
    schema.check_corpus(corpus)
    have = set(corpus["doc_id"].astype(str))
    lost = [d for d in g["doc_id"] if d not in have]
    if len(lost) == len(g):
        raise FramingError("no coded article is in the corpus", key="doc_id",
                           fix="check that the gold table and the corpus use the same doc_id "
                               "values")
    if lost:
        warnings.warn(f"{len(lost)} coded article(s) are not in the corpus and are left out: "
                      f"{', '.join(lost[:5])}", DataWarning, stacklevel=2)
    g = g[g["doc_id"].isin(have)].sort_values("doc_id", kind="stable").reset_index(drop=True)
    ids = set(g["doc_id"])
    texts = corpus[corpus["doc_id"].astype(str).isin(ids)].assign(
        doc_id=lambda d: d["doc_id"].astype(str)).sort_values("doc_id").reset_index(drop=True)
    if analysis is None:
        analysis = analyze(texts, compiled) if analyse else None
    else:
        analysis = subset(analysis, ids)
    keep = ["doc_id", *fields, *note_columns(g)]
    return CodedSample(g[keep], fields, texts, analysis, compiled)


def sample_hash(gold, fields):
    """SHA-256 of the gold rows used: ``doc_id`` and ``fields`` as CSV, sorted by ``doc_id``.

    Examples
    --------
    >>> g = pd.DataFrame({"doc_id": ["b", "a"], "tone": ["neutral", "positive"]})
    >>> sample_hash(g, ["tone"]) == sample_hash(g.iloc[::-1], ["tone"])
    True
    """
    rows = gold[["doc_id", *fields]].astype(str).sort_values("doc_id", kind="stable")
    text = rows.to_csv(index=False, lineterminator="\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


__all__ = ["CodedSample", "check_codebook", "coded_sample", "note_columns", "sample_hash"]
