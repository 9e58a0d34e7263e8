"""Arabic text pipeline: normalisation, offsets, sentences, tokens, clitics, negation."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import ArabicNormalizer, normalize, normalize_with_map
from framing.text.clitics import PROCLITICS, light_stem, split_proclitics, strip_article
from framing.text.negation import find_negator
from framing.text.sentences import split_sentences
from framing.text.tokens import tokenize

# Arabic block, presentation forms, Persian letters, digits, bidi controls, spaces and punctuation:
# the characters that real noisy Arabic news contains.
ARABIC_ALPHABET = st.sampled_from(
    [chr(c) for c in range(0x0600, 0x0700)]
    + [chr(c) for c in range(0xFE70, 0xFEFD)]
    + [chr(c) for c in range(0xFB50, 0xFBB2)]
    + list("ی ک ۀ □ \u200f\u200e\u202b\u202c\u00a0 .،؟!:\n-*«»“”abcXYZ0123456789")
)
arabic_text = st.text(alphabet=ARABIC_ALPHABET, max_size=200)


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


def test_offsets_recover_the_written_word_with_its_diacritics(seed_texts):
    text = seed_texts["000_d3e141acfa460186"]
    nt = normalize_with_map(text)
    i = nt.text.index("اعترافا")
    a, b = nt.to_original(i, i + len("اعترافا"))
    assert text[a:b] == "اعترافًا"


def test_sentence_offsets_slice_the_original(seed_texts):
    for text in seed_texts.values():
        sents = split_sentences(text)
        assert sents
        for s in sents:
            assert text[s.start:s.end] == s.text
            assert s.text == s.text.strip()


@given(arabic_text)
@settings(max_examples=300, deadline=None)
def test_sentence_offsets_property(text):
    prev_end = 0
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
        assert s.start >= prev_end
        prev_end = s.end


def test_abbreviations_keep_expert_sentences_whole(seed_texts):
    sents = [s.text for s in split_sentences(seed_texts["000_d3e141acfa460186"])]
    for name in ("د. عماد الفيتوري", "د. محمود الشافعي", "أ. خالد بن عمران"):
        (hit,) = [s for s in sents if name in s]
        # The sentence runs from the speech verb before the name to the end of the claim.
        assert regex.match(r"^(?:أوضح|يؤكد|أشار)", hit), hit
        assert hit.endswith(".") or hit.endswith("”.")
        assert len(hit.split()) > 12


def test_headings_bullets_urls_and_lost_stops(seed_texts):
    s001 = split_sentences(seed_texts["001_96635321e4ee60bd"])
    bullets = [s.text for s in s001 if s.kind == "bullet"]
    assert "تأمين الحدود الغربية لمصر" in bullets  # an inline "- " bullet after a full stop
    assert any(s.kind == "heading" and s.text == "نتائج اللقاء:" for s in s001)
    s004 = split_sentences(seed_texts["004_07d685bfe4e10dc6"])
    assert s004[-1].kind == "url"
    assert not any("□" in s.text for s in s004)  # □ stood for a lost full stop
    assert any(s.text.endswith("وعلى رأسها السودان") for s in s004)


def test_split_does_not_break_numbers_urls_or_m_slash():
    text = "ارتفع بنسبة 3.5 في المئة حسب www.example.com اليوم. كتب : م/ خالد"
    assert [s.text for s in split_sentences(text)] == [
        "ارتفع بنسبة 3.5 في المئة حسب www.example.com اليوم.", "كتب : م/ خالد"]


def test_quotes_stay_with_their_sentence():
    text = "وقال: “الوضع مستقر.” وأضاف أن الحل قريب."
    assert [s.text for s in split_sentences(text)] == [
        "وقال: “الوضع مستقر.”", "وأضاف أن الحل قريب."]


def test_tokenize_offsets():
    text = normalize("وقال: «الجيش الوطني» 2.5")
    for tok, a, b in tokenize(text, spans=True):
        assert text[a:b] == tok
    assert tokenize(text, words_only=True) == ["وقال", "الجيش", "الوطني", "2.5"]


def test_clitics():
    assert {"و", "ف", "ب", "ال", "وال", "بال", "لل", "ولل", "فبال"} <= PROCLITICS
    assert strip_article("الانتخابات") == "انتخابات"
    assert ("وال", "جيش") in split_proclitics("والجيش")
    assert light_stem("وبالانتخابات") == "انتخابات"
    assert light_stem("حكومتها") == "حكومت"


def test_negation_scope():
    toks = normalize("قال إنه لا يدعم الانتخابات").split()
    assert find_negator(toks, toks.index("يدعم")) == toks.index("لا")
    toks = normalize("ولا بد من غطاء سياسي").split()
    assert find_negator(toks, toks.index("غطاء")) is None
    toks = normalize("لم يحضر ، لكن يدعم الانتخابات").replace("،", " ، ").split()
    assert find_negator(toks, toks.index("يدعم")) is None  # the comma closes the scope


def test_two_letter_words_end_sentences_but_initials_do_not():
    text = "رحب الرئيس بالوفد وأشاد به. وقال إن العلاقات قوية. قال د. أحمد إن أ.د. محمد حضر."
    assert [s.text for s in split_sentences(text)] == [
        "رحب الرئيس بالوفد وأشاد به.", "وقال إن العلاقات قوية.", "قال د. أحمد إن أ.د. محمد حضر."]


def test_line_and_paragraph_separators_stay_line_breaks():
    assert normalize("الانتخابات\u2028الرئاسية") == normalize("الانتخابات\nالرئاسية")
