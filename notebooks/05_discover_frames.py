# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Discovering frames without a codebook
#
# A codebook finds what we already know to look for. Unsupervised topic models find what the
# corpus is about; an ANTMN-style network (Walter & Ophir 2019) then links topics that occur
# together in the same articles, and its communities are candidate *frame packages*. Use it to
# find frames the codebook misses, then write cues for them (notebook 04).
#
# Corpus: the Libya articles of SaudiNewsNet when `../shared/data` is present, else (after a
# note saying where to get it) the sentences of the seeds — too few documents for stable
# topics, a demonstration only.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

from framing import load_corpus, pipeline
from framing.models import TopicModel, frame_packages, topic_network
from framing.notebook import rtl, shared_path
from framing.plots import figure_style
from framing.text import split_sentences

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
SNN = shared_path("data", "saudinewsnet", "saudinewsnet.jsonl.gz")

if SNN is not None:
    corpus = pipeline.select(load_corpus(SNN), "libya")  # the Libya preset, duplicates dropped
    docs = corpus[["doc_id", "text"]]
    n_topics = 12
else:
    seeds = load_corpus(ROOT / "seeds")
    docs = pd.DataFrame([{"doc_id": f"{r.doc_id}:{i}", "text": s.text}
                         for r in seeds.itertuples() for i, s in enumerate(split_sentences(r.text))])
    n_topics = 5
print(len(docs), "documents")

# %% [markdown]
# ## Topics (NMF on normalised words, Arabic stopwords removed)

# %%
tm = TopicModel(n_topics=n_topics, method="nmf", random_state=0)
weights = tm.fit_transform(docs["text"].tolist())
terms = tm.top_terms(8)
top = terms.groupby("topic")["term"].apply(lambda t: " · ".join(t)).to_frame("top terms")
rtl(top)

# %% [markdown]
# ## Frame packages: communities of the topic co-occurrence network

# %%
doc_topics = tm.document_topics(docs["text"].tolist(), doc_ids=docs["doc_id"].tolist())
# Links: cosine similarity of topics' document weights, as in the ANTMN method; weak links
# (below 0.1) are dropped so that communities are not one connected blob.
packages = frame_packages(doc_topics, measure="cosine", min_weight=0.1, random_state=0)
rtl(packages.merge(top, left_on="topic", right_index=True).sort_values(["frame_package", "topic"]))

# %%
graph = topic_network(doc_topics, measure="cosine", min_weight=0.1)
with figure_style():
    fig, ax = plt.subplots(figsize=(7.2, 5))
    pos = nx.spring_layout(graph, seed=0, weight="weight")
    colour = dict(zip(packages["topic"], packages["frame_package"]))
    nx.draw_networkx_edges(graph, pos, ax=ax, alpha=0.4,
                           width=[3 * d["weight"] for *_, d in graph.edges(data=True)])
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=500,
                           node_color=[colour.get(n, 0) for n in graph.nodes], cmap="tab10")
    first = terms[terms["rank"] == 1].set_index("topic")["term"]
    # Arabic word over the topic number: two lines, so that no bidi mixing is needed
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=8, font_family=plt.rcParams["font.family"],
                            labels={n: f"{first.get(n, '')}\nT{n}" for n in graph.nodes})
    ax.set_axis_off()
    ax.set_title("Topic network: colour = frame package")
    plt.show()

# %% [markdown]
# *Reading it.* Each node is a topic labelled by its heaviest word; edges link topics that
# weigh on the same articles (cosine similarity of their document weights); colours are
# communities (Louvain, seeded). A package that joins, say, *terrorism* and *border* topics is
# a candidate "security threat" frame.
#
# ## Limits
# Topics depend on the number of topics, the stopwords and the seed; run several settings and
# keep only packages that survive. Words are normalised (رءيس for رئيس).
