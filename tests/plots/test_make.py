"""framing.plots.make: the whole set of figures of a run, and what it skipped and why."""

from __future__ import annotations

import warnings

import pytest

from framing import plots
from framing.errors import FigureSkippedWarning, FramingError


def test_make_figures_writes_the_set_and_says_what_it_skipped(run_tables, tmp_path):
    articles, actors = run_tables
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = plots.make_figures(articles, actors, docs=articles[["doc_id", "text"]],
                                   out_dir=tmp_path / "all", formats=("png",), n_boot=50)
    names = sorted(p.name for p in paths)
    stems = ["actor_labels_by_outlet", "distinctive_terms", "event_cairo", "stance_by_outlet",
             "tone_over_time", "topics_by_outlet"]
    assert names == sorted([f"{s}.png" for s in stems] + [f"{s}.csv" for s in stems])
    assert all(p.stat().st_size > 0 for p in paths)
    assert not [w for w in caught if issubclass(w.category, FigureSkippedWarning)]

    bare = articles.drop(columns=["event_id", "date"])
    with pytest.warns(FigureSkippedWarning) as skipped:
        paths = plots.make_figures(bare, out_dir=tmp_path / "bare", formats=("png",), n_boot=50,
                                   write_data=False, min_n=1)
    messages = " ".join(str(w.message) for w in skipped)
    for reason in ("event panels skipped: no events", "tone_over_time skipped",
                   "actor_labels_by_outlet skipped", "distinctive_terms skipped"):
        assert reason in messages
    assert sorted(p.name for p in paths) == ["stance_by_outlet.png", "topics_by_outlet.png"]


def test_articles_without_outlets_skip_figures_instead_of_crashing(seeds_analysis, tmp_path):
    _, res = seeds_analysis
    articles = res.articles.assign(outlet="")  # a folder of .txt files without metadata.csv
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            paths = plots.make_figures(articles, res.actors, out_dir=tmp_path, formats=("svg",))
        except FramingError:  # a one-line user error is fine too
            return
    assert not [p for p in paths if p.name.startswith("topics_by_outlet")]
    assert any(issubclass(w.category, FigureSkippedWarning) and "topics_by_outlet" in str(w.message)
               for w in caught)


def test_event_panels_only_for_events_the_codebook_has_something_to_say_about(run_tables,
                                                                             tmp_path):
    articles, actors = run_tables
    articles = articles.copy()
    # A second event covered by every outlet in which the codebook finds nothing (a football
    # match in a Libya selection): no topic, no stance target mentioned, no actor label.
    quiet = articles.groupby("outlet").head(1).index
    articles.loc[quiet, "event_id"] = "match"
    for col in [c for c in articles.columns if c.startswith(("topic:", "stance:"))]:
        articles.loc[quiet, col] = 0 if col.startswith("topic:") else "absent"
    actors = actors[~actors["doc_id"].isin(articles.loc[quiet, "doc_id"])]
    with pytest.warns(FigureSkippedWarning, match="codebook finds no topic"):
        paths = plots.make_figures(articles, actors, docs=articles[["doc_id", "text"]],
                                   out_dir=tmp_path, formats=("svg",), n_boot=20,
                                   write_data=False)
    stems = {p.stem for p in paths}
    assert "event_match" not in stems and "event_cairo" in stems


def test_make_figures_draws_sourcing_and_persuasion_when_given_their_tables(seeds_analysis,
                                                                           tmp_path):
    """quotes= adds the sourcing figure (from the seeds' own quotes); persuasion= adds the
    techniques figure; neither is drawn when its table is not given."""
    _, res = seeds_analysis
    assert len(res.quotes)  # the seeds quote officials
    shares = res.articles[["doc_id"]].assign(**{"n_paragraphs": 3, "persuasion:any": 0.5,
                                                 "expected:Loaded_Language": 0.4})
    paths = plots.make_figures(res.articles, res.actors, quotes=res.quotes, persuasion=shares,
                               out_dir=tmp_path, formats=("png",), n_boot=20, min_n=1,
                               write_data=False, docs=None, sentences=res.sentences)
    names = {p.name for p in paths}
    assert {"sourcing_by_outlet.png", "persuasion_by_outlet.png"} <= names


def test_a_figures_folder_is_replaced_as_a_set(run_tables, tmp_path):
    """A new run replaces the figures of the last one as a whole: a panel the last run drew and
    this one does not is gone, a file of the researcher's own is kept, no staging folder stays."""
    from framing.plots.make import is_figure_entry

    articles, actors = run_tables
    out = tmp_path / "figs"
    out.mkdir()
    (out / "event_E9999.png").write_bytes(b"old panel")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    paths = plots.make_figures(articles, actors, docs=articles[["doc_id", "text"]], out_dir=out,
                               formats=("png",), n_boot=20, write_data=False)
    names = {p.name for p in out.iterdir()}
    assert names == {p.name for p in paths} | {"notes.txt"}
    assert all(p.read_bytes() for p in paths)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".figs.figures-", ".figs.tmp"))]
    assert is_figure_entry("event_E1.svg") and is_figure_entry(".tone_over_time.png.ab12.tmp")
    assert not is_figure_entry("articles.csv") and not is_figure_entry("notes.txt")


def test_a_figures_run_never_recovers_the_leftovers_of_an_analysis_run(run_tables, tmp_path):
    """An analysis killed after its swap leaves its old set aside; a figures run into the same
    folder must not carry those old tables back (each kind of set recovers its own leftovers)."""
    articles, actors = run_tables
    out = tmp_path / "D"
    out.mkdir()
    (out / "articles.csv").write_text("NEW RUN", encoding="utf-8")
    left = tmp_path / ".D.tmp-dead"  # the staging folder of a killed analysis, old set inside
    left.mkdir()
    (left / "persuasion_articles.csv").write_text("OLD RUN", encoding="utf-8")
    plots.make_figures(articles, actors, docs=articles[["doc_id", "text"]], out_dir=out,
                       formats=("png",), n_boot=20, write_data=False)
    assert not (out / "persuasion_articles.csv").exists()
    assert (out / "articles.csv").read_text(encoding="utf-8") == "NEW RUN"


def test_an_empty_persuasion_table_skips_its_figure_only(seeds_analysis, tmp_path):
    _, res = seeds_analysis
    empty = res.articles[["doc_id"]].assign(**{"n_paragraphs": 0, "persuasion:any": 0.0,
                                                "expected:Loaded_Language": 0.0})
    with pytest.warns(FigureSkippedWarning, match="persuasion_by_outlet skipped"):
        paths = plots.make_figures(res.articles, res.actors, persuasion=empty, out_dir=tmp_path,
                                   formats=("png",), n_boot=20, min_n=1, write_data=False,
                                   sentences=res.sentences)
    assert "topics_by_outlet.png" in {p.name for p in paths}
