"""framing.features.topics: cues with clitics and suffixes, sentences addressing a topic, shares."""

from __future__ import annotations

import pytest

from framing.codebook import load_codebook
from framing.features import CompiledCodebook
from framing.schema import TOPIC, names_of
from helpers import run_texts


def test_clitics_and_suffixes_match(mini):
    res = run_texts(mini, "دعا للانتخابات، وانتخاباتهم المقبلة، وبالانتخابات.")
    matched = res.evidence[res.evidence.field == "topic:elections"]["matched"].tolist()
    assert matched == ["للانتخابات", "وانتخاباتهم", "وبالانتخابات"]
    assert "انتخابي" not in res.evidence["matched"].tolist()


def test_article_topics_and_shares_follow_from_the_sentences(seeds_analysis):
    """share:T = the share of counted sentences addressing T; topic:T = enough of them."""
    _, res = seeds_analysis
    cb = load_codebook("libya-egypt")
    arts = res.articles.set_index("doc_id")
    counted = res.sentences[res.sentences["kind"] != "repeat"]
    topics = names_of(res.articles.columns, TOPIC)
    assert list(topics) == [t.name for t in cb.topics]
    for doc_id, rows in counted.groupby("doc_id"):
        for t in cb.topics:
            col = topics[t.name]
            addressing = int(rows[col].sum())
            assert arts.loc[doc_id, f"share:{t.name}"] == round(addressing / len(rows), 4)
            assert arts.loc[doc_id, col] == int(
                addressing >= t.setting(cb.settings, "topic_min_sentences"))


def test_a_sentence_addresses_a_topic_by_the_weight_of_its_distinct_cues(seeds_analysis):
    _, res = seeds_analysis
    cb = load_codebook("libya-egypt")
    weights = {(f"topic:{t.name}", c.text): c.weight for t in cb.topics for c in t.cues}
    min_weight = {f"topic:{t.name}": t.setting(cb.settings, "topic_min_weight") for t in cb.topics}
    ev = res.evidence[res.evidence["field"].str.startswith("topic:")]
    assert "1" in set(ev["label"])
    ev = ev[ev["label"] == "1"]  # the topic's own cues (not its context cues)
    total = ev.drop_duplicates(["doc_id", "sent_id", "field", "cue"]).groupby(
        ["doc_id", "sent_id", "field"])["cue"].apply(list)
    sentences = res.sentences.set_index(["doc_id", "sent_id"])
    for (doc_id, sent_id, col), cues in total.items():
        weight = sum(weights[(col, c)] for c in cues)  # each cue once per sentence
        addresses = weight >= min_weight[col]
        assert sentences.loc[(doc_id, sent_id), col] == int(addresses)


# -- the default codebook's concepts on one-sentence posts and out-of-scope text ---------------


@pytest.fixture(scope="module")
def default():
    return CompiledCodebook("libya-egypt")  # compiled once for the tests below


@pytest.mark.parametrize("post,topic", [
    ("عاجل | غرق قارب يقل عشرات المهاجرين قبالة سواحل زوارة غربي ليبيا", "border_security"),
    ("عاجل | خفر السواحل الليبي ينقذ 200 مهاجر غير شرعي قبالة سواحل طرابلس", "border_security"),
    ("عاجل | السيسي: مصر لن تسمح بأن تتحول ليبيا إلى بؤرة للإرهاب", "counterterrorism"),
    ("عاجل | الكشف عن وصول مقاتلين من الفيلق الأفريقي الروسي إلى شرق ليبيا", "foreign_forces"),
    ("عاجل | البنتاغون: تدريب قوات ليبية على مكافحة الإرهاب", "military_cooperation"),
    ("عاجل | مجلس النواب الليبي يقر قانون انتخاب رئيس الدولة", "elections"),
    ("عاجل | ارتفاع سعر الدولار أمام الدينار الليبي في السوق الموازية", "reconstruction_economy"),
    ("عاجل | أردوغان: لن نسمح لمصر والإمارات بفرض إرادتهما في ليبيا", "regional_rivalry"),
    ("عاجل | تقرير أممي: المقاتلون الأجانب ما زالوا ينتشرون في وسط ليبيا", "foreign_forces"),
])
def test_one_strong_cue_makes_a_one_sentence_post_address_its_topic(default, post, topic):
    """The coding manual: one sentence that substantively addresses a topic makes it 1."""
    arts = run_texts(default, post).articles
    assert arts.loc[0, f"topic:{topic}"] == 1
    others = [c for c in names_of(arts.columns, TOPIC).values() if c != f"topic:{topic}"]
    assert arts.loc[0, others].sum() <= 1  # the post is about its topic, not everything


