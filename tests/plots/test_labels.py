"""framing.plots.labels: English and Arabic names of the fields, with overrides."""

from __future__ import annotations

from framing import load_codebook, plots


def test_labels():
    names = load_codebook("libya-egypt").display_names()  # the codebook names its own fields
    assert plots.label("topic:elections", "ar", names) == "الانتخابات والعملية السياسية"
    assert plots.label("topic:elections", "en", names) == "Elections & political process"
    assert plots.label("topic:elections", "en") == "Elections"  # no codebook: a readable key
    assert plots.label("stance:haftar", "en", {"stance:haftar": "Haftar"}) == "Haftar"
    assert plots.label("topic:water_rights") == "Water rights"
