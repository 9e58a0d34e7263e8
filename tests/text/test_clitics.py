"""framing.text.clitics: proclitic chains, the article, a light stemmer."""

from __future__ import annotations

from framing.text import tokenize
from framing.text.clitics import PROCLITICS, light_stem, split_proclitics, strip_article


def test_clitics():
    assert {"و", "ف", "ب", "ال", "وال", "بال", "لل", "ولل", "فبال"} <= PROCLITICS
    assert strip_article("الانتخابات") == "انتخابات"
    assert ("وال", "جيش") in split_proclitics("والجيش")
    assert light_stem("وبالانتخابات") == "انتخابات"
    assert light_stem("حكومتها") == "حكومت"


def test_only_article_chains_are_stripped_with_particles():
    # Only article chains are stripped: a word that merely starts with و/ب/ل/ف keeps its letter.
    assert [strip_article(w, 3, particles=True) for w in ("وزير", "لبنان", "فريق", "بالمدينة", "الله")] == \
        ["وزير", "لبنان", "فريق", "مدينة", "الله"]


def test_clitic_splits_and_stems_of_the_seed_words(seed_texts):
    words = {w for t in seed_texts.values()
             for w in tokenize(t, normalize=True, words_only=True, min_length=2)}
    for w in words:
        splits = split_proclitics(w)
        assert splits[0] == ("", w)  # the word itself is always a split
        for prefix, stem in splits:
            assert prefix + stem == w and prefix in PROCLITICS | {""} and len(stem) >= 2
        stem = light_stem(w)
        assert stem and stem in w and len(stem) >= min(len(w), 3)  # only letters around it go
        bare = strip_article(w)
        assert bare == w or (w == "ال" + bare and len(bare) >= 2)
    # Names and nisba adjectives keep their final ي; the article and its chains go.
    assert {light_stem(w) for w in ("الليبي", "وبنغازي", "للجيش")} == {"ليبي", "بنغازي", "جيش"}
