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
# # Week 4 — Validation: do coders agree, and does the machine agree with them?

# %% [markdown] tags=["solution"]
# **Instructor solutions — do not distribute.** Each exercise's `# TODO` cell, as students get
# it, is followed by a cell that does the exercise — exercise 1 with one instructor's
# independent coding; the check cells print the results and the **Answer** cells give the
# points to draw out. The student notebook is generated from this one (`tools/teaching.py`, see
# `notebooks/teaching/README.md`): edit here.

# %% [markdown]
# A framing measure is only as credible as its agreement with careful human reading. Content
# analysis has a standard for this: several coders code the same units independently, and we
# report how far they agree beyond chance — **Krippendorff's alpha** (α). The same logic
# applies to a tool: it is one more coder, and its labels deserve the same test.
#
# This week you become a coder. You hand-code the five seed articles on one field, compare
# your codes with the toolkit and with the project maintainers' codes, compute alpha, learn
# why alpha and percent agreement differ, and look at how much *real* coders of news framing
# agree (FIGNEWS-2024).
#
# **Why this matters for framing research.** Frames are interpretive. If trained coders
# cannot agree on a frame, no tool can be "accurate" at detecting it — there is nothing stable
# to be accurate about. Reporting reliability is therefore not a formality: it defines which
# claims your study can make at all.
#
# Exercises print `not yet: ...` until done; the notebook always runs top to bottom.

# %%
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from framing import analyze, load_corpus
from framing.notebook import rtl, shared_path
from framing.validate import (agreement, agreement_from_counts, alpha_from_counts,
                              compare_to_gold, evaluate, fignews_alpha, read_labels)

HERE = Path.cwd()
ROOT = next(p for p in (HERE, *HERE.parents) if (p / "seeds").is_dir() and (p / "framing").is_dir())

corpus = load_corpus(ROOT / "seeds")
res = analyze(corpus)
ids = sorted(corpus["doc_id"])
FIELD = "stance:haftar"
LABELS = ("pro", "con", "neutral", "absent")
# The maintainers' codes ship with the seeds (seeds/gold/seeds_articles.csv, see seeds/README.md).
GOLD = ROOT / "seeds" / "gold" / "seeds_articles.csv"
maintainers = read_labels(GOLD)
print("maintainers' codes:", len(maintainers), "articles")

# %% [markdown]
# ## 1. You are the coder
# **Field:** `stance:haftar` — how the article presents the eastern command (Khalifa Haftar,
# his sons, the Libyan National Army).
#
# **Coding rules** (from the project's design notes; the same rules the maintainers used):
# - `pro`: the article presents Haftar / the LNA as legitimate, effective, deserving support —
#   in its own voice or through sources it quotes *without distancing itself*;
# - `con`: it presents them as illegitimate, a threat, an obstacle;
# - `neutral`: mentioned without evaluation, or evaluation balanced;
# - `absent`: not mentioned.
#
# Code at article level: read the whole article, then decide. Do **not** look at the toolkit's
# labels or the maintainers' codes first — independence is the whole point. Display an
# article with `read(i)` (i = 0 … 4).


# %%
def read(i):
    """Show seed article i right-to-left."""
    row = corpus.set_index("doc_id").loc[ids[i]]
    body = "<br>".join(line for line in row["text"].splitlines() if line.strip())
    return HTML(f'<div dir="rtl" lang="ar" style="font-size:1.1em;line-height:1.8">'
                f"<b>{ids[i]} — {row['outlet']}</b><br>{body}</div>")


read(0)  # change to read(1), read(2) ... and code each article

# %% [markdown]
# ### Exercise 1 — code the five articles
# Write one label per article: `pro`, `con`, `neutral` or `absent`.

# %% tags=["exercise"]
# TODO: your code for each article
my_codes = {
    ids[0]: "",
    ids[1]: "",
    ids[2]: "",
    ids[3]: "",
    ids[4]: "",
}

# %% tags=["solution"]
# One instructor's coding, done before looking at the toolkit or the maintainers' codes.
my_codes = {
    ids[0]: "pro",      # Egypt's welcome "reflects recognition of his role in strengthening the army"
    ids[1]: "pro",      # "clear Egyptian support for the military institution led by Marshal Haftar"
    ids[2]: "neutral",  # analytical: reports Egypt's support and the legitimacy it confers, and its costs
    ids[3]: "pro",      # Sisi's appreciation of "the national role of the Libyan National Army"
    ids[4]: "pro",      # "a central player ... an element that cannot be bypassed in the balance of power"
}