def test_foreign_forces_are_those_in_libya(default):
    """The topic's context: foreign militias in Syria are not the topic; in Libya they are."""
    syria = "وتتهم المعارضة السورية قوات أجنبية وميليشيات تابعة لإيران بالاستيطان في بيوت المهجرين."
    libya = "وتتهم حكومة الوفاق قوات أجنبية ومرتزقة بالقتال إلى جانب قوات حفتر جنوب طرابلس."
    res = run_texts(default, syria, libya)
    arts = res.articles.set_index("doc_id")
    assert arts.loc["d0", "topic:foreign_forces"] == 0
    assert arts.loc["d1", "topic:foreign_forces"] == 1
    ev = res.evidence[(res.evidence.doc_id == "d0") & (res.evidence.field == "topic:foreign_forces")]
    assert set(ev["label"]) == {"out_of_scope"}


def test_names_that_contain_cue_words_are_not_the_concept(default):
    """``ignore``: the Tripoli government's name is not a unity claim, a strategic dialogue
    between two states is not the political process, hamza-less أعمار (ages) is not إعمار."""
    res = run_texts(default,
                    "وأعلنت حكومة الوحدة الوطنية في طرابلس عن خطة لصيانة الطرق.",
                    "وعقد البلدان في القاهرة جولة جديدة من الحوار الاستراتيجي بينهما.",
                    "ولدى جمعة في بنغازي ثلاثة أبناء تتراوح أعمارهم بين 19 و27 سنة.")
    arts = res.articles.set_index("doc_id")
    assert arts.loc["d0", "topic:institutional_unity"] == 0
    assert arts.loc["d1", "topic:elections"] == 0
    assert arts.loc["d2", "topic:reconstruction_economy"] == 0
    assert "الوحدة الوطنية" not in set(res.evidence.loc[res.evidence.doc_id == "d0", "cue"])


def test_a_one_sentence_post_has_no_asides(default):
    """A short report: one moderate cue (انتحاري, 1.5 < min_weight 2.0) makes the topic of a
    one-sentence post; the same sentence in a longer article needs a second cue."""
    from framing.features.topics import SHORT_REPORT_FACTOR, SHORT_REPORT_SENTENCES

    post = "عاجل | انتحاري يفجر نفسه في معسكر للشرطة في زليتن ويوقع عشرات القتلى"
    article = (post + ". وقال مسؤول محلي إن المستشفى استقبل الجرحى. "
               "وأغلقت الشرطة الطرق المؤدية إلى المعسكر.")
    res = run_texts(default, post, article)
    arts = res.articles.set_index("doc_id")
    assert SHORT_REPORT_SENTENCES == 1 and arts.loc["d0", "n_sentences"] == 1
    assert arts.loc["d1", "n_sentences"] == 3
    ev = res.evidence[res.evidence.field == "topic:counterterrorism"]
    assert set(ev["weight"]) == {1.5} and 1.5 >= SHORT_REPORT_FACTOR * 2.0
    assert arts.loc["d0", "topic:counterterrorism"] == 1
    assert arts.loc["d0", "share:counterterrorism"] == 1.0
    assert arts.loc["d1", "topic:counterterrorism"] == 0


def test_two_weak_words_do_not_make_the_topic_of_a_one_sentence_post(default):
    """A short report needs one cue strong enough on its own: the defence minister (0.5) and
    cooperation (0.5) at a book fair add up to 1.0, half of min_weight, but they are passing
    words, not military cooperation."""
    from framing.features.topics import SHORT_REPORT_FACTOR

    post = "عاجل | وزير الدفاع يفتتح معرض القاهرة للكتاب ويشيد بالتعاون مع دور النشر"
    res = run_texts(default, post)
    ev = res.evidence[res.evidence.field == "topic:military_cooperation"]
    assert sorted(ev["weight"]) == [0.5, 0.5]
    assert ev["weight"].sum() >= SHORT_REPORT_FACTOR * 2.0 > ev["weight"].max()
    assert res.articles["n_sentences"].iloc[0] == 1
    assert res.articles["topic:military_cooperation"].iloc[0] == 0


@pytest.mark.parametrize("text, expected", [
    ("عاجل | وزير الخارجية يحذر من تحول ليبيا إلى ساحة للصراعات بين الدول", 1),
    ("وحذر المحلل من أن سياسة المحاور تعمق الانقسام في ليبيا وتطيل أمد الأزمة. "
     "وأضاف أن الحل يبقى سياسيا.", 1),
    ("وقال إن التدخلات الإقليمية في الأزمة الليبية أطالت أمد الحرب. وطالب بوقفها.", 1),
    ("عاجل | المقاومة الشعبية تأسر مقاتلين إيرانيين يقاتلون في صفوف الحوثيين بعدن", 1),
    ("عاجل | وزير الخارجية: الأزمة الخليجية تلقي بظلالها على الملف الليبي", 1),
    ("عاجل | وصول وفد تركي إلى طرابلس", 0),
])
def test_regional_rivalry_as_the_contest_of_axes(default, text, expected):
    """The contest of powers named as such (axes, regional conflicts and interventions, an
    arena of conflict) is the topic; a delegation's nationality is not."""
    arts = run_texts(default, text).articles
    assert arts.loc[0, "topic:regional_rivalry"] == expected


