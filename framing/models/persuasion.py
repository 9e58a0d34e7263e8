"""Persuasion techniques in Arabic news paragraphs (ArMPro; Hasanain, Ahmad & Alam, LREC-COLING 2024).

ArMPro annotates news paragraphs with 23 persuasion techniques (span files) that group into six
coarse classes. This module reads its JSONL files, builds paragraph-level multi-label targets
(fine techniques with enough examples, or the coarse classes), and

- trains the toolkit's model (:func:`train_technique_model`): ArMPro and ArAIEval 2023 task 1B
  together (:mod:`framing.models.persuasion_data`), a
  :class:`~framing.models.technique_model.TechniqueClassifier` over all 23 techniques (or six
  classes) with thresholds and calibration from grouped cross-validation; techniques too rare
  to learn stay columns that are never predicted;
- cross-validates the earlier character n-gram classifier of
  :mod:`framing.models.classifiers` by article (``page_id``) against two baselines
  (:func:`evaluate_persuasion`): majority (each label's most frequent value in the training
  folds) and lexical (a bag of normalised words with class-balanced logistic regression).

Scores on held-out ArMPro articles: ``benchmarks/bench_persuasion.py``.

The ArMPro data are CC BY-NC-SA 4.0 and are not shipped with the toolkit; point the functions at
your copy.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import FramingError
from ..io import iter_jsonl
from .classifiers import (
    make_lexical_baseline,
    make_majority_baseline,
    make_text_classifier,
)
from .evaluation import compare_models

NO_TECHNIQUE = "no_technique"
# The six coarse classes of the SemEval-2023 Task 3 taxonomy that ArMPro follows
# (ArMPro's fine-grained_to_coarse-grained_mapping.txt; read_technique_map reads that file).
TECHNIQUE_TO_COARSE = {
    "Appeal_to_Time": "Call",
    "Conversation_Killer": "Call",
    "Slogans": "Call",
    "Red_Herring": "Distraction",
    "Straw_Man": "Distraction",
    "Whataboutism": "Distraction",
    "Appeal_to_Authority": "Justification",
    "Appeal_to_Fear-Prejudice": "Justification",
    "Appeal_to_Popularity": "Justification",
    "Appeal_to_Values": "Justification",
    "Flag_Waving": "Justification",
    "Exaggeration-Minimisation": "Manipulative_Wording",
    "Loaded_Language": "Manipulative_Wording",
    "Obfuscation-Vagueness-Confusion": "Manipulative_Wording",
    "Repetition": "Manipulative_Wording",
    "Appeal_to_Hypocrisy": "Reputation",
    "Doubt": "Reputation",
    "Guilt_by_Association": "Reputation",
    "Name_Calling-Labeling": "Reputation",
    "Questioning_the_Reputation": "Reputation",
    "Causal_Oversimplification": "Simplification",
    "Consequential_Oversimplification": "Simplification",
    "False_Dilemma-No_Choice": "Simplification",
}
# Fine techniques need enough positives to be learnt and scored in every fold; the six coarse
# classes are the paper's unit of report, so all are kept down to a handful of positives.
MIN_SUPPORT = {"fine": 15, "coarse": 5}
LEVELS = tuple(MIN_SUPPORT)
# Regularisation for both learnt models, chosen by grouped 5-fold CV on the ArMPro dev split
# (C in 0.003-1): strong regularisation keeps the class-balanced regressions from memorising the
# few positives of the rarer techniques, which raises their recall. The test split stays unseen.
DEFAULT_C = 0.01


def read_armpro(path):
    """Read an ArMPro JSONL file (multilabel, coarse or span) into one row per paragraph.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    pandas.DataFrame
        The record's fields, with ``paragraph`` also as ``text`` and ``labels`` as a sorted list of
        technique (or class) names without ``no_technique``; span records keep their spans in
        ``spans``.
    """
    path = Path(path)
    rows = []
    for lineno, rec in iter_jsonl(path):
        if "paragraph" not in rec or "labels" not in rec:
            raise FramingError("not an ArMPro record (needs 'paragraph' and 'labels')",
                               path=path, line=lineno,
                               fix="use the multilabel, coarse or span files "
                                   "(the binary files have no techniques)")
        raw = rec["labels"]
        names = [lab["technique"] if isinstance(lab, dict) else lab for lab in raw]
        if any(isinstance(lab, dict) for lab in raw):
            rec["spans"] = raw
        rec["labels"] = sorted(set(names) - {NO_TECHNIQUE})
        rec["text"] = rec["paragraph"]
        rows.append(rec)
    if not rows:
        raise FramingError("no records", path=path)
    return pd.DataFrame(rows)


def read_technique_map(path):
    """Read ArMPro's ``fine-grained_to_coarse-grained_mapping.txt`` (technique TAB class)."""
    mapping = {}
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise FramingError("expected 'technique<TAB>class'", path=path, line=lineno)
        mapping[parts[0].strip()] = parts[1].strip()
    mapping.pop(NO_TECHNIQUE, None)
    return mapping


