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


def test_codebook_labels_keep_the_codebook_spelling_of_acronyms_and_names():
    codebook = load_codebook("libya-egypt")
    names = plots.labels.codebook_labels(codebook)
    by_id = {a.id: a for a in codebook.actors}
    for actor_id in ("un_mission", "gnc", "isis"):
        shown = plots.label(f"actor:{actor_id}", "en", names)
        assert by_id[actor_id].name.startswith(shown)  # the codebook's own words, its capitals
        assert shown != actor_id.replace("_", " ").title()
    assert plots.label("actor:lna", "ar", names) == codebook.display_names()["actor:lna"]["ar"]
    # Without a codebook, short ids read as acronyms rather than "Un Mission", "Gnc".
    assert plots.label("actor:un_mission") == "UN Mission" and plots.label("actor:gnc") == "GNC"
