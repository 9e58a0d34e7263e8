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
# # Week 1 — What the machine reads: Arabic text before framing

# %% [markdown] tags=["solution"]
# **Instructor solutions — do not distribute.** Each exercise's `# TODO` cell, as students get
# it, is followed by a cell that does the exercise; the check cells print the results and the
# **Answer** cells give the points to draw out in the discussion. The student notebook is
# generated from this one (`tools/teaching.py`, see `notebooks/teaching/README.md`): edit here.

# %% [markdown]
# Every framing measure in this course — a topic share, a stance, a tone score — is built on
# words found in text. Before we count anything, we need to know what "the same word" means to
# the machine. Arabic makes this visible: the same word can be written with or without
# diacritics, with different hamza and alef forms, with a stretched letter (tatweel) for
# layout, or with a Persian keyboard letter that *looks* identical.
#
# **Why this matters for framing research.** Outlets differ in their spelling habits. If a cue
# list matches `الإرهاب` but not `الارهاب`, the outlet that drops hamzas will *look* as if it
# talks less about terrorism. That is measurement error that differs by outlet — exactly the
# kind of error that masquerades as a framing difference. Normalisation is not a technical
# detail; it is part of the validity of the measure.
#
# This week: normalisation (and its map back to the original text), sentences, tokens, clitics
# and light stemming, and negation — each on the five seed articles (Egypt–Libya military
# coordination, five sources).
#
# **How to work.** Each exercise has a code cell with a `# TODO` and a check cell below it. The
# check cell prints `not yet: ...` until you have done the exercise; it never stops the
# notebook. Run the notebook top to bottom (*Run → Run All Cells*) whenever you like.

# %%
from collections import Counter, defaultdict  # defaultdict: handy in exercise 2
from pathlib import Path

import pandas as pd

from framing import load_corpus
from framing.notebook import rtl
from framing.text import normalize, normalize_with_map, split_sentences, tokenize
from framing.text.clitics import light_stem
from framing.text.negation import NEGATORS, find_negator

# The repository root: the first folder above this notebook that holds seeds/ and framing/
# (works from notebooks/teaching, notebooks/teaching/solutions, notebooks/ or the root).
HERE = Path.cwd()
ROOT = next(p for p in (HERE, *HERE.parents) if (p / "seeds").is_dir() and (p / "framing").is_dir())

corpus = load_corpus(ROOT / "seeds")
texts = dict(zip(corpus["doc_id"], corpus["text"]))
rtl(corpus[["doc_id", "outlet", "title"]])

# %% [markdown]
# ## 1. Normalisation: making spellings meet
#
# `framing.text.normalize` applies documented steps, each of which can be switched off: remove
# diacritics and tatweel, unify `أ إ آ ٱ → ا`, hamza on a seat `ؤ ئ → ء`, `ى → ي`, map Persian
# look-alikes and Arabic-Indic digits, drop invisible bidi controls and stray symbols. The taa
# marbuta step (`ة → ه`) is **off** by default. Here is the headline of article 004 before and
# after:

# %%
headline = corpus.loc[corpus["doc_id"].str.startswith("004"), "title"].iloc[0]
print("original  :", headline)
print("normalised:", normalize(headline))

# %% [markdown]
# How much does each step change in the seeds? We count the distinct words (`tokenize` with
# `words_only=True`: no punctuation) whose normalised form would be different if the step were
# switched (off, or on for taa marbuta).

# %%
words = sorted({w for t in texts.values() for w in tokenize(t, words_only=True)})
rows = []
for step, value in [("diacritics", False), ("alef", False), ("hamza", False), ("ya", False),
                    ("taa_marbuta", True)]:
    changed = [w for w in words if normalize(w) != normalize(w, **{step: value})]
    rows.append({"step": step, "switched to": value, "words affected": len(changed),
                 "examples": " ، ".join(changed[:6])})
rtl(pd.DataFrame(rows))

# %% [markdown]
# ### Exercise 1 — predict the normal form
# Write down, *without running anything*, what you expect `normalize` to return for each
# string. Then run the check. Two of the strings look identical on screen but are not.

# %%
strings = ["الإرهـــاب", "مسئول", "مسؤول", "إلى", "آلي", "على", "٢٠٢٥", "ترسيخ", "ترسیخ"]

