"""framing.plots.persuasion: techniques by outlet with bootstrap intervals, English and Arabic."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.plots import save_figure
from framing.plots.persuasion import TECHNIQUE_LABELS, techniques_by_outlet_plot
from helpers import draw_figure


def _shares():
    rows = []
    for k, outlet in enumerate(["بوابة الأهرام", "Middle East Online", "okaz"]):
        for j, tech in enumerate(["any", "Loaded_Language", "Doubt", "Name_Calling-Labeling"]):
            share = 0.1 + 0.05 * k + 0.1 * (3 - j)
            rows.append({"outlet": outlet, "technique": tech, "share": share,
                         "ci_low": share - 0.05, "ci_high": share + 0.04,
                         "n_articles": 4 + 10 * k, "small_n": k == 0})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("lang,width", [("en", "double"), ("ar", "single")])
def test_techniques_by_outlet_draws(lang, width):
    texts = draw_figure(techniques_by_outlet_plot, _shares(), lang, width)
    assert "بوابة الأهرام" in texts and "Middle East Online" in texts
    assert TECHNIQUE_LABELS["Loaded_Language"][lang == "ar"] in texts
    assert "†" in texts  # the outlet with fewer than 10 articles is flagged


def test_panels_follow_the_shares_and_save_identically(tmp_path):
    shares = _shares()
    fig = techniques_by_outlet_plot(shares, techniques=["Doubt", "any"])
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in panels] == ["Doubt", "Any technique"]
    xs = panels[0].lines[0].get_xdata()  # the dots are the shares, outlets in sorted order
    order = sorted(shares["outlet"].unique())
    want = shares[shares["technique"] == "Doubt"].set_index("outlet").loc[order, "share"]
    assert np.allclose(xs, want)
    a = save_figure(fig, tmp_path / "a", formats=("png",))[0].read_bytes()
    b = save_figure(techniques_by_outlet_plot(shares, techniques=["Doubt", "any"]),
                    tmp_path / "b", formats=("png",))[0].read_bytes()
    assert a == b
