"""framing.features.stances: mentions, evaluative cues in window and clause, negation, scores."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing import analyze
from framing.features.stances import stance_label, stance_score
from framing.schema import STANCE, STANCE_LABELS, names_of, score_column
from helpers import run_texts, shared_path


def test_negation_flips_stance_evidence(mini):
    res = run_texts(mini, "قال الوزير إن الحكومة لا تدعم الانتخابات.", "قال الوزير إن الحكومة تدعم الانتخابات.")
    ev = res.evidence[res.evidence.field == "stance:elections"].set_index("doc_id")
    neg = ev.loc["d0"]
    neg = neg[neg.label != "mention"]
    assert neg["label"].tolist() == ["con"] and neg["negated"].tolist() == [True]
    pos = ev.loc["d1"]
    pos = pos[pos.label != "mention"]
    assert pos["label"].tolist() == ["pro"] and pos["negated"].tolist() == [False]
    arts = res.articles.set_index("doc_id")
    assert arts.loc["d0", "stance:elections"] == "con"
    assert arts.loc["d1", "stance:elections"] == "pro"


def test_fixed_expressions_are_not_negation(mini):
    res = run_texts(mini, "ولا بد من دعم الانتخابات.")
    ev = res.evidence[(res.evidence.field == "stance:elections") & (res.evidence.label != "mention")]
    assert ev["label"].tolist() == ["pro"] and not ev["negated"].any()


def test_stance_needs_the_target_within_the_window(mini):
    far = "دعم " + " ".join(["كلمة"] * 12) + " الانتخابات."
    res = run_texts(mini, far)
    assert res.articles.loc[0, "stance:elections"] == "neutral"  # mentioned, not evaluated
    assert res.articles.loc[0, "stance_score:elections"] == 0.0


def test_absent_without_mention(mini):
    res = run_texts(mini, "التعاون مستمر بين البلدين.")
    assert res.articles.loc[0, "stance:elections"] == "absent"


def test_stance_cue_does_not_cross_a_clause(mini):
    """Seed 002's pattern: a rejection after the comma is about the talks, not the elections."""
    res = run_texts(mini, "قد يعيق ذلك إجراء الانتخابات، حيث قد يرفض الطرف الجلوس إلى الطاولة.",
               "يرفض الحزب إجراء الانتخابات.")
    ev = res.evidence[(res.evidence.field == "stance:elections") & (res.evidence.label != "mention")]
    assert ev[ev.doc_id == "d0"]["cue"].tolist() == ["إجراء"]
    assert "رفض" not in ev[ev.doc_id == "d0"]["cue"].tolist()
    assert "con" in ev[ev.doc_id == "d1"]["label"].tolist()


def test_negation_flips_stance_evidence_on_real_sentences(seeds_analysis):
    """Seed 000: 'الحل العسكري وحده لا يكفي' and made sentences with the packaged codebook."""
    corpus = pd.DataFrame({"doc_id": ["neg", "pos"], "text": [
        "وقال المتحدث إن الحكومة لا تدعم إجراء الانتخابات في موعدها.",
        "وقال المتحدث إن الحكومة تدعم إجراء الانتخابات في موعدها."]})
    res = analyze(corpus)
    ev = res.evidence[(res.evidence.field == "stance:elections") & (res.evidence.label != "mention")]
    neg = ev[ev.doc_id == "neg"]
    assert neg["negated"].any() and (neg[neg.negated]["label"] == "con").all()
    assert not ev[ev.doc_id == "pos"]["negated"].any()
    arts = res.articles.set_index("doc_id")
    assert arts.loc["pos", "stance:elections"] == "pro"
    assert arts.loc["neg", "stance_score:elections"] < arts.loc["pos", "stance_score:elections"]


def test_negation_flips_stance_on_real_news_text(tmp_path):
    """A real SaudiNewsNet sentence, 'مصر لا ترحب بالتدخل الأمريكي ...': the welcome is negated."""
    import gzip

    src = shared_path("data", "saudinewsnet", "saudinewsnet.jsonl.gz")
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if "لا ترحب بالتدخل" in line]
    assert rows, "the sentence is no longer in the corpus"
    codebook = tmp_path / "intervention.yaml"
    codebook.write_text("""
name: intervention
version: "0.1"
topics:
  intervention: {description: foreign intervention, cues: [التدخل الأمريكي]}
stances:
  intervention:
    description: welcome or rejection of a foreign intervention
    target: [التدخل الأمريكي]
    pro: [ترحب, يرحب]
    con: [ترفض, يرفض]
""", encoding="utf-8")
    corpus = pd.DataFrame({"doc_id": [f"r{i}" for i in range(len(rows))],
                           "text": [r["content"] for r in rows]})
    res = analyze(corpus, codebook)
    ev = res.evidence[(res.evidence.field == "stance:intervention") & (res.evidence.cue == "ترحب")]
    assert len(ev) >= 1
    assert ev["negated"].all() and (ev["label"] == "con").all()
    assert (res.articles["stance:intervention"] == "con").all()