def test_overlapping_cues_are_the_same_words_counted_once(default):
    """قوات التحالف (1.5) and التحالف الدولي (1.0) match the same words of قوات التحالف الدولي:
    the heavier counts, the other is not listed; 1.5 < min_weight 2.0 in an article."""
    from framing.features.topics import distinct_hits

    text = ("ونفذت قوات التحالف الدولي تسع ضربات جوية على مواقع التنظيم في العراق. "
            "وقال المتحدث إن الضربات أصابت أهدافها.")
    res = run_texts(default, text)
    ev = res.evidence[(res.evidence.field == "topic:military_cooperation")
                      & (res.evidence.sent_id == 0)]
    assert ev["cue"].tolist() == ["قوات التحالف"] and ev["weight"].tolist() == [1.5]
    assert res.articles.loc[0, "topic:military_cooperation"] == 0
    assert distinct_hits([]) == []


@pytest.mark.parametrize("text", [
    "عاجل | الرئيس الروسي بوتين يستقبل الوزير التركي في موسكو",
    "عاجل | أردوغان: تركيا لن تتخلى عن أشقائها",
])
def test_one_power_named_again_is_not_a_rivalry(default, text):
    """A power's leader, capital and adjective are the same power named again, not powers
    competing: even a one-sentence post needs the contest (or a second power and more)."""
    arts = run_texts(default, text).articles
    assert arts.loc[0, "topic:regional_rivalry"] == 0


@pytest.mark.parametrize("text, topic", [
    # a truce is the ceasefire of the news register: a step of the political process
    ("عاجل | الطرفان يتبادلان الاتهامات بخرق الهدنة في محيط طرابلس", "elections"),
    # the Turkish-Libyan maritime deal by its other name: the East Mediterranean contest
    ("عاجل | مصر ترفض الاتفاق البحري بين تركيا وحكومة الوفاق وتعتبره باطلا", "regional_rivalry"),
    # a power's role by the indefinite adjective
    ("عاجل | محللون: دور روسي متزايد في ليبيا يقلق الأوروبيين", "regional_rivalry"),
    # arms and military equipment shipped, in other wordings
    ("عاجل | وصول طائرة شحن عسكرية تركية إلى قاعدة الوطية محملة بالعتاد",
     "military_cooperation"),
    # rival governments contesting power; refusing to hand it over, in the finite verb
    ("وتتنازع على السلطة في ليبيا منذ مطلع العام حكومتان. وقال مراقبون إن الأزمة مرشحة "
     "للتصاعد.", "institutional_unity"),
    ("عاجل | الدبيبة: لن أسلم السلطة إلا لحكومة منتخبة", "institutional_unity"),
    # a post that names Libya only by a town is still about Libya (the topic's context)
    ("عاجل | تقرير أممي: عناصر من الفيلق الإفريقي الروسي تنتشر في براك الشاطئ",
     "foreign_forces"),
])
def test_concepts_in_the_wordings_of_other_years(default, text, topic):
    """Posts and sentences of 2019-2025 that state something about the topic make it."""
    assert run_texts(default, text).articles.loc[0, f"topic:{topic}"] == 1


def test_capacity_building_needs_a_second_cue(default):
    """تعزيز قدرات is said of economies too: with patrol boats supplied it is cooperation, alone
    in an article it is not."""
    arts = run_texts(
        default,
        "وأعلنت إيطاليا تعزيز قدرات خفر السواحل الليبي بزوارق دورية جديدة. "
        "وقال الوزير إن التسليم يتم الشهر المقبل.",
        "وتسعى الحكومة إلى تعزيز قدرات الاقتصاد الوطني. وقال الوزير إن الخطة تمتد خمس سنوات.",
    ).articles
    assert arts["topic:military_cooperation"].tolist() == [1, 0]


def test_elections_named_in_a_background_clause_are_a_passing_word(default):
    """The bare word names past and foreign elections in asides; an article needs a second cue,
    a one-sentence post on elections still makes the topic."""
    arts = run_texts(
        default,
        "وكان الرئيس التونسي قد تولى منصبه عقب انتخابات جرت قبل عامين. "
        "وبحث الرئيس مع نظيره الجزائري سبل تطوير التبادل التجاري بين البلدين.",
        "عاجل | انتخابات بلدية في عشرات البلديات الليبية يوم السبت",
    ).articles
    assert arts["topic:elections"].tolist() == [0, 1]
