"""framing.text.tokens: words, numbers, punctuation with offsets; one tokenizer for all stages."""

from __future__ import annotations

from framing.text import load_stopwords, normalize, tokenize
from framing.text.tokens import WORD_RE, count_words, token_table
from helpers import S002


def test_tokenize_offsets():
    text = normalize("وقال: «الجيش الوطني» 2.5")
    for tok, a, b in tokenize(text, spans=True):
        assert text[a:b] == tok
    assert tokenize(text, words_only=True) == ["وقال", "الجيش", "الوطني", "2.5"]


def test_tokenize_normalises_and_drops_short_words():
    words = dict(normalize=True, words_only=True, numbers=False, min_length=2)
    assert tokenize("الأمم المتّحدة و 2025 Libya", **words) == ["الامم", "المتحدة", "libya"]
    assert tokenize("مؤكدا", stopwords=frozenset({"مءكدا"}), **words) == []


def test_token_table_and_tokenize_agree_on_the_seeds(seed_texts):
    for text in seed_texts.values():
        norm = normalize(text)
        starts, ends, is_word = token_table(norm)
        spans = tokenize(norm, spans=True)
        assert [(a, b) for _, a, b in spans] == list(zip(starts.tolist(), ends.tolist()))
        words = set(tokenize(norm, words_only=True))
        for (tok, _, _), word in zip(spans, is_word.tolist()):
            assert word == bool(WORD_RE.fullmatch(tok)), tok
            assert not word or tok in words
        assert count_words(norm) == len(tokenize(norm, words_only=True)) == int(is_word.sum())


def test_normalised_tokens_point_into_the_original_text(seed_texts):
    for text in seed_texts.values():
        triples = tokenize(text, normalize=True, spans=True)
        assert [t for t, _, _ in triples] == tokenize(normalize(text))
        for tok, a, b in triples:
            # The span is the token as written: diacritics, hamza forms and all.
            assert normalize(text[a:b]) == tok, (tok, text[a:b])


def test_token_options_on_a_seed_sentence(seed_texts):
    sentence = next(s for s in seed_texts[S002].split("\n") if "2025" in s or "الجيش" in s)
    words = tokenize(sentence, words_only=True)
    everything = tokenize(sentence)
    assert set(words) <= set(everything) and len(words) < len(everything)
    assert all(WORD_RE.fullmatch(w) for w in words)
    assert not any(t[0].isdigit() for t in tokenize(sentence, numbers=False))
    assert all(len(t) >= 3 for t in tokenize(sentence, min_length=3))
    stop = load_stopwords("default")
    kept = tokenize(sentence, normalize=True, words_only=True, stopwords=stop)
    assert kept and not set(kept) & stop
    assert tokenize(None) == [] and tokenize("") == []
