"""Persuasion techniques in a corpus: per paragraph, per article, and by outlet with intervals.

:func:`persuasion_table` splits each article into paragraphs (blank lines or line breaks), labels
every paragraph with a trained technique model and returns

- ``paragraphs``: one row per predicted technique of a paragraph -- ``doc_id, paragraph, start,
  end`` (offsets into the article text), ``technique, probability, threshold``;
- ``articles``: one row per article -- ``doc_id`` (and ``outlet`` where known), ``n_paragraphs``,
  ``persuasion:any`` and per technique ``persuasion:T``, the share of the article's paragraphs
  with the technique predicted; and per learnt technique ``expected:T``, the mean calibrated
  probability over its paragraphs. The thresholds are tuned for micro-F1, which favours recall
  of the frequent techniques, so ``persuasion:T`` overstates how common a frequent technique is;
  ``expected:T`` estimates the share itself and is what outlets are compared on by default.

:func:`techniques_by_outlet` averages the article shares per outlet with percentile bootstrap
intervals over articles (:func:`framing.compare.bootstrap.bootstrap_means`), which is what
:func:`framing.plots.persuasion.techniques_by_outlet_plot` draws.
"""

from __future__ import annotations

import re
from collections import namedtuple

import numpy as np
import pandas as pd

from ..compare.bootstrap import bootstrap_means
from ..errors import FramingError
from .evidence import label_names

PersuasionTables = namedtuple("PersuasionTables", ["paragraphs", "articles"])
PARAGRAPH_COLUMNS = ["doc_id", "paragraph", "start", "end", "technique", "probability", "threshold"]
ANY = "any"
_BREAK = re.compile(r"\n+")


