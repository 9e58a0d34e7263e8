"""framing.codebook: the packaged codebook validates; malformed ones fail with file:line, fix."""

from __future__ import annotations

import pytest

from framing.codebook import available, load_codebook
from framing.errors import CodebookError
from helpers import MINI, broken_codebook

DESIGN_FIELDS = [
    "topic:military_cooperation", "topic:border_security", "topic:counterterrorism",
    "topic:elections", "topic:foreign_forces", "topic:institutional_unity",
    "topic:reconstruction_economy", "topic:regional_rivalry",
    "stance:elections", "stance:foreign_forces", "stance:haftar", "stance:sisi", "tone",
]


def test_packaged_codebook_has_exactly_the_design_fields():
    assert "libya-egypt" in available()
    cb = load_codebook("libya-egypt")
    assert cb.fields == DESIGN_FIELDS
    assert cb.version and len(cb.sha256) == 64
    assert all(t.cues for t in cb.topics)
    assert cb.sentiment["positive"] and cb.sentiment["negative"]
    assert set(cb.quotes["source_types"]) >= {"official", "expert"}


def test_hash_changes_with_content(tmp_path):
    other = tmp_path / "cb.yaml"
    other.write_text(MINI.read_text(encoding="utf-8").replace('"0.1"', '"0.2"'), encoding="utf-8")
    assert load_codebook(MINI).sha256 != load_codebook(other).sha256


@pytest.mark.parametrize("old,new,words", [
    ("      - الانتخابات الرئاسية", "     - الانتخابات: [", ["YAML syntax error"]),
    ("topics:", "topiks:", ["unknown section 'topiks'"]),
    ("    pro: [يدعم, تدعم, دعم, ضرورة إجراء, إجراء]", "    pro: []", ["empty cue list", "stances.elections.pro"]),
    ("  lna:\n", "  hor:\n", ["duplicate key 'hor'"]),
    ("connotation: neutral}", "connotation: positive}", ["connotation must be one of"]),
    ("  topic_min_weight: 1.0", "  topic_min_wieght: 1.0", ["unknown setting"]),
    ("    actors: [hor]", "    actors: [parliament]", ["unknown actor 'parliament'"]),
])
def test_malformed_codebook_names_file_line_and_fix(tmp_path, old, new, words):
    path, line = broken_codebook(tmp_path, old, new)
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:")
    reported = int(msg.split(":")[1])
    # The line of the broken entry (a YAML parser may notice it on the next line).
    assert line <= reported <= line + 2, msg
    assert "Fix:" in msg
    for w in words:
        assert w in msg


def test_missing_codebook_says_what_exists():
    with pytest.raises(CodebookError, match="libya-egypt"):
        load_codebook("no-such-codebook")


@pytest.mark.parametrize("new,words", [
    ("      - ـــــ", ["empty once normalised"]),  # tatweel only
    ("      - \u064b\u064c\u064d", ["empty once normalised"]),  # diacritics only
    ("      - ...", ["without letters or digits"]),
    ('      - "قال ؛"', ["without letters or digits", "'؛'"]),
    ("      - {cue: انتخابات, weight: .nan}", ["weight must be a positive number", "nan"]),
    ("      - {cue: انتخابات, weight: .inf}", ["weight must be a positive number", "inf"]),
])
def test_cues_that_cannot_match_words_are_refused(tmp_path, new, words):
    path, line = broken_codebook(tmp_path, "      - الانتخابات الرئاسية", new)
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:{line}:") and "Fix:" in msg, msg
    for w in words:
        assert w in msg, msg