# %% tags=["exercise"]
# TODO: replace each "" by your prediction (type it in Arabic).
my_predictions = {
    "الإرهـــاب": "",
    "مسئول": "",
    "مسؤول": "",
    "إلى": "",
    "آلي": "",
    "على": "",
    "٢٠٢٥": "",
    "ترسيخ": "",
    "ترسیخ": "",
}

# %% tags=["solution"]
my_predictions = {
    "الإرهـــاب": "الارهاب",  # tatweel removed, إ → ا
    "مسئول": "مسءول",        # hamza on a seat → bare hamza ...
    "مسؤول": "مسءول",        # ... so the two spellings meet
    "إلى": "الي",            # إ → ا and ى → ي
    "آلي": "الي",            # آ → ا: "automatic" becomes "to"
    "على": "علي",            # the preposition becomes the name Ali
    "٢٠٢٥": "2025",          # Arabic-Indic digits
    "ترسيخ": "ترسيخ",
    "ترسیخ": "ترسيخ",        # the second has a Persian yeh (U+06CC)
}

# %%
todo = [s for s in strings if not my_predictions.get(s)]
if todo:
    print(f"not yet: {len(todo)} prediction(s) to write in my_predictions")
else:
    for s in strings:
        got = normalize(s)
        mark = "✓" if my_predictions[s] == got else "✗"
        print(f"{mark} {s!r:>14} → {got!r}   (you said {my_predictions[s]!r})")

# %% [markdown]
# **Discuss.**
# - Which merges are what a researcher wants (two spellings of one word), and which are
#   *collisions* (two different words that become one)? Look at `إلى` / `آلي` and at `على`
#   (the preposition) and `علي` (the name Ali).
# - `ترسيخ` and `ترسیخ` differ in one letter you cannot see. Where would such a letter come
#   from, and what would happen to a cue without the `persian` step?

# %% [markdown] tags=["solution"]
# **Answer.** Wanted merges: `مسئول/مسؤول` (two spellings of "official"), `ترسيخ/ترسیخ`
# (Persian keyboard), `الإرهـــاب` (layout). Collisions: `إلى` (to) = `آلي` (automatic), `على`
# (on) = `علي` (Ali). For framing cues the collisions rarely matter because cues are mostly
# phrases, but a single-word cue such as `علي` would now match every "on". Without the
# `persian` step a cue `ترسيخ` silently misses text typed on a Persian keyboard: an outlet
# whose staff use one would look as if it never used the word. Article 004 really contains
# `ترسیخ` with a Persian yeh.

# %% [markdown]
# ### Exercise 2 — the taa marbuta switch
# Many corpora (social media, some scraped sites) write final `ه` for `ة`. Switching
# `taa_marbuta=True` makes them meet — at a price. Find the words of the seeds that are
# different with the default normalisation but become one word with `taa_marbuta=True`.

# %%
default_words = {w for t in texts.values() for w in tokenize(t, normalize=True, words_only=True)}

# %% tags=["exercise"]
# TODO: group default_words by normalize(w, taa_marbuta=True) and keep the groups that contain
# two or more different words. Put the groups (sets of words) in this list.
collisions = []

# %% tags=["solution"]
groups = defaultdict(set)
for w in default_words:
    groups[normalize(w, taa_marbuta=True)].add(w)
collisions = [g for g in groups.values() if len(g) > 1]

# %%
if not collisions:
    print("not yet: collisions is empty")
else:
    for group in collisions:
        print(" / ".join(sorted(group)))

# %% [markdown]
# **Discuss.** Read the sentence in article 000 that contains `وحده`. What does each word
# mean, and which topic of the default codebook (`institutional_unity`) would be affected if
# this corpus were normalised with `taa_marbuta=True`? When would you switch it on anyway?

# %% tags=["solution"]
print(next(s.text for s in split_sentences(next(t for d, t in texts.items() if d.startswith("000")))
           if "وحده" in s.text))

# %% [markdown] tags=["solution"]
# **Answer.** In the seeds one pair collides: `وحدة` (unity) and `وحده` (alone), as in
# *الحل العسكري وحده لا يكفي* ("the military solution alone is not enough"). With the switch
# on, a cue `وحدة` for institutional unity would fire on "alone". Switch it on when the corpus
# itself writes `ه` for `ة` (much social media): then the default misses far more than the
# switch confuses. Decide by looking at the corpus, and report the choice.

