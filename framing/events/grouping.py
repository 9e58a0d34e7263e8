"""Group articles that report the same event, and events that belong to the same story.

An *event* is one happening -- a meeting, an attack, a verdict, a statement -- reported by one or
more outlets, usually within a day or two. A *story* is a run of related events: the verdict and
the reactions to it, the meetings of one diplomatic process, a shipwreck and its survivors'
arrival. Comparing outlets on an event compares coverage of the same facts; comparing them on a
story compares how they follow a topic over time.

Method (weights and thresholds are measured in docs/events.md):

1. Each article is represented by its normalised title + lead (:mod:`framing.events.leads`) and
   the places (:mod:`framing.events.gazetteer`) and actors (``analysis``, optional) it names there.
2. Every pair gets a score (:mod:`framing.events.similarity`): lead text similarity, with a small
   share for shared informative places and actors.
3. Dates gate the score: articles more than ``window_days`` apart are never one event; a pair
   with an undated article must score ``undated_threshold`` instead of ``event_threshold``.
4. Articles are clustered by average linkage on ``1 - score``, cut at ``event_threshold``: a
   cluster only forms when its articles are on average that similar to each other, so a chain of
   pairwise links (A like B, B like C) does not join A and C unless they are alike too.
5. Events are clustered into stories the same way, with a lower threshold
   (``story_threshold``) and a wider or no date window (``story_window_days``); the similarity
   of two events is the mean score of their articles' pairs, so an event is never split across
   stories.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from .. import schema
from ..errors import DataWarning, FramingError
from .gazetteer import Gazetteer, load_gazetteer
from .leads import article_leads
from .similarity import PairScorer, adjust_for_dates, day_numbers

EVENT_COLUMNS = ["doc_id", "event_id", "story_id", "similarity"]
SUMMARY_COLUMNS = ["event_id", "story_id", "n_articles", "n_outlets", "outlets", "first_date",
                   "last_date", "doc_ids", "title"]


def _check_params(window_days, event_threshold, undated_threshold, story_threshold,
                  story_window_days, entity_weight, lead_words):
    def bad(name, value, fix):
        raise FramingError(f"{value!r} is out of range", key=name, fix=fix)

    for name, value in (("event_threshold", event_threshold),
                        ("undated_threshold", undated_threshold),
                        ("story_threshold", story_threshold)):
        if not 0 < value <= 1:
            bad(name, value, "give a similarity between 0 and 1")
    if undated_threshold < event_threshold:
        bad("undated_threshold", undated_threshold, "make it at least event_threshold")
    if not 0 <= entity_weight < 1:
        bad("entity_weight", entity_weight, "give a weight in [0, 1)")
    for name, value in (("window_days", window_days), ("story_window_days", story_window_days)):
        if value is not None and value < 0:
            bad(name, value, "give a number of days >= 0, or None for no window")
    if int(lead_words) < 1:
        bad("lead_words", lead_words, "give a positive number of words")


def _actor_sets(analysis, leads):
    """Actors found by ``framing analyze`` inside each article's lead, as ``actor:<id>``."""
    if analysis is None:
        return {}
    ev = getattr(analysis, "evidence", None)
    if ev is None or not len(ev) or not {"doc_id", "field", "start"} <= set(ev.columns):
        return {}
    ev = ev.loc[ev["field"].astype(str).str.startswith(schema.prefix(schema.ACTOR)), ["doc_id", "field", "start"]]
    ev = ev.assign(doc_id=ev["doc_id"].astype(str)).merge(leads[["doc_id", "lead_end"]],
                                                         on="doc_id")
    ev = ev.loc[ev["start"] < ev["lead_end"]]
    return ev.groupby("doc_id")["field"].agg(set).to_dict()


