"""The fast paths of the speed work give what the simple algorithms they replaced gave.

Each reference below is the straightforward algorithm (one regex match per token, one Python step
per character, every cue verified by its expression, rows built one by one); the package's fast
path (array lookups, one ``findall`` per sentence, the plain-cue shortcut, precomputed rule
plans) must agree with it exactly on the seeds and on tricky text.
"""

from __future__ import annotations

import re
import sys

import numpy as np
import pytest

from framing.features import CompiledCodebook, analyze_document
from framing.features.document import Document, SentenceView
from framing.text import normalize
from framing.text.charsets import WORD_MARKS
from framing.text.clitics import PROCLITICS
from framing.text.match import compile_cue
from framing.text.tokens import TOKEN_RE, token_table

NORM = sys.modules["framing.text.normalize"]

TRICKY = [
    "",
    " \n \t ",
    "الأُمَمُ المُتَّحِدَةُ تَدْعُو إلى الانتـــخابات",                      # harakat, tatweel
    "وبالانتخابات وللجيش فالحكومة حكومتها لليبيا",                          # clitics, suffixes
    "Libya's UN-backed GNA, e.g. Dr. Smith; U.S. 3.5% of 1,000 (2015)",   # Latin, numbers
    "عدد ٣٫٥ و٢٠١٥ و1.,2 و.5 و3. و1.2.3 و١٬٠٠٠",                          # digits and separators
    "ﻻ ﺍﻟﺠﻴﺶ \u200fليبيا\u202b \u00a0 □ ■ � \U0001F600 \ue000 \u0378",   # forms, bidi, symbols
    "سطر أول\n\nسطر ثالث.\u2028سطر رابع!",                                # empty lines, separators
    "قال د. أحمد: «لا يدعم الانتخابات»، لكن غير أن...",                   # abbreviation, breakers
    "كلمة_كلمة x\u0301y \U00010400a ـــ",                                  # underscore, marks
]


def texts(seed_texts):
    out = list(seed_texts.values()) + TRICKY
    return out + [normalize(t) for t in out]


# -- references: the algorithms before the speed work ----------------------------------------

def ref_token_table(text):
    rows = [(m.start(), m.end(), m.lastgroup == "w") for m in TOKEN_RE.finditer(text)]
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy(), np.zeros(0, dtype=bool)
    starts, ends, words = zip(*rows)
    return (np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64),
            np.asarray(words, dtype=bool))


def ref_normalize_with_map(text):
    """Character by character: the translation, its source, its end over removed marks."""
    table = NORM._tables(NORM._DEFAULT._key)[0]
    out, src = [], []
    kept = [i for i, c in enumerate(text) if table.get(ord(c), c) != ""]
    end_of = {}
    for j, k in enumerate(kept):
        nxt = kept[j + 1] if j + 1 < len(kept) else len(text)
        e = k + 1
        while e < nxt and text[e] in WORD_MARKS:
            e += 1
        end_of[k] = e
    for i, c in enumerate(text):
        for ch in table.get(ord(c), c):
            out.append(ch)
            src.append(i)
    norm, keep = "".join(out), [True] * len(out)
    for i in range(1, len(out)):
        keep[i] = not (out[i] == " " and out[i - 1] == " ")
    return ("".join(ch for ch, k in zip(norm, keep) if k),
            [s for s, k in zip(src, keep) if k], [end_of[s] for s, k in zip(src, keep) if k])


def ref_find(matcher, text, regexes):
    """Every automaton hit verified by its cue's expression; sorted by the documented key."""
    hits = []
    for last, (klen, idx) in matcher._automaton.iter(text):
        pos = last - klen + 1
        word_start = pos
        while word_start > 0 and pos - word_start <= 4 and text[word_start - 1].isalnum():
            word_start -= 1
        if word_start < pos and text[word_start:pos] not in PROCLITICS:
            continue
        for i in idx:
            m = regexes[i].match(text, pos)
            if m:
                hits.append((word_start, m.end(), pos, i))
    e = matcher.entries
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), e[h[3]].group, -e[h[3]].cue.weight,
                             e[h[3]].cue.text))
    return [(e[i], a, b, p) for a, b, p, i in hits]


# -- the tests --------------------------------------------------------------------------------

def test_token_table_equals_one_regex_match_per_token(seed_texts):
    for text in texts(seed_texts):
        got, want = token_table(text), ref_token_table(text)
        for g, w in zip(got, want):
            assert g.dtype == w.dtype and np.array_equal(g, w), text[:40]


