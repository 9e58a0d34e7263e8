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
# # Week 2 — The codebook and its evidence

# %% [markdown]
# A dictionary method is a *codebook* — a written list of what counts as what — applied by a
# machine. Its great advantage over a black-box classifier is that every label can be traced
# to the words that produced it. Its danger is that a label looks authoritative whether or not
# those words mean what the codebook assumes. This week we learn to **read evidence**: why an
# article got its labels, what each row of `evidence.csv` says, how negation enters, and how
# to write and audit a cue list of our own.
#
# **Why this matters for framing research.** Entman (1993) defines framing as selecting some
# aspects of reality and making them salient so as to promote a problem definition, causal
# interpretation, moral evaluation or remedy. A frame is therefore carried by *words in
# context*. Checking the context of every match is how a dictionary measure earns the word
# "frame" — and how you defend it to a reviewer.
#
# Exercises print `not yet: ...` until done; the notebook always runs top to bottom.

# %%
import tempfile
from pathlib import Path

import pandas as pd
import yaml

from framing import analyze, load_codebook, load_corpus
from framing.explain import reasons
from framing.notebook import rtl, show_explanation

HERE = Path.cwd()
ROOT = next(p for p in (HERE, *HERE.parents) if (p / "seeds").is_dir() and (p / "framing").is_dir())
pd.set_option("display.max_colwidth", 120)

corpus = load_corpus(ROOT / "seeds")
texts = dict(zip(corpus["doc_id"], corpus["text"]))
res = analyze(corpus, "libya-egypt")
sentence_text = res.sentences.set_index(["doc_id", "sent_id"])["text"]
ids = sorted(texts)  # ids[0] is article 000, ids[4] article 004
print({name: len(df) for name, df in res.tables().items()})

# %% [markdown]
# ## 1. Why did an article get its labels?
# `reasons` lists every article-level label with the evidence behind it: `cue → matched`
# (the cue of the codebook and the words of the text it matched), the label the match
# supports and the sentence number; `¬` marks a negated cue. `show_explanation` prints the
# article right-to-left with the evidence highlighted (hover a highlight for its field).

# %%
doc = ids[3]
rtl(reasons(res, doc))

# %%
show_explanation(res, corpus, doc)

# %% [markdown]
# ### Exercise 1 — one label, traced
# The toolkit says article 004 is `con` toward Sisi. Keep the evidence rows of article 004
# for the field `stance:sisi`, and read the sentence(s) they come from.

# %%
ev = res.evidence

# %% tags=["exercise"]
# TODO: keep the rows where doc_id is ids[4] and field is "stance:sisi"
sisi_evidence = ev.iloc[0:0]

# %%
if sisi_evidence.empty:
    print("not yet: sisi_evidence has no rows")
else:
    display(rtl(sisi_evidence[["sent_id", "label", "cue", "matched", "weight", "negated"]]))
    for sid in sisi_evidence["sent_id"].unique():
        print(f"s{sid}:", sentence_text[(ids[4], sid)])

# %% [markdown]
# **Discuss.** The rows labelled `mention` have weight 0: they record that the target was
# found. Which row carries the evaluation? Is it the outlet speaking, or a source it quotes?
# What else in the same sentence would a human coder weigh?

# %% [markdown]
# ## 2. Reading `evidence.csv`
# One row per cue match. The columns:
#
# | column | meaning |
# | --- | --- |
# | `doc_id`, `sent_id` | the article and the sentence (numbered from 0, headline included) |
# | `field` | what the match is evidence for: `topic:T`, `stance:S`, `tone`, `actor:A` |
# | `label` | the value it supports: `1` for a topic; `mention`, `pro`, `con` for a stance; `positive`/`negative` for tone; the connotation for an actor label |
# | `cue` | the entry of the codebook, as written there (`*` = any continuation) |
# | `matched` | the words of the article, exactly as written — `text[start:end] == matched` |
# | `start`, `end` | character offsets into the **original** article |
# | `negated` | a negator stood before the cue; the `label` is already flipped |
# | `weight` | the cue's weight (0 for `mention` rows) |
#
# How the rows of the seeds are spread over fields and labels:

