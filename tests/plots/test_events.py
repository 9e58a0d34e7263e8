"""framing.plots.events: the panel of one event, with Arabic and Latin outlet names."""

from __future__ import annotations

import pytest

from framing import plots
from helpers import draw_figure

LANG_WIDTH = pytest.mark.parametrize("lang,width", [("en", "double"), ("ar", "single")])


@LANG_WIDTH
def test_events_draws_with_arabic_and_latin_names(figure_inputs, lang, width):
    texts = draw_figure(plots.event_panel, figure_inputs["event"], lang, width)
    assert "بوابة الأهرام" in texts and "Middle East Online" in texts
    assert plots.label("topic:elections", lang) in texts


@LANG_WIDTH
def test_event_panels_show_whom_each_outlet_quotes(seeds_analysis, lang, width):
    from framing import compare

    _, res = seeds_analysis
    arts = res.articles[["doc_id", "outlet", "tone"]]  # the quote rows, not every topic
    prof = compare.event_profile(arts, quotes=res.quotes, max_speakers=3)
    texts = draw_figure(plots.event_panel, prof, lang, width)
    heading = {"en": "Who is quoted", "ar": "من يُقتبس"}[lang]
    n = prof[prof["kind"] == "quotes"]
    assert all(str(int(v)) in texts for v in n["n"])
    if n["small_n"].any():
        assert "†" in texts
    speaker = prof.loc[prof["kind"] == "speaker", "speaker"].iloc[0]
    from framing.plots.layout import mpl_text
    from framing.plots.events import _speaker_label

    assert mpl_text(_speaker_label(speaker)) in texts
    assert mpl_text(heading) in texts
