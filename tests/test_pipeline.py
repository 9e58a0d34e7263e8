"""framing.pipeline: selection presets, the corpus of an analysis, figures and the main job."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import read_analysis
from framing.corpus import CorpusWarning, load_corpus
from framing.errors import FramingError
from framing.pipeline import (
    Preset,
    article_table,
    corpus_from_analysis,
    figures_for,
    load_preset,
    open_input,
    presets,
    run,
    select,
    subset,
)
from framing.text import tokenize
from helpers import S002, S004, SEEDS, assert_same_tables, count_mentions, write_folder


# -- selection --------------------------------------------------------------------------------

def test_the_packaged_libya_preset():
    assert "libya" in presets()
    preset = load_preset("libya")
    assert preset.name == "libya" and preset.min_hits == 2 and preset.drop_duplicates
    assert {"ليبيا", "بنغازي", "حفتر", "طرابلس الغرب"} <= set(preset.terms)
    assert "two mentions" in preset.description.lower()


def test_select_with_the_libya_preset_keeps_the_libya_seeds(seeds_analysis):
    corpus, _ = seeds_analysis
    kept = select(corpus, "libya")
    assert kept["doc_id"].tolist() == corpus["doc_id"].tolist()  # all five concern Libya
    assert kept.attrs["selection"].startswith("ليبيا, ليبي, ")
    assert kept.attrs["selection"].endswith("(twice or more)")
    assert select(corpus, load_preset("libya"))["doc_id"].tolist() == kept["doc_id"].tolist()
    unrelated = corpus.assign(title="", text="ارتفعت أسعار النفط والذهب في الأسواق العالمية.")
    assert select(unrelated, "libya").empty


@pytest.mark.parametrize("terms", [["السودان"], ["بنغازي"], ["القاهرة"], ["بنغازي", "السودان"],
                                   ["تونس"]])
def test_select_with_a_term_list(seeds_analysis, terms):
    corpus, _ = seeds_analysis
    kept = select(corpus, terms)
    hits = {d: sum(count_mentions(f"{t}\n{x}", term) for term in terms)
            for d, t, x in zip(corpus["doc_id"], corpus["title"], corpus["text"])}
    assert kept["doc_id"].tolist() == [d for d, n in hits.items() if n >= 2], hits
    assert kept.attrs["selection"] == f"{', '.join(terms)} (twice or more)"


def test_select_drops_exact_duplicates_and_reads_preset_files(seed_texts, tmp_path):
    folder = write_folder(tmp_path / "c", {"a.txt": seed_texts[S004], "b.txt": seed_texts[S004],
                                           "c.txt": seed_texts[S002]})
    with pytest.warns(CorpusWarning, match="repeat the text"):
        corpus = load_corpus(folder)
    assert corpus["duplicate_of"].tolist() == ["", "a", ""]
    assert select(corpus, ["بنغازي"])["doc_id"].tolist() == ["a"]  # b repeats a; c names it once
    keep_all = Preset("all", ("بنغازي",), min_hits=1, drop_duplicates=False)
    assert select(corpus, keep_all)["doc_id"].tolist() == ["a", "b", "c"]
    path = tmp_path / "benghazi.yaml"
    path.write_text("name: benghazi\nterms: [بنغازي]\nmin_hits: 1\n", encoding="utf-8")
    preset = load_preset(path)
    assert preset == Preset("benghazi", ("بنغازي",), 1, True, "")
    assert select(corpus, str(path))["doc_id"].tolist() == ["a", "c"]
    assert select(corpus, str(path)).attrs["selection"] == "بنغازي (1 or more)"
    (tmp_path / "empty.yaml").write_text("name: empty\nterms: []\n", encoding="utf-8")
    with pytest.raises(FramingError, match="non-empty `terms:` list"):
        load_preset(tmp_path / "empty.yaml")
    with pytest.raises(FramingError, match="unknown selection preset 'nowhere'"):
        load_preset("nowhere")


# -- the corpus of an analysis ----------------------------------------------------------------

@pytest.mark.parametrize("source", ["memory", "folder"])
def test_corpus_from_analysis_keeps_every_offset(source, seeds_analysis, seeds_run):
    corpus, res = seeds_analysis
    analysis = res if source == "memory" else read_analysis(seeds_run)
    rebuilt = corpus_from_analysis(analysis)
    assert rebuilt["doc_id"].tolist() == corpus["doc_id"].tolist()
    assert list(rebuilt.columns) == ["doc_id", "outlet", "date", "title", "text", "duplicate_of"]
    assert rebuilt[["outlet", "date", "title"]].equals(corpus[["outlet", "date", "title"]])
    texts = dict(zip(rebuilt["doc_id"], rebuilt["text"]))
    assert len(analysis.evidence) > 500
    for r in analysis.evidence.itertuples():
        assert texts[r.doc_id][r.start:r.end] == r.matched
    for r in analysis.sentences.itertuples():
        assert texts[r.doc_id][r.start:r.end] == r.text
    # The words are the article's words (layout outside sentences is not kept).
    original = dict(zip(corpus["doc_id"], corpus["text"]))
    for doc_id, text in texts.items():
        assert len(text) <= len(original[doc_id])
        words = set(tokenize(original[doc_id], words_only=True))
        assert set(tokenize(text, words_only=True)) <= words
    assert (rebuilt["duplicate_of"] == "").all()


def test_open_input_and_subset(seeds_analysis, seeds_run):
    corpus, res = seeds_analysis
    loaded, none = open_input(SEEDS)
    assert none is None and loaded["doc_id"].tolist() == corpus["doc_id"].tolist()
    rebuilt, analysis = open_input(seeds_run)
    assert_same_tables(analysis, res)
    assert rebuilt.equals(corpus_from_analysis(res))
    part = subset(res, [S002, S004])
    for name, df in part.tables().items():
        assert set(df["doc_id"]) == {S002, S004} or (df.empty and name == "quotes"), name
    assert part.run == res.run
    table = article_table(res)
    assert "tone_score" in table
    assert not [c for c in table if c.startswith(("share:", "stance_score:"))]
    assert article_table(res, drop_scores=False).equals(res.articles)


# -- the stages chained -----------------------------------------------------------------------

def test_run_analyses_once_and_writes_the_tables(seeds_analysis, seeds_run, tmp_path):
    corpus, res = seeds_analysis
    analysis, figures = run(corpus, tmp_path / "out")
    assert figures == []
    assert_same_tables(analysis, res)
    for name in ("articles.csv", "evidence.csv", "run.json"):
        assert (tmp_path / "out" / name).read_bytes() == (seeds_run / name).read_bytes()


@pytest.mark.slow
def test_figures_for_an_analysis_with_or_without_its_corpus(seeds_analysis, tmp_path, capsys):
    corpus, res = seeds_analysis
    a = figures_for(res, tmp_path / "a", corpus=corpus, formats=("svg",))
    b = figures_for(res, tmp_path / "b", formats=("svg",))  # the corpus rebuilt from the analysis
    assert [p.name for p in a] == [p.name for p in b] and a
    for pa, pb in zip(a, b):
        if pa.suffix == ".csv":
            assert pa.read_bytes() == pb.read_bytes(), pa.name
    assert "note: " in capsys.readouterr().out  # what was skipped is said
    data = pd.read_csv(tmp_path / "a" / "topics_by_outlet.csv")
    assert set(data["outlet"]) == set(corpus["outlet"])
