"""One event, several outlets: what each outlet's coverage of the event contains."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import schema
from ..schema import STANCE_LABELS, TONE_LABELS, require_columns
from ._common import iter_groups
from .actors import actor_label_table

COLUMNS = ["kind", "field", "value", "share", "connotation", "n_articles"]


def _modal(values, labels):
    """Most frequent label and its share; a pro/con tie is ``mixed``, other ties by label order."""
    clean = values.astype("string").str.strip().str.lower().dropna()
    if clean.empty:
        return None, np.nan
    counts = clean.value_counts()
    top = counts.max()
    tied = ([lab for lab in labels if counts.get(lab, 0) == top]
            or sorted(counts.index[counts == top]))
    if "pro" in tied and "con" in tied:
        return "mixed", top / len(clean)
    return tied[0], top / len(clean)


def event_profile(articles, actors=None, doc_ids=None, by="outlet"):
    """Summarise each outlet's coverage of one event: topics, stances, tone and actor labels.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles table.
    actors : pandas.DataFrame, optional
        The actors table; adds one ``actor`` row per actor.
    doc_ids : iterable of str, optional
        The event's articles; default every article given.
    by : str, default "outlet"

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>, kind, field, value, share, connotation, n_articles``, where ``kind`` is

        - ``topic``: ``field`` = topic, ``value`` = ``present``/``absent``, ``share`` = share of
          the outlet's event articles addressing it;
        - ``stance`` / ``tone``: ``value`` = most frequent label (``mixed`` for a pro/con tie),
          ``share`` = share of articles with it;
        - ``actor``: ``field`` = actor, ``value`` = label used most, ``connotation`` its
          connotation, ``share`` = its part of the actor's mentions.

    Examples
    --------
    >>> arts = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "topic:elections": [1, 0], "stance:haftar": ["pro", "con"]})
    >>> event_profile(arts)[["outlet", "kind", "field", "value"]].to_numpy().tolist()
    [['X', 'topic', 'elections', 'present'], ['X', 'stance', 'haftar', 'pro'], \
['Y', 'topic', 'elections', 'absent'], ['Y', 'stance', 'haftar', 'con']]
    """
    require_columns(articles, ["doc_id", by])
    if doc_ids is not None:
        wanted = set(doc_ids)
        articles = articles.loc[articles["doc_id"].isin(wanted)]
        if actors is not None:
            actors = actors.loc[actors["doc_id"].isin(wanted)]
    topics = schema.names_of(articles.columns, schema.TOPIC)
    stances = schema.names_of(articles.columns, schema.STANCE)
    rows = []
    for key, group in iter_groups(articles, by):
        n = len(group)
        for name, col in topics.items():
            share = float(pd.to_numeric(group[col], errors="coerce").mean())
            value = "present" if share > 0 else "absent"
            rows.append((key, "topic", name, value, share, None, n))
        for name, col in stances.items():
            rows.append((key, "stance", name, *_modal(group[col], STANCE_LABELS), None, n))
        if schema.TONE in group.columns:
            rows.append((key, "tone", "tone", *_modal(group[schema.TONE], TONE_LABELS), None, n))
    if actors is not None and len(actors):
        table = actor_label_table(actors, articles, by=by)
        n_by = articles.groupby(by).size()
        top = table.drop_duplicates([by, "actor"])  # sorted by count: the first is the most used
        rows += [(r[by], "actor", r["actor"], r["label"], r["share"], r["connotation"],
                  int(n_by.get(r[by], 0))) for _, r in top.iterrows()]
    out = pd.DataFrame(rows, columns=[by] + COLUMNS)
    kinds = pd.Categorical(out["kind"], ["topic", "stance", "tone", "actor"], ordered=True)
    out = out.assign(_k=kinds).sort_values([by, "_k"], kind="stable").drop(columns="_k")
    return out.reset_index(drop=True)
