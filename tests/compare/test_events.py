"""framing.compare.events: what each outlet says about one event."""

from __future__ import annotations

import pandas as pd

from framing import compare


def test_event_profile_per_outlet():
    arts = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
                         "topic:elections": [1, 0, 0], "stance:haftar": ["pro", "con", "neutral"],
                         "tone": ["positive", "positive", "negative"]})
    actors = pd.DataFrame({"doc_id": ["a", "a", "c"], "actor": ["lna"] * 3,
                           "label": ["الجيش الوطني", "قوات حفتر", "قوات حفتر"],
                           "connotation": ["legitimizing", "delegitimizing", "delegitimizing"],
                           "count": [3, 1, 2]})
    prof = compare.event_profile(arts, actors).set_index(["outlet", "kind", "field"])
    assert prof.loc[("X", "topic", "elections"), "share"] == 0.5
    assert prof.loc[("X", "stance", "haftar"), "value"] == "mixed"
    assert prof.loc[("Y", "tone", "tone"), "value"] == "negative"
    assert prof.loc[("X", "actor", "lna"), "value"] == "الجيش الوطني"
    assert prof.loc[("X", "actor", "lna"), "share"] == 0.75
    only_c = compare.event_profile(arts, actors, doc_ids=["c"])
    assert set(only_c["outlet"]) == {"Y"}
