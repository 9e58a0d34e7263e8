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
# # Quickstart: from five articles to traceable framing features
#
# This notebook loads the five seed articles (Egypt–Libya military coordination, five different
# sources), analyses them with the packaged `libya-egypt` codebook, reads the article table and
# explains one article with its evidence shown right-to-left.
#
# Every number below can be traced to sentences and cue words: that is the point of the toolkit.

# %%
from pathlib import Path

import pandas as pd

from framing import analyze, load_corpus
from framing.corpus import corpus_summary, format_summary
from framing.explain import reasons
from framing.notebook import rtl, show_explanation

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
pd.set_option("display.max_colwidth", 80)

# %% [markdown]
# ## 1. Load the corpus
# A folder of `.txt` files (the file name is the `doc_id`) with an optional `metadata.csv`.
# Where metadata is missing, the loader reads candidates from the text itself and says where
# each value came from (`*_source`).

# %%
corpus = load_corpus(ROOT / "seeds")
print(format_summary(corpus_summary(corpus)))
rtl(corpus[["doc_id", "outlet", "date", "date_source", "title", "byline"]])

# %% [markdown]
# ## 2. Analyse
# One call computes topics, stances, tone, actor labels and quotes, per sentence and per
# article. The result holds one tidy DataFrame per output table.

# %%
res = analyze(corpus, "libya-egypt")
{name: len(df) for name, df in res.tables().items()}

# %% [markdown]
# ## 3. The article table
# `topic:T` is 1 when the article substantively addresses T; `stance:S` is pro, con, neutral or
# absent; `tone` weighs the headline and lead more.

# %%
labels = [c for c in res.articles.columns if c.startswith(("topic:", "stance:")) or c == "tone"]
rtl(res.articles[["doc_id", "outlet", *labels]])

# %% [markdown]
# ## 4. How are the actors labelled?
# The same actor can be named in legitimising or delegitimising terms; the codebook records the
# connotation of each label.

# %%
rtl(res.actors.sort_values(["actor", "doc_id"]))

# %% [markdown]
# ## 5. Who is quoted?

# %%
rtl(res.quotes[["doc_id", "sent_id", "speaker", "source_type", "verb", "resolved"]])

# %% [markdown]
# ## 6. Why did article 004 get its labels?
# Each label with the cues that produced it (`¬` marks a negated cue), then the article
# right-to-left with the evidence highlighted (hover a highlight for its field and cue).

# %%
doc = "004_07d685bfe4e10dc6"
rtl(reasons(res, doc))

# %%
show_explanation(res, corpus, doc)

# %% [markdown]
# ## 7. How close is this to a human coder?
# The project maintainers coded the five seeds by hand; their labels ship with the seeds
# (`seeds/gold/seeds_articles.csv`, see `seeds/README.md`). Five articles are a sanity check,
# not an accuracy estimate: see `03_validate` for the real thing.

# %%
from framing.validate import evaluate, read_labels

gold = read_labels(ROOT / "seeds" / "gold" / "seeds_articles.csv")
scores, per_label, confusion = evaluate(gold, res.articles.astype(str))
display(scores)