# %%
fam = ev["field"].str.split(":").str[0]
pd.crosstab(fam, ev["label"])

# %% [markdown]
# ### Exercise 2 — check the contract
# The toolkit promises that `texts[doc_id][start:end] == matched` for every row. That is what
# lets a reader find each piece of evidence in the article. Count how many rows keep the
# promise.

# %% tags=["exercise"]
# TODO: count the rows r of ev for which texts[r.doc_id][r.start:r.end] == r.matched
n_match = None

# %%
if n_match is None:
    print("not yet: compute n_match")
else:
    print(f"{n_match} of {len(ev)} evidence rows point at exactly the words they report")

# %% [markdown]
# ## 3. Negation in the evidence
# A negated cue is flipped: a positive word after `لا` counts as negative. In the seeds:

# %%
rtl(ev[ev["negated"]][["doc_id", "sent_id", "field", "label", "cue", "matched"]])

# %% [markdown]
# ### Exercise 3 — test the instrument
# Before trusting a measuring instrument, test it on cases where you know the answer. Below,
# each test is a sentence and the tone you expect. Two are given; add at least three of your
# own that probe negation: a fixed expression (`لا بد`), an idiom (`لن تدخر جهدا`), a negator
# that is a noun (`غياب`, `عدم`), a sentence that *affirms* existence (`يوجد`) ...

# %%
given = [
    ("تدعم مصر الحل السياسي في ليبيا.", "positive"),
    ("لا تدعم مصر الحل السياسي في ليبيا.", "negative"),
]

# %% tags=["exercise"]
# TODO: add at least three (sentence, expected tone) pairs, like those in `given`
my_tests = []


# %%
def run_tests(tests):
    """Analyse each test sentence as a one-sentence article; compare with the expectation."""
    mini = pd.DataFrame({"doc_id": [f"t{i}" for i in range(len(tests))],
                         "text": [s for s, _ in tests]})
    out = analyze(mini, "libya-egypt")
    rows = []
    for (sentence, expected), (_, art) in zip(tests, out.articles.iterrows()):
        e = out.evidence[(out.evidence["doc_id"] == art["doc_id"]) & (out.evidence["field"] == "tone")]
        rows.append({"sentence": sentence, "expected": expected, "toolkit": art["tone"],
                     "agrees": expected == art["tone"],
                     "tone evidence": "; ".join(f"{'¬' if r.negated else ''}{r.cue}→{r.label}"
                                                for r in e.itertuples()) or "none"})
    return pd.DataFrame(rows)


results = run_tests(given + my_tests)
display(rtl(results))
if len(my_tests) < 3:
    print(f"not yet: {3 - len(my_tests)} more test(s) to write")

# %% [markdown]
# **Discuss.** For every row where the toolkit and you disagree: is the instrument wrong, or
# your expectation? If the instrument is wrong, is the fault in the cue list (data, which you
# can edit) or in the rule (code, which you report to the developers)?

# %% [markdown]
# ## 4. Your own cue list: Libya as Egypt's national security
# A recurrent frame in Egyptian coverage of Libya defines the Libyan crisis as a **problem of
# Egypt's national security**: a long western border, infiltration, a "strategic depth". The
# default codebook has no topic for it. We write one.
#
# A codebook is a YAML file. We build it from a Python list so that you only write cues;
# `load_codebook` validates it (an error names the line and the fix). Cue syntax, from
# `docs/codebook.md`: write words as you read them; proclitics (`و ف ب ك ل ال لل`) and pronoun
# suffixes are added automatically; plurals and other forms are not; `*` allows any
# continuation (use it on stems of 3+ letters, and check what it catches). We set
# `topic_min_weight: 1` so that one cue in a sentence is enough.

# %%
workdir = Path(tempfile.mkdtemp())


