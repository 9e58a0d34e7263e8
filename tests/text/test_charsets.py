"""framing.text.charsets: one definition of letters, marks, controls and word characters."""

from __future__ import annotations

from framing.text import normalize, split_sentences, tokenize
from framing.text.charsets import (
    ARABIC_LETTER_RE,
    DIACRITICS,
    INVISIBLES,
    LINE_BREAKS,
    TATWEEL,
    WORD_MARKS,
    has_arabic,
    is_arabic_letter,
    is_word_char,
)
from helpers import S000, S004


def test_letter_classes_agree_on_every_character_of_the_seeds(seed_texts):
    chars = set("".join(seed_texts.values()))
    assert sum(map(is_arabic_letter, chars)) >= 36  # the alphabet and its hamza forms
    for ch in chars:
        assert is_arabic_letter(ch) == bool(ARABIC_LETTER_RE.fullmatch(ch)), hex(ord(ch))
        if is_arabic_letter(ch):
            # (tatweel lies in the letter range but belongs to no script)
            assert is_word_char(ch) and (has_arabic(ch) or ch == TATWEEL)
    assert not any(is_arabic_letter(c) for c in "abc019 .،")


def test_word_marks_are_removed_and_word_characters_make_the_tokens(seed_texts):
    text = seed_texts[S000]
    marks = {c for c in text if c in WORD_MARKS}
    assert "\u064b" in marks  # the tanween of اعترافًا
    assert DIACRITICS | {TATWEEL} == WORD_MARKS
    for text in seed_texts.values():
        norm = normalize(text)
        assert not set(norm) & WORD_MARKS
        # In normalised text a word token is made of word characters only.
        for tok in tokenize(norm, words_only=True):
            assert all(is_word_char(c) for c in tok), tok


def test_invisibles_and_line_breaks(seed_texts):
    sentence = split_sentences(seed_texts[S004])[2].text
    words = sentence.split(" ")
    marked = " ".join(w + sorted(INVISIBLES)[i % len(INVISIBLES)] for i, w in enumerate(words))
    assert normalize(marked) == normalize(sentence)
    for br in LINE_BREAKS:
        assert normalize(br.join(words[:2])) == normalize("\n".join(words[:2]))


def test_has_arabic_on_the_seeds(seed_texts):
    assert all(has_arabic(t) for t in seed_texts.values())
    url = split_sentences(seed_texts[S004])[-1]
    assert url.kind == "url" and not has_arabic(url.text)
