"""framing.models.topics: Arabic topic models and ANTMN frame packages."""

from __future__ import annotations

import gzip
import itertools
import json
import pickle

import numpy as np
import pandas as pd
import pytest

from framing.errors import FramingError
from framing.models import TopicModel, frame_packages, topic_network
from framing.models.topics import ArabicTokenizer
from framing.text import load_stopwords, normalize
from helpers import SNN, shared_path


def test_tokenizer():
    tok = ArabicTokenizer(load_stopwords("default"))
    # قال and إن are stop words; الحكومةَ loses its diacritic and article; 2025 and و go
    assert tok("وقال إنّ الحكومةَ والجيش في 2025 و للجيش") == ["حكومة", "جيش", "جيش"]
    assert ArabicTokenizer(strip_articles=False)("والجيش") == ["والجيش"]


@pytest.fixture(scope="module")
def seeds(seed_texts):
    return list(seed_texts), list(seed_texts.values())


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_topic_model_on_seeds(seeds, method):
    ids, texts = seeds
    tm = TopicModel(n_topics=3, method=method).fit(texts)
    terms = tm.top_terms(6)
    assert list(terms.columns) == ["topic", "rank", "term", "weight"]
    assert len(terms) == 18 and terms.groupby("topic")["rank"].apply(list).eq([[1, 2, 3, 4, 5, 6]] * 3).all()
    assert terms.groupby("topic")["weight"].apply(lambda w: w.is_monotonic_decreasing).all()
    assert not set(terms["term"]) & load_stopwords("default")
    assert all(normalize(t) == t and not t.startswith("ال") for t in terms["term"])
    docs = tm.document_topics(texts, ids)
    assert list(docs.columns) == ["doc_id", "topic", "weight"] and len(docs) == 15
    np.testing.assert_allclose(docs.groupby("doc_id")["weight"].sum(), 1.0)
    # Deterministic: a second fit gives the same tables, and the fitted model pickles.
    again = TopicModel(n_topics=3, method=method).fit(texts)
    pd.testing.assert_frame_equal(terms, again.top_terms(6))
    restored = pickle.loads(pickle.dumps(tm))
    np.testing.assert_allclose(restored.transform(texts), tm.transform(texts))


def test_topic_model_errors(seeds):
    with pytest.raises(FramingError, match="cannot make 5000 topics"):
        TopicModel(n_topics=5000).fit(seeds[1])
    with pytest.raises(FramingError, match="method must be one of"):
        TopicModel(method="bertopic").fit(seeds[1])


def _two_packages():
    # Topics 0 and 1 appear in the same documents, as do 2 and 3; 4 appears everywhere a little.
    rows = [[.5, .4, 0, 0, .1], [.3, .6, 0, 0, .1], [.6, .3, 0, 0, .1], [.45, .45, 0, 0, .1],
            [0, 0, .5, .4, .1], [0, 0, .3, .6, .1], [0, 0, .6, .3, .1], [0, 0, .45, .45, .1]]
    return np.array(rows)


def test_topic_network_by_hand():
    x = _two_packages()
    graph = topic_network(x)
    assert graph.has_edge(0, 1) and graph.has_edge(2, 3)
    assert not graph.has_edge(0, 2)          # negatively correlated: no link
    assert 4 not in nx_neighbors(graph)      # constant topic: correlation undefined, no link
    assert graph[0][1]["weight"] == pytest.approx(np.corrcoef(x[:, 0], x[:, 1])[0, 1])
    assert graph.nodes[4]["prevalence"] == pytest.approx(0.1)
    cosine = topic_network(x, measure="cosine")
    assert cosine.has_edge(0, 4) and not cosine.has_edge(0, 2)


def nx_neighbors(graph):
    return {n for u, v in graph.edges for n in (u, v)}


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_frame_packages_by_hand(method):
    x = _two_packages()
    tidy = pd.DataFrame({"doc_id": np.repeat(np.arange(8), 5), "topic": np.tile(np.arange(5), 8),
                         "weight": x.ravel()})
    packages = frame_packages(tidy, method)
    assert list(packages.columns) == ["topic", "frame_package"]
    groups = packages.groupby("frame_package")["topic"].apply(sorted).tolist()
    assert sorted(groups) == [[0, 1], [2, 3], [4]]
    assert packages.equals(frame_packages(x, method))  # tidy table or matrix, same answer


@pytest.fixture(scope="module")
def saudi_news():
    path = shared_path(*SNN)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, 800)]
    return pd.DataFrame(rows)


@pytest.mark.slow
def test_frame_packages_on_real_news(saudi_news):
    texts = saudi_news["content"].tolist()
    tm = TopicModel(n_topics=10, random_state=0).fit(texts)
    docs = tm.document_topics(texts, saudi_news["url"])
    packages = frame_packages(docs)
    assert sorted(packages["topic"]) == list(range(10))
    assert 2 <= packages["frame_package"].nunique() < 10
    assert packages.equals(frame_packages(docs))                       # seeded Louvain
    terms = tm.top_terms(10)
    # Real news has a football topic; its terms come out together.
    sports = terms.groupby("topic")["term"].apply(set)
    assert any({"نادي", "لاعب"} <= s or {"فريق", "مباراة"} <= s for s in sports)
