"""framing.plots.terms: the distinctive terms of each outlet, with Arabic and Latin outlet names."""

from __future__ import annotations

import re

import pytest

from framing import plots
from helpers import draw_figure

LANG_WIDTH = pytest.mark.parametrize("lang,width", [("en", "double"), ("ar", "single")])


@LANG_WIDTH
def test_terms_draws_with_arabic_and_latin_names(figure_inputs, lang, width):
    texts = draw_figure(plots.distinctive_terms_plot, figure_inputs["terms"], lang, width)
    if lang == "en":
        assert "بوابة الأهرام" in texts and "Middle East Online" in texts
    assert re.search("[\u0600-\u06ff]", texts)  # Arabic terms on the axis