def test_article_stance_scores_are_their_evidence_weights(seeds_analysis):
    """stance_score:S = (pro - con) / (pro + con) over the weights of its evidence rows."""
    _, res = seeds_analysis
    arts = res.articles.set_index("doc_id")
    kinds = res.sentences.set_index(["doc_id", "sent_id"])["kind"]
    ev = res.evidence.join(kinds, on=["doc_id", "sent_id"])
    ev = ev[ev["kind"] != "repeat"]
    stances = names_of(res.articles.columns, STANCE)
    assert set(stances) == {"elections", "foreign_forces", "haftar", "sisi"}
    evaluated = 0
    for doc_id in arts.index:
        for name, col in stances.items():
            rows = ev[(ev.doc_id == doc_id) & (ev.field == col)]
            pro = rows.loc[rows.label == "pro", "weight"].sum()
            con = rows.loc[rows.label == "con", "weight"].sum()
            label = arts.loc[doc_id, col]
            assert label in STANCE_LABELS
            if label != "absent":  # every label but absent rests on evidence
                assert len(rows), (doc_id, col)
                assert arts.loc[doc_id, score_column(col)] == stance_score(pro, con)
            if label in ("pro", "con"):
                assert (pro > con) == (label == "pro"), (doc_id, col, pro, con)
                evaluated += 1
    assert evaluated >= 5


def test_stance_label_and_score_by_hand():
    st = {"stance_threshold": 0.2, "stance_min_evidence": 1.0}
    assert stance_label(0, 0, 0, st) == "absent"
    assert stance_label(0.5, 0, 3, st) == "neutral"           # too little evaluation
    assert stance_label(1.0, 0.5, 1, st) == "pro"              # score 1/3 > 0.2
    assert stance_label(0.5, 0.6, 1, st) == "neutral"          # score -0.09
    assert stance_label(0.0, 1.5, 1, st) == "con"
    assert stance_score(1.0, 0.5) == 0.3333 and stance_score(0, 0) == 0.0
    assert stance_score(0, 2) == -1.0


# -- the default codebook's targets ------------------------------------------------------------

@pytest.fixture(scope="module")
def default():
    from framing.features import CompiledCodebook

    return CompiledCodebook("libya-egypt")  # compiled once for the tests below


def test_elections_are_evaluated_in_the_whole_sentence(default):
    """scope: sentence -- a call further on in the sentence counts; one agentive word (رفض:
    who rejects what is not read) does not make a stance, rejecting the process's outputs does."""
    far = ("اهتمت الصحف الليبية الصادرة اليوم بعودة المؤتمر الوطني إلى مباحثات جنيف، ومشاركة "
           "جميع الأطراف، داعية الأطراف الليبية كافة إلى دعم الحوار السياسي لإنقاذ الوطن.")
    aside = ("وانطلقت في جنيف جولة جديدة من الحوار السياسي الليبي بعد أن رفض رئيس الوزراء "
             "لقاء الوفد الزائر.")
    outputs = "عاجل | عقيلة صالح يرفض مخرجات ملتقى الحوار السياسي"
    arts = run_texts(default, far, aside, outputs).articles.set_index("doc_id")
    assert arts["stance:elections"].tolist() == ["pro", "neutral", "con"]


def test_former_presidents_are_not_the_sisi_target(default):
    res = run_texts(default,
                    "خلافات حول ما إذا كان الرئيس المصري الأسبق مرسي يستحق وصفه بالطاغوت.",
                    "وأشاد الوزير بحكمة الرئيس المصري عبد الفتاح السيسي وجهوده في إنجاز القناة.")
    arts = res.articles.set_index("doc_id")
    assert arts.loc["d0", "stance:sisi"] == "absent"
    assert arts.loc["d1", "stance:sisi"] == "pro"


def test_foreign_forces_acceptance_negated_is_rejection(default):
    arts = run_texts(default, "عاجل | حفتر: لن نقبل بوجود أي قوات أجنبية على الأراضي الليبية",
                     "عاجل | الأمم المتحدة تطالب بخروج جميع المرتزقة والقوات الأجنبية من ليبيا"
                     ).articles
    assert arts["stance:foreign_forces"].tolist() == ["con", "con"]


