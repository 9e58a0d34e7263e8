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
# show. It runs the same steps as `framing run` and `framing figures --select libya`, through
# `framing.pipeline`: select the articles, analyse them once, draw every figure into a folder.
#
# Two corpora: the five seeds (one article per outlet: every interval is as wide as it can be,
# which is the first lesson), and, where `../shared/data` is present, the Libya articles of
# SaudiNewsNet (14 Saudi outlets, July–August 2015). Without the shared folder the notebook
# prints a note and runs on the seeds.

# %%
# %matplotlib inline

# %%
import tempfile
import warnings
from pathlib import Path

from IPython.display import Image

from framing import compare, load_corpus, pipeline
from framing.errors import SmallSampleWarning
from framing.events import align_event, group_events, summarize_events
from framing.notebook import rtl, shared_path

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
# Tables and figures go to a new temporary folder; set OUT to a folder of your own to keep them.
OUT = Path(tempfile.mkdtemp(prefix="framing-compare-"))
warnings.simplefilter("ignore", category=SmallSampleWarning)  # small-n notes are in the figures

# %% [markdown]
# ## The corpus
# The Libya articles of SaudiNewsNet when the shared data is here, else the seeds.
# `pipeline.select(corpus, "libya")` applies the packaged preset
# (`framing/data/presets/libya.yaml`: ليبيا، بنغازي، طرابلس الغرب، سرت، حفتر ... at least twice
# in title and text) and drops exact duplicates: the same text twice is one article.
# `pipeline.run` analyses the corpus once and writes its tables, as `framing run` does.

# %%
SNN = shared_path("data", "saudinewsnet", "saudinewsnet.jsonl.gz")
if SNN is not None:
    corpus = pipeline.select(load_corpus(SNN), "libya")
    name = "SaudiNewsNet, Libya articles"
    print("selection:", corpus.attrs["selection"])
else:
    corpus = load_corpus(ROOT / "seeds")
    name = "seeds"
res, _ = pipeline.run(corpus, OUT / "results")
arts = res.articles
print(name, "—", len(arts), "articles from", arts["outlet"].nunique(), "outlets")
print("tables in", OUT / "results")
arts["outlet"].value_counts().to_frame("articles").T

# %% [markdown]
# ## The figures
# `pipeline.figures_for` draws every figure the data supports into a folder — a PNG (add
# `"pdf"`, `"svg"` to `formats` for a paper) and, beside each, a CSV with the numbers it shows —
# and prints a note for each figure it skips. Arguments such as `lang="ar"` (Arabic labels,
# right-to-left layout) or `width="single"` (one column) restyle the whole set.

# %%
FIGURES = OUT / "figures"
figure_files = pipeline.figures_for(res, FIGURES, corpus=corpus, formats=("png",))
print(len(figure_files), "files in", FIGURES)


def show(stem):
    """Show a figure written above, at screen size (the file itself is 300 dpi)."""
    path = FIGURES / f"{stem}.png"
    if path.exists():
        display(Image(filename=str(path), width=760))
    else:
        print(f"note: no {stem} figure for this corpus (see the notes above)")


# %% [markdown]
# ## 1. Which outlets cover which topics?
# Share of each outlet's articles that substantively address each topic, with a 95% bootstrap
# interval (articles resampled within the outlet, seeded). Outlets with fewer than 10 articles
# are marked †: their shares can move by tens of points with one article more or less. The
# numbers are in `topics_by_outlet.csv` beside the figure (`compare.topic_shares`).

# %%
show("topics_by_outlet")

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
show("stance_by_outlet")

# %% [markdown]
# *Reading it.* `absent` dominates for most targets: most articles never mention them. A
# stance is read from evaluative words near the target in the same clause; quoted sources
# count as the article presenting them. Check single cells with `framing explain`.

# %% [markdown]
# ## 3. Tone over time

# %%
show("tone_over_time")

# %% [markdown]
# *Reading it.* Tone is the balance of positive and negative evaluative words, the headline
# and lead weighing more. War coverage is negative whoever reports it: compare outlets with
# each other, not with zero. Articles without a date are left out of this figure.

# %% [markdown]
# ## 4. How are the actors labelled?

# %%
show("actor_labels_by_outlet")

# %% [markdown]
# *Reading it.* Dot area is the share of the actor's mentions in that outlet that use the
# label; colour is the label's connotation as coded in the codebook (a coding decision you can
# inspect and change in the YAML).

# %% [markdown]
# ## 5. Distinctive words of each outlet
# Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), each
# outlet against the rest, z-scores; Arabic stopwords removed (`compare.distinctive_terms`).

# %%
show("distinctive_terms")

# %% [markdown]
# ## 6. One event, several outlets
# Articles that report the same event (same days, shared places and actors, similar title
# and lead) are grouped; we take the event covered by the most outlets. `figures_for` drew a
# panel for each event covered by two or more outlets (`event_<id>.png`).

# %%
events = group_events(corpus, res)
summary = summarize_events(events, corpus)
rtl(summary.head(10))

# %%
covered = events.merge(arts[["doc_id", "outlet"]], on="doc_id").groupby("event_id")["outlet"].nunique()
best = covered.idxmax()
best_ids = events.loc[events["event_id"] == best, "doc_id"].tolist()
print("event", best, "covered by", covered.max(), "outlet(s) in", len(best_ids), "article(s)")
if covered.max() > 1:
    show(f"event_{best}")
else:
    print("note: no event is covered by two outlets here, so there is no event panel")

# %% [markdown]
# Which facts does each outlet include or omit? Sentences aligned across the event's articles
# (an alignment needs two articles or more; each seed is an event of its own):

# %%
if len(best_ids) >= 2:
    aligned = align_event(corpus, res, best, events=events)
    display(rtl(aligned.head(20)))
else:
    print(f"note: event {best} has {len(best_ids)} article; an alignment needs at least two, "
          "so it is skipped here")

# %% [markdown]
# ## Limits
# - Topic, stance and tone come from a dictionary (the codebook); they are as good as its cues
#   and miss framing by omission, irony and implication. Validate on your own labels
#   (`03_validate`) before making claims.
# - Outlets with few articles get wide intervals; differences within the intervals are not
#   evidence of different framing.
# - Events are grouped by similarity; inspect `summary` before interpreting an event panel.
