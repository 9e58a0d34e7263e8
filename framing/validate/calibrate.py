"""Calibration: a codebook's thresholds chosen by cross-validation on a coded sample.

For each field the grid of its thresholds is searched -- a topic's ``min_weight`` and
``min_sentences``, a stance target's ``threshold`` and ``min_evidence``, the global
``tone_threshold`` -- and the cues stay as they are, so every label still rests on the cues in
its evidence rows. With K folds of the coded articles, the value that scores best on the
training folds labels the held-out fold; the labels of all held-out folds together give the
cross-validated score (``cv_after``), to compare with the codebook's own values on the same
articles (``before``). The value written is the one that scores best on the whole sample, and
only where cross-validation shows that choosing improves on the codebook's value; a field with
fewer than ``min_positive`` coded articles of the labels the thresholds decide keeps its value.

Labels for every grid point come from the evidence tables of one analysis
(:mod:`.thresholds`), not from re-analysing the sample.

The new codebook (:meth:`Calibration.write`) is the old file with the changed thresholds
written in (:mod:`.yamledit`) and a ``calibration:`` record: the sample's hash and size, K, the
seed, the grid and the scores per field -- no date, so the same inputs give the same bytes.

Examples
--------
>>> gold = read_labels("../shared/gold/seeds_articles.csv")                 # doctest: +SKIP
>>> cal = calibrate(gold, load_corpus("seeds"), k=2, min_positive=2)         # doctest: +SKIP
>>> cal.scores[["field", "before", "cv_after", "status"]]                   # doctest: +SKIP
>>> cal.write("my-codebook.calibrated.yaml")                                 # doctest: +SKIP
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import KFold

from .. import __version__, schema
from ..codebook import load_codebook
from ..errors import CodebookError, ParameterError
from ..io import write_text
from .article_view import fmt
from .sample import coded_sample, sample_hash
from .thresholds import (
    PARAMETERS,
    cue_tables,
    current_thresholds,
    field_kind,
    field_labels,
    label_matrix,
)
from .yamledit import with_thresholds

#: The values searched for each threshold (the codebook's own value is always added).
DEFAULT_GRID = {
    "min_weight": (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0),
    "min_sentences": (1, 2, 3),
    "threshold": (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6),
    "min_evidence": (0.5, 1.0, 1.5, 2.0, 3.0),
    "tone_threshold": (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4),
}
#: What each kind of field is scored by: F1 of the topic's 1s; macro-F1 over the labels seen.
METRICS = {schema.TOPIC: "f1", schema.STANCE: "macro_f1", schema.TONE: "macro_f1"}
#: The labels whose number tells whether a field has enough coded articles to calibrate.
DECIDED = {schema.TOPIC: ("1",), schema.STANCE: ("pro", "con"),
           schema.TONE: ("positive", "negative")}


def score(gold, pred, kind):
    """The calibration metric of a kind of field (:data:`METRICS`).

    F1 is ``2 TP / (2 TP + FP + FN)``, 0 where a label has no true positive -- scikit-learn's
    ``f1_score`` with ``zero_division=0`` (macro: over the labels in ``gold`` or ``pred``),
    counted directly because calibration scores thousands of grid points.

    Examples
    --------
    >>> round(score(["1", "0", "1"], ["1", "1", "0"], "topic"), 4)
    0.5
    >>> round(score(["pro", "neutral"], ["pro", "pro"], "stance"), 4)   # (2/3 + 0) / 2
    0.3333
    """
    gold, pred = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    labels = ["1"] if kind == schema.TOPIC else sorted(set(gold) | set(pred))
    f1 = []
    for lab in labels:
        g, p = gold == lab, pred == lab
        tp, wrong = int((g & p).sum()), int((g != p).sum())
        f1.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return float(np.mean(f1)) if f1 else 0.0


def candidates(field, current, grid=None):
    """The grid points of a field: every combination of its thresholds' values.

    Returns
    -------
    list of dict
        ``{parameter: value}``, the codebook's own values included, in grid order.
    """
    grid = {**DEFAULT_GRID, **(grid or {})}
    params = list(PARAMETERS[field_kind(field)])
    values = [sorted({_cast(p, v) for v in grid[p]} | {_cast(p, current[p])}) for p in params]
    return [dict(zip(params, combo)) for combo in itertools.product(*values)]


def _cast(param, value):
    return int(value) if param == "min_sentences" else float(value)


def _distance(cands, current):
    """Grid steps from the codebook's values: ties are broken towards the smallest change."""
    params = list(current)
    axes = {p: sorted({c[p] for c in cands}) for p in params}
    return np.array([sum(abs(axes[p].index(c[p]) - axes[p].index(current[p])) for p in params)
                     for c in cands])


def _best(gold, matrix, rows, kind, distance):
    scores = np.array([score(gold[rows], matrix[rows, j], kind) for j in range(matrix.shape[1])])
    order = np.lexsort((np.arange(len(scores)), distance, -np.round(scores, 12)))
    return int(order[0]), scores


