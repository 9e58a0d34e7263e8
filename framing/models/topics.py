"""Unsupervised framing: topic models and frame packages from the topic co-occurrence network.

Topics come from NMF (on TF-IDF) or LDA (on counts) over normalised Arabic words with clitics and
stop words removed. Frame packages follow the Analysis of Topic Model Networks (ANTMN; Walter &
Ophir 2019, "News Frame Analysis: An Inductive Mixed-method Computational Approach",
Communication Methods and Measures 13(4)): topics are nodes, two topics are linked as strongly as
they co-occur across documents, and communities of this network are the frame packages -- sets
of topics that the same articles tend to combine.

Everything is seeded: the same texts and parameters give the same tables.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from ..errors import FramingError, check_choice
from ..schema import texts_of
from ..text.clitics import strip_article
from ..text.normalize import normalize
from ..text.stopwords import load_stopwords
from ..text.tokens import tokenize

METHODS = ("nmf", "lda")


class ArabicTokenizer:
    """Normalise, split into words, drop stop words, numbers and one-letter words, strip articles.

    A class rather than a closure so that fitted topic models pickle.

    Parameters
    ----------
    stopwords : collection of str
        Normalised stop words; checked before and after stripping (``والتي`` -> ``التي``).
    strip_articles : bool, default True
        Remove the article with its attached particles (:func:`framing.text.clitics.strip_article`
        with ``particles=True``), so that
        ``والحكومة`` and ``حكومة`` are one term. Pronoun suffixes are kept: too many words end in
        the same letters.
    """

    def __init__(self, stopwords=frozenset(), strip_articles=True):
        self.stopwords = frozenset(stopwords)
        self.strip_articles = strip_articles

    def __call__(self, text):
        out = []
        for word in tokenize(text, normalize=True, words_only=True, numbers=False, min_length=2,
                             stopwords=self.stopwords):
            if self.strip_articles:
                word = strip_article(word, 3, particles=True)
                if word in self.stopwords:
                    continue
            out.append(word)
        return out


class TopicModel(TransformerMixin, BaseEstimator):
    """NMF or LDA topic model of Arabic texts, with tidy output tables.

    Parameters
    ----------
    n_topics : int, default 10
    method : {"nmf", "lda"}, default "nmf"
        NMF on TF-IDF (sharper topics on short news sets) or LDA on counts.
    min_df : int or float, default 2
        Ignore terms in fewer documents.
    max_df : float, default 0.95
        Ignore terms in a larger share of documents.
    max_features : int, optional
    stopwords : "arabic", collection of str or None, default "arabic"
        The packaged list (:func:`framing.text.load_stopwords`), your own, or none.
    extra_stopwords : collection of str, default ()
        Added to the list (normalised), e.g. outlet names or boilerplate.
    strip_articles : bool, default True
        See :class:`ArabicTokenizer`.
    max_iter : int, optional
        Default: 500 for NMF, 30 passes for LDA (batch variational Bayes is slow per pass).
    random_state : int, default 0

    Attributes
    ----------
    vectorizer_ : the fitted vectoriser
    model_ : the fitted NMF or LatentDirichletAllocation
    terms_ : numpy.ndarray of str

    Examples
    --------
    >>> tm = TopicModel(n_topics=8).fit(texts)                   # doctest: +SKIP
    >>> tm.top_terms(10)                                         # doctest: +SKIP
    >>> frame_packages(tm.document_topics(texts, doc_ids))       # doctest: +SKIP
    """

    def __init__(self, n_topics=10, method="nmf", *, min_df=2, max_df=0.95, max_features=None,
                 stopwords="arabic", extra_stopwords=(), strip_articles=True, max_iter=None,
                 random_state=0):
        self.n_topics = n_topics
        self.method = method
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.stopwords = stopwords
        self.extra_stopwords = extra_stopwords
        self.strip_articles = strip_articles
        self.max_iter = max_iter
        self.random_state = random_state

    def _stopword_set(self):
        if self.stopwords is None:
            base = frozenset()
        elif isinstance(self.stopwords, str):
            if self.stopwords != "arabic":
                raise FramingError(f"unknown stop-word list {self.stopwords!r}",
                                   fix='use "arabic", a list of words, or None')
            base = load_stopwords("default")
        else:
            base = frozenset(normalize(w) for w in self.stopwords)
        return base | {normalize(w) for w in self.extra_stopwords}

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False  # one text per sample
        tags.input_tags.string = True
        return tags

    def fit(self, X, y=None):
        """Fit the vocabulary and the topics on texts ``X`` (a sequence of str)."""
        self.fit_transform(X)
        return self

    def fit_transform(self, X, y=None):
        check_choice("method", self.method, METHODS)
        texts = texts_of(X)
        vec_class = TfidfVectorizer if self.method == "nmf" else CountVectorizer
        tokenizer = ArabicTokenizer(self._stopword_set(), self.strip_articles)
        self.vectorizer_ = vec_class(tokenizer=tokenizer, lowercase=False, token_pattern=None, min_df=self.min_df,
                                     max_df=self.max_df, max_features=self.max_features)
        try:
            counts = self.vectorizer_.fit_transform(texts)
        except ValueError as exc:  # empty vocabulary after pruning
            raise FramingError(f"no terms left to model ({exc})",
                               fix="give more texts or lower min_df") from None
        if counts.shape[1] < self.n_topics:
            raise FramingError(f"{counts.shape[1]} terms cannot make {self.n_topics} topics",
                               fix="give more texts, lower min_df or ask for fewer topics")
        if self.method == "nmf":
            self.model_ = NMF(self.n_topics, init="nndsvda", max_iter=self.max_iter or 500,
                              random_state=self.random_state)
        else:
            self.model_ = LatentDirichletAllocation(self.n_topics, learning_method="batch",
                                                    max_iter=self.max_iter or 30,
                                                    random_state=self.random_state)
        weights = self.model_.fit_transform(counts)
        self.terms_ = self.vectorizer_.get_feature_names_out()
        return _row_normalise(weights)

    def transform(self, X):
        """Topic weights of each text, rows summing to one (zero for texts without known terms)."""
        check_is_fitted(self, "model_")
        return _row_normalise(self.model_.transform(self.vectorizer_.transform(texts_of(X))))

    def top_terms(self, n=10):
        """The ``n`` heaviest terms of each topic.

        Returns
        -------
        pandas.DataFrame
            ``topic, rank, term, weight`` (weights normalised to sum to one within a topic).
        """
        check_is_fitted(self, "model_")
        comp = self.model_.components_
        comp = comp / np.maximum(comp.sum(axis=1, keepdims=True), 1e-300)
        rows = []
        for k, row in enumerate(comp):
            top = np.argsort(-row, kind="stable")[:n]
            rows += [{"topic": k, "rank": r + 1, "term": self.terms_[j], "weight": float(row[j])}
                     for r, j in enumerate(top)]
        return pd.DataFrame(rows)

    def document_topics(self, X, doc_ids=None):
        """Tidy document-topic weights.

        Parameters
        ----------
        X : sequence of str
        doc_ids : sequence, optional
            Default ``0..n-1``.

        Returns
        -------
        pandas.DataFrame
            ``doc_id, topic, weight``, one row per document and topic.
        """
        weights = self.transform(X)
        doc_ids = np.arange(len(weights)) if doc_ids is None else np.asarray(list(doc_ids))
        if len(doc_ids) != len(weights):
            raise FramingError(f"{len(doc_ids)} doc_ids for {len(weights)} texts")
        return pd.DataFrame({
            "doc_id": np.repeat(doc_ids, weights.shape[1]),
            "topic": np.tile(np.arange(weights.shape[1]), len(weights)),
            "weight": weights.ravel(),
        })


def _row_normalise(weights):
    totals = weights.sum(axis=1, keepdims=True)
    return np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)


def _topic_matrix(doc_topics):
    """Documents × topics matrix from a tidy table or an array."""
    if isinstance(doc_topics, pd.DataFrame) and {"doc_id", "topic", "weight"} <= set(doc_topics):
        return doc_topics.pivot_table(index="doc_id", columns="topic", values="weight",
                                      aggfunc="sum", fill_value=0.0, sort=True)
    return pd.DataFrame(np.asarray(doc_topics, dtype=float))


def topic_network(doc_topics, measure="correlation", min_weight=0.0):
    """Topic co-occurrence network (ANTMN): topics linked by how they co-occur in documents.

    Parameters
    ----------
    doc_topics : pandas.DataFrame or array-like
        Tidy ``doc_id, topic, weight`` (:meth:`TopicModel.document_topics`) or a documents ×
        topics matrix.
    measure : {"correlation", "cosine"}, default "correlation"
        Pearson correlation of the topics' document weights (co-occurrence beyond what their
        prevalence implies; negative links are dropped), or cosine similarity (as in the ANTMN R
        package; dominated by frequent topics).
    min_weight : float, default 0.0
        Keep links stronger than this.

    Returns
    -------
    networkx.Graph
        Nodes are topics with attribute ``prevalence`` (mean weight); edges have ``weight``.
    """
    m = _topic_matrix(doc_topics)
    x = m.to_numpy(dtype=float)
    if measure == "correlation":
        with np.errstate(invalid="ignore", divide="ignore"):
            sim = np.corrcoef(x, rowvar=False)
    elif measure == "cosine":
        norms = np.linalg.norm(x, axis=0)
        sim = (x.T @ x) / np.maximum(np.outer(norms, norms), 1e-300)
    else:
        raise FramingError(f"unknown measure {measure!r}", fix="use correlation or cosine")
    # Rounded so that floating-point noise (a constant topic's "correlation" of 1e-17) links nothing.
    sim = np.round(np.nan_to_num(np.atleast_2d(sim), nan=0.0), 12)
    graph = nx.Graph()
    for j, topic in enumerate(m.columns):
        graph.add_node(topic, prevalence=float(x[:, j].mean()))
    for i in range(len(m.columns)):
        for j in range(i + 1, len(m.columns)):
            if sim[i, j] > min_weight:
                graph.add_edge(m.columns[i], m.columns[j], weight=float(sim[i, j]))
    return graph


def frame_packages(doc_topics, method="louvain", *, measure="correlation", min_weight=0.0,
                   resolution=1.0, random_state=0):
    """Group topics into frame packages: communities of the topic co-occurrence network.

    Parameters
    ----------
    doc_topics : pandas.DataFrame or array-like
        As in :func:`topic_network`.
    method : {"louvain", "greedy"}, default "louvain"
        Louvain modularity optimisation (seeded) or Clauset-Newman-Moore greedy modularity.
    measure, min_weight
        See :func:`topic_network`.
    resolution : float, default 1.0
        Higher values give more, smaller packages.
    random_state : int, default 0

    Returns
    -------
    pandas.DataFrame
        ``topic, frame_package``; packages are numbered from 0 by size (largest first), then by
        their first topic. A topic linked to none stands alone.
    """
    if method not in ("louvain", "greedy"):
        raise FramingError(f"unknown community method {method!r}", fix="use louvain or greedy")
    graph = topic_network(doc_topics, measure, min_weight)
    # Both algorithms may attach an unlinked topic anywhere (it changes modularity by nothing);
    # it co-occurs with no other topic, so it is a package of its own.
    alone = [[t] for t in nx.isolates(graph)]
    linked = graph.subgraph(t for t in graph if graph.degree(t) > 0)
    if linked.number_of_edges() == 0:
        communities = []
    elif method == "louvain":
        communities = nx.community.louvain_communities(linked, weight="weight",
                                                       resolution=resolution, seed=random_state)
    else:
        communities = nx.community.greedy_modularity_communities(linked, weight="weight",
                                                                 resolution=resolution)
    communities = [*communities, *alone]
    ordered = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    rows = [{"topic": t, "frame_package": k} for k, members in enumerate(ordered) for t in members]
    return pd.DataFrame(rows).sort_values("topic", ignore_index=True)
