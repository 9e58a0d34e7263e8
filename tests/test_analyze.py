"""`framing analyze / explain / evaluate` on the seeds with the packaged codebook.

These check the contract (outputs, evidence, offsets, run.json) and the behaviours the codebook
must show on real text; they do not pin the labels of the reference set.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import shared_path
from framing import analyze
from framing.cli import main
from framing.corpus import load_corpus

OUTPUTS = ["articles.csv", "sentences.csv", "evidence.csv", "actors.csv", "quotes.csv", "run.json"]


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("analyze")
    assert main(["analyze", str(seeds_dir), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def seeds_res(seeds_dir):
    corpus = load_corpus(seeds_dir)
    return corpus, analyze(corpus)


def test_writes_the_six_outputs(seeds_run):
    assert sorted(p.name for p in seeds_run.iterdir()) == sorted(OUTPUTS)
    arts = pd.read_csv(seeds_run / "articles.csv")
    assert len(arts) == 5
    assert list(arts.columns[:6]) == ["doc_id", "outlet", "date", "title", "n_sentences", "n_tokens"]
    run = json.loads((seeds_run / "run.json").read_text(encoding="utf-8"))
    assert run["codebook"]["name"] == "libya-egypt" and len(run["codebook"]["sha256"]) == 64
    assert run["corpus"]["n_documents"] == 5 and len(run["corpus"]["sha256"]) == 64


def test_every_label_has_evidence_and_offsets_slice_the_text(seeds_run, seed_texts):
    arts = pd.read_csv(seeds_run / "articles.csv", dtype=str, keep_default_na=False)
    ev = pd.read_csv(seeds_run / "evidence.csv", dtype={"label": str}, keep_default_na=False)
    for row in arts.to_dict("records"):
        mine = ev[ev.doc_id == row["doc_id"]]
        for col, value in row.items():
            if col.startswith("topic:") and value == "1":
                assert (mine.field == col).any(), (row["doc_id"], col)
            if col.startswith("stance:") and value != "absent":
                assert (mine.field == col).any(), (row["doc_id"], col)
    for r in ev.itertuples():
        assert seed_texts[r.doc_id][r.start:r.end] == r.matched
    sents = pd.read_csv(seeds_run / "sentences.csv", keep_default_na=False)
    for r in sents.itertuples():
        assert seed_texts[r.doc_id][r.start:r.end] == r.text


def test_actor_labels_and_connotations(seeds_res):
    _, res = seeds_res
    a = res.actors
    def has(doc, actor, label, conn):
        rows = a[(a.doc_id.str.startswith(doc)) & (a.actor == actor) & (a.connotation == conn)]
        return rows["label"].str.contains(label, regex=False).any()
    assert has("004", "sisi", "رئيس الانقلاب", "delegitimizing")
    assert has("002", "lna", "قوات حفتر", "delegitimizing")
    assert has("003", "lna", "الجيش الوطني الليبي", "legitimizing")


def test_the_five_experts_of_seed_000_are_quoted_as_experts(seeds_res):
    _, res = seeds_res
    q = res.quotes[res.quotes.doc_id.str.startswith("000") & (res.quotes.resolved == "phrase")]
    experts = q[q.source_type == "expert"]["speaker"].tolist()
    for name in ("حسن عبد الرحمن", "عماد الفيتوري", "محمود الشافعي", "خالد بن عمران", "سالم البرعصي"):
        assert any(name in s for s in experts), (name, experts)


def test_negation_flips_stance_evidence_on_real_sentences(seeds_res):
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


def test_explain_html_is_rtl_and_highlights_evidence(seeds_dir, tmp_path, capsys):
    page = tmp_path / "why.html"
    assert main(["explain", str(seeds_dir), "004_07d685bfe4e10dc6", "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "<mark" in html and "رئيس الانقلاب" in html
    assert main(["explain", str(seeds_dir), "004_07d685bfe4e10dc6"]) == 0
    out = capsys.readouterr().out
    assert "stance:sisi = con" in out and "رئيس الانقلاب" in out
    assert main(["explain", str(seeds_dir), "nope"]) == 2


def test_evaluate_against_the_reference_labels(seeds_run, tmp_path, capsys):
    gold = shared_path("gold", "seeds_articles.csv")
    assert main(["evaluate", "--gold", str(gold), "--pred", str(seeds_run),
                 "--out", str(tmp_path)]) == 0
    scores = pd.read_csv(tmp_path / "scores.csv")
    assert set(scores["field"]) == {c for c in pd.read_csv(gold).columns
                                    if c.startswith(("topic:", "stance:")) or c == "tone"}
    assert scores["accuracy"].between(0, 1).all()
    confusion = pd.read_csv(tmp_path / "confusion.csv")
    assert (confusion.groupby("field")["n"].sum() == 5).all()


def test_same_inputs_same_bytes(seeds_dir, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["analyze", str(seeds_dir), "--out", str(a)]) == 0
    assert main(["analyze", str(seeds_dir), "--out", str(b), "--format", "csv"]) == 0
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_parquet_output(seeds_dir, tmp_path):
    assert main(["analyze", str(seeds_dir), "--out", str(tmp_path), "--format", "parquet"]) == 0
    arts = pd.read_parquet(tmp_path / "articles.parquet")
    assert len(arts) == 5 and "tone_score" in arts


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


def test_odd_inputs_do_not_break_the_analysis():
    corpus = pd.DataFrame({"doc_id": [1, "a", "b"],
                           "text": ["قوات حفتر \ud83d الانتخابات", 5, None]})
    res = analyze(corpus)
    assert res.articles["doc_id"].tolist() == ["1", "a", "b"]
    for r in res.evidence.itertuples():
        assert "قوات حفتر \ufffd الانتخابات"[r.start:r.end] == r.matched


def test_figures_with_an_empty_selection_is_a_user_error(seeds_dir, tmp_path, capsys):
    assert main(["figures", str(seeds_dir), "--out", str(tmp_path / "f"), "--select", "xyzxyz"]) == 2
    assert "no article mentions" in capsys.readouterr().err
    assert not (tmp_path / "f").exists()
