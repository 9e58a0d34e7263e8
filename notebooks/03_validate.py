# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
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
# The seeds' reference labels ship with the repository; FIGNEWS and the SaudiNewsNet development
# set are read from `../shared` beside it: where that folder is absent, those sections print a
# note saying what is missing and where to get it, and are skipped.

# %%
import tempfile
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
# The project maintainers coded the five seed articles by hand; the labels ship beside the seeds
# (`seeds/gold/`, see `seeds/README.md`). Five articles are a *sanity check*: they can show a
# systematic error, not estimate accuracy.

# %%
corpus = load_corpus(ROOT / "seeds")
res = analyze(corpus)
gold = read_labels(ROOT / "seeds" / "gold" / "seeds_articles.csv")
report = compare_to_gold(gold, res.articles, res.evidence, n_boot=200)
display(report.fields)

# %% [markdown]
# Confusion table (tidy: one row per gold × predicted pair) and the labels' F1:

# %%
conf = report.confusion
display(conf[(conf["gold"] != conf["pred"]) & (conf["n"] > 0)])
display(report.labels[report.labels["support"] > 0].sort_values("f1").head(10))

# %% [markdown]
# Every error with the evidence behind it: a false positive shows the cues that fired, a false
# negative shows that no cue did. This is where a codebook gets better — by what words mean.

# %%
display(rtl(report.errors))

# %% [markdown]
# Alpha between the reference coder and the toolkit, per field (two coders, five units: the
# intervals are very wide, as they should be):

# %%
display(report.alpha.round(3))

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
# ## 4. The researcher's loop on a coded sample
# The seeds are too few to tune on. `../shared/gold/saudinewsnet_dev.csv` holds 110
# SaudiNewsNet articles coded by two coders with `../shared/docs/CODING-PROTOCOL.md`. The loop:
# (a) fix a split into a tuning and a check part *before* looking at anything, by a rule
# (a salted hash of `doc_id`: the same split on every machine); (b) measure on the tuning part;
# (c) read its errors with their evidence; (d) ask for cue suggestions; (e) revise the codebook
# by what the words mean; (f) calibrate thresholds by cross-validation on the tuning part;
# (g) measure once on the check part, and report that number. Never read the check part's errors:
# the moment you do, it is a second tuning part.

# %%
import gzip
import json
import warnings

from framing.validate import calibrate, diagnose, evaluate, reason_counts, suggest_cues
from framing.validate.split import holdout_split

DEV = shared_path("gold", "saudinewsnet_dev.csv")
SNN = shared_path("data", "saudinewsnet", "saudinewsnet.jsonl.gz")
if DEV is None or SNN is None:
    dev = None
    print("skipped: the loop needs the coded sample ../shared/gold/saudinewsnet_dev.csv and "
          "its texts, SaudiNewsNet in ../shared/data/saudinewsnet (CC BY-NC-SA; see the "
          "README, Public corpora)")