# %% [markdown]
# ## 2. Keeping the way back to the original text
# Evidence must point at the text a reader sees, not at the normalised string. Normalisation
# removes characters (diacritics, tatweel), so positions shift. `normalize_with_map` keeps, for
# each normalised character, the position of the original character it came from:
# `to_original(start, end)` turns a span of the normalised text into a span of the original.

# %%
doc = next(d for d in texts if d.startswith("004"))
nt = normalize_with_map(texts[doc])
word = normalize("تنامٍ")
i = nt.text.find(word)
a, b = nt.to_original(i, i + len(word))
print(f"normalised text: {word!r} at {i}; original text: {texts[doc][a:b]!r} at {a}–{b}")

# %% [markdown]
# ### Exercise 3 — find a label and map it back
# Article 004 names the Egyptian president with a delegitimising label, *رئيس الانقلاب*
# ("the head of the coup"). Find it in the normalised text and print the original characters
# with their offsets. (Hint: normalise your search string too.)

# %% tags=["exercise"]
# TODO: set cue to the label in Arabic, then compute start/end in the ORIGINAL text.
cue = ""
start = end = None

# %% tags=["solution"]
cue = "رئيس الانقلاب"
i = nt.text.find(normalize(cue))
start, end = nt.to_original(i, i + len(normalize(cue)))

# %%
if not cue or start is None:
    print("not yet: set cue and compute start, end")
else:
    print(f"{start}–{end}: {texts[doc][start:end]!r}")
    sentence = next(s for s in split_sentences(texts[doc]) if s.start <= start < s.end)
    print("in the sentence:", sentence.text)

# %% [markdown]
# **Discuss.** The same article quotes the president's greetings and praises the bilateral
# relation. Is one label enough to say the article delegitimises Sisi? What would you want a
# tool to show you before you accept that reading?

# %% [markdown] tags=["solution"]
# **Answer.** One marked label is strong evidence of the outlet's *voice* (it is not a quote),
# but one word is one word: the same sentence reports the president's greetings and the
# "solidity of bilateral relations". Before accepting "delegitimises Sisi" a coder wants every
# place the article names him and how, and whether the label is the outlet's or a source's.
# That is what the evidence table of week 2 provides.

# %% [markdown]
# ## 3. Sentences, tokens and clitics
# The toolkit counts topics per sentence, and an article's `share:T` is the share of its
# sentences on topic T — so the sentence splitter decides the denominator. Rules: a line break
# always ends a sentence (headings, bullets); `. ! ? ؟ …` end one when a space follows; `د.`,
# `3.5` and URLs do not.

# %%
for d, t in texts.items():
    kinds = Counter(s.kind for s in split_sentences(t))
    print(d, dict(kinds))

# %% [markdown]
# ### Exercise 4 — predict the splitter
# How many segments will `split_sentences` return for this paragraph, and of which kinds
# (`sentence`, `heading`, `bullet`, `url`)? Write your guess first.

# %%
tricky = ('قال د. أحمد إن النمو بلغ 3.5% هذا العام. وأضاف: "الوضع مستقر." راجع www.example.com للمزيد\n'
          "عنوان فرعي بلا نقطة\n"
          "- نقطة أولى")

# %% tags=["exercise"]
# TODO: your guess, e.g. {"sentence": 2, "heading": 1}
my_guess = {}

# %% tags=["solution"]
my_guess = {"sentence": 3, "heading": 1, "bullet": 1}

# %%
actual = Counter(s.kind for s in split_sentences(tricky))
if not my_guess:
    print("not yet: write my_guess")
else:
    print("✓ right" if dict(actual) == my_guess else "✗ not quite", "— the splitter found:")
    for s in split_sentences(tricky):
        print(f"  [{s.kind}] {s.text}")

# %% [markdown]
# **Discuss.** Article 003 repeats its headline twice at the top, and article 004 starts with a
# masthead line ("ميدل إيست أونلاين | ..."), a date line and ends with a URL. How do such lines
# change `share:T` (the denominator) and the tone score (which weighs the headline more)?

