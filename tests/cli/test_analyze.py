"""``framing analyze CORPUS --out DIR``: the six outputs, evidence for every label, same bytes."""

from __future__ import annotations

import json

import pandas as pd

from framing.cli import main
from framing.schema import TABLES
from helpers import S000, S002, broken_codebook, one_error_line, run_cli

OUTPUTS = ["articles.csv", "sentences.csv", "evidence.csv", "actors.csv", "quotes.csv", "run.json"]


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


def test_cli_reports_malformed_codebook_in_one_line(tmp_path, capsys, seeds_dir):
    path, _ = broken_codebook(tmp_path, "topics:", "topiks:")
    code = main(["analyze", str(seeds_dir), "--codebook", str(path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err
    assert f"{path}:" in err
    assert not (tmp_path / "out").exists()  # nothing written


def test_chunked_output_layout(seeds_dir, tmp_path, capsys):
    out = tmp_path / "parts"
    code, printed, err = run_cli(capsys, "analyze", seeds_dir, "--out", out, "--chunk-size", "2",
                                 "--jobs", "1")
    assert code == 0 and err == ""
    assert "5 articles in 3 parts" in printed
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] and manifest["n_documents"] == 5 and len(manifest["parts"]) == 3
    for table in TABLES:
        assert sorted(p.name for p in (out / table).iterdir()) == [
            "part-00000.csv", "part-00001.csv", "part-00002.csv"]


def test_a_chunked_run_compiles_the_codebook_once(seeds_dir, tmp_path, capsys, monkeypatch):
    from framing import features
    from framing import stream

    made = []
    real = features.CompiledCodebook

    class Counting(real):
        def __init__(self, *args, **kwargs):
            made.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(features, "CompiledCodebook", Counting)
    monkeypatch.setattr(stream, "CompiledCodebook", Counting)
    monkeypatch.setattr(stream, "_COMPILED", {})
    out = tmp_path / "parts"
    code, printed, _ = run_cli(capsys, "analyze", seeds_dir, "--out", out, "--chunk-size", "2")
    assert code == 0 and "5 articles in 3 parts" in printed
    assert len(made) == 1  # checked before the corpus is read, then used for every chunk


def test_column_options_read_a_csv_corpus(seed_texts, tmp_path, capsys):
    path = tmp_path / "t.csv"
    pd.DataFrame({"key": ["k2", "k1"], "words": [seed_texts[S002], seed_texts[S000]]}).to_csv(
        path, index=False)
    code, _, err = run_cli(capsys, "analyze", path, "--out", tmp_path / "no")
    assert code == 2 and "--text-col" in one_error_line(err)
    code, _, _ = run_cli(capsys, "analyze", path, "--out", tmp_path / "out", "--text-col", "words",
                         "--id-col", "key")
    assert code == 0
    arts = pd.read_csv(tmp_path / "out" / "articles.csv")
    assert arts["doc_id"].tolist() == ["k1", "k2"]


def test_jobs_below_one_is_a_user_error(seeds_dir, tmp_path, capsys):
    code, _, err = run_cli(capsys, "analyze", seeds_dir, "--out", tmp_path / "out", "--jobs", "0")
    assert code == 2 and "--jobs" in one_error_line(err)
    assert not (tmp_path / "out").exists()
