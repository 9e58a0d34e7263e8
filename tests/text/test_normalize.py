"""framing.text.normalize: idempotent steps that do what they say, and the map to the original."""

from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import ArabicNormalizer, normalize, normalize_with_map
from helpers import arabic_text


@given(arabic_text)
@settings(max_examples=300, deadline=None)
def test_normalisation_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(arabic_text, st.booleans(), st.booleans())
@settings(max_examples=100, deadline=None)
def test_normalisation_is_idempotent_for_other_step_sets(text, taa, hamza):
    norm = ArabicNormalizer(taa_marbuta=taa, hamza=hamza, diacritics=not hamza)
    once = norm.normalize(text)
    assert norm.normalize(once) == once


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_normalisation_is_idempotent_on_any_unicode(text):
    once = normalize(text)
    assert normalize(once) == once


@given(arabic_text)
@settings(max_examples=200, deadline=None)
def test_map_and_plain_normalisation_agree(text):
    assert normalize_with_map(text).text == normalize(text)


@given(arabic_text)
@settings(max_examples=200, deadline=None)
def test_offset_map_points_back_to_the_source_character(text):
    nt = normalize_with_map(text)
    assert len(nt.src) == len(nt.text)
    for i, ch in enumerate(nt.text):
        # Each normalised character is (part of) the normalisation of the character it maps to.
        assert ch in normalize(text[nt.src[i]:nt.end[i]]) or ch == " "


def test_each_step_does_what_it_says():
    assert normalize("مُحَمَّدٌ") == "محمد"
    assert normalize("الـــجيش") == "الجيش"
    assert normalize("أإآٱ") == "اااا"
    assert normalize("مسؤول مسئول") == "مسءول مسءول"
    assert normalize("على") == "علي"
    assert normalize("المتحدة") == "المتحدة"
    assert normalize("المتحدة", taa_marbuta=True) == "المتحده"
    assert normalize("ترسیخ کبیر") == "ترسيخ كبير"
    assert normalize("٢٠١١ ۲۰۲۵") == "2011 2025"
    assert normalize("ﻻ ﺍﻟﺠﻴﺶ") == "لا الجيش"  # presentation forms
    assert normalize("ليبيا\u200f\u202b") == "ليبيا"
    assert normalize("السودان □ يضيف") == "السودان يضيف"  # symbol -> space, runs collapse
    assert normalize("a\t\u00a0 b\nc") == "a b\nc"
    assert normalize("A\u00a0B") == "a b"
    assert normalize("الأمن", alef=False) == "الأمن"
    assert normalize("#قوات_حفتر تقصف") == " قوات حفتر تقصف"  # a hashtag's words are words
    assert normalize("قوات #حفتر") == "قوات حفتر"
    assert normalize("#قوات_حفتر", hashtags=False) == "#قوات_حفتر"


def test_a_hashtag_phrase_is_found_at_its_written_place():
    """``#قوات_حفتر`` and ``قوات #حفتر`` meet the delegitimising label ``قوات حفتر``; the
    evidence is the written hashtag, ``text[start:end]``."""
    from framing.codebook import load_codebook
    from framing.features import CompiledCodebook
    from helpers import run_texts

    posts = ["عاجل | #قوات_حفتر تقصف مطار معيتيقة في #طرابلس",
             "عاجل | قوات #حفتر تتقدم نحو #سرت"]
    res = run_texts(CompiledCodebook(load_codebook("libya-egypt")), *posts)
    ev = res.evidence[res.evidence["field"] == "actor:lna"]
    assert list(ev["matched"]) == ["قوات_حفتر", "قوات #حفتر"]
    assert set(ev["label"]) == {"delegitimizing"}
    for row in ev.itertuples():
        assert posts[int(row.doc_id[1:])][row.start:row.end] == row.matched
    assert list(res.articles["stance:haftar"]) == ["con", "con"]


def test_offsets_recover_the_written_word_with_its_diacritics(seed_texts):
    text = seed_texts["000_d3e141acfa460186"]
    nt = normalize_with_map(text)
    i = nt.text.index("اعترافا")
    a, b = nt.to_original(i, i + len("اعترافا"))
    assert text[a:b] == "اعترافًا"


def test_line_and_paragraph_separators_stay_line_breaks():
    assert normalize("الانتخابات\u2028الرئاسية") == normalize("الانتخابات\nالرئاسية")


@given(arabic_text)
@settings(max_examples=100, deadline=None)
def test_article_length_text_takes_the_array_path_with_the_same_result(text):
    """Texts of at least _ARRAY_MIN_CHARS characters are normalised by one array lookup; the
    result is str.translate's, also where a character becomes several (presentation forms)."""
    nz = importlib.import_module("framing.text.normalize")  # the package exports normalize()

    k = nz._ARRAY_MIN_CHARS // (len(text) + 1) + 1
    long, plain = (text + " ﻻ ") * k, (text + " ") * k
    for t in (long, plain):
        assert len(t) >= nz._ARRAY_MIN_CHARS
        fast = normalize(t)
        old, nz._ARRAY_MIN_CHARS = nz._ARRAY_MIN_CHARS, 10**9
        try:
            assert fast == normalize(t)
        finally:
            nz._ARRAY_MIN_CHARS = old
