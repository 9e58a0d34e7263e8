"""Persuasion training data: ArAIEval 2023 task 1B, the ArMPro held-out split, deduplication.

ArAIEval 2023 task 1B (Hasanain et al., ArabicNLP 2023) annotates tweets and news paragraphs with
the same 23 techniques as ArMPro; some of its paragraphs are ArMPro paragraphs. This module

- reads its JSONL files (:func:`read_araieval`);
- fixes the split of the ArMPro dev file into a training part and a held-out part that is never
  tuned on (:func:`armpro_split`: a rule on ``page_id``, so all paragraphs of one article fall in
  one part and anyone can draw the same split);
- joins the sources into one training table, deduplicated by normalised text, with the text type
  (``paragraph`` for ArMPro, ``araieval_paragraph`` or ``tweet``) and a cross-validation group
  (the ArMPro article where known) per row (:func:`combine_training`). A text that is also a
  held-out paragraph never enters it.

Both data sets are CC BY-NC-SA 4.0 and are not shipped with the toolkit.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import FramingError
from ..io import iter_jsonl
from ..text.normalize import normalize
from ..validate.split import holdout_split

NO_TECHNIQUE = "no_technique"
#: Salt of the fixed split of the ArMPro dev file (by ``page_id``): about a third of the articles
#: are held out. Change it only to draw a different split; scores on the old one stop comparing.
ARMPRO_SALT = "framing-armpro-v1"
HELDOUT, TRAIN = "check", "tuning"
#: Text type of ArAIEval paragraphs. They are news paragraphs like ArMPro's but were sampled and
#: annotated with more techniques (1.67 per paragraph against 1.17; 77% against 62% with any), so
#: they get their own type: the model learns that offset instead of predicting it for ArMPro-like
#: paragraphs (type ``paragraph``).
ARAIEVAL_PARAGRAPH = "araieval_paragraph"
_NOT_WORD = re.compile(r"\bLINK\b|\bURL\b|https?://\S+|[^\w\s]", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def text_key(text):
    """Deduplication key: normalised text without punctuation, links and extra spaces."""
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", normalize(str(text)))).strip()


def read_araieval(path):
    """Read an ArAIEval 2023 task 1B JSONL file (``id, text, labels, type``).

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    pandas.DataFrame
        ``id`` (str), ``text``, ``labels`` (sorted list without ``no_technique``), ``type``.
    """
    path = Path(path)
    rows = []
    for lineno, rec in iter_jsonl(path):
        if not {"text", "labels"} <= set(rec):
            raise FramingError("not an ArAIEval task 1B record (needs 'text' and 'labels')",
                               path=path, line=lineno, fix="use task1B_train.jsonl or task1B_dev.jsonl")
        labels = rec["labels"] if isinstance(rec["labels"], list) else [rec["labels"]]
        rows.append({"id": str(rec.get("id", lineno)), "text": str(rec["text"]),
                     "labels": sorted(set(labels) - {NO_TECHNIQUE}),
                     "type": str(rec.get("type", "paragraph"))})
    if not rows:
        raise FramingError("no records", path=path)
    return pd.DataFrame(rows)


def armpro_split(df, salt=ARMPRO_SALT, heldout_fraction=1 / 3):
    """The part of each ArMPro paragraph: ``"tuning"`` (train and tune) or ``"check"`` (held out).

    Parameters
    ----------
    df : pandas.DataFrame
        ArMPro rows with ``page_id`` (:func:`framing.models.read_armpro`).
    salt : str, default :data:`ARMPRO_SALT`
    heldout_fraction : float, default 1/3
        Expected share of articles held out.

    Returns
    -------
    pandas.Series
        Aligned with ``df``.

    Examples
    --------
    >>> df = read_armpro("../shared/data/armpro/ArMPro_multilabel_dev_V2.jsonl")   # doctest: +SKIP
    >>> armpro_split(df).value_counts()                                           # doctest: +SKIP
    tuning    453
    check     219
    """
    if "page_id" not in df.columns:
        raise FramingError("ArMPro rows need a page_id column to be split by article")
    parts = holdout_split(df["page_id"].astype(str), check_fraction=heldout_fraction, salt=salt)
    return pd.Series(parts.to_numpy(), index=df.index, name="part")


def combine_training(armpro=None, araieval=(), exclude=None):
    """One training table from ArMPro rows and ArAIEval tables, deduplicated by normalised text.

    Parameters
    ----------
    armpro : pandas.DataFrame, optional
        ArMPro rows (``text``, ``labels``, ``page_id``); their labels win over a duplicate's.
    araieval : sequence of pandas.DataFrame
        From :func:`read_araieval` (e.g. train and dev).
    exclude : iterable of str, optional
        Texts that must not be trained on (the held-out paragraphs): rows whose key equals, or
        contains or is contained in, the key of one of them are dropped.

    Returns
    -------
    pandas.DataFrame
        ``text, labels, type, group, source, key``; ``group`` is the ArMPro ``page_id``, else
        one group per ArAIEval item (the task gives no article ids). Of duplicates the first
        is kept (ArMPro before ArAIEval).
    """
    frames = []
    if armpro is not None:
        frames.append(pd.DataFrame({
            "text": armpro["text"].astype(str), "labels": armpro["labels"], "type": "paragraph",
            "group": armpro["page_id"].astype(str), "source": "armpro"}))
    for k, table in enumerate(araieval):
        kind = table["type"].astype(str) if "type" in table else pd.Series("paragraph", table.index)
        frames.append(pd.DataFrame({
            "text": table["text"].astype(str), "labels": table["labels"],
            "type": kind.where(kind != "paragraph", ARAIEVAL_PARAGRAPH),
            "group": [f"araieval{k}:{i}" for i in table["id"]], "source": "araieval"}))
    if not frames:
        raise FramingError("no training data", fix="give ArMPro rows or ArAIEval tables")
    df = pd.concat(frames, ignore_index=True)
    df["key"] = df["text"].map(text_key)
    df = df[df["key"] != ""]
    df = df[~df["key"].duplicated(keep="first")]
    if exclude is not None:
        banned = {text_key(t) for t in exclude} - {""}
        df = df[[not _overlaps(k, banned) for k in df["key"]]]
    return df.reset_index(drop=True)


def _overlaps(key, banned, min_chars=40):
    if key in banned:
        return True
    return any(min(len(key), len(b)) >= min_chars and (key in b or b in key) for b in banned)


def read_persuasion_files(paths, heldout=False):
    """Read ArMPro and ArAIEval files (told apart by their fields) into one training table.

    Parameters
    ----------
    paths : sequence of str or os.PathLike
        ArMPro multilabel/span/coarse files (records with ``paragraph``) and ArAIEval task 1B
        files (records with ``text`` and ``type``).
    heldout : bool, default False
        Leave out the held-out ArMPro articles (:func:`armpro_split`) -- and every text that
        is also one of their paragraphs -- so that they can be scored afterwards.

    Returns
    -------
    armpro : pandas.DataFrame or None
        The ArMPro rows trained on.
    table : pandas.DataFrame
        :func:`combine_training` of all files.
    """
    from .persuasion import read_armpro

    armpro, araieval, held = [], [], []
    for path in paths:
        first = next(iter_jsonl(Path(path)), (0, {}))[1]
        if "paragraph" in first:
            df = read_armpro(path)
            if heldout:
                part = armpro_split(df)
                held.append(df[part == HELDOUT])
                df = df[part == TRAIN].reset_index(drop=True)
            armpro.append(df)
        else:
            araieval.append(read_araieval(path))
    arm = pd.concat(armpro, ignore_index=True) if armpro else None
    exclude = pd.concat(held)["text"] if held else None
    return arm, combine_training(arm, araieval, exclude=exclude)