def _average_linkage(sim, threshold):
    """Labels 0..k-1 of average-linkage clusters of a similarity matrix, cut at ``threshold``."""
    n = len(sim)
    if n == 1:
        return np.zeros(1, dtype=int)
    dist = np.clip(1.0 - (sim + sim.T) / 2.0, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    # A small tolerance keeps pairs exactly at the threshold together despite float rounding.
    return fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance") - 1


def _components(n, i, j):
    graph = coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


class _Grouper:
    """Holds the scorer and dates of one corpus and runs both levels of clustering."""

    def __init__(self, scorer, days):
        self.scorer = scorer
        self.days = days

    def adjusted(self, rows, cols, window, margin):
        """Date-gated scores of ``rows`` x ``cols``."""
        return adjust_for_dates(self.scorer.block(rows, cols), self.days[rows][:, None],
                                self.days[cols][None, :], window, margin)

    def cluster(self, units, threshold, window, margin, candidates):
        """Cluster ``units`` (arrays of article indices) by average linkage on their mean score.

        Only units joined by a candidate pair scoring at least ``threshold`` can end up together
        (an average at or above the threshold needs one pair at or above it), so each connected
        component of those pairs is clustered on its own (:func:`_pieces`).
        """
        unit_of = np.empty(self.scorer.n, dtype=int)
        for u, members in enumerate(units):
            unit_of[members] = u
        i, j, s = candidates
        adj = adjust_for_dates(s, self.days[i], self.days[j], window, margin)
        keep = adj >= threshold
        edges = (unit_of[i[keep]], unit_of[j[keep]], adj[keep])
        sizes = np.array([len(u) for u in units])
        labels = np.empty(len(units), dtype=object)
        for key, members in _pieces(np.arange(len(units)), edges, sizes, threshold):
            if len(members) == 1:
                labels[members[0]] = (key, 0)
                continue
            idx = np.concatenate([units[u] for u in members])
            a = self.adjusted(idx, idx, window, margin)
            if (sizes[members] == 1).all():
                mean = a
            else:  # mean over the article pairs of each pair of units
                owner = np.repeat(np.arange(len(members)), sizes[members])
                onehot = np.zeros((len(members), len(idx)), dtype=a.dtype)
                onehot[owner, np.arange(len(idx))] = 1.0
                mean = (onehot @ a @ onehot.T) / np.outer(sizes[members], sizes[members])
            for u, lab in zip(members, _average_linkage(mean, threshold)):
                labels[u] = (key, int(lab))
        return labels


# Largest number of articles clustered in one average-linkage problem: it needs a dense square
# matrix of their scores (4000 articles: 64 MB per float32 matrix).
MAX_DENSE = 4000


def _pieces(members, edges, sizes, level, key=()):
    """Connected components of ``members`` over edges scoring at least ``level``.

    A component of more than :data:`MAX_DENSE` articles (a chain through a busy news period,
    seen on whole-corpus runs of tens of thousands of articles) is split again at a level 0.05
    higher, until the pieces fit; clusters can then not span two pieces. Yields ``(key,
    members)`` with a key unique to each piece.
    """
    ui, uj, score = edges
    inside = np.zeros(len(sizes), dtype=bool)
    inside[members] = True
    keep = inside[ui] & inside[uj] & (score >= level)
    local = np.full(len(sizes), -1)
    local[members] = np.arange(len(members))
    comp = _components(len(members), local[ui[keep]], local[uj[keep]])
    for c in np.unique(comp):
        sub = members[comp == c]
        if sizes[sub].sum() <= MAX_DENSE or len(sub) == 1 or level >= 1.0:
            yield key + (int(c),), sub
        else:
            yield from _pieces(sub, edges, sizes, round(level + 0.05, 4), key + (int(c),))


def _ids(prefix, width, keys):
    """Number groups in the order of their sort keys: ``E0001``, ``E0002`` ..."""
    order = sorted(set(keys), key=lambda k: keys[k])
    width = max(width, len(str(len(order))))
    return {g: f"{prefix}{n:0{width}d}" for n, g in enumerate(order, start=1)}


def group_events(corpus, analysis=None, *, window_days=2, event_threshold=0.25,
                 undated_threshold=0.5, story_threshold=0.15, story_window_days=None,
                 entity_weight=0.1, lead_words=60, gazetteer=None):
    """Group the articles of a corpus into events and stories.

    Parameters
    ----------
    corpus : pandas.DataFrame
        ``doc_id`` and ``text``; ``title`` and ``date`` (ISO ``YYYY-MM-DD``) when known, as
        returned by :func:`framing.corpus.load_corpus`.
    analysis : framing.Analysis, optional
        Adds the codebook actors named in each lead to the places.
    window_days : int or None, default 2
        Articles dated more than this many days apart are never the same event.
    event_threshold : float, default 0.25
        Minimum average similarity of the articles of an event.
    undated_threshold : float, default 0.5
        Similarity needed where an article has no date (it cannot be checked against the
        window, so it must be clearly about the same thing). With a ``story_window_days``,
        undated pairs need the same margin above ``story_threshold``.
    story_threshold : float, default 0.15
        Minimum average similarity of the articles of the events of a story.
    story_window_days : int or None, default None
        Date window for stories; None compares events whatever their dates.
    entity_weight : float, default 0.1
        Share of the score given to shared places and actors (:mod:`~.similarity`).
    lead_words : int, default 60
        Words of the body read after the title.
    gazetteer : str, path or Gazetteer, optional
        Places to look for; default the packaged ``places-ar``.

    Returns
    -------
    pandas.DataFrame
        One row per article, sorted by ``event_id`` then ``doc_id``: ``doc_id, event_id,
        story_id, similarity``. ``event_id`` (``E0001`` ...) and ``story_id`` (``S001`` ...) are
        numbered in order of the group's earliest date, then its smallest ``doc_id``; undated
        groups come last. ``similarity`` is the article's mean score with the other articles
        of its event, and NaN for an article alone in its event.

    Raises
    ------
    framing.errors.FramingError
        The corpus lacks ``doc_id``/``text``, repeats an id, or a parameter is out of range.

    Examples
    --------
    >>> from framing.corpus import load_corpus                  # doctest: +SKIP
    >>> events = group_events(load_corpus("seeds"))              # doctest: +SKIP
    >>> events.groupby("story_id").event_id.nunique()            # doctest: +SKIP
    """
    schema.check_corpus(corpus)
    _check_params(window_days, event_threshold, undated_threshold, story_threshold,
                  story_window_days, entity_weight, lead_words)
    if not len(corpus):
        return pd.DataFrame({c: pd.Series(dtype="float64" if c == "similarity" else "object")
                             for c in EVENT_COLUMNS})
    gaz = gazetteer if isinstance(gazetteer, Gazetteer) else load_gazetteer(gazetteer)
    # A fixed order (date, then id) makes the clustering and hence the ids reproducible.
    docs = corpus.assign(doc_id=corpus["doc_id"].astype(str))
    dates = docs["date"] if "date" in docs else pd.Series([None] * len(docs), index=docs.index)
    days = day_numbers(dates)
    order = np.lexsort((docs["doc_id"].to_numpy(), np.nan_to_num(days, nan=np.inf)))
    docs, days = docs.iloc[order].reset_index(drop=True), days[order]
    bad = dates.iloc[order].reset_index(drop=True)
    bad = bad.notna() & (bad.astype(str).str.strip() != "") & np.isnan(days)
    if bad.any():
        warnings.warn(f"{int(bad.sum())} date(s) are not ISO YYYY-MM-DD (e.g. doc_id "
                      f"{docs['doc_id'][bad].iloc[0]}); those articles are treated as undated",
                      DataWarning, stacklevel=2)

    leads = article_leads(docs, lead_words)
    actors = _actor_sets(analysis, leads)
    entities = [{f"place:{p}" for p in gaz.find(lead, normalized=True)} | actors.get(d, set())
                for d, lead in zip(leads["doc_id"], leads["lead"])]
    grouper = _Grouper(PairScorer(leads["lead"].tolist(), entities, entity_weight), days)
    candidates = grouper.scorer.pairs_above(min(event_threshold, story_threshold))
    margin = undated_threshold - event_threshold

    singles = [np.array([k]) for k in range(len(docs))]
    ev_labels = grouper.cluster(singles, event_threshold, window_days, margin, candidates)
    events = {}
    for k, lab in enumerate(ev_labels):
        events.setdefault(lab, []).append(k)
    ev_keys = list(events)
    units = [np.array(events[key]) for key in ev_keys]
    st_labels = grouper.cluster(units, story_threshold, story_window_days, margin, candidates)

    first = {key: (days[m].min() if not np.isnan(days[m]).all() else np.inf,
                   docs["doc_id"][m].min()) for key, m in zip(ev_keys, units)}
    event_id = _ids("E", 4, first)
    story_first = {}
    for key, lab in zip(ev_keys, st_labels):
        story_first[lab] = min(story_first.get(lab, first[key]), first[key])
    story_id = _ids("S", 3, story_first)

    rows = []
    for key, members, slab in zip(ev_keys, units, st_labels):
        if len(members) > 1:
            raw = grouper.scorer.block(members, members).astype(float)
            np.fill_diagonal(raw, np.nan)
            sims = np.nanmean(raw, axis=1)
        else:
            sims = [np.nan]
        for k, sim in zip(members, sims):
            rows.append((docs["doc_id"][k], event_id[key], story_id[slab], float(sim)))
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    out["similarity"] = out["similarity"].round(4)
    return out.sort_values(["event_id", "doc_id"], ignore_index=True)


def summarize_events(events, corpus):
    """One row per event: size, outlets, dates and a title, for reading the grouping.

    Parameters
    ----------
    events : pandas.DataFrame
        Output of :func:`group_events`.
    corpus : pandas.DataFrame
        The corpus grouped (``doc_id``; ``outlet``, ``date``, ``title`` when present).

    Returns
    -------
    pandas.DataFrame
        ``event_id, story_id, n_articles, n_outlets, outlets, first_date, last_date, doc_ids,
        title`` (the title of the event's first article), sorted by ``event_id``; ``outlets``
        and ``doc_ids`` are ``"; "``-joined.
    """
    meta = corpus.assign(doc_id=corpus["doc_id"].astype(str))
    for col in ("outlet", "date", "title"):
        if col not in meta:
            meta[col] = ""
    data = events.merge(meta[["doc_id", "outlet", "date", "title"]], on="doc_id", how="left")
    data["date"] = data["date"].fillna("").astype(str)
    rows = []
    for (ev, st), g in data.sort_values(["date", "doc_id"]).groupby(["event_id", "story_id"]):
        outlets = sorted(set(g["outlet"].dropna().astype(str)) - {""})
        dated = g["date"][g["date"] != ""]
        rows.append((ev, st, len(g), len(outlets), "; ".join(outlets),
                     dated.min() if len(dated) else "", dated.max() if len(dated) else "",
                     "; ".join(g["doc_id"]), g["title"].iloc[0] if len(g) else ""))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
