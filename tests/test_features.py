"""Features with evidence: matching, negation, stance scope, tone, actors, quotes (mini codebook)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing import analyze
from framing.features import CompiledCodebook

MINI = Path(__file__).parent / "data" / "mini-codebook.yaml"


@pytest.fixture(scope="module")
def mini():
    return CompiledCodebook(MINI)


def _run(mini, *texts):
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    return analyze(corpus, mini)


def test_clitics_and_suffixes_match(mini):
    res = _run(mini, "دعا للانتخابات، وانتخاباتهم المقبلة، وبالانتخابات.")
    matched = res.evidence[res.evidence.field == "topic:elections"]["matched"].tolist()
    assert matched == ["للانتخابات", "وانتخاباتهم", "وبالانتخابات"]
    assert "انتخابي" not in res.evidence["matched"].tolist()


def test_negation_flips_stance_evidence(mini):
    res = _run(mini, "قال الوزير إن الحكومة لا تدعم الانتخابات.", "قال الوزير إن الحكومة تدعم الانتخابات.")
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
    res = _run(mini, "ولا بد من دعم الانتخابات.")
    ev = res.evidence[(res.evidence.field == "stance:elections") & (res.evidence.label != "mention")]
    assert ev["label"].tolist() == ["pro"] and not ev["negated"].any()


def test_stance_needs_the_target_within_the_window(mini):
    far = "دعم " + " ".join(["كلمة"] * 12) + " الانتخابات."
    res = _run(mini, far)
    assert res.articles.loc[0, "stance:elections"] == "neutral"  # mentioned, not evaluated
    assert res.articles.loc[0, "stance_score:elections"] == 0.0


def test_absent_without_mention(mini):
    res = _run(mini, "التعاون مستمر بين البلدين.")
    assert res.articles.loc[0, "stance:elections"] == "absent"


def test_negation_on_real_text(mini, seed_texts):
    """Seed 002: 'يزيد من عدم الاستقرار' -- instability, a negated positive term."""
    text = seed_texts["002_be25e2c6883d7c20"]
    corpus = pd.DataFrame({"doc_id": ["002"], "text": [text]})
    res = analyze(corpus, mini)
    tone = res.evidence[(res.evidence.field == "tone")]
    hit = tone[tone["negated"]]
    assert len(hit) >= 1
    for r in hit.itertuples():
        assert r.label == "negative"
        assert "عدم" in text[max(0, r.start - 6):r.start]


def test_evidence_offsets_slice_the_original(mini, seed_texts):
    corpus = pd.DataFrame({"doc_id": list(seed_texts), "text": list(seed_texts.values())})
    res = analyze(corpus, mini)
    assert len(res.evidence) > 20
    for r in res.evidence.itertuples():
        assert seed_texts[r.doc_id][r.start:r.end] == r.matched
    for r in res.sentences.itertuples():
        assert seed_texts[r.doc_id][r.start:r.end] == r.text


def test_longest_actor_label_wins(mini):
    res = _run(mini, "أوضح الوزير أن قوات حفتر تقدمت، وأن الجيش الوطني الليبي صامد.")
    got = res.actors.set_index("label")["connotation"].to_dict()
    assert got == {"قوات حفتر": "delegitimizing", "الجيش الوطني الليبي": "legitimizing"}


def test_quotes_speaker_and_continuation(mini):
    res = _run(mini, "قال الخبير د. أحمد علي إن الوضع مستقر. وأكد أن الانتخابات قريبة.")
    q = res.quotes
    assert q["speaker"].tolist() == ["الخبير د. أحمد علي", "الخبير د. أحمد علي"]
    assert q["source_type"].tolist() == ["expert", "expert"]
    assert q["resolved"].tolist() == ["phrase", "previous"]


def test_repeated_sentence_counts_once(mini):
    res = _run(mini, "الانتخابات الرئاسية\nالانتخابات الرئاسية\nنص آخر.")
    kinds = res.sentences["kind"].tolist()
    assert kinds.count("repeat") == 1
    assert res.articles.loc[0, "share:elections"] == 0.5


def test_outputs_are_deterministic(mini, seed_texts, tmp_path):
    corpus = pd.DataFrame({"doc_id": list(seed_texts), "text": list(seed_texts.values())})
    a = analyze(corpus, mini).save(tmp_path / "a")
    b = analyze(corpus.iloc[::-1], mini).save(tmp_path / "b")
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes(), pa.name


def test_featurizer_in_a_pipeline(seed_texts):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from framing.features import CodebookFeaturizer

    texts = list(seed_texts.values())
    feat = CodebookFeaturizer(MINI)
    X = feat.fit_transform(texts)
    assert X.shape == (5, len(feat.get_feature_names_out()))
    names = list(feat.get_feature_names_out())
    assert X[:, names.index("topic:elections")].sum() >= 3  # the seeds discuss elections
    pipe = make_pipeline(CodebookFeaturizer(MINI), LogisticRegression())
    pipe.fit(texts, [1, 1, 0, 1, 0])
    assert pipe.predict(texts).shape == (5,)


def test_stance_cue_does_not_cross_a_clause(mini):
    """Seed 002's pattern: a rejection after the comma is about the talks, not the elections."""
    res = _run(mini, "قد يعيق ذلك إجراء الانتخابات، حيث قد يرفض الطرف الجلوس إلى الطاولة.",
               "يرفض الحزب إجراء الانتخابات.")
    ev = res.evidence[(res.evidence.field == "stance:elections") & (res.evidence.label != "mention")]
    assert ev[ev.doc_id == "d0"]["cue"].tolist() == ["إجراء"]
    assert "رفض" not in ev[ev.doc_id == "d0"]["cue"].tolist()
    assert "con" in ev[ev.doc_id == "d1"]["label"].tolist()


def test_evaluative_words_inside_an_actor_name_do_not_count(mini):
    res = _run(mini, "أوضح الوزير أن البرلمان الشرعي اجتمع.")
    tone = res.evidence[res.evidence.field == "tone"]
    assert tone.empty
