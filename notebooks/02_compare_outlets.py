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
# # Comparing outlets: every paper figure from a corpus
#
# How do outlets frame the same events? This notebook produces the figures of a paper —
# topic shares, stances, tone over time, actor labels, distinctive words, and one event seen
# by several outlets — with their uncertainty, and says after each what it does and does not
# show. It calls the same functions as `framing figures`.
#
# Two corpora: the five seeds (one article per outlet: every interval is as wide as it can be,
# which is the first lesson), and, where `../shared/data` is present, the Libya articles of
# SaudiNewsNet (14 Saudi outlets, July–August 2015).

# %%
# %matplotlib inline

# %%
import warnings
from pathlib import Path

import pandas as pd

from framing import compare
from framing.analyze import analyze
from framing.corpus import load_corpus
from framing.corpus.select import select_mentions
from framing.events import align_event, group_events, summarize_events
from framing.notebook import rtl
from framing.plots import (actor_labels_by_outlet, distinctive_terms_plot, event_panel,
                           outlet_topic_heatmap, stance_by_outlet)
from framing.plots import tone_over_time as tone_plot

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
SNN = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
warnings.simplefilter("ignore", category=UserWarning)  # small-n notes are shown in the figures

# %% [markdown]
# ## The corpus
# The seeds, or the Libya articles of SaudiNewsNet when the shared data is here.

# %%
if SNN.exists():
    full = load_corpus(SNN)
    corpus = select_mentions(full)  # ليبيا، بنغازي، طرابلس، سرت، درنة، حفتر ...
    corpus = corpus[corpus["duplicate_of"] == ""]  # the same text twice is one article
    name = "SaudiNewsNet, Libya articles"
else:
    corpus = load_corpus(ROOT / "seeds")
    name = "seeds"
res = analyze(corpus)
arts = res.articles
print(name, "—", len(arts), "articles from", arts["outlet"].nunique(), "outlets")
arts["outlet"].value_counts().to_frame("articles").T

# %% [markdown]
# ## 1. Which outlets cover which topics?
# Share of each outlet's articles that substantively address each topic, with a 95% bootstrap
# interval (articles resampled within the outlet, seeded). Outlets with fewer than 10 articles
# are marked †: their shares can move by tens of points with one article more or less.

# %%
shares = compare.topic_shares(arts)
outlet_topic_heatmap(shares)

# %%
tests = compare.topic_outlet_tests(arts)
tests[["topic", "test", "statistic", "p_value", "p_holm", "cramers_v", "note"]].round(4)

# %% [markdown]
# *Reading it.* A dark cell means most of that outlet's articles address the topic; compare
# rows, not single cells, and look at the intervals before reading a difference. The test
# table asks whether topic coverage depends on the outlet at all (Fisher's exact test where
# counts are small, chi-square otherwise; Holm-corrected across topics).

# %% [markdown]
# ## 2. Stance toward each target

# %%
stances = compare.stance_distribution(arts)
stance_by_outlet(stances)

# %% [markdown]
# *Reading it.* `absent` dominates for most targets: most articles never mention them. A
# stance is read from evaluative words near the target in the same clause; quoted sources
# count as the article presenting them. Check single cells with `framing explain`.

# %% [markdown]
# ## 3. Tone over time

# %%
tone = compare.tone_over_time(arts, freq="auto")
tone_plot(tone)

# %% [markdown]
# *Reading it.* Tone is the balance of positive and negative evaluative words, the headline
# and lead weighing more. War coverage is negative whoever reports it: compare outlets with
# each other, not with zero.

# %% [markdown]
# ## 4. How are the actors labelled?

# %%
labels = compare.actor_label_table(res.actors, arts)
actor_labels_by_outlet(labels)

# %% [markdown]
# *Reading it.* Dot area is the share of the actor's mentions in that outlet that use the
# label; colour is the label's connotation as coded in the codebook (a coding decision you can
# inspect and change in the YAML).

# %% [markdown]
# ## 5. Distinctive words of each outlet
# Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), each
# outlet against the rest, z-scores; Arabic stopwords removed.

# %%
docs = corpus.merge(arts[["doc_id"]], on="doc_id")
terms = compare.distinctive_terms(docs, stopwords="default", min_count=3)
distinctive_terms_plot(terms, n=8)

# %% [markdown]
# ## 6. One event, several outlets
# Articles that report the same event (same days, shared places and actors, similar title
# and lead) are grouped; we take the event covered by the most outlets.

# %%
events = group_events(corpus, res)
summary = summarize_events(events, corpus)
rtl(summary.head(10))

# %%
covered = events.merge(arts[["doc_id", "outlet"]], on="doc_id").groupby("event_id")["outlet"].nunique()
best = covered.idxmax()
print("event", best, "covered by", covered.max(), "outlets")
profile = compare.event_profile(arts, res.actors, events[events.event_id == best]["doc_id"])
event_panel(profile) if covered.max() > 1 else print("no event is covered by two outlets here")

# %% [markdown]
# Which facts does each outlet include or omit? Sentences aligned across the event's articles:

# %%
aligned = align_event(corpus, res, best, events=events)
rtl(aligned.head(20))

# %% [markdown]
# ## Limits
# - Topic, stance and tone come from a dictionary (the codebook); they are as good as its cues
#   and miss framing by omission, irony and implication. Validate on your own labels
#   (`03_validate`) before making claims.
# - Outlets with few articles get wide intervals; differences within the intervals are not
#   evidence of different framing.
# - Events are grouped by similarity; inspect `summary` before interpreting an event panel.
