"""framing.plots.make with quotes: each event panel says whom each outlet quotes on the event."""

from __future__ import annotations

import warnings

import pandas as pd

from framing import plots


def test_event_panels_of_a_run_with_quotes_count_its_quotes(seeds_analysis, tmp_path):
    _, res = seeds_analysis
    # the five seeds as one event; no dates, actors or texts: few other figures
    articles = res.articles.drop(columns=["date"]).assign(event_id="seeds")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        paths = plots.make_figures(articles, quotes=res.quotes, out_dir=tmp_path,
                                   formats=("png",), n_boot=20, write_data=True)
    data = pd.read_csv(tmp_path / "event_seeds.csv", dtype={"n": "Int64"})
    assert tmp_path / "event_seeds.png" in paths
    counted = data.loc[data["kind"] == "quotes", "n"].sum()
    assert counted == len(res.quotes)
    assert {"source", "speaker"} <= set(data["kind"])