# %%
coded = {d: c for d, c in my_codes.items() if c}
bad = {d: c for d, c in coded.items() if c not in LABELS}
if bad:
    print("not yet: labels must be one of", LABELS, "— check", bad)
elif len(coded) < len(ids):
    print(f"not yet: {len(ids) - len(coded)} article(s) to code")
else:
    print("coded:", coded)
ready = not bad and len(coded) == len(ids)

# %% [markdown]
# ## 2. You against the toolkit
# `compare_to_gold` takes *your* table as the reference and scores the toolkit against it:
# accuracy and macro-F1, the confusion table, and every disagreement with the evidence the
# toolkit used (we show only the evaluative rows, `pro`/`con`; the `mention` rows just say
# the target was found). `framing.validate.evaluate` gives the same scores and the precision,
# recall and F1 of each label.

# %%
if not ready:
    print("not yet: finish exercise 1")
else:
    mine = pd.DataFrame({"doc_id": list(my_codes), FIELD: list(my_codes.values())})
    report = compare_to_gold(mine, res.articles, res.evidence, fields=[FIELD], n_boot=500)
    display(report.fields.round(3))
    display(report.confusion[report.confusion["n"] > 0])
    errs = report.errors
    if "evidence_label" in errs:
        errs = errs[errs["evidence_label"].isin(["pro", "con"]) | (errs["cue"] == "no evidence found")]
    display(rtl(errs.drop_duplicates()))
    scores, per_label, _ = evaluate(mine, res.articles, fields=[FIELD])
    display(per_label)

# %% [markdown]
# ### Exercise 2 — who is right?
# For each article where you and the toolkit disagree, read the evidence rows and the
# sentence. Decide whether the toolkit erred, you erred, or the rules allow both readings.
# Write one line per disagreement.

# %% tags=["exercise"]
# TODO: e.g. {ids[2]: "toolkit: 'شرعية' is Egypt conferring legitimacy, reported, not endorsed"}
verdicts = {}

# %% tags=["solution"]
verdicts = {
    ids[2]: ("toolkit: its pro evidence is conventional titles (القوات المسلحة الليبية) and "
             "'شرعية' — Egypt conferring legitimacy, reported and weighed against its costs, not "
             "endorsed; one con cue (قوات حفتر) is outweighed. The rules say neutral."),
    ids[4]: ("me, probably: 'central player', 'cannot be bypassed' describe power, not "
             "legitimacy; the rules do not settle whether indispensability is legitimation — "
             "a codebook question to write down, not a coder error to hide."),
}

# %%
if not ready:
    print("not yet: finish exercise 1")
else:
    disagreements = [d for d in ids if my_codes[d] != res.articles.set_index("doc_id").loc[d, FIELD]]
    missing = [d for d in disagreements if d not in verdicts]
    print(f"{len(disagreements)} disagreement(s) with the toolkit")
    for d in disagreements:
        print(f"  {d}: you {my_codes[d]}, toolkit {res.articles.set_index('doc_id').loc[d, FIELD]}"
              f" — {verdicts.get(d, 'not yet: write a verdict')}")

# %% [markdown]
# ## 3. Three coders: you, the maintainers, the toolkit
# Accuracy treats one side as truth. Reliability treats all coders alike and asks how far they
# agree beyond chance: α = 1 − (observed disagreement / disagreement expected by chance). α = 1
# is perfect agreement, α = 0 is agreement at chance level, α < 0 systematic disagreement.
# Convention (Krippendorff): α ≥ 0.800 to rely on a variable, α ≥ 0.667 for tentative
# conclusions only.
#
# The agreement functions take a **tidy** table: one row per `unit, coder, field, label`.

# %%
def tidy_codes(codes, coder):
    """A {doc_id: label} mapping as tidy rows for the agreement functions."""
    return pd.DataFrame({"unit": list(codes), "coder": coder, "field": FIELD,
                         "label": list(codes.values())})


toolkit_codes = dict(zip(res.articles["doc_id"], res.articles[FIELD]))
maintainer_codes = (dict(zip(maintainers["doc_id"], maintainers[FIELD]))
                    if maintainers is not None else None)

# %% [markdown]
# ### Exercise 3 — alpha with and without the machine
# Build two tidy tables: `humans` (you and the maintainers) and `everyone` (the humans and the
# toolkit), with `tidy_codes` and `pd.concat`. *Before running the check*, guess: will adding
# the toolkit raise or lower alpha?

# %% tags=["exercise"]
# TODO: humans = pd.concat([tidy_codes(my_codes, "me"), ...]); everyone = ...
humans = None
everyone = None

# %% tags=["solution"]
parts = [tidy_codes(my_codes, "me")]
if maintainer_codes is not None:
    parts.append(tidy_codes(maintainer_codes, "maintainers"))
