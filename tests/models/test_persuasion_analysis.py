"""framing.models.persuasion_analysis: techniques per paragraph, per article and by outlet."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.models.persuasion_analysis import (
    PARAGRAPH_COLUMNS,
    article_evidence,
    persuasion_lines,
    persuasion_table,
    split_paragraphs,
    techniques_by_outlet,
)


def test_split_paragraphs_keeps_offsets():
    text = "القاهرة – تتجه مصر إلى ليبيا\n\n  وقال المتحدث إن الحوار مستمر اليوم.\nقصير\n"
    spans = split_paragraphs(text, min_chars=10)
    assert [text[s:e] for s, e in spans] == ["القاهرة – تتجه مصر إلى ليبيا",
                                              "وقال المتحدث إن الحوار مستمر اليوم."]
    assert split_paragraphs("") == [] and split_paragraphs(None) == []


def _corpus(held, n_articles=12):
    """Articles made of held-out ArMPro paragraphs (their own article's), two outlets."""
    pages = held.groupby("page_id", sort=True)
    rows = []
    for k, (page, sub) in enumerate(pages):
        if k == n_articles:
            break
        rows.append({"doc_id": f"a{k}", "outlet": "one" if k % 2 else "two",
                     "text": "\n\n".join(sub["text"])})
    return pd.DataFrame(rows)


def test_persuasion_table_per_paragraph_and_article(small_technique_model):
    model, _, _, held = small_technique_model
    corpus = _corpus(held)
    before = corpus.copy()
    tables = persuasion_table(corpus, model)
    pd.testing.assert_frame_equal(corpus, before)  # the input is not modified
    para, arts = tables
    assert list(para.columns) == PARAGRAPH_COLUMNS and len(para)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    for row in para.itertuples():
        unit = texts[row.doc_id][row.start:row.end]
        assert unit and "\n" not in unit
        j = model.labels.index(row.technique)
        assert row.probability >= row.threshold
        assert np.isclose(model.predict_proba([unit])[0, j], row.probability, atol=1e-6)
    assert arts["doc_id"].tolist() == corpus["doc_id"].tolist()
    n_par = [len(split_paragraphs(t)) for t in corpus["text"]]
    assert arts["n_paragraphs"].tolist() == n_par
    first = arts.iloc[0]
    hits = para[para["doc_id"] == first["doc_id"]]
    for name in model.labels:
        share = (hits["technique"] == name).sum() / first["n_paragraphs"]
        assert np.isclose(first[f"persuasion:{name}"], share)
    assert np.isclose(first["persuasion:any"], hits["paragraph"].nunique() / first["n_paragraphs"])
    # expected shares: the mean calibrated probability, for the learnt techniques only
    learnt = [n for n, ok in zip(model.labels, model.learnable_) if ok]
    assert sorted(c[9:] for c in arts.columns if c.startswith("expected:")) == sorted(learnt)
    spans = split_paragraphs(texts[first["doc_id"]])
    p = model.predict_proba([texts[first["doc_id"]][s:e] for s, e in spans])
    j = model.labels.index(learnt[0])
    assert np.isclose(first[f"expected:{learnt[0]}"], p[:, j].mean())


def test_techniques_by_outlet_with_intervals(small_technique_model):
    model, _, _, held = small_technique_model
    _, arts = persuasion_table(_corpus(held), model)
    shares = techniques_by_outlet(arts, n_boot=200, min_n=10, measure="predicted")
    assert set(shares["outlet"]) == {"one", "two"}
    row = shares[(shares["outlet"] == "one") & (shares["technique"] == "any")].iloc[0]
    mine = arts[arts["outlet"] == "one"]["persuasion:any"]
    assert np.isclose(row["share"], mine.mean()) and row["n_articles"] == len(mine)
    assert row["ci_low"] <= row["share"] <= row["ci_high"] and row["small_n"]
    again = techniques_by_outlet(arts, n_boot=200, min_n=10, measure="predicted")
    pd.testing.assert_frame_equal(shares, again)  # seeded: the same intervals on every run
    expected = techniques_by_outlet(arts, n_boot=200)
    assert "any" not in set(expected["technique"]) and set(expected["measure"]) == {"expected"}


def test_article_evidence_at_article_offsets(small_technique_model):
    model, _, _, held = small_technique_model
    corpus = _corpus(held, 4)
    text = max(corpus["text"], key=len)
    ev = article_evidence(text, model, top=2)
    assert len(ev)
    for row in ev.itertuples():
        assert text[row.start:row.end] == row.matched
        assert row.par_start <= row.start < row.end <= row.par_end
    lines = persuasion_lines(text, model, top=2)
    assert len(lines) == ev.groupby(["paragraph", "technique"]).ngroups
    assert ev.iloc[0]["matched"] in "\n".join(lines)
    assert persuasion_lines("", model) == ["no technique predicted"]


def test_explain_shows_the_persuasion_evidence_of_a_saved_model(small_technique_model, tmp_path,
                                                                capsys):
    """framing explain --persuasion MODEL prints each predicted technique of the article with
    its n-grams as they stand in the text (a seed article, a model saved and loaded safely)."""
    from framing.cli import main
    from framing.models.persist import save_model

    from helpers import S004, SEEDS

    model, table, Y, _ = small_technique_model
    path = tmp_path / "m.skops"
    save_model(model, path, labels=list(model.classes_) if hasattr(model, "classes_") else
               [str(i) for i in range(Y.shape[1])], training_hash="test")
    assert main(["explain", str(SEEDS), S004, "--persuasion", str(path)]) == 0
    out = capsys.readouterr().out
    section = out.split("## persuasion\n", 1)[1]
    text = (SEEDS / f"{S004}.txt").read_text(encoding="utf-8") if (SEEDS / f"{S004}.txt").exists() else None
    assert section.strip()
    for line in section.strip().splitlines():
        assert line.startswith("p") or line == "no technique predicted"
    if text is not None:
        import re

        for gram, a, b in re.findall(r"«([^»]*)» @(\d+)-(\d+)", section):
            assert text[int(a):int(b)] == gram


def test_analyze_with_persuasion_writes_its_tables_in_the_same_set(small_technique_model,
                                                                   tmp_path):
    """framing analyze --persuasion MODEL: the two persuasion tables sit in the output set beside
    the analysis, one article row per seed, and read_analysis still reads the folder."""
    from framing import read_analysis
    from framing.cli import main
    from framing.models.persist import save_model

    from helpers import SEED_IDS, SEEDS

    model, _, Y, _ = small_technique_model
    path = tmp_path / "m.skops"
    save_model(model, path, labels=[str(i) for i in range(Y.shape[1])], training_hash="test")
    out = tmp_path / "out"
    assert main(["analyze", str(SEEDS), "--out", str(out), "--persuasion", str(path)]) == 0
    arts = pd.read_csv(out / "persuasion_articles.csv", dtype={"doc_id": str})
    assert sorted(arts["doc_id"]) == sorted(SEED_IDS)
    assert (arts["n_paragraphs"] > 0).all() and arts["persuasion:any"].between(0, 1).all()
    pars = pd.read_csv(out / "persuasion_paragraphs.csv", dtype={"doc_id": str})
    assert set(pars["doc_id"]) <= set(SEED_IDS)
    assert len(read_analysis(out).articles) == len(SEED_IDS)
    assert main(["analyze", str(SEEDS), "--out", str(out), "--persuasion", str(path),
                 "--jobs", "2"]) == 2