def cross_validate(gold, matrix, kind, distance, current_col, folds):
    """Cross-validated choice of one field's thresholds.

    Parameters
    ----------
    gold : numpy.ndarray
        The coded labels, one per article.
    matrix : numpy.ndarray
        ``articles x grid points``: the labels each grid point gives.
    kind : str
    distance : numpy.ndarray
        Grid steps of each point from the codebook's values (the tie-break).
    current_col : int
        The column of the codebook's own values.
    folds : list of (train, test) index arrays

    Returns
    -------
    dict
        ``before``, ``cv_after`` (scores), ``in_sample`` (the score of every column on all
        articles), ``best`` (the column chosen on all articles) and ``folds`` (the column
        chosen and the scores per fold).
    """
    oof = np.empty(len(gold), dtype=object)
    per_fold = []
    for i, (train, test) in enumerate(folds):
        j, train_scores = _best(gold, matrix, train, kind, distance)
        oof[test] = matrix[test, j]
        per_fold.append({"fold": i, "column": j, "train_score": float(train_scores[j]),
                         "test_score": score(gold[test], matrix[test, j], kind)})
    best, all_scores = _best(gold, matrix, np.arange(len(gold)), kind, distance)
    return {"before": float(all_scores[current_col]), "cv_after": score(gold, oof, kind),
            "in_sample": all_scores, "best": best, "folds": per_fold}


@dataclass
class Calibration:
    """The result of :func:`calibrate`.

    Attributes
    ----------
    thresholds : dict
        ``{field: {parameter: value}}`` chosen for every field calibrated.
    changes : dict
        The part of ``thresholds`` that differs from the codebook (what the new file sets).
    scores : pandas.DataFrame
        One row per field: ``field, metric, n, n_decided, status``, the thresholds ``before`` /
        ``after`` (as text), and the scores: ``before`` (the codebook's values on all the
        sample), ``cv_after`` (cross-validated, of choosing) and ``in_sample`` (the values
        written, on all the sample: optimistic where they changed).
    folds : pandas.DataFrame
        ``field, fold, n_test, chosen, train_score, test_score``.
    record : dict
        The ``calibration:`` entry of the new codebook.
    text : str
        The new codebook file.
    """

    thresholds: dict
    changes: dict
    scores: pd.DataFrame
    folds: pd.DataFrame
    record: dict
    text: str

    def write(self, path):
        """Write the calibrated codebook to ``path`` and return it loaded (it is validated)."""
        write_text(path, self.text)
        return load_codebook(Path(path))


def codebook_text(codebook):
    """The YAML text of a loaded codebook (a packaged one or a file), checked to be the file
    that was loaded: a file edited since then would give a codebook no one analysed with."""
    path = str(codebook.path)
    packaged = resources.files("framing") / path.removeprefix("framing/")
    if Path(path).is_file():
        source = Path(path)
    elif path.startswith("framing/data/") and packaged.is_file():
        source = Path(str(packaged))
    else:
        raise CodebookError("the codebook file cannot be read any more", path=path,
                            fix="load the codebook from its YAML file")
    text = source.read_text(encoding="utf-8-sig")
    if load_codebook(source).sha256 != codebook.sha256:
        raise CodebookError("the codebook file changed after it was loaded", path=path,
                            fix="load it again and calibrate again")
    return text


def _round(x):
    return float(round(float(x), 4)) + 0.0


def _text(params):
    return ", ".join(f"{k}={fmt(v)}" for k, v in params.items())


def _folds(n, k, random_state):
    if isinstance(random_state, bool) or not isinstance(random_state, (int, np.integer)):
        raise ParameterError(f"random_state must be a whole number, not {random_state!r}",
                             fix="pass random_state=0 (the folds must be reproducible)")
    if not isinstance(k, (int, np.integer)) or k < 2 or k > n:
        raise ParameterError(f"k must be a whole number from 2 to the sample size {n}, not {k!r}",
                             fix="use k=5, or fewer folds for a small sample")
    return KFold(n_splits=int(k), shuffle=True, random_state=random_state)