def test_normalisation_map_equals_the_character_by_character_one(seed_texts):
    for text in texts(seed_texts):
        nt = NORM.normalize_with_map(text)
        norm, src, end = ref_normalize_with_map(text)
        assert nt.text == norm == normalize(text)
        assert nt.src.tolist() == src and nt.end.tolist() == end


def test_translation_table_equals_the_fixed_point_of_every_character():
    key = NORM._DEFAULT._key
    table, lengths, target = NORM._tables(key)
    steps = dict(key)
    # The whole Arabic block and its presentation forms, and a sample of all the BMP.
    cps = [*range(0x0600, 0x0700), *range(0xFB50, 0xFF00), *range(0, 0xD800, 7),
           *range(0xE000, 0x10000, 5), 0x1F600, 0x10400, 0xE0001]
    for cp in cps:
        c = chr(cp)
        if cp >= 0x10000 and NORM.unicodedata.category(c) not in ("So", "Co", "Cn", "Cf"):
            want = c
        else:
            want = NORM._fixed_point(c, steps)
        assert table.get(cp, c) == want, hex(cp)
        assert lengths[cp] == len(want) and (len(want) != 1 or target[cp] == ord(want))


def test_sentence_tokens_and_lengths_equal_slices_of_all_tokens(seed_texts):
    for text in texts(seed_texts):
        doc = Document(text)
        starts, ends, words = ref_token_table(doc.nt.text)
        tokens = [doc.nt.text[a:b] for a, b in zip(starts.tolist(), ends.tolist())]
        assert doc.tokens == tokens and doc.is_word == words.tolist()
        for i in range(len(doc.sentences)):
            t0, t1 = doc.s_tok0[i], doc.s_tok1[i]
            view = SentenceView(doc, i, {}, frozenset())
            assert view.tokens == tokens[t0:t1]
            assert doc.n_words(i) == sum(words.tolist()[t0:t1])


@pytest.fixture(scope="module")
def packaged():
    return CompiledCodebook()


def test_matcher_equals_verifying_every_hit_by_its_expression(seed_texts, packaged, mini):
    for compiled in (packaged, mini):
        m = compiled.matcher
        regexes = [compile_cue(e.cue.words)[1] for e in m.entries]
        for text in texts(seed_texts):
            norm = normalize(text)
            got = [(h.entry, h.start, h.end, h.core_start) for h in m.find(norm)]
            assert got == ref_find(m, norm, regexes)


def test_sentences_without_cues_get_only_their_row(seed_texts, packaged):
    without = 0
    for doc_id, text in seed_texts.items():
        text += "\nفاز الفريق بالمباراة النهائية أمس."  # a sentence without cues
        res = analyze_document(packaged, doc_id, text)
        doc = Document(text)
        hits = packaged.hits_by_sentence(doc)
        assert hits
        without += len(res["sentences"]) - len(hits)
        for i, row in enumerate(res["sentences"]):
            assert {k: row[k] for k in ("doc_id", "sent_id", "start", "end", "kind", "text",
                                        "n_tokens")} == doc.sentence_row(doc_id, i)
            if i not in hits:
                assert {k: row[k] for k in packaged.empty_sentence} == packaged.empty_sentence
    assert without >= len(seed_texts)


def test_abbreviation_shortcut_agrees_with_the_word_before_the_dot(seed_texts):
    sentences = sys.modules["framing.text.sentences"]

    def ref(line, dot_pos):
        m = sentences._WORD_BEFORE_RE.search(line, max(0, dot_pos - 24), dot_pos)
        if not m:
            return False
        word = m.group()
        if len(word) == 1 and sentences._ARABIC_INITIALS_RE.fullmatch(word):
            return True
        if "." in word and sentences._ARABIC_INITIALS_RE.fullmatch(word):
            return True
        return word.lower() in sentences._LATIN_ABBREV or word in sentences._ARABIC_ABBREV

    extra = "قال أ.د. محمد وDr. Smith وprof. Jones وهـ. والمسؤولون. ج.م.ع. ش.م.م. U.S. ليبيا."
    n = 0
    for text in [*texts(seed_texts), extra]:
        for line in text.split("\n"):
            for pos in (i for i, c in enumerate(line) if c == "."):
                assert sentences._is_abbreviation(line, pos) == ref(line, pos), line[:pos + 1]
                n += 1
    assert n > 50