def codebook_for(cues, name="national-security"):
    """A one-topic codebook from a list of cues, written to a temporary YAML file and loaded."""
    spec = {"name": name, "version": "0.1", "settings": {"topic_min_weight": 1.0},
            "topics": {"national_security": {
                "description": "Libya presented as a matter of Egypt's national security",
                "cues": list(cues)}}}
    path = workdir / f"{name}.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_codebook(path)


# %% [markdown]
# ### Exercise 4 — write the cues
# Read the seeds (or the highlighted article above) for the words in which this frame is
# expressed. Write 5–10 cues: phrases are safer than single words.

# %% tags=["exercise"]
# TODO: add cues, e.g. "الأمن القومي"
my_cues = []

# %%
if not my_cues:
    print("not yet: my_cues is empty")
    ns = None
else:
    cb = codebook_for(my_cues)
    print(workdir / "national-security.yaml", "\n")
    print((workdir / "national-security.yaml").read_text(encoding="utf-8"))
    ns = analyze(corpus, cb)
    display(ns.articles[["doc_id", "outlet", "topic:national_security", "share:national_security"]])
    matches = ns.evidence[ns.evidence["field"] == "topic:national_security"].copy()
    matches["doc"] = matches["doc_id"].str[:3]
    matches["sentence"] = [sentence_text[(d, s)] for d, s in zip(matches["doc_id"], matches["sent_id"])]
    display(rtl(matches[["doc", "sent_id", "cue", "matched", "sentence"]].reset_index(drop=True)))

# %% [markdown]
# ### Exercise 5 — judge every match
# Read each row of the table above as a human coder would. Does the *sentence* present Libya
# (or the border with Libya) as a matter of Egypt's security? Record the matches you reject,
# keyed by `(doc, sent_id, cue)` as shown in the table, with a short reason.

# %% tags=["exercise"]
# TODO: e.g. {("003", 17, "تهديد*"): "Libya's own security, not Egypt's"}
rejected = {}

# %%
if ns is None or not rejected:
    print("not yet: write my_cues (exercise 4), then list the matches you reject")
else:
    judged = matches.assign(ok=[(d, s, c) not in rejected
                                for d, s, c in zip(matches["doc"], matches["sent_id"], matches["cue"])])
    unknown = set(rejected) - set(zip(judged["doc"], judged["sent_id"], judged["cue"]))
    if unknown:
        print("these keys match no row (check doc, sent_id and cue):", unknown)
    per_cue = judged.groupby("cue")["ok"].agg(matches="size", kept="sum")
    per_cue["precision"] = (per_cue["kept"] / per_cue["matches"]).round(2)
    display(rtl(per_cue.reset_index().sort_values("precision")))
    kept_docs = set(judged.loc[judged["ok"], "doc_id"])
    by_doc = ns.articles[["doc_id", "topic:national_security"]].rename(
        columns={"topic:national_security": "toolkit"})
    by_doc["after judging"] = [int(d in kept_docs) for d in by_doc["doc_id"]]
    display(by_doc)

# %% [markdown]
# **Discuss.**
# - Which cue has the lowest precision, and is that because of its *words* or of its
#   *context*? Would you drop it, narrow it (a longer phrase), or weigh it less?
# - Did judging change any article-level label? What does that tell you about how robust
#   article labels are to single bad matches (remember `topic_min_weight`)?
# - Precision is half the story: which sentences *express the frame without any of your
#   cues*? How would you find them (hint: read articles that the toolkit codes 0)?

# %% [markdown]
# ## Questions for the seminar
# 1. "The toolkit found that outlet A frames Libya as a security issue." What evidence would
#    you want to see before believing that sentence in a paper?
# 2. A cue with precision 0.5 in five articles: is that a bad cue? What would you need to know
#    to answer?
# 3. Your cue list was written after reading the seeds and judged on the same seeds. What does
#    that do to the precision you measured? (Next week we compare outlets; in week 4 we
#    validate on articles the cues were not written from.)

# %% [markdown]
# **Reading for next week:** `docs/codebook.md` — *Topics*, *Stances*, *Coding rules*;
# Boydstun, Card, Gross, Resnik & Smith (2014), "Tracking the development of media frames
# within and across policy issues".