else:
    dev = read_labels(DEV)
    # `line` is the article's line in saudinewsnet.jsonl.gz (see ../shared/gold/README.md)
    wanted = dict(zip(dev["line"].astype(int), dev["doc_id"]))
    rows = []
    with gzip.open(SNN, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n in wanted:
                rec = json.loads(line)
                rows.append({"doc_id": wanted[n], "outlet": rec["source"],
                             "title": rec.get("title", ""), "text": rec["content"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # notes on the raw texts (repeated titles, ...)
        dev_corpus = load_corpus(pd.DataFrame(rows))
    part = holdout_split(dev["doc_id"])  # salt "framing-holdout-v1": the split we committed to
    tuning = dev[dev["doc_id"].map(part) == "tuning"].reset_index(drop=True)
    check = dev[dev["doc_id"].map(part) == "check"].reset_index(drop=True)
    print(f"{len(tuning)} tuning articles, {len(check)} check articles")

# %% [markdown]
# (b) Measure on the tuning part: per field, accuracy and macro-F1; per label, precision and
# recall.

# %%
if dev is not None:
    dev_res = analyze(dev_corpus)
    scores, per_label, _ = evaluate(tuning, dev_res.articles)
    display(scores.round(3))
    display(per_label[per_label["label"].isin(["1", "pro", "con"])].round(3))

# %% [markdown]
# (c) Read the errors of the tuning part. `diagnose` explains each one from the evidence: the
# cause (no cue in the sentence the coder used, weight below the threshold, target outside the
# window, ...) and the sentence itself. Counting the causes tells you whether the cues or the
# thresholds are wrong.

# %%
if dev is not None:
    diag = diagnose(tuning, analysis=dev_res)
    display(reason_counts(diag).sort_values("n", ascending=False).head(12))
    display(rtl(diag[diag["field"] == "topic:regional_rivalry"][
        ["doc_id", "kind", "cause", "reason", "cues", "text"]].head(6)))

# %% [markdown]
# (d) Suggestions: terms that distinguish the sentences of articles coded 1 from those of
# articles coded 0 and that the codebook does not match yet, ranked by log-odds with an
# informative prior (Monroe, Colaresi & Quinn 2008), each with example sentences. They are
# candidates to *read*: a term is accepted only if it names the concept in any outlet and year
# (الولايات المتحدة is frequent in these articles; it is not regional rivalry).

# %%
if dev is not None:
    sugg = suggest_cues(tuning, dev_corpus, "topic:regional_rivalry", unit="sentence", top=12)
    display(rtl(sugg[["rank", "term", "count_pos", "count_neg", "log_odds", "z", "examples"]]))

# %% [markdown]
# (e) Revise. Write the terms you accept by meaning into a copy of the codebook (here: none
# are added automatically; put your accepted cues in `accepted` and run the cells again). The
# changelog of the packaged codebook (`framing/data/codebooks/libya-egypt.yaml`) records every
# concept revised this way and why.

# %%
import yaml

accepted = {"topic:regional_rivalry": []}  # e.g. ["التنافس الإقليمي"] after reading the examples
if dev is not None:
    from importlib import resources

    cb_yaml = yaml.safe_load(
        (resources.files("framing") / "data" / "codebooks" / "libya-egypt.yaml").read_text("utf-8"))
    for field, cues in accepted.items():
        kind, name = field.split(":", 1)
        cb_yaml[kind + "s"][name]["cues"] += cues
    work = Path(tempfile.mkdtemp()) / "my-codebook.yaml"
    work.write_text(yaml.safe_dump(cb_yaml, allow_unicode=True, sort_keys=False), "utf-8")

# %% [markdown]
# (f) Calibrate thresholds by five-fold cross-validation on the tuning part. The new codebook
# records the sample (hash, size) and the cross-validated scores, so it is cited like any
# other; a threshold changes only where cross-validation improves on the current one.

# %%
if dev is not None:
    cal = calibrate(tuning, dev_corpus, codebook=work, k=5)
    display(cal.scores[["field", "status", "thresholds_before", "thresholds_after", "before",
                        "cv_after"]].round(3))
    calibrated = cal.write(work.with_name("my-codebook-calibrated.yaml"))

# %% [markdown]
# (g) Measure once on the check part, with the codebook as revised and calibrated. This is the
# number to report, beside the tuning part's (the tuning part flatters: it is what we tuned on).

# %%
if dev is not None:
    final = analyze(dev_corpus, calibrated)
    rows = []
    for name, g in (("tuning", tuning), ("check", check)):
        s, _, _ = evaluate(g, final.articles)
        rows.append(s.assign(part=name))
    display(pd.concat(rows).pivot(index="field", columns="part", values="macro_f1").round(3))

# %% [markdown]
# ## Limits
# - The seed reference labels are a development set of five articles; report validation on
#   articles coded independently of the codebook's authors.
# - FIGNEWS codes a different task (bias, propaganda in Gaza-war posts); it teaches how much
#   coders disagree and how to add a tool as a coder, not how well the Libya codebook works.
