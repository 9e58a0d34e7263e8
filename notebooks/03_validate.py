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
# # Validation: the toolkit against human coders
#
# A measurement is credible in a paper only with its agreement with human coders. This
# notebook (1) scores the toolkit against the hand-coded reference labels of the seeds —
# confusion tables, F1, and every error with the evidence behind it; (2) measures how much
# *real* human coders agree, with Krippendorff's alpha from the FIGNEWS-2024 votes (many teams
# coding the same posts); (3) adds a learned model to those coders as one more coder.
#
# The reference labels and FIGNEWS are read from `../shared` beside the repository; where that
# folder is absent, each section prints a note saying what is missing and where to get it, and
# is skipped.

# %%
from pathlib import Path

import numpy as np
import pandas as pd

from framing import analyze, load_corpus
from framing.notebook import rtl, shared_path
from framing.validate import (agreement_from_counts, compare_to_gold, fignews_alpha, read_fignews,
                              read_labels)

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()

# %% [markdown]
# ## 1. Reference labels of the seeds
# The project maintainers coded the five seed articles by hand (`../shared/gold`, beside the
# repository). Five articles are a *sanity check*: they can show a systematic error, not
# estimate accuracy.

# %%
corpus = load_corpus(ROOT / "seeds")
res = analyze(corpus)
gold_path = shared_path("gold", "seeds_articles.csv")
if gold_path is not None:
    gold = read_labels(gold_path)
    report = compare_to_gold(gold, res.articles, res.evidence, n_boot=200)
    display(report.fields)
else:
    report = None

# %% [markdown]
# Confusion table (tidy: one row per gold × predicted pair) and the labels' F1:

# %%
if report is not None:
    conf = report.confusion
    display(conf[(conf["gold"] != conf["pred"]) & (conf["n"] > 0)])
    display(report.labels[report.labels["support"] > 0].sort_values("f1").head(10))
else:
    print("skipped: no reference labels (see the note above)")

# %% [markdown]
# Every error with the evidence behind it: a false positive shows the cues that fired, a false
# negative shows that no cue did. This is where a codebook gets better — by what words mean.

# %%
if report is not None:
    display(rtl(report.errors))
else:
    print("skipped: no reference labels (see the note above)")

# %% [markdown]
# Alpha between the reference coder and the toolkit, per field (two coders, five units: the
# intervals are very wide, as they should be):

# %%
if report is not None:
    display(report.alpha.round(3))
else:
    print("skipped: no reference labels (see the note above)")

# %% [markdown]
# ## 2. How much do real human coders agree?
# FIGNEWS-2024: news posts about the Gaza war, each coded by several annotation teams for
# *bias* and *propaganda*. Krippendorff's alpha (nominal) from the per-post vote counts, with
# a bootstrap interval over posts, for posts originally in Arabic and for all posts.

# %%
FIG = shared_path("data", "fignews2024", "fignews_iaa_joined.jsonl")
if FIG is not None:
    table = pd.concat([fignews_alpha(FIG, f, n_boot=300) for f in ("bias", "propaganda")])
    display(table.round(3))

# %% [markdown]
# *Reading it.* Alpha near 0.2–0.3 is low: trained coders disagree a lot on bias and
# propaganda. Content-analysis convention asks for α ≥ 0.8 (≥ 0.667 for tentative
# conclusions). A tool that "agrees with humans" on such a field agrees with a moving target:
# report human agreement beside tool accuracy, always.

# %% [markdown]
# ## 3. A learned model as one more coder
# We train a character n-gram classifier on the majority label of the *other* posts
# (five-fold, out-of-fold predictions: the model never sees the post it codes) and add its
# label as one more vote per post. If alpha drops, the model agrees with the coders less than
# they agree with each other.

# %%
if FIG is None:
    print("skipped: no FIGNEWS votes (see the note above)")
else:
    from sklearn.model_selection import StratifiedKFold

    from framing.models import make_text_classifier

    votes = read_fignews(FIG, "propaganda")
    texts = pd.read_json(FIG, lines=True, dtype=False)
    texts["unit"] = texts["batch"] + "/" + texts["source_language"] + "/" + texts["id"].astype(str)
    votes = votes.merge(texts[["unit", "arabic_mt"]], on="unit")
    labels = [c for c in votes.columns if c not in ("unit", "source_language", "arabic_mt")]
    majority = votes[labels].to_numpy().argmax(axis=1)
    keep = votes[labels].sum(axis=1) >= 2
    votes, majority = votes[keep].reset_index(drop=True), majority[keep.to_numpy()]
    oof = np.empty(len(votes), dtype=int)
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(votes, majority):
        model = make_text_classifier(C=0.1, calibrate=False)
        model.fit(votes["arabic_mt"].iloc[train].tolist(), majority[train])
        oof[test] = model.predict(votes["arabic_mt"].iloc[test].tolist())
    with_model = votes[labels].to_numpy().copy()
    with_model[np.arange(len(votes)), oof] += 1
    rows = [dict(coders="humans", **agreement_from_counts(votes[labels], n_boot=300)),
            dict(coders="humans + model", **agreement_from_counts(with_model, n_boot=300))]
    display(pd.DataFrame(rows)[["coders", "n_units", "alpha", "ci_low", "ci_high",
                                "percent_agreement"]].round(3))
    print("model accuracy against the majority label:", round(float((oof == majority).mean()), 3))

# %% [markdown]
# ## Limits
# - The seed reference labels are a development set of five articles; report validation on
#   articles coded independently of the codebook's authors.
# - FIGNEWS codes a different task (bias, propaganda in Gaza-war posts); it teaches how much
#   coders disagree and how to add a tool as a coder, not how well the Libya codebook works.
