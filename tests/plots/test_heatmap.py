"""framing.plots.heatmap: the outlet x topic heatmap, with Arabic and Latin outlet names."""

from __future__ import annotations

import pytest

from framing import plots
from helpers import draw_figure, figure_texts

LANG_WIDTH = pytest.mark.parametrize("lang,width", [("en", "double"), ("ar", "single")])


@LANG_WIDTH
def test_heatmap_draws_with_arabic_and_latin_names(figure_inputs, lang, width):
    texts = draw_figure(plots.outlet_topic_heatmap, figure_inputs["shares"], lang, width)
    assert "بوابة الأهرام" in texts and "Middle East Online" in texts
    assert plots.label("topic:elections", lang) in texts


def test_small_outlets_are_marked(figure_inputs):
    fig = plots.outlet_topic_heatmap(figure_inputs["shares"])
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert any("Middle East Online" in t and "†" in t and "(n=6)" in t for t in ticks)
    assert any("fewer than 10 articles" in t for t in figure_texts(fig))
