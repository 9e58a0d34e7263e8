"""framing.text.match: clitic-aware cue matching on real text, and the longest hit per group."""

from __future__ import annotations

from framing.text import Cue, CueMatcher, Entry, normalize
from framing.text.clitics import PROCLITICS, strip_article
from framing.text.match import longest_per_group
from helpers import S000, S002, S003

ARMY = "الجيش الوطني الليبي"


def _matcher(*cues, group="g"):
    return CueMatcher(Entry(group, c, Cue.from_text(c)) for c in cues)


def test_cue_from_text_normalises_its_words():
    cue = Cue.from_text("طرابلس الغرب")
    assert cue.words == ("طرابلس", "الغرب") and cue.weight == 1.0 and cue.text == "طرابلس الغرب"
    assert Cue.from_text("الأمنُ", weight=2).words == ("الامن",)
    assert Cue.from_text("انتخاب*").words == ("انتخاب*",)


def test_hits_are_whole_words_with_proclitics_in_the_seeds(seed_texts):
    m = _matcher("القوات", "الحدود", "انتخاب*", ARMY)
    seen = set()
    for text in seed_texts.values():
        norm = normalize(text)
        for h in m.find(norm):
            word = norm[h.start:h.end]
            seen.add(word)
            assert norm[h.start:h.core_start] in PROCLITICS | {""}, word
            core = strip_article(h.entry.cue.words[0].rstrip("*"))
            assert norm[h.core_start:h.end].removeprefix("ال").startswith(core), word
            assert h.end == len(norm) or not norm[h.end].isalnum(), word  # the word ends there
            assert h.start == 0 or not norm[h.start - 1].isalnum(), word
    # The article is optional, proclitic chains are allowed, a stem takes any continuation.
    assert {"القوات", "للقوات", "وقوات", "قوات"} <= seen
    assert {"الانتخابات", "انتخابات"} <= seen and "للجيش الوطني الليبي" in seen


def test_hits_are_sorted_and_phrases_do_not_cross_a_line_break(seed_texts):
    norm = normalize(seed_texts[S003])
    m = _matcher(ARMY, "الجيش")
    hits = m.find(norm)
    assert [(h.start, -(h.end - h.start)) for h in hits] == sorted(
        (h.start, -(h.end - h.start)) for h in hits)
    phrases = [h for h in hits if h.entry.payload == ARMY]
    assert len(phrases) >= 2
    broken = norm.replace("جيش الوطني", "جيش\nالوطني")
    assert not [h for h in m.find(broken) if h.entry.payload == ARMY]
    assert len([h for h in m.find(broken) if h.entry.payload == "الجيش"]) == \
        len([h for h in hits if h.entry.payload == "الجيش"])


def test_longest_hit_per_group_hides_the_shorter_name_at_its_place(seed_texts):
    norm = normalize(seed_texts[S003])
    hits = _matcher(ARMY, "الجيش").find(norm)
    kept = longest_per_group(hits)
    dropped = [h for h in hits if h not in kept]
    phrases = [h for h in kept if h.entry.payload == ARMY]
    # Each phrase hides the الجيش inside it, and nothing else is dropped.
    assert len(dropped) == len(phrases) > 0
    for h in dropped:
        assert h.entry.payload == "الجيش"
        assert any(p.start <= h.start and h.end <= p.end for p in phrases)
    assert any(h.entry.payload == "الجيش" for h in kept)  # the army named alone elsewhere stays
    # In different groups both hits stay.
    both = CueMatcher([Entry("actor", ARMY, Cue.from_text(ARMY)),
                       Entry("topic", "الجيش", Cue.from_text("الجيش"))]).find(norm)
    assert longest_per_group(both) == both


def test_suffixes_and_an_empty_matcher(seed_texts):
    norm = normalize(seed_texts[S002])
    words = {norm[h.start:h.end] for h in _matcher("الحدود").find(norm)}
    assert "حدودها" in words  # a pronoun suffix may follow the last word
    assert not {w for w in words if w.endswith("ية")}
    assert CueMatcher([]).find(normalize(seed_texts[S000])) == []
    assert _matcher("الحدود").find("") == []