humans = pd.concat(parts, ignore_index=True)
everyone = pd.concat([humans, tidy_codes(toolkit_codes, "toolkit")], ignore_index=True)

# %%
if not ready or humans is None or everyone is None:
    print("not yet: finish exercise 1, then build humans and everyone")
else:
    if maintainer_codes is None:
        print("note: without the maintainers' codes the only human coder is you, so the humans' "
              "alpha is undefined; 'humans + toolkit' is you and the toolkit")
    table = pd.concat([agreement(humans, n_boot=1000).assign(coders="humans"),
                       agreement(everyone, n_boot=1000).assign(coders="humans + toolkit")])
    display(table[["coders", "n_coders", "n_units", "alpha", "ci_low", "ci_high",
                   "percent_agreement"]].round(3))

# %% [markdown]
# **Discuss.** Look at the interval. With five units, what range of reliability is compatible
# with your data? How many units would a reliability test of this field need (Krippendorff
# suggests enough that the rarest category appears several times)?

# %% [markdown] tags=["solution"]
# **Answer.** Here the instructor and the maintainers agree on four of five articles; adding the
# toolkit lowers alpha, because the toolkit disagrees with both on article 002 and with one of
# them on 004. But the bootstrap interval runs over most of the scale: five units cannot
# distinguish a reliable variable from an unreliable one. Only `pro` and `neutral` occur; `con`
# and `absent` are never tested. A reliability sample needs on the order of 100+ units, drawn
# so that every category occurs several times (oversample articles likely to be `con`),
# coded independently after training on *other* articles.

# %% [markdown]
# ## 4. Why alpha is not percent agreement
# Alpha needs only, for each unit, how many coders chose each label (a *value-counts* table:
# units × labels). That is also how to compute it for many coders, or when coders code
# different subsets of units. Two coders, three articles: both say `pro` for the first, both
# `absent` for the second, and they split on the third:

# %%
example = pd.DataFrame([[2, 0], [0, 2], [1, 1]], columns=["pro", "absent"])
display(example)
print("alpha:", round(alpha_from_counts(example), 3))
print(agreement_from_counts(example, n_boot=0))

# %% [markdown]
# ### Exercise 4 — the prevalence paradox
# Two coders code ten articles. On nine they agree that Haftar is `absent`; on the tenth one
# says `pro` and the other `absent`. Write the value-counts table (ten rows, columns
# `absent`, `pro`), compute percent agreement and alpha, then do the same for a second
# scenario where they agree on five `absent` and four `pro` articles and disagree on one.

# %% tags=["exercise"]
# TODO: lists of [n_absent, n_pro] per article, ten rows each
rare = []
balanced = []

# %% tags=["solution"]
rare = [[2, 0]] * 9 + [[1, 1]]                 # nine agreed "absent", one split
balanced = [[2, 0]] * 5 + [[0, 2]] * 4 + [[1, 1]]  # five "absent", four "pro", one split

# %%
if len(rare) != 10 or len(balanced) != 10:
    print("not yet: rare and balanced need ten rows each")
else:
    for name, rows in [("rare", rare), ("balanced", balanced)]:
        counts = pd.DataFrame(rows, columns=["absent", "pro"])
        stats = agreement_from_counts(counts, n_boot=0)
        print(f"{name:>9}: percent agreement {stats['percent_agreement']:.2f}, alpha {stats['alpha']:.3f}")

# %% [markdown]
# **Discuss.** Both scenarios have 90% agreement. Why does alpha differ so much? Most framing
# variables are rare (most articles do not use most frames). What does that imply for studies
# that report only percent agreement?

# %% [markdown] tags=["solution"]
# **Answer.** Alpha compares observed disagreement with the disagreement expected if labels
# were assigned at random *with the observed label frequencies*. When 19 of 20 codes are
# `absent`, two coders who never looked at the articles and always wrote `absent` would agree
# 90% of the time; the coders' single disagreement is exactly the one case that carried
# information, so alpha ≈ 0. In the balanced scenario chance agreement is ~50%, so 90% is far
# above it (α ≈ 0.81). Framing variables are mostly rare: percent agreement then looks high
# for any coding, and studies that report only it say almost nothing about reliability.

# %% [markdown]
# ## 5. How much do real coders of news framing agree?
# FIGNEWS-2024 (Zaghouani et al., ArabicNLP 2024): news posts about the Gaza war, in five
# languages, each labelled by many annotation teams for **bias** (against Palestine, against
# Israel, against both, against others, unbiased, not applicable, unclear) and **propaganda**.
# `fignews_alpha` computes nominal alpha from the per-post vote counts, for posts originally
# in one language and for all posts, with a bootstrap interval over posts.

