"""framing.text.negation: negators, fixed expressions that do not negate, and the scope."""

from __future__ import annotations

from framing.text import normalize, split_sentences, tokenize
from framing.text.negation import CLAUSE_BREAKERS, clause_ids, find_negator
from helpers import S000


def test_negation_scope():
    toks = normalize("قال إنه لا يدعم الانتخابات").split()
    assert find_negator(toks, toks.index("يدعم")) == toks.index("لا")
    toks = normalize("ولا بد من غطاء سياسي").split()
    assert find_negator(toks, toks.index("غطاء")) is None
    toks = normalize("حقق الجيش انتصارات غير مسبوقة لاستعادة المدينة").split()
    assert find_negator(toks, toks.index("لاستعادة")) is None  # "unprecedented"
    toks = normalize("لم يحضر ، لكن يدعم الانتخابات").replace("،", " ، ").split()
    assert find_negator(toks, toks.index("يدعم")) is None  # the comma closes the scope


def _starts_breaker(tokens, i):
    return tokens[i] in CLAUSE_BREAKERS or " ".join(tokens[i:i + 2]) in CLAUSE_BREAKERS


def test_clause_ids_change_exactly_at_the_clause_breakers(seed_texts):
    """Whatever the breakers are (one list, CLAUSE_BREAKERS): a new clause starts at each."""
    breakers = 0
    for text in seed_texts.values():
        for sentence in split_sentences(text):
            toks = tokenize(normalize(sentence.text))
            ids = clause_ids(toks)
            assert len(ids) == len(toks) and ids == sorted(ids)
            assert not ids or ids[0] == int(_starts_breaker(toks, 0))
            for i in range(1, len(toks)):
                if ids[i] != ids[i - 1]:  # a clause starts only at a breaker ...
                    assert ids[i] == ids[i - 1] + 1 and _starts_breaker(toks, i), toks[i]
                    breakers += 1
                elif toks[i] in CLAUSE_BREAKERS:  # ... and at every one-word breaker
                    assert " ".join(toks[i - 1:i + 1]) in CLAUSE_BREAKERS, toks[i]
    assert breakers >= 10


def test_negation_is_found_in_real_sentences(seed_texts):
    """Seed 000: 'الحل العسكري وحده لا يكفي' -- the negator governs the verb after it."""
    (sentence,) = [s.text for s in split_sentences(seed_texts[S000]) if "لا يكفي" in s.text]
    toks = tokenize(normalize(sentence))
    verb = toks.index("يكفي")
    assert find_negator(toks, verb) == verb - 1
    assert find_negator(toks, verb, window=0) is None
