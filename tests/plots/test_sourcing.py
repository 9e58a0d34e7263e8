"""framing.plots.sourcing: the sourcing figure, in English and Arabic."""

from __future__ import annotations

import pytest

from framing.plots.sourcing import SOURCE_LABELS, sourcing_by_outlet
from helpers import draw_figure

pytestmark = pytest.mark.filterwarnings("ignore::framing.errors.SmallSampleWarning")


@pytest.mark.parametrize("lang,width", [("en", "double"), ("ar", "single")])
def test_sourcing_figure_names_outlets_and_source_types(seeds_analysis, lang, width):
    _, res = seeds_analysis
    text = draw_figure(lambda data, **kw: sourcing_by_outlet(data.quotes, data.articles, n_boot=50,
                                                             **kw), res, lang, width)
    quoting = set(res.articles[res.articles.doc_id.isin(res.quotes.doc_id)]["outlet"])
    for outlet in quoting:
        assert outlet in text
    shown = set(res.quotes["source_type"])
    i = 1 if lang == "ar" else 0
    for t in shown:
        assert SOURCE_LABELS[t][i] in text
    assert "†" in text  # the seeds are small: every outlet is flagged


def test_the_figure_refuses_an_unknown_language(seeds_analysis):
    from framing.errors import ParameterError

    _, res = seeds_analysis
    with pytest.raises(ParameterError):
        sourcing_by_outlet(res.quotes, res.articles, lang="fr")
