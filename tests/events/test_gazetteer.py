"""framing.events.gazetteer: places with clitics, common words avoided, errors with file:line."""

from __future__ import annotations

import pytest

from framing.errors import FramingError
from framing.events import load_gazetteer
from helpers import assert_doctests


def test_gazetteer_matches_clitics_and_avoids_common_words():
    gaz = load_gazetteer()
    assert gaz.find("وصل وفد من بنغازي ووبنغازي وبالقاهرة إلى ترهونة") == [
        "benghazi", "cairo", "tarhuna"]
    assert gaz.find("مؤتمر في الدار البيضاء") == ["casablanca"]
    assert gaz.find("يتقن ثلاث لغات") == []
    assert gaz.find("اشتباكات في إجدابيا وراس لانوف") == ["ajdabiya", "ras_lanuf"]
    assert gaz.places["place"].is_unique


def test_gazetteer_errors_name_the_file_and_line(tmp_path):
    bad = tmp_path / "places.yaml"
    bad.write_text("places:\n  x: {name: س, variants: []}\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"places.yaml:2.*variants"):
        load_gazetteer(bad)
    with pytest.raises(FramingError, match="unknown gazetteer"):
        load_gazetteer("nowhere")


def test_docstring_examples():
    import framing.events.gazetteer

    assert_doctests(framing.events.gazetteer)
