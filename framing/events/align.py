"""Within one event: which facts and claims each outlet reports, and how it names the actors.

:func:`align_event` aligns the sentences of the articles of an event. Each sentence is compared
(TF-IDF of character n-grams of normalised text, cosine) with every sentence of every other
article of the event; its best match in another article, if at least ``threshold`` similar, is
the same fact or claim. Sentences linked this way form a *claim*; the table then says, for each
claim and each article, whether the article includes it. A claim no other article matches is
one outlet's own addition; a claim most articles include but one lacks is an omission.

:func:`label_comparison` lists the labels each outlet uses for the same actors in the event
(``الجيش الوطني الليبي`` or ``قوات حفتر``), with their connotation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from ..compare.actors import actor_label_table
from ..errors import FramingError
from ..text.normalize import normalize
from ..text.sentences import split_sentences
from ..text.tokens import WORD_RE

ALIGN_COLUMNS = ["claim_id", "claim_text", "outlet", "doc_id", "date", "sent_id", "text",
                 "included", "similarity"]
LABEL_COLUMNS = ["actor", "outlet", "label", "connotation", "count", "n_articles", "share"]
# Sentence kinds of `framing analyze` that are not statements of the article: the headline
# (compared through the leads when grouping), repeated lines and bare URLs.
_SKIP_KINDS = {"headline", "repeat", "url"}


def _event_doc_ids(event, events, corpus):
    if isinstance(event, str):
        if events is None:
            raise FramingError(f"event '{event}' given by id but no events table",
                               fix="pass events=group_events(...), or a list of doc_ids")
        ids = events.loc[events["event_id"] == event, "doc_id"].astype(str).tolist()
        if not ids:
            raise FramingError(f"no event '{event}' in the events table",
                               fix="use an event_id from group_events(...)")
    else:
        ids = [str(d) for d in event]
    known = set(corpus["doc_id"].astype(str))
    missing = [d for d in ids if d not in known]
    if missing:
        raise FramingError(f"doc_id '{missing[0]}' is not in the corpus",
                           fix="align articles of the corpus that was grouped")
    if len(set(ids)) < 2:
        raise FramingError("an alignment needs at least two articles",
                           fix="choose an event reported by two or more articles")
    return list(dict.fromkeys(ids))


def _sentences(corpus, analysis, ids, min_words):
    """Sentences of the event's articles: ``doc_id, sent_id, text, norm``."""
    table = getattr(analysis, "sentences", None) if analysis is not None else None
    if table is not None and len(table) and set(ids) <= set(table["doc_id"].astype(str)):
        sents = table.loc[table["doc_id"].astype(str).isin(ids)]
        if "kind" in sents:
            sents = sents.loc[~sents["kind"].isin(_SKIP_KINDS)]
        sents = sents.assign(doc_id=sents["doc_id"].astype(str))[["doc_id", "sent_id", "text"]]
    else:
        texts = corpus.assign(doc_id=corpus["doc_id"].astype(str)).set_index("doc_id")["text"]
        texts = texts.where(texts.map(lambda t: isinstance(t, str)), "")
        # Numbered like `framing analyze` numbers them, so that sent_id means the same there.
        rows = [(d, k, s.text) for d in ids for k, s in enumerate(split_sentences(texts[d]))
                if s.kind != "url"]
        sents = pd.DataFrame(rows, columns=["doc_id", "sent_id", "text"])
    norm = [" ".join(WORD_RE.findall(normalize(t))) for t in sents["text"]]
    sents = sents.assign(norm=norm)
    keep = sents["norm"].str.split().str.len() >= min_words
    return sents.loc[keep].reset_index(drop=True)


def _components(n, edges):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([find(x) for x in range(n)])