def split_paragraphs(text, min_chars=20):
    """Paragraphs of an article: ``(start, end)`` of each stretch between line breaks.

    Leading and trailing spaces are left out of a span; stretches shorter than ``min_chars``
    characters (datelines, stray captions) are skipped.
    """
    spans, pos = [], 0
    text = "" if text is None else str(text)
    for m in [*_BREAK.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        s, e = pos + lead, pos + len(chunk.rstrip())
        if e - s >= min_chars:
            spans.append((s, e))
        pos = m.end() if m is not None else len(text)
    return spans


def _units(data):
    """``doc_id, outlet, paragraph, start, end, text`` of every paragraph of ``data``."""
    if hasattr(data, "sentences") and hasattr(data, "articles"):  # an Analysis: no line breaks
        s = data.sentences
        units = pd.DataFrame({"doc_id": s["doc_id"].astype(str), "start": s["start"],
                              "end": s["end"], "text": s["text"].astype(str)})
        units["paragraph"] = units.groupby("doc_id", sort=False).cumcount()
        arts = data.articles
        outlets = dict(zip(arts["doc_id"].astype(str), arts["outlet"])) if "outlet" in arts else {}
        doc_ids = arts["doc_id"].astype(str).tolist()
    else:
        if not hasattr(data, "columns"):
            data = pd.DataFrame({"doc_id": [f"p{i}" for i in range(len(data))], "text": list(data)})
        if "text" not in data.columns:
            raise FramingError("the corpus needs a 'text' column")
        ids = data["doc_id"].astype(str) if "doc_id" in data.columns else \
            pd.Series([f"p{i}" for i in range(len(data))])
        rows = []
        for doc_id, text in zip(ids, data["text"]):
            text = "" if not isinstance(text, str) else text
            for k, (s, e) in enumerate(split_paragraphs(text)):
                rows.append((doc_id, k, s, e, text[s:e]))
        units = pd.DataFrame(rows, columns=["doc_id", "paragraph", "start", "end", "text"])
        outlets = dict(zip(ids, data["outlet"])) if "outlet" in data.columns else {}
        doc_ids = ids.tolist()
    return units, outlets, doc_ids


def persuasion_table(data, model, labels=None):
    """Label the paragraphs of a corpus with persuasion techniques.

    Parameters
    ----------
    data : pandas.DataFrame, sequence of str or Analysis
        A corpus (``doc_id``, ``text``, optionally ``outlet``), plain paragraph texts (each one
        article ``p0, p1, ...``), or an :class:`~framing.analysis.Analysis`, whose sentences are
        then the units (an analysis keeps no line breaks).
    model : TechniqueClassifier or str or os.PathLike
        A fitted model, or a file saved by :func:`framing.models.save_model`.
    labels : list of str, optional
        Label names (default the model's, or its sidecar's for a file).

    Returns
    -------
    PersuasionTables
        ``paragraphs`` and ``articles`` (see the module docstring).

    Examples
    --------
    >>> tables = persuasion_table(corpus, "persuasion.skops")           # doctest: +SKIP
    >>> tables.articles[["doc_id", "persuasion:any"]].head()            # doctest: +SKIP
    """
    if not hasattr(model, "predict_proba"):
        from .persist import load_model

        model, info = load_model(model)
        labels = labels if labels is not None else info.get("labels")
    names = label_names(model, labels)
    units, outlets, doc_ids = _units(data)
    if len(units):
        proba = model.predict_proba(units["text"].tolist())
        hits = proba >= model.thresholds_
    else:
        proba = hits = np.zeros((0, len(names)))
    r, c = np.nonzero(hits)
    paragraphs = pd.DataFrame({
        "doc_id": units["doc_id"].to_numpy()[r], "paragraph": units["paragraph"].to_numpy()[r],
        "start": units["start"].to_numpy()[r], "end": units["end"].to_numpy()[r],
        "technique": np.asarray(names, dtype=object)[c],
        "probability": proba[r, c].round(6), "threshold": model.thresholds_[c].round(6)},
        columns=PARAGRAPH_COLUMNS)
    flags = pd.DataFrame(hits.astype(float), columns=names)
    flags.insert(0, ANY, hits.any(axis=1).astype(float))
    learnt = [n for n, ok in zip(names, model.learnable_) if ok]
    for name in learnt:
        flags[f"p:{name}"] = proba[:, names.index(name)]
    flags["doc_id"] = units["doc_id"].to_numpy()
    shares = flags.groupby("doc_id", sort=False).mean()
    counts = units.groupby("doc_id", sort=False).size()
    articles = pd.DataFrame({"doc_id": doc_ids})
    if outlets:
        articles["outlet"] = [outlets.get(d) for d in doc_ids]
    articles["n_paragraphs"] = [int(counts.get(d, 0)) for d in doc_ids]
    columns = {f"persuasion:{n}": n for n in [ANY, *names]}
    columns.update({f"expected:{n}": f"p:{n}" for n in learnt})
    for col, src in columns.items():
        articles[col] = shares[src].reindex(doc_ids).to_numpy(dtype=float)
    return PersuasionTables(paragraphs, articles)


def techniques_by_outlet(articles, techniques=None, *, by="outlet", measure="expected", min_n=10,
                         n_boot=2000, ci=0.95, random_state=0):
    """Mean share of paragraphs with each technique per outlet, with bootstrap intervals.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``PersuasionTables.articles`` (with an ``outlet`` column, or ``by``).
    techniques : list of str, optional
        Default every technique of the table (and ``any`` for ``measure="predicted"``).
    by : str, default "outlet"
    measure : {"expected", "predicted"}, default "expected"
        Mean calibrated probability (``expected:T``) or share of paragraphs predicted
        (``persuasion:T``).
    min_n : int, default 10
        Groups with fewer articles are flagged ``small_n``.
    n_boot, ci, random_state
        See :func:`framing.compare.bootstrap.bootstrap_means` (articles are resampled).

    Returns
    -------
    pandas.DataFrame
        ``<by>, technique, measure, share, ci_low, ci_high, n_articles, small_n``; articles
        without a paragraph are left out.
    """
    if by not in articles.columns:
        raise FramingError(f"the article table has no {by!r} column",
                           fix="pass a corpus with outlets to persuasion_table")
    prefix = {"expected": "expected:", "predicted": "persuasion:"}.get(measure)
    if prefix is None:
        raise FramingError(f"unknown measure {measure!r}", fix="use expected or predicted")
    cols = [c for c in articles.columns if c.startswith(prefix)]
    names = [c.split(":", 1)[1] for c in cols] if techniques is None else list(techniques)
    missing = [n for n in names if prefix + n not in articles.columns]
    if missing:
        raise FramingError(f"no {measure} share column for {missing}")
    table = articles[articles["n_paragraphs"] > 0]
    rows = []
    for group, sub in table.groupby(by, sort=True):
        values = sub[[prefix + n for n in names]].to_numpy(dtype=float)
        mean, low, high = bootstrap_means(values, n_boot=n_boot, ci=ci, random_state=random_state,
                                          key=str(group))
        for k, name in enumerate(names):
            rows.append({by: group, "technique": name, "measure": measure,
                         "share": float(mean[k]), "ci_low": float(low[k]),
                         "ci_high": float(high[k]), "n_articles": len(sub),
                         "small_n": len(sub) < min_n})
    return pd.DataFrame(rows, columns=[by, "technique", "measure", "share", "ci_low", "ci_high",
                                       "n_articles", "small_n"])


def article_evidence(text, model, labels=None, *, top=5):
    """The evidence of the techniques predicted in one article, at offsets into its text.

    Parameters
    ----------
    text : str
        The article (paragraphs split as in :func:`persuasion_table`).
    model : TechniqueClassifier or path
    labels : list of str, optional
    top : int, default 5

    Returns
    -------
    pandas.DataFrame
        :func:`framing.models.evidence.technique_evidence` rows, with ``paragraph`` the
        paragraph's number, ``par_start, par_end`` its span and ``start, end`` shifted so that
        ``text[start:end] == matched``.
    """
    from .evidence import COLUMNS, technique_evidence

    if not hasattr(model, "predict_proba"):
        from .persist import load_model

        model, info = load_model(model)
        labels = labels if labels is not None else info.get("labels")
    spans = split_paragraphs(text)
    if not spans:
        return pd.DataFrame(columns=[*COLUMNS, "par_start", "par_end"])
    ev = technique_evidence(model, [text[s:e] for s, e in spans], labels, top=top)
    offset = np.array([s for s, _ in spans])[ev["paragraph"].to_numpy(dtype=int)]
    ev["par_start"] = offset
    ev["par_end"] = np.array([e for _, e in spans])[ev["paragraph"].to_numpy(dtype=int)]
    ev["start"] = ev["start"] + offset
    ev["end"] = ev["end"] + offset
    return ev


def persuasion_lines(text, model, labels=None, *, top=5):
    """Plain-text lines for ``framing explain``: each predicted technique of each paragraph,
    its probability and threshold, and its strongest n-grams as they stand in the text."""
    ev = article_evidence(text, model, labels, top=top)
    lines = []
    for (par, tech), rows in ev.groupby(["paragraph", "technique"], sort=True):
        first = rows.iloc[0]
        grams = rows.drop_duplicates("rank").sort_values("rank")
        shown = ", ".join(f"«{r.matched}» @{r.start}-{r.end}" for r in grams.itertuples())
        lines.append(f"p{par} [{first.par_start}-{first.par_end}] {tech} "
                     f"p={first.probability:.2f} (threshold {first.threshold:.2f}): {shown}")
    return lines or ["no technique predicted"]
