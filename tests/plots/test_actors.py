"""framing.plots.actors: the labels each outlet gives each actor (Arabic and Latin outlets)."""

from __future__ import annotations

import pytest

from framing import plots
from helpers import draw_figure

LANG_WIDTH = pytest.mark.parametrize("lang,width", [("en", "double"), ("ar", "single")])


@LANG_WIDTH
def test_actors_draws_with_arabic_and_latin_names(figure_inputs, lang, width):
    texts = draw_figure(plots.actor_labels_by_outlet, figure_inputs["actors"], lang, width)
    assert "بوابة الأهرام" in texts and "Middle East Online" in texts