def to_coarse(labels, mapping=None):
    """Map lists of fine techniques to sorted lists of coarse classes.

    Parameters
    ----------
    labels : iterable of list of str
    mapping : dict, optional
        Default :data:`TECHNIQUE_TO_COARSE`.

    Returns
    -------
    list of list of str
    """
    mapping = TECHNIQUE_TO_COARSE if mapping is None else mapping
    unknown = {lab for labs in labels for lab in labs} - set(mapping)
    if unknown:
        raise FramingError(f"techniques without a coarse class: {sorted(unknown)}")
    return [sorted({mapping[lab] for lab in labs}) for labs in labels]


def label_matrix(labels, min_support=1, names=None):
    """0/1 indicator matrix of the labels with enough positives.

    Parameters
    ----------
    labels : iterable of list of str
    min_support : int, default 1
        Keep labels with at least this many positive rows.
    names : list of str, optional
        Use exactly these columns (e.g. a trained model's label set).

    Returns
    -------
    Y : numpy.ndarray of shape (n_rows, n_labels)
    names : list of str
        Columns, most frequent first (ties by name).
    """
    labels = list(labels)
    if names is None:
        counts = pd.Series([lab for labs in labels for lab in labs]).value_counts()
        counts = counts[counts >= min_support]
        names = sorted(counts.index, key=lambda n: (-counts[n], n))
    if not names:
        raise FramingError(f"no label has at least {min_support} positive examples",
                           fix="lower min_support or add data")
    index = {name: j for j, name in enumerate(names)}
    Y = np.zeros((len(labels), len(names)), dtype=int)
    for i, labs in enumerate(labels):
        for lab in labs:
            if lab in index:
                Y[i, index[lab]] = 1
    return Y, list(names)


def persuasion_targets(df, level="fine", min_support=None):
    """Indicator matrix and label names for one level of the taxonomy.

    Parameters
    ----------
    df : pandas.DataFrame
        From :func:`read_armpro` (fine techniques in ``labels``).
    level : {"fine", "coarse"}, default "fine"
    min_support : int, optional
        Default :data:`MIN_SUPPORT` for the level.

    Returns
    -------
    Y : numpy.ndarray
    names : list of str
    """
    if level not in LEVELS:
        raise FramingError(f"unknown level {level!r}", fix="use fine or coarse")
    labels = list(df["labels"])
    if level == "coarse" and any(lab in TECHNIQUE_TO_COARSE for labs in labels for lab in labs):
        labels = to_coarse(labels)
    return label_matrix(labels, MIN_SUPPORT[level] if min_support is None else min_support)


def train_persuasion(df, level="fine", min_support=None, *, C=DEFAULT_C, **params):
    """Fit the paragraph-level multi-label technique classifier.

    Parameters
    ----------
    df : pandas.DataFrame
        From :func:`read_armpro`.
    level : {"fine", "coarse"}, default "fine"
    min_support : int, optional
    C : float, default :data:`DEFAULT_C`
        Inverse regularisation strength.
    **params
        Passed to :func:`framing.models.make_text_classifier`.

    Returns
    -------
    model : sklearn.pipeline.Pipeline
    names : list of str
        The label of each output column.
    Y : numpy.ndarray
        The training targets (for hashing and reporting).
    """
    Y, names = persuasion_targets(df, level, min_support)
    model = make_text_classifier(C=C, **params).fit(list(df["text"]), Y)
    return model, names, Y