def calibrate(gold, corpus=None, codebook="libya-egypt", *, analysis=None, fields=None, k=5,
              random_state=0, grid=None, min_positive=5):
    """Choose a codebook's thresholds by K-fold cross-validation on a coded sample.

    Parameters
    ----------
    gold : pandas.DataFrame
        Wide gold table (``doc_id`` + fields), e.g. the tuning part of a development set.
    corpus : pandas.DataFrame, optional
        The texts of the coded articles (or pass ``analysis``).
    codebook : str, path, Codebook or CompiledCodebook, default "libya-egypt"
    analysis : Analysis, optional
        An analysis of the coded articles made with ``codebook``.
    fields : list of str, optional
        Default: every label field of both the gold table and the codebook.
    k : int, default 5
        Number of folds (of articles, shuffled with ``random_state``; the same folds for every
        field).
    random_state : int, default 0
    grid : dict, optional
        ``{parameter: values}`` replacing entries of :data:`DEFAULT_GRID`.
    min_positive : int, default 5
        Fields with fewer coded articles of the labels their thresholds decide (a topic's 1s,
        a target's pro/con, positive/negative tone) keep the codebook's values.

    Returns
    -------
    Calibration
    """
    sample = coded_sample(gold, corpus, codebook, analysis=analysis, fields=fields)
    cb = sample.codebook
    tables = cue_tables(sample.analysis, cb)
    current = current_thresholds(cb, sample.fields)
    grid = {**DEFAULT_GRID, **(grid or {})}
    splitter = _folds(len(sample.gold), k, random_state)
    ids = sample.gold["doc_id"].to_numpy()
    fold_of = np.empty(len(ids), dtype=int)
    for i, (_, test) in enumerate(splitter.split(ids)):
        fold_of[test] = i
    rows, fold_rows, chosen, record_fields = [], [], {}, {}
    for field in sample.fields:
        kind = field_kind(field)
        g = sample.labels(field)
        cands = candidates(field, current[field], grid)
        matrix = label_matrix(tables, field, cands, _linked(tables, field, chosen))
        matrix = matrix.reindex(g.index).to_numpy(dtype=object)
        distance = _distance(cands, current[field])
        cur = cands.index({p: _cast(p, v) for p, v in current[field].items()})
        positions = fold_of[np.searchsorted(ids, g.index.to_numpy())]
        folds = [(np.flatnonzero(positions != i), np.flatnonzero(positions == i))
                 for i in range(int(k))]
        folds = [(tr, te) for tr, te in folds if len(te)]
        res = cross_validate(g.to_numpy(dtype=object), matrix, kind, distance, cur, folds)
        n_decided = int(g.isin(DECIDED[kind]).sum())
        if n_decided < min_positive:
            status = f"kept: {n_decided} coded {'/'.join(DECIDED[kind])} < {min_positive}"
            pick = cur
        elif res["cv_after"] <= res["before"]:
            status, pick = "kept: cross-validation does not improve on it", cur
        else:
            status, pick = "calibrated", res["best"]
        chosen[field] = cands[pick]
        rows.append({"field": field, "metric": METRICS[kind], "n": len(g), "n_decided": n_decided,
                     "status": status, "thresholds_before": _text(current[field]),
                     "thresholds_after": _text(cands[pick]), "before": res["before"],
                     "cv_after": res["cv_after"], "in_sample": float(res["in_sample"][pick])})
        fold_rows += [{"field": field, "fold": f["fold"], "n_test": int(len(te)),
                       "chosen": _text(cands[f["column"]]), "train_score": f["train_score"],
                       "test_score": f["test_score"]} for f, (_, te) in zip(res["folds"], folds)]
        record_fields[field] = {
            "metric": METRICS[kind], "n": len(g), "status": status,
            "before": {p: _value(v) for p, v in current[field].items()},
            "after": {p: _value(v) for p, v in cands[pick].items()},
            "score_before": _round(res["before"]), "cv_score_after": _round(res["cv_after"]),
        }
    changes = {f: {p: v for p, v in params.items() if v != current[f][p]}
               for f, params in chosen.items()}
    changes = {f: p for f, p in changes.items() if p}
    record = _record(sample, cb, k, random_state, min_positive, grid, record_fields)
    text = with_thresholds(codebook_text(cb), changes, record, path=cb.path)
    return Calibration(chosen, changes, pd.DataFrame(rows), pd.DataFrame(fold_rows), record, text)


def _linked(tables, field, chosen):
    """The labels of the topic a target is linked to, under the thresholds chosen for it (topics
    come first in codebook order); None for a field without a link."""
    kind, name = schema.parse_field(field)
    topic = next((getattr(s, "topic", None) for s in tables.codebook.stances if s.name == name),
                 None) if kind == schema.STANCE else None
    if not topic:
        return None
    col = schema.field(schema.TOPIC, topic)
    return field_labels(tables, col, **chosen.get(col, {}))


def _value(v):
    return int(v) if isinstance(v, (int, np.integer)) else _round(v)


def _record(sample, cb, k, random_state, min_positive, grid, fields):
    used = sorted({p for f in fields for p in PARAMETERS[field_kind(f)]})
    corpus = (sample.analysis.run or {}).get("corpus", {}).get("sha256")
    return {
        "method": "K-fold cross-validation of per-field thresholds; cues unchanged",
        "toolkit": f"framing {__version__}",
        "base": {"name": cb.name, "version": cb.version, "sha256": cb.sha256},
        "sample": {"sha256": sample_hash(sample.gold, sample.fields), "size": len(sample.gold),
                   **({"corpus_sha256": corpus} if corpus else {})},
        "folds": int(k), "random_state": random_state, "min_positive": int(min_positive),
        "grid": {p: [_value(v) for v in grid[p]] for p in used},
        "fields": fields,
    }


__all__ = ["DEFAULT_GRID", "METRICS", "Calibration", "calibrate", "candidates", "codebook_text",
           "cross_validate", "score"]