# %%
FIG = shared_path("data", "fignews2024", "fignews_iaa_joined.jsonl")
if FIG is not None:
    base = pd.concat([fignews_alpha(FIG, f, n_boot=300) for f in ("bias", "propaganda")])
    display(base.round(3))
else:
    base = None

# %% [markdown]
# ### Exercise 5 — does the disagreement have a source?
# (a) Coders may disagree less if "Unclear" and "Not Applicable" count as *no code* rather
# than as labels: set `my_exclude`. (b) Does reliability differ by the posts' original
# language? List the languages to compare (`Arabic`, `English`, `French`, `Hebrew`, `Hindi`).

# %% tags=["exercise"]
# TODO: e.g. my_exclude = ("Unclear",) and languages = ["Arabic", "English"]
my_exclude = ()
languages = []

# %% tags=["solution"]
my_exclude = ("Unclear", "Not Applicable")
languages = ["Arabic", "English", "French", "Hebrew", "Hindi"]

# %%
if base is None:
    print("FIGNEWS absent: nothing to compare")
elif not my_exclude or not languages:
    print("not yet: set my_exclude and languages")
else:
    rows = []
    for lang in languages:
        for excl in ((), tuple(my_exclude)):
            a = fignews_alpha(FIG, "bias", language=lang, exclude=excl, n_boot=200).iloc[0]
            rows.append({"language": lang, "excluded": ", ".join(excl) or "—",
                         "n_units": a["n_units"], "alpha": a["alpha"], "ci_low": a["ci_low"],
                         "ci_high": a["ci_high"], "percent_agreement": a["percent_agreement"]})
    display(pd.DataFrame(rows).round(3))

# %% [markdown]
# **Discuss.**
# - Alpha of about 0.2–0.3 among real coders: what does it say about the *concept* of bias as
#   these teams operationalised it, rather than about the coders?
# - A tool is reported to be "80% accurate" on bias, against one team's labels. Given these
#   alphas, what would you want to know before believing that number?
# - Which of the toolkit's fields (topics, stances, tone, actor labels) do you expect humans to
#   code reliably, and which not? How would you find out for your own project?

# %% [markdown] tags=["solution"]
# **Answer.** Bias α ≈ 0.2 and propaganda α ≈ 0.3, with narrow intervals over ~1,500 posts:
# this is not noise from small samples but real, systematic disagreement — far below 0.667.
# Excluding "Unclear"/"Not Applicable" raises alpha by only ~0.01–0.02, and although the
# languages differ (bias α from ~0.12 for Hindi posts to ~0.21 for Arabic ones), all are low:
# the disagreement is about the concept (what counts as bias, against whom), not about a
# residual category or one language. The lesson for a tool: "80% accurate against one
# team" means agreeing with one reading of a concept other teams read differently; ask for
# human-human alpha on the same items, and for the tool's alpha *as one more coder*. For the
# toolkit, expect topics and explicit actor labels to be coded reliably (they are anchored in
# words), stance and tone less so; find out with a reliability sample of your own corpus
# (exercise 3, scaled up), before any comparison of outlets.

# %% [markdown]
# ## Questions for the seminar
# 1. Design a reliability test for `topic:foreign_forces` on SaudiNewsNet: how many articles,
#    how sampled, how many coders, what training, what you report.
# 2. When the toolkit disagrees with the humans, when should you change the codebook, and
#    when the coding rules? (Remember week 2: improve cues by what words mean, not by which row
#    they fix.)
# 3. Write the validation paragraph of a paper that uses the toolkit's `stance:haftar`:
#    what you measured, against whom, with which numbers and which limits.

# %% [markdown] tags=["solution"]
# *Instructor note.* Q1: ~150–200 articles stratified by outlet, oversampling articles with
# foreign-force cues so that both values occur often; 2–3 coders trained on separate articles;
# report α with its interval, then the toolkit as one more coder, and the confusion table. Q2:
# change the codebook when the cue's meaning is wrong; change the rules only when coders
# could not apply them — and then re-code. Q3: the paragraph should name the coders, the
# sample, α among humans, the toolkit's agreement with them (α with toolkit, accuracy/F1), and
# the categories that could not be tested.

# %% [markdown]
# **Reading:** Krippendorff (2004), *Content Analysis*, ch. 11; Grimmer & Stewart (2013),
# "Text as data: the promise and pitfalls of automatic content analysis methods for political
# texts" (validate, validate, validate); Zaghouani et al. (2024) on FIGNEWS.