# %% [markdown] tags=["solution"]
# **Answer.** `د.` and `3.5` do not split; the quoted sentence ends at `."` ; the URL stays
# inside its sentence; the line without punctuation is a heading, the dash line a bullet.
# Non-content lines (masthead, date, URL, a repeated headline) add sentences without topic
# cues, so they *lower* `share:T`; a repeated headline counts its cues twice for tone, which
# weighs headlines more. If one outlet's scrape always carries such lines and another's does
# not, shares differ for reasons unrelated to framing — compare `n_sentences` by outlet.

# %% [markdown]
# ### Clitics and light stemming
# Arabic attaches conjunctions, prepositions and the article to the front of a word
# (`و+ب+ال+انتخابات`) and pronouns to its end (`حدود+ها`). The toolkit's cue matcher handles this
# *only around a cue* (it knows which word it is looking for). `light_stem` strips clitics
# blindly from any word, which is useful for counting — and error-prone. First, how much it
# shrinks the vocabulary of the seeds:

# %%
raw_types = {w for t in texts.values() for w in tokenize(t, words_only=True)}
norm_types = {w for t in texts.values() for w in tokenize(t, normalize=True, words_only=True)}
stem_types = {light_stem(w) for w in norm_types}
print(f"{len(raw_types)} spellings → {len(norm_types)} normalised words → {len(stem_types)} light stems")

# %% [markdown]
# ### Exercise 5 — audit the light stemmer
# For each word, write the stem *you* would want (the word without its clitics; keep the
# normalised spelling: no hamza on alef). Then compare with `light_stem`.

# %%
audit = ["وبالانتخابات", "حدودها", "ليبيا", "بنغازي", "السيسي", "العسكري", "سيادتها"]

# %% tags=["exercise"]
# TODO: fill in your stems, e.g. "وبالانتخابات": "انتخابات"
my_stems = {
    "وبالانتخابات": "",
    "حدودها": "",
    "ليبيا": "",
    "بنغازي": "",
    "السيسي": "",
    "العسكري": "",
    "سيادتها": "",
}

# %% tags=["solution"]
my_stems = {
    "وبالانتخابات": "انتخابات",
    "حدودها": "حدود",
    "ليبيا": "ليبيا",
    "بنغازي": "بنغازي",
    "السيسي": "سيسي",
    "العسكري": "عسكري",
    "سيادتها": "سيادة",
}

# %%
if not all(my_stems.values()):
    print("not yet: fill in every stem in my_stems")
else:
    for w in audit:
        got = light_stem(normalize(w))
        mark = "same" if got == my_stems[w] else "DIFFERENT"
        print(f"{w:>14}: you {my_stems[w]!r:>12}  light_stem {got!r:>12}  {mark}")

# %% [markdown]
# **Discuss.** Which letters did the stemmer take for clitics that are part of the word? Why
# is the codebook matcher not fooled by `ليبيا` (hint: it only strips a prefix when what
# remains is the cue it is looking for)? Look at `العسكري`: which pejorative word does its
# stem become, and why does `docs/codebook.md` list `العسكر` as a bad cue?

# %% [markdown] tags=["solution"]
# **Answer.** A naive light stemmer strips any letter that *can* be a clitic: `ل` of `ليبيا`
# (as if "for"), `ب` of `بنغازي`, `س` of `سيادتها` (as if the future particle) and the final `ي`
# of `بنغازي`, `السيسي`, `العسكري` (as if "my"), turning `العسكري` (military) into `عسكر`, the
# pejorative "the military (junta)". The toolkit's `light_stem` is deliberately conservative
# for that reason: it strips a prefix only when it contains the article (`وال`, `بال`, `لل`) or is
# a lone `و`/`ف` before a long word, and never a final `ي` — so it leaves `ليبيا` and `بنغازي`
# whole, at the price of missing some real clitics (`سيادتها` keeps its `ت`). The cue matcher
# works the other way round: it starts from the cue and only allows a prefix or suffix *around*
# it, so `ليبيا` is never cut. For counting words (week 3's distinctive terms) the toolkit uses
# normalised words, not light stems.