def test_sentence_end_expression_finds_what_the_two_branch_one_found(seed_texts):
    sentences = sys.modules["framing.text.sentences"]
    closers, lost = sentences._CLOSERS, sentences._LOST_STOP
    ref = re.compile(rf"[.!?؟…]+[{re.escape(closers)}]*(?=\s|$)|(?<=\s)[{lost}](?=\s|$)")
    extra = ["a. b", "a.. b", "a..x", "a.» b", "a.»x", "a?!» )", " □ x", "x□ y", " □", "□ x",
             "...", "a .» . .", "؟؟ ! …", "\u00a0■\u2028x", "» . «", "www.example.com 3.5"]
    n = 0
    for text in [*texts(seed_texts), *extra]:
        for line in text.split("\n"):
            got = [m.span() for m in sentences._SPLIT_RE.finditer(line)]
            assert got == [m.span() for m in ref.finditer(line)], line
            n += len(got)
    assert n > 50


@pytest.mark.parametrize("steps", [{"ya": False}, {"symbols": False, "taa_marbuta": True}])
def test_translation_tables_of_other_steps_equal_a_scan_of_every_code_point(steps):
    """The candidates found once serve every set of steps: same tables as scanning them all."""
    key = NORM._key(steps)
    table, lengths = {}, np.ones(0x110000, dtype=np.int8)
    blank = " " if dict(key)["symbols"] else None
    for cp in range(0x30000):
        c = chr(cp)
        cat = NORM.unicodedata.category(c)
        if 0xD800 <= cp <= 0xDFFF or (cp >= 0x10000 and cat not in ("So", "Co", "Cn", "Cf")):
            continue
        if NORM._may_change(c, cat):
            m = (blank or c) if cat in ("Cn", "Co") else NORM._fixed_point(c, dict(key))
            if m != c:
                table[cp], lengths[cp] = m, len(m)
    got, got_lengths, target = NORM._tables(key)
    assert got == table and np.array_equal(got_lengths, lengths)
    assert all(target[cp] == ord(m) for cp, m in table.items() if len(m) == 1)
    assert table != NORM._tables(NORM._DEFAULT._key)[0]  # the steps do change the table


def test_speaker_token_sets_equal_the_span_tests_they_replaced(seed_texts, packaged):
    """The quote rule's per-sentence token sets (verbs of saying, cue tokens) and the bisect
    ``token_of`` answer what testing every token against every hit span answered."""
    from framing.features import quote_grammar as G
    from framing.features.evidence import Evidence
    from framing.features.quote_speakers import SpeakerPhrases

    checked, n_verbs = 0, 0
    for doc_id, text in seed_texts.items():
        doc = Document(text)
        phrases = SpeakerPhrases(packaged, doc, Evidence(doc_id, doc))
        starts = doc.tok_start.tolist()
        for pos in range(len(doc.nt.text) + 1):
            assert doc.token_of(pos) == int(np.searchsorted(doc.tok_start, pos, "right")) - 1
        for i, groups in packaged.hits_by_sentence(doc).items():
            view = SentenceView(doc, i, groups, packaged.negators)
            text_n, toks = doc.nt.text, view.tokens
            verbs = {(h.start, h.end) for h in view.hits("speech_verb")
                     if text_n[h.start:h.core_start] in G.VERB_PREFIXES}
            cues = [(h.start, h.end) for h in (*view.hits("source"), *view.hits("actor"))]
            n_verbs += len(verbs)
            for k in range(len(toks) + 2):
                if k < len(toks):
                    a = starts[view.t0 + k]
                    assert phrases._verb_at(view, k) == ((a, a + len(toks[k])) in verbs)
                    assert phrases._cue_at(view, k) == any(x <= a < y for x, y in cues)
                else:
                    assert not phrases._cue_at(view, k)
                checked += 1
    assert checked > 100 and n_verbs > 3


def test_quoted_tokens_without_an_opening_quote_is_all_false():
    from framing.features.quote_grammar import quoted_tokens

    assert quoted_tokens(["قال", "»", "”", "نص"]) == [False] * 4  # closers alone mark nothing
    assert quoted_tokens(["قال", "«", "نص", "»"]) == [False, True, True, True]
    assert quoted_tokens(['"', "نص", '"', "x"]) == [True, True, True, False]
    assert quoted_tokens(["“", "نص"]) == [False, False]  # an unclosed quote marks nothing
