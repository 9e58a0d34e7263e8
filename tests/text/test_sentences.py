"""framing.text.sentences: sentence offsets, abbreviations, headings, bullets, URLs and quotes."""

from __future__ import annotations

import regex
from hypothesis import given, settings

from framing.text.sentences import split_sentences
from helpers import arabic_text


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


def test_two_letter_words_end_sentences_but_initials_do_not():
    text = "رحب الرئيس بالوفد وأشاد به. وقال إن العلاقات قوية. قال د. أحمد إن أ.د. محمد حضر."
    assert [s.text for s in split_sentences(text)] == [
        "رحب الرئيس بالوفد وأشاد به.", "وقال إن العلاقات قوية.", "قال د. أحمد إن أ.د. محمد حضر."]
