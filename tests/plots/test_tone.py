"""framing.plots.tone: tone over time by outlet, with Arabic and Latin outlet names."""

from __future__ import annotations

import pytest

from framing import plots
from helpers import draw_figure

LANG_WIDTH = pytest.mark.parametrize("lang,width", [("en", "double"), ("ar", "single")])


@LANG_WIDTH
def test_tone_draws_with_arabic_and_latin_names(figure_inputs, lang, width):
    texts = draw_figure(plots.tone_over_time, figure_inputs["tone"], lang, width)
    assert "بوابة الأهرام" in texts and "Middle East Online" in texts