@pytest.mark.parametrize("text, label", [
    # his efforts and initiatives credited, gratitude with appreciation addressed to him
    ("ونوه البيان بجهود الرئيس المصري عبد الفتاح السيسي في دعم استقرار ليبيا ووحدتها.", "pro"),
    ("ورحبت الجامعة العربية بمبادرة الرئيس عبد الفتاح السيسي لحل الأزمة الليبية.", "pro"),
    # an outcome credited to him (the agent of an achievement)
    ("وقال الوزير إن الاقتصاد تعافى بفضل الرئيس عبد الفتاح السيسي وسياساته.", "pro"),
    ("وأعرب الوزير عن بالغ شكره وتقديره للرئيس عبد الفتاح السيسي على حسن الاستقبال.", "pro"),
    # a visit reported and the thank-you cable of protocol are not evaluation
    ("استقبل الرئيس عبد الفتاح السيسي اليوم في القاهرة وزير الخارجية الليبي.", "neutral"),
    ("وبعث ولي العهد برقية شكر للرئيس عبد الفتاح السيسي بعد انتهاء زيارته.", "neutral"),
])
def test_sisi_credited_with_efforts_and_initiatives_is_pro(default, text, label):
    arts = run_texts(default, text).articles
    assert arts.loc[0, "stance:sisi"] == label


@pytest.mark.parametrize("text, label", [
    # the commander as a militia chief: delegitimising
    ("عاجل | قائد الميليشيات خليفة حفتر يستعرض قواته في بنغازي", "con"),
    # آمر الميليشيات only as a label before his name ...
    ("شاهد | صدام ابن آمر المليشيات خليفة حفتر يكرم أفرادا من قواته.", "con"),
    # ... not alone, since it normalises to أمر: "the matter of the militias" is no label
    ("وقال المشير خليفة حفتر إن أمر الميليشيات في طرابلس سيحسم قريبا.", "neutral"),
    # undermining is weak evidence (0.5): he also accuses others of it
    ("واتهم المشير خليفة حفتر حكومة الوفاق بتقويض اتفاق وقف إطلاق النار في ليبيا.", "neutral"),
    # his forces under his title, as قوات حفتر (coding manual)
    ("وتقدمت قوات الجنرال خليفة حفتر نحو مدينة سرت الليبية.", "con"),
    ("والتقى المبعوث الأممي خليفة حفتر في بنغازي.", "neutral"),
])
def test_haftar_as_a_militia_chief_is_delegitimised(default, text, label):
    arts = run_texts(default, text).articles
    assert arts.loc[0, "stance:haftar"] == label


def test_sanctions_on_obstructors_of_elections_are_support(default):
    arts = run_texts(default, "عاجل | واشنطن تلوح بعقوبات على معرقلي الانتخابات في ليبيا").articles
    assert arts.loc[0, "topic:elections"] == 1
    assert arts.loc[0, "stance:elections"] == "pro"


@pytest.mark.parametrize("text, label", [
    # a power's intervention by adjective, condemned
    ("عاجل | البرلمان العربي يدين التدخل التركي السافر في الشأن الليبي", "con"),
    # the UN's call for the foreign fighters' withdrawal
    ("عاجل | المنفي يدعو إلى إخراج المقاتلين الأجانب من ليبيا", "con"),
    # the foreign force as the agent of shelling (the target as the agent of attacks)
    ("عاجل | عناصر فاغنر يقصفون مواقع قوات الوفاق جنوب طرابلس", "con"),
    # the presence in Libya called an occupation, in the indefinite accusative
    ("عاجل | مجلس النواب يعتبر الوجود التركي في ليبيا احتلالا", "con"),
    # foreign fighters moving in and out are ISIS's, not this target
    ("وتدير المجموعات المتشددة في الجنوب الليبي عمليات دخول وخروج المقاتلين الأجانب "
     "الذين يأتون من دول الجوار. وقال المصدر إن الطرق الصحراوية مفتوحة.", "absent"),
])
def test_foreign_forces_in_the_wordings_of_other_years(default, text, label):
    arts = run_texts(default, text).articles
    assert arts.loc[0, "stance:foreign_forces"] == label


@pytest.mark.parametrize("text, label", [
    ("عاجل | المشري: قائد الانقلاب في مصر يدعم مشروع حفتر العسكري", "con"),
    ("عاجل | خبراء: رؤية الرئيس السيسي الثاقبة حمت الأمن القومي المصري", "pro"),
])
def test_sisi_by_a_coup_label_without_his_name_and_by_praise(default, text, label):
    arts = run_texts(default, text).articles
    assert arts.loc[0, "stance:sisi"] == label


@pytest.mark.parametrize("text, label", [
    # breaching the embargo, said of a foreign force: con
    ("وقالت الأمم المتحدة إن القوات التركية تواصل خروقات حظر السلاح في ليبيا.", "con"),
    # welcoming the embargo is not support for foreign forces: no target in the sentence
    ("ورحب مجلس الأمن بتمديد حظر السلاح المفروض على ليبيا.", "absent"),
])
def test_the_arms_embargo_breached_by_a_foreign_force(default, text, label):
    arts = run_texts(default, text).articles
    assert arts.loc[0, "stance:foreign_forces"] == label