# %% [markdown]
# ## 4. Negation
# `لا يدعم الانتخابات` (does not support elections) must not count as support. The toolkit
# flips an evaluative cue when a negator (`لا لم لن ليس غير عدم دون …`) stands up to three
# tokens before it in the same clause; fixed expressions such as `لا بد` (must), `لا سيما`
# (especially) and `لا يزال` (still) are excepted. Here is every negator in the seeds with the
# word after it, and whether `find_negator` treats it as negating that word:

# %%
rows = []
for d, t in texts.items():
    for s in split_sentences(t):
        toks = tokenize(s.text, normalize=True)  # punctuation kept: it ends a negation's scope
        for i, tok in enumerate(toks[:-1]):
            if tok in NEGATORS:
                negates = find_negator(toks, i + 1) == i
                rows.append({"doc": d[:3], "negator + next": f"{tok} {toks[i + 1]}",
                             "machine": "negates" if negates else "excepted",
                             "context": " ".join(toks[max(0, i - 3):i + 5])})
negations = pd.DataFrame(rows)
rtl(negations)

# %% [markdown]
# ### Exercise 6 — negations that are idioms
# Some of these are ordinary negations (`عدم الاستقرار`: instability). Others are fixed
# phrases whose meaning is *positive or emphatic*: a reader does not hear "not" in them at all.
# A dictionary handles such idioms by listing the whole phrase as a cue (the longest match
# wins). Write the idiomatic phrases you find, in the normalised spelling of the `context`
# column, two to four words each.

# %% tags=["exercise"]
# TODO: e.g. "جزءا لا يتجزا"
idioms = []

# %% tags=["solution"]
idioms = [
    "جزءا لا يتجزا",     # an integral part — emphatic, positive
    "لن تدخر جهدا",      # will spare no effort — commitment
    "لا يمكن تجاوزه",    # cannot be bypassed — importance
    "لم يقتصر",          # was not limited to — "not only ... but also"
    "لن تترك الساحة",    # will not leave the field (empty) — determination
]

# %%
if not idioms:
    print("not yet: list idiomatic phrases in idioms")
else:
    seeds_normalised = normalize("\n".join(texts.values()))
    for phrase in idioms:
        found = normalize(phrase) in seeds_normalised
        print(f"{phrase!r}: {'found in the seeds' if found else 'NOT found — check the spelling'}")

# %% [markdown]
# **Discuss.** `لن تدخر جهدا` ("will spare no effort") is one of the most common phrases of
# Arabic diplomatic prose. If a tone lexicon listed `جهد` as positive, what would the
# negation rule do to it? Which is worse for a comparison of outlets: missing idioms, or
# flipping them?

# %% [markdown] tags=["solution"]
# **Answer.** With `جهد` in a positive list, `لن تدخر جهدا` would be read as *negated*
# positive, i.e. negative — the opposite of its meaning, in the most formulaic (and most
# frequent) sentences of official statements. Missing an idiom loses a little signal
# everywhere; flipping one adds error that is concentrated in outlets that reproduce official
# statements, which biases exactly the comparison we care about. The fix is to list the idiom
# as a phrase, so that the longest match wins. `لا يخلو من` is already excepted by the toolkit.

# %% [markdown]
# ## Questions for the seminar
# 1. Pick one normalisation step. Describe a corpus in which switching it *off* would bias a
#    comparison between two outlets, and say in which direction.
# 2. The toolkit reports evidence at its place in the original text. Why is that a condition
#    for a codebook that others can check and cite?
# 3. Sentence counts are the denominator of `share:T`. Name two kinds of lines in scraped news
#    that inflate it, and how you would check whether they differ between outlets.

# %% [markdown] tags=["solution"]
# *Instructor note.* Q1: e.g. `hamza` off, when one outlet writes `مسئول` and another `مسؤول`
# and the cue list has only one form: the first outlet's coverage of officials is
# undercounted. Q2: a reader (or reviewer) can only check a label if the evidence points at
# the text they see. Q3: masthead/date/URL lines, repeated headlines, photo captions, bullet
# lists of related links; compare `n_sentences` and the `kind` column by outlet.

# %% [markdown]
# **Reading for next week:** `docs/codebook.md` — *Writing cues* and *Clitic collisions*;
# Entman (1993), "Framing: Toward clarification of a fractured paradigm".
