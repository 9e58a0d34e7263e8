"""One event, several outlets: what each outlet's coverage of the event contains -- its topics,
stances, tone and actor labels, and whom it quotes (source types and speakers)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import schema
from ..schema import STANCE_LABELS, TONE_LABELS, require_columns
from ._common import iter_groups
from .actors import actor_label_table

COLUMNS = ["kind", "field", "value", "share", "connotation", "n_articles", "n", "speaker",
           "small_n"]


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


def _speaker_key(text):
    """Speakers compared across articles: without quotation marks, diacritics or spelling
    variants of alef, ya and ta marbuta."""
    from ..text.normalize import normalize

    return " ".join(normalize(str(text), taa_marbuta=True).replace("«", " ").replace("»", " ")
                    .replace('"', " ").split())


def _inside(part, words):
    n = len(part)
    return any(words[i:i + n] == part for i in range(len(words) - n + 1))


def _quote_rows(quotes, articles, by, max_speakers, min_quotes):
    """``quotes`` / ``source`` / ``speaker`` rows of :func:`event_profile`."""
    q = quotes.merge(articles[["doc_id", by]], on="doc_id")
    q = q[q["speaker"].astype(str).str.strip() != ""]
    keys = [_speaker_key(t) for t in q["speaker"]]
    # a shorter mention of two words or more inside a longer one is the same speaker (سامح
    # شكري in وزير الخارجية المصري سامح شكري)
    longer = sorted(set(keys), key=lambda k: (-len(k.split()), k))
    merged = {}
    for k in set(keys):
        words = k.split()
        merged[k] = next((m for m in longer if len(words) >= 2 and len(m.split()) > len(words)
                          and _inside(words, m.split())), k)
    q = q.assign(_key=[merged[k] for k in keys])
    # the speakers most outlets quote on the event, then the most quoted; ties by name
    spread = q.groupby("_key").agg(outlets=(by, "nunique"), quotes=("doc_id", "size"))
    spread = spread.reset_index().sort_values(["outlets", "quotes", "_key"],
                                              ascending=[False, False, True], kind="stable")
    top = list(spread["_key"][:max_speakers])
    shown = {}  # as most often written; of equally frequent forms the fullest
    for k, rows in q[q["_key"].isin(top)].groupby("_key"):
        counts = rows["speaker"].astype(str).value_counts()
        shown[k] = min(counts.index, key=lambda t: (-counts[t], -len(t), t))
    types = [t for t in schema.SOURCE_TYPES if t in set(q["source_type"])]
    types += sorted(set(q["source_type"].astype(str)) - set(types))
    n_art = articles.groupby(by).size()
    rows = []
    for key, na in n_art.items():
        group = q[q[by] == key]
        n, na = len(group), int(na)
        small = n < min_quotes
        rows.append((key, "quotes", "n", str(n), np.nan, None, na, n, "", small))
        if not n:
            continue
        counts = group["source_type"].astype(str).value_counts()
        for t in types:
            c = int(counts.get(t, 0))
            rows.append((key, "source", t, t, c / n, None, na, c, "", small))
        by_speaker = group.groupby("_key")
        for k in top:
            if k in by_speaker.groups:
                rs = by_speaker.get_group(k)
                t = rs["source_type"].astype(str).value_counts().index[0]
                rows.append((key, "speaker", k, t, len(rs) / n, None, na, len(rs), shown[k],
                             small))
    return rows


def event_profile(articles, actors=None, doc_ids=None, by="outlet", *, quotes=None,
                  max_speakers=5, min_quotes=5):
    """Summarise each outlet's coverage of one event: topics, stances, tone, actor labels and
    whom it quotes.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles table.
    actors : pandas.DataFrame, optional
        The actors table; adds one ``actor`` row per actor.
    doc_ids : iterable of str, optional
        The event's articles; default every article given.
    by : str, default "outlet"
    quotes : pandas.DataFrame, optional
        The quotes table (``doc_id, speaker, source_type``); adds who each outlet quotes on the
        event.
    max_speakers : int, default 5
        Speakers listed: those most outlets quote on the event, then the most quoted.
    min_quotes : int, default 5
        An outlet with fewer quotes on the event is flagged ``small_n`` in its quote rows: its
        shares are counts of a few statements, not estimates.

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>, kind, field, value, share, connotation, n_articles``, where ``kind`` is

        - ``topic``: ``field`` = topic, ``value`` = ``present``/``absent``, ``share`` = share of
          the outlet's event articles addressing it;
        - ``stance`` / ``tone``: ``value`` = most frequent label (``mixed`` for a pro/con tie),
          ``share`` = share of articles with it;
        - ``actor``: ``field`` = actor, ``value`` = label used most, ``connotation`` its
          connotation, ``share`` = its part of the actor's mentions;
        - ``quotes``: ``n`` = the outlet's quotes (attributed statements) on the event;
        - ``source``: ``field`` = source type, ``n`` = its quotes, ``share`` = their part of the
          outlet's quotes;
        - ``speaker``: ``field`` = a speaker (normalised), ``speaker`` = as most often written,
          ``value`` = its source type, ``n`` and ``share`` as for ``source``.

        ``small_n`` marks the quote rows of an outlet with fewer than ``min_quotes`` quotes.

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
    blank = (np.nan, "", False)  # n, speaker, small_n of the rows that are not quotes
    for key, group in iter_groups(articles, by):
        n = len(group)
        for name, col in topics.items():
            share = float(pd.to_numeric(group[col], errors="coerce").mean())
            value = "present" if share > 0 else "absent"
            rows.append((key, "topic", name, value, share, None, n, *blank))
        for name, col in stances.items():
            rows.append((key, "stance", name, *_modal(group[col], STANCE_LABELS), None, n,
                         *blank))
        if schema.TONE in group.columns:
            rows.append((key, "tone", "tone", *_modal(group[schema.TONE], TONE_LABELS), None, n,
                         *blank))
    if actors is not None and len(actors):
        table = actor_label_table(actors, articles, by=by)
        n_by = articles.groupby(by).size()
        top = table.drop_duplicates([by, "actor"])  # sorted by count: the first is the most used
        rows += [(r[by], "actor", r["actor"], r["label"], r["share"], r["connotation"],
                  int(n_by.get(r[by], 0)), *blank) for _, r in top.iterrows()]
    if quotes is not None:
        require_columns(quotes, ["doc_id", "speaker", "source_type"], table="quotes")
        quotes = quotes.loc[quotes["doc_id"].isin(set(articles["doc_id"]))]
        rows += _quote_rows(quotes, articles, by, max_speakers, min_quotes)
    out = pd.DataFrame(rows, columns=[by] + COLUMNS)
    out["n"] = out["n"].astype("Int64")
    kinds = pd.Categorical(out["kind"], ["topic", "stance", "tone", "actor", "quotes", "source",
                                         "speaker"], ordered=True)
    out = out.assign(_k=kinds).sort_values([by, "_k"], kind="stable").drop(columns="_k")
    return out.reset_index(drop=True)
