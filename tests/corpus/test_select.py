"""framing.corpus.select: the documents that mention terms often enough (clitic-aware)."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus import load_corpus, select_mentions
from framing.pipeline import load_preset
from framing.text import normalize, split_sentences
from helpers import SEEDS, count_mentions

TERMS = ["السودان", "القاهرة", "بنغازي", "طرابلس", "الانتخابات", "حفتر", "تونس"]


@pytest.fixture(scope="module")
def libya_terms():
    """The terms of the packaged libya preset."""
    return load_preset("libya").terms


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS)


@pytest.mark.parametrize("term", TERMS)
def test_selected_documents_mention_the_term_twice(seeds, term):
    counts = {d: count_mentions(f"{title}\n{text}", term)
              for d, title, text in zip(seeds["doc_id"], seeds["title"], seeds["text"])}
    for min_hits in (1, 2, 3):
        kept = select_mentions(seeds, [term], min_hits=min_hits)["doc_id"].tolist()
        assert kept == [d for d, n in counts.items() if n >= min_hits], (term, min_hits, counts)


def test_terms_add_up_and_only_the_given_columns_are_read(seeds):
    both = select_mentions(seeds, ["بنغازي", "السودان"], min_hits=3)["doc_id"].str[:3].tolist()
    assert both == ["004"]  # 3 + 2 mentions; neither term alone reaches 3 elsewhere
    assert select_mentions(seeds, ["بنغازي"], columns=("title",)).empty
    assert select_mentions(seeds, ["بنغازي", "السودان"], min_hits=3, columns=("title",)).empty


def test_the_libya_terms_keep_the_libya_seeds(seeds, libya_terms):
    assert "ليبيا" in libya_terms
    assert select_mentions(seeds, libya_terms)["doc_id"].tolist() == seeds["doc_id"].tolist()
    unrelated = seeds.assign(text="ارتفعت أسعار الذهب في الأسواق المحلية.", title="")
    assert select_mentions(unrelated, libya_terms).empty


def test_one_mention_of_libya_is_a_passing_mention(seeds, libya_terms):
    """Seed sentences that name Libya once, as in a list of gold prices: the preset drops them.

    (ليبيا is a hit of the terms ليبيا and ليبي + alef: one place counts once.)
    """
    once = [s.text for text in seeds["text"] for s in split_sentences(text)
            if sum(count_mentions(s.text, t) for t in libya_terms if " " not in t) == 1
            and "طرابلس الغرب" not in normalize(s.text)]
    assert len(once) >= 10
    corpus = pd.DataFrame({"doc_id": [f"s{i}" for i in range(len(once))], "text": once})
    assert select_mentions(corpus, libya_terms).empty
    assert select_mentions(corpus, libya_terms, min_hits=1)["doc_id"].tolist() == \
        corpus["doc_id"].tolist()
