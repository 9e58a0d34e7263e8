"""framing.features.tone: lexicon cues, negation, intensifiers, headline and lead weights."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import analyze
from framing.codebook import load_codebook
from framing.features.tone import sentence_weights, shifted, tone_label
from framing.schema import TONE_LABELS
from framing.text.normalize import normalize
from helpers import S002, run_texts


def test_negation_on_real_text(mini, seed_texts):
    """Seed 002: 'يزيد من عدم الاستقرار' -- instability, a negated positive term."""
    text = seed_texts["002_be25e2c6883d7c20"]
    corpus = pd.DataFrame({"doc_id": ["002"], "text": [text]})
    res = analyze(corpus, mini)
    tone = res.evidence[(res.evidence.field == "tone")]
    # flipped rows are negated or shifted (ومكافحة ... والتهريب); those after عدم are negation
    hit = [r for r in tone[tone["negated"]].itertuples() if "عدم" in text[max(0, r.start - 6):r.start]]
    assert len(hit) >= 1
    for r in hit:
        assert r.label == "negative"


def test_tone_labels_follow_the_scores(seeds_analysis):
    _, res = seeds_analysis
    st = load_codebook("libya-egypt").settings
    for table in (res.articles, res.sentences):
        assert set(table["tone"]) <= set(TONE_LABELS)
        for score, label in zip(table["tone_score"], table["tone"]):
            assert -1 <= score <= 1 and label == tone_label(score, st), (score, label)
    tone = res.evidence[res.evidence["field"] == "tone"]
    assert set(tone["label"]) <= {"positive", "negative"} and (tone["weight"] > 0).all()
    # A sentence without tone evidence scores 0.
    with_cues = set(zip(tone["doc_id"], tone["sent_id"]))
    for s in res.sentences.itertuples():
        if (s.doc_id, s.sent_id) not in with_cues:
            assert s.tone_score == 0.0 and s.tone == "neutral"


def test_sentence_weights_and_tone_labels_by_hand():
    st = {"headline_weight": 2.0, "lead_weight": 1.5, "lead_sentences": 2, "tone_threshold": 0.15}
    kinds = ["headline", "heading", "sentence", "bullet", "sentence", "url", "repeat"]
    assert sentence_weights(kinds, st) == [2.0, 1.0, 1.5, 1.5, 1.0, 1.0, 1.0]
    assert [tone_label(x, st) for x in (0.5, 0.15, 0.0, -0.16)] == \
        ["positive", "neutral", "neutral", "negative"]


def test_an_intensifier_multiplies_the_weight_of_its_word(mini):
    res = run_texts(mini, "قال الخبير إن التعاون بالغ الأهمية.", "قال الخبير إن التعاون مهم.")
    tone = res.evidence[res.evidence.field == "tone"].set_index("doc_id")["weight"]
    assert tone["d0"] == 1.5 * tone["d1"]


# -- valence shifters (msa-news 2.1) -------------------------------------------------------------

@pytest.fixture(scope="module")
def packaged():
    from framing.features import CompiledCodebook

    return CompiledCodebook("libya-egypt")


def _tone_rows(res, doc_id):
    ev = res.evidence
    return ev[(ev["doc_id"] == doc_id) & (ev["field"] == "tone")]


def test_a_shifter_reverses_the_word_it_governs_on_real_text(seeds_analysis):
    """Seed 002: fighting smuggling is good news (ومكافحة الإرهاب والتهريب), hindering peace
    bad news (قد تُعيق جهود تحقيق سلام دائم); each reversal is a flipped evidence row."""
    corpus, res = seeds_analysis
    text = corpus.set_index("doc_id").loc[S002, "text"]
    tone = _tone_rows(res, S002)
    for r in tone.itertuples():
        assert text[r.start:r.end] == r.matched
    smuggling = tone[tone["matched"] == "والتهريب"]
    assert len(smuggling) == 1 and smuggling.iloc[0]["label"] == "positive"
    assert smuggling.iloc[0]["negated"]
    assert "مكافحة" in text[smuggling.iloc[0]["start"] - 20:smuggling.iloc[0]["start"]]
    peace = tone[(tone["matched"] == "سلام") & tone["negated"]]
    assert len(peace) == 1 and peace.iloc[0]["label"] == "negative"
    assert "تُعيق" in text[peace.iloc[0]["start"] - 20:peace.iloc[0]["start"]]


def test_shifters_need_their_whole_phrase_a_window_and_one_scope():
    toks = normalize("أعلن الجيش القضاء على كافة المجموعات الإرهابية").split()
    assert shifted(toks, 6, 3) and not shifted(toks, 6, 2)
    # القضاء alone is the judiciary: only القضاء على shifts
    assert not shifted(normalize("القضاء الليبي يحقق في الهجوم").split(), 4, 3)
    # a comma or a free-standing و ends the scope, as it ends a negator's
    assert not shifted(["وقف", "،", "الهجوم"], 2, 3)
    assert not shifted(["وقف", "و", "الهجوم"], 2, 3)
    # a clause boundary ends it too
    toks = normalize("دحر الجيش لكن الهجوم").split()
    assert shifted(toks, 3, 3) and not shifted(toks, 3, 3, [0, 0, 1, 1])


def test_an_obstructor_reverses_a_good_word_but_not_a_bad_one(packaged):
    res = run_texts(packaged, "وقال المبعوث إن خرق الهدنة يهدد المسار.",
                    "وهددت الميليشيات باقتحام المدينة.",
                    "وأعلنت القوات القضاء على الإرهاب في المدينة.")
    truce = _tone_rows(res, "d0").set_index("matched")
    assert truce.loc["الهدنة", "label"] == "negative" and truce.loc["الهدنة", "negated"]
    storm = _tone_rows(res, "d1").set_index("matched")
    assert storm.loc["باقتحام", "label"] == "negative" and not storm.loc["باقتحام", "negated"]
    assert res.articles.set_index("doc_id").loc["d2", "tone"] == "positive"


def test_a_name_that_contains_an_evaluative_word_is_not_news(packaged):
    res = run_texts(packaged, "واستقبل الوزير عبد السلام وفدا من البعثة.",
                    "ودعا الوزير إلى السلام.")
    assert _tone_rows(res, "d0").empty
    assert list(_tone_rows(res, "d1")["label"]) == ["positive"]


def test_the_packaged_lexicon_lists_each_entry_once_and_records_its_version():
    from importlib import resources

    import yaml

    lex = yaml.safe_load((resources.files("framing") / "data" / "lexicons" / "msa-news.yaml")
                         .read_text(encoding="utf-8"))
    assert lex["version"] == lex["changelog"][0]["version"]
    seen = {}
    for section in ("positive", "negative", "neutral"):
        for entry in lex[section]:
            cue = normalize(entry["cue"] if isinstance(entry, dict) else entry)
            assert cue not in seen, (cue, seen.get(cue), section)
            seen[cue] = section


# -- msa-news 2.2: senses read in unlabelled news ------------------------------------------------

def test_a_word_with_the_letters_of_a_cue_and_a_suffix_is_not_that_cue(packaged):
    """الحربي (military, a family name) is not حرب + ي, يتوجه (heads to) not يتوج + ه; the cue
    itself still counts in the same article."""
    res = run_texts(packaged, "والتقى وزير الدفاع والإنتاج الحربي رئيس أركان حرب القوات البرية.",
                    "وسيتوجه الوزير إلى الرياض غدا.",
                    "واندلعت الحرب في المدينة، ويتوج الفريق بلقب الدوري.")
    assert _tone_rows(res, "d0").empty and _tone_rows(res, "d1").empty
    rows = _tone_rows(res, "d2").set_index("cue")["label"]
    assert rows["حرب"] == "negative" and rows["يتوج"] == "positive"


def test_estimates_and_process_words_are_not_tone(packaged):
    res = run_texts(packaged, "وتقدر التكاليف الشاملة للحوادث المرورية بنحو 87 مليار ريال.",
                    "وأكد الوزير حرص بلاده على الالتزام بالأنظمة وحماية البيئة.",
                    "وقال إن البلدين اتفقا على تعزيز التعاون.")
    assert list(_tone_rows(res, "d0")["label"]) == ["negative"]  # the accidents, not تقدر
    assert _tone_rows(res, "d1").empty
    assert res.articles.set_index("doc_id").loc["d2", "tone"] == "positive"


def test_condolences_report_a_misfortune_and_repelling_an_attack_is_good_news(packaged):
    res = run_texts(packaged, "وقدم الأمير التعازي لأسر الضحايا متمنيا الشفاء العاجل للمصابين.",
                    "وأعلنت القوات صد هجوم على المدينة.")
    condolence = _tone_rows(res, "d0").set_index("matched")["label"]
    assert condolence["التعازي"] == condolence["الشفاء العاجل"] == "negative"
    assert set(condolence) == {"negative"}
    attack = _tone_rows(res, "d1").set_index("matched")
    assert attack.loc["هجوم", "label"] == "positive" and attack.loc["هجوم", "negated"]
    assert res.articles.set_index("doc_id").loc["d1", "tone"] == "positive"


def test_condemnation_and_frustration_by_their_phrases_not_their_letters(packaged):
    """يدين is the verb 'condemns' only with what it condemns (اليدين are hands, يدين بالولاء
    owes); بالإحباط is frustration, بإحباط foiling."""
    res = run_texts(packaged, "ومجلس الأمن يدين التفجير الذي استهدف المدينة.",
                    "وأصيب الطفل بحروق في اليدين والقدمين.",
                    "وقال إنه يدين بالولاء للوطن.",
                    "وأعرب عن شعوره بالإحباط من النتائج.",
                    "وقامت الشرطة بإحباط محاولة تسلل.")
    tone = res.evidence[res.evidence["field"] == "tone"]
    cues = {d: set(g["cue"]) for d, g in tone.groupby("doc_id")}
    assert "يدين التفجير" in cues["d0"]
    assert not any("يدين" in c for d in ("d1", "d2") for c in cues.get(d, ()))
    assert "بالإحباط" in cues["d3"]
    assert "بالإحباط" not in cues.get("d4", set())