def evaluate_persuasion(df, level="fine", min_support=None, *, n_splits=5, random_state=0,
                        C=DEFAULT_C, **params):
    """Cross-validate the classifier and both baselines with folds grouped by ``page_id``.

    Parameters
    ----------
    df : pandas.DataFrame
        From :func:`read_armpro`.
    level : {"fine", "coarse"}, default "fine"
    min_support : int, optional
    n_splits : int, default 5
    random_state : int, default 0
    C : float, default :data:`DEFAULT_C`
        Inverse regularisation strength of both learnt models (lexical and character n-gram).
    **params
        Passed to :func:`framing.models.make_text_classifier`.

    Returns
    -------
    scores : pandas.DataFrame
        One row per model (``majority``, ``lexical``, ``char-ngram``): pooled micro/macro F1 and
        their fold mean and sd, with ``level`` and ``n_labels``.
    per_label : pandas.DataFrame
        ``model, label, precision, recall, f1, support``.

    Examples
    --------
    >>> df = read_armpro("../shared/data/armpro/ArMPro_multilabel_dev_V2.jsonl")   # doctest: +SKIP
    >>> scores, per_label = evaluate_persuasion(df, "coarse")                        # doctest: +SKIP
    """
    Y, names = persuasion_targets(df, level, min_support)
    models = {
        "majority": make_majority_baseline(),
        "lexical": make_lexical_baseline(C=C, random_state=random_state),
        "char-ngram": make_text_classifier(C=C, random_state=random_state, **params),
    }
    scores, per_label = compare_models(models, list(df["text"]), Y, df["page_id"], labels=names,
                                       n_splits=n_splits, random_state=random_state)
    scores.insert(1, "level", level)
    scores.insert(2, "n_labels", len(names))
    return scores, per_label


# -- the toolkit's model: ArMPro + ArAIEval, CV thresholds, calibrated -------------------------

#: The label columns of the toolkit's model at each level: all 23 techniques or all six classes
#: (a label too rare to learn stays a column that is never predicted, and is scored as missed).
ALL_LABELS = {"fine": sorted(TECHNIQUE_TO_COARSE), "coarse": sorted(set(TECHNIQUE_TO_COARSE.values()))}
#: Settings of :class:`~framing.models.technique_model.TechniqueClassifier` for persuasion,
#: chosen by grouped 5-fold CV on the training part only (benchmarks/cv_persuasion.py).
#: Unweighted classes: the same micro-F1 as balanced ones in CV (0.515), a higher binary
#: accuracy (0.717 against 0.711) and a third of the fitting time. Rare techniques sharing one
#: threshold (``min_own_positives=20``) did not help (0.514), nor did C = 0.3 or 3.
TECHNIQUE_PARAMS = {"C": 1.0, "class_weight": None, "min_positives": 8, "min_cv_f1": 0.1,
                    "objective": "micro", "tune_type": "paragraph", "min_own_positives": 0}


def level_labels(labels, level="fine"):
    """Lists of fine techniques as they are at ``level`` (``fine``, ``coarse`` or ``binary``)."""
    labels = [list(labs) for labs in labels]
    if level == "fine":
        return labels
    if level == "coarse":
        return to_coarse(labels)
    if level == "binary":
        return [["any"] if labs else [] for labs in labels]
    raise FramingError(f"unknown level {level!r}", fix="use fine, coarse or binary")


def train_technique_model(table, level="fine", *, random_state=0, **params):
    """Fit the toolkit's persuasion model on a training table.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`framing.models.persuasion_data.combine_training` (``text, labels, type,
        group``): ArMPro paragraphs and ArAIEval items, deduplicated.
    level : {"fine", "coarse"}, default "fine"
    random_state : int, default 0
    **params
        Override :data:`TECHNIQUE_PARAMS`.

    Returns
    -------
    model : TechniqueClassifier
    names : list of str
    Y : numpy.ndarray
    """
    from .technique_model import TechniqueClassifier

    if level not in ALL_LABELS:
        raise FramingError(f"unknown level {level!r}", fix="use fine or coarse")
    names = ALL_LABELS[level]
    Y, _ = label_matrix(level_labels(table["labels"], level), names=names)
    model = TechniqueClassifier(**{**TECHNIQUE_PARAMS, **params}, random_state=random_state,
                                labels=list(names))
    model.fit(table[["text", "type"]], Y, groups=table["group"].to_numpy())
    return model, list(names), Y


def technique_model_info(model, table, holdout=False):
    """What a sidecar records about a fitted technique model (JSON-ready)."""
    def num(v):
        return None if not np.isfinite(v) else round(float(v), 6)

    return {
        "model": "techniques",
        "training": {"sources": {str(k): int(v) for k, v in table["source"].value_counts().items()},
                     "types": {str(k): int(v) for k, v in table["type"].value_counts().items()},
                     "heldout_armpro_left_out": bool(holdout)},
        "thresholds": {name: num(t) for name, t in zip(model.labels, model.thresholds_)},
        "learnt": [name for name, ok in zip(model.labels, model.learnable_) if ok],
        "cv_f1": {name: round(float(f), 6) for name, f in zip(model.labels, model.cv_f1_)},
    }