def align_event(corpus, analysis, event, *, events=None, threshold=0.35, min_words=4):
    """Align the sentences of the articles of one event: who reports which fact or claim.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus (``doc_id, text``; ``outlet`` and ``date`` when known).
    analysis : framing.analyze.Analysis or None
        Its ``sentences`` table is used when it covers the articles (same sentence ids as
        ``sentences.csv``); otherwise the texts are split here.
    event : str or sequence of str
        An ``event_id`` of ``events``, or the ``doc_id`` s of the articles to align.
    events : pandas.DataFrame, optional
        Output of :func:`~framing.events.group_events`; needed when ``event`` is an id.
    threshold : float, default 0.35
        Minimum cosine similarity for two sentences to state the same fact or claim. Reworded
        agency copy scores 0.5-0.9; the same fact in an outlet's own words 0.35-0.5.
    min_words : int, default 4
        Shorter sentences (datelines, captions, "اقرأ أيضا") are left out.

    Returns
    -------
    pandas.DataFrame
        One row per claim and article: ``claim_id`` (``C001`` ... in order of first
        appearance), ``claim_text`` (its first sentence), ``outlet, doc_id, date``, ``sent_id``
        and ``text`` of the article's sentence closest to the claim, ``included`` (that
        sentence states the claim, i.e. is aligned with it) and ``similarity`` (the cosine of
        that sentence with the claim's sentences in the other articles; NaN when no other
        article states the claim).

    Raises
    ------
    framing.errors.FramingError
        Fewer than two articles, an unknown event or doc_id.
    """
    ids = _event_doc_ids(event, events, corpus)
    meta = corpus.assign(doc_id=corpus["doc_id"].astype(str)).set_index("doc_id")
    outlet = meta["outlet"] if "outlet" in meta else pd.Series("", index=meta.index)
    date = meta["date"] if "date" in meta else pd.Series("", index=meta.index)
    ids = sorted(ids, key=lambda d: (str(date.get(d) or "~"), d))  # undated last
    rank = {d: k for k, d in enumerate(ids)}

    sents = _sentences(corpus, analysis, ids, min_words)
    sents = sents.assign(rank=sents["doc_id"].map(rank)).sort_values(
        ["rank", "sent_id"], ignore_index=True)
    n = len(sents)
    if n:
        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
        X = vec.fit_transform(sents["norm"])
        sim = (X @ X.T).toarray()
    else:
        sim = np.zeros((0, 0))
    doc_of = sents["doc_id"].to_numpy()
    in_doc = {d: np.flatnonzero(doc_of == d) for d in ids}

    # Link each sentence to its best match in every other article, if close enough.
    edges = []
    for a in range(n):
        for d in ids:
            cand = in_doc[d]
            if d == doc_of[a] or not len(cand):
                continue
            b = cand[np.argmax(sim[a, cand])]
            if sim[a, b] >= threshold:
                edges.append((a, b))
    claim_of = _components(n, edges)

    roots = list(dict.fromkeys(claim_of))  # claims in order of their first sentence
    width = max(3, len(str(len(roots))))
    rows = []
    for number, root in enumerate(roots, start=1):
        members = np.flatnonzero(claim_of == root)
        claim_text = sents["text"][members[0]]
        for d in ids:
            own = [m for m in members if doc_of[m] == d]
            others = [m for m in members if doc_of[m] != d]
            cand = in_doc[d]
            if own:
                best = max(own, key=lambda m: (sim[m, others].max() if others else 0.0, -m))
                score = float(sim[best, others].max()) if others else np.nan
            elif len(cand):
                scores = sim[np.ix_(cand, members)].max(axis=1)
                best, score = cand[int(np.argmax(scores))], float(scores.max())
            else:
                best, score = None, np.nan
            rows.append((f"C{number:0{width}d}", claim_text, outlet.get(d, ""), d, date.get(d, ""),
                         sents["sent_id"][best] if best is not None else pd.NA,
                         sents["text"][best] if best is not None else pd.NA,
                         bool(own), score))
    out = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    out["sent_id"] = out["sent_id"].astype("Int64")
    out["similarity"] = out["similarity"].round(4)
    return out


def label_comparison(analysis, doc_ids=None):
    """Which labels each outlet uses for the same actor, in the given articles.

    Parameters
    ----------
    analysis : framing.analyze.Analysis
        Its ``actors`` and ``articles`` (for the outlet) tables.
    doc_ids : sequence of str, optional
        The articles of an event (``events.doc_id[events.event_id == "E0001"]``); default all.

    Returns
    -------
    pandas.DataFrame
        ``actor, outlet, label, connotation, count, n_articles, share``: mentions of the actor
        under that label in the outlet's articles, the number of those articles, and the label's
        share of the outlet's mentions of the actor. Sorted by actor, outlet, then count.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> a = SimpleNamespace(
    ...     actors=pd.DataFrame({"doc_id": ["1", "2"], "actor": ["lna", "lna"],
    ...                          "label": ["الجيش الوطني الليبي", "قوات حفتر"],
    ...                          "connotation": ["legitimizing", "delegitimizing"],
    ...                          "count": [2, 1]}),
    ...     articles=pd.DataFrame({"doc_id": ["1", "2"], "outlet": ["A", "B"]}))
    >>> label_comparison(a)[["outlet", "label", "connotation"]].to_numpy().tolist()
    [['A', 'الجيش الوطني الليبي', 'legitimizing'], ['B', 'قوات حفتر', 'delegitimizing']]
    """
    actors = analysis.actors.assign(doc_id=analysis.actors["doc_id"].astype(str))
    articles = analysis.articles.assign(doc_id=analysis.articles["doc_id"].astype(str))
    if doc_ids is not None:
        wanted = {str(d) for d in doc_ids}
        actors = actors.loc[actors["doc_id"].isin(wanted)]
        articles = articles.loc[articles["doc_id"].isin(wanted)]
    if not len(actors):
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("count", "n_articles") else
                                          "float64" if c == "share" else "object")
                             for c in LABEL_COLUMNS})
    table = actor_label_table(actors, articles, by="outlet")
    return (table[LABEL_COLUMNS]
            .sort_values(["actor", "outlet", "count", "label"],
                         ascending=[True, True, False, True], ignore_index=True))
