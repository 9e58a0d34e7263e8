"""framing.plots.stance: stance distributions by outlet, with Arabic and Latin outlet names."""

from __future__ import annotations

import pytest

from framing import plots
from helpers import draw_figure

LANG_WIDTH = pytest.mark.parametrize("lang,width", [("en", "double"), ("ar", "single")])


@LANG_WIDTH
def test_stance_draws_with_arabic_and_latin_names(figure_inputs, lang, width):
    texts = draw_figure(plots.stance_by_outlet, figure_inputs["stance"], lang, width)
    assert "بوابة الأهرام" in texts and "Middle East Online" in texts
    assert plots.label("con", lang) in texts
