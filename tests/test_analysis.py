"""framing.analysis: analyze(), the Analysis tables, and read_analysis() of every output layout."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from framing import Analysis, analyze, read_analysis, schema
from framing.analysis import corpus_hash, is_analysis
from framing.cli import main
from framing.corpus import load_corpus
from framing.errors import FramingError, ParameterError
from helpers import MINI, SEED_IDS, assert_same_tables


@pytest.fixture(scope="module")
def zero_ids(tmp_path_factory, seed_texts):
    """Three seed articles saved as 00.txt, 01.txt, 02.txt: ids that look like numbers."""
    folder = tmp_path_factory.mktemp("ids") / "corpus"
    folder.mkdir()
    for i, doc_id in enumerate(SEED_IDS[:3]):
        (folder / f"{i:02d}.txt").write_text(seed_texts[doc_id], encoding="utf-8")
    return folder


LAYOUTS = {"flat csv": [], "flat parquet": ["--format", "parquet"],
           "chunked csv": ["--chunk-size", "2", "--jobs", "1"],
           "chunked parquet": ["--chunk-size", "2", "--jobs", "1", "--format", "parquet"]}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_read_analysis_gives_the_tables_of_analyze(layout, seeds_dir, seeds_analysis, tmp_path):
    _, res = seeds_analysis
    out = tmp_path / "out"
    assert main(["analyze", str(seeds_dir), "--out", str(out), *LAYOUTS[layout]]) == 0
    assert is_analysis(out)
    got = read_analysis(out)
    assert_same_tables(got, res)
    # run.json of one job, or the manifest of a chunked run
    n = got.run["corpus"]["n_documents"] if "corpus" in got.run else got.run["n_documents"]
    assert n == 5


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_ids_that_look_like_numbers_stay_strings(layout, zero_ids, tmp_path):
    corpus = load_corpus(zero_ids)
    assert corpus["doc_id"].tolist() == ["00", "01", "02"]
    res = analyze(corpus)
    out = tmp_path / "out"
    assert main(["analyze", str(zero_ids), "--out", str(out), *LAYOUTS[layout]]) == 0
    got = read_analysis(out)
    assert_same_tables(got, res)
    for name, df in got.tables().items():
        assert set(df["doc_id"]) <= {"00", "01", "02"}, name
    assert got.articles["doc_id"].tolist() == ["00", "01", "02"]


def test_save_and_load_round_trip(seeds_analysis, tmp_path):
    _, res = seeds_analysis
    assert list(res.tables()) == list(schema.TABLES)
    paths = res.save(tmp_path / "a")
    assert [p.name for p in paths] == [f"{t}.csv" for t in schema.TABLES] + ["run.json"]
    again = Analysis.load(tmp_path / "a")
    assert_same_tables(again, res)
    assert again.run == json.loads(json.dumps(res.run))
    with pytest.raises(ParameterError, match="unknown format 'xlsx'"):
        res.save(tmp_path / "b", "xlsx")


def test_outputs_are_deterministic(mini, seed_texts, tmp_path):
    corpus = pd.DataFrame({"doc_id": list(seed_texts), "text": list(seed_texts.values())})
    a = analyze(corpus, mini).save(tmp_path / "a")
    b = analyze(corpus.iloc[::-1], mini).save(tmp_path / "b")
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes(), pa.name


def test_odd_inputs_do_not_break_the_analysis():
    corpus = pd.DataFrame({"doc_id": [1, "a", "b"],
                           "text": ["قوات حفتر \ud83d الانتخابات", 5, None]})
    res = analyze(corpus)
    assert res.articles["doc_id"].tolist() == ["1", "a", "b"]
    for r in res.evidence.itertuples():
        assert "قوات حفتر \ufffd الانتخابات"[r.start:r.end] == r.matched


def test_folders_that_are_not_analyses(seeds_dir, seeds_run, tmp_path):
    assert not is_analysis(seeds_dir) and not is_analysis(seeds_dir / "metadata.csv")
    with pytest.raises(FramingError, match="is not an analysis folder") as info:
        read_analysis(seeds_dir)
    assert str(info.value).startswith(f"{seeds_dir}: ")
    partial = tmp_path / "partial"
    shutil.copytree(seeds_run, partial)
    (partial / "quotes.csv").unlink()
    with pytest.raises(FramingError, match="lacks quotes.csv"):
        read_analysis(partial)


def test_corpus_hash_and_run_record(seeds_analysis):
    corpus, res = seeds_analysis
    assert res.run["corpus"] == {"sha256": corpus_hash(corpus), "n_documents": 5}
    assert corpus_hash(corpus.iloc[::-1]) == corpus_hash(corpus)  # row order does not matter
    changed = corpus.assign(text=corpus["text"].str.replace("حفتر", "حفتر ", n=1, regex=False))
    assert corpus_hash(changed) != corpus_hash(corpus)
    assert res.run["tables"] == {name: len(df) for name, df in res.tables().items()}
    assert res.run["codebook"]["name"] == "libya-egypt"
    other = analyze(corpus, MINI)
    assert other.run["codebook"]["name"] == "mini" and other.run["corpus"] == res.run["corpus"]


def test_analyze_checks_its_corpus():
    """A DataFrame without the toolkit's names goes through the corpus mapping: a recognised
    name (Body) is the text, an unknown one is a one-line error naming the columns found."""
    with pytest.raises(FramingError, match="has no text column \\(columns: 'x'\\)"):
        analyze(pd.DataFrame({"x": ["نص"]}))
    assert analyze(pd.DataFrame({"Body": ["نص عن ليبيا"]})).articles["doc_id"].tolist() == ["0"]


def test_analyze_maps_a_dataframe_with_its_own_column_names(seed_texts, tmp_path):
    """analyze(df, columns=...) reads the researcher's own names, keeps ids as written and
    carries an unmapped column into the articles table, which read_analysis reads back."""
    ids = [f"{i:02d}" for i in range(len(SEED_IDS))]
    df = pd.DataFrame({"ID": ids, "النص": [seed_texts[d] for d in SEED_IDS],
                       "القسم": ["سياسة"] * len(SEED_IDS)})
    res = analyze(df, columns={"النص": "text", "ID": "doc_id"})
    assert sorted(res.articles["doc_id"]) == ids
    assert (res.articles["القسم"] == "سياسة").all()
    res.save(tmp_path / "out")
    back = read_analysis(tmp_path / "out").articles
    assert sorted(back["doc_id"]) == ids and (back["القسم"] == "سياسة").all()


def test_analysis_does_not_import_scikit_learn():
    """scikit-learn takes longer to import than a codebook takes to compile: `framing analyze`
    (one job or chunked) must not pay for it; the featurizer still loads it on first use."""
    import subprocess
    import sys

    code = ("import sys, framing.analysis, framing.stream, framing.cli.analyze; "
            "assert not [m for m in sys.modules if m.split('.')[0] in ('sklearn', 'scipy')]; "
            "from framing.features import CodebookFeaturizer; "
            "assert 'sklearn' in sys.modules and CodebookFeaturizer.__name__ == 'CodebookFeaturizer'")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
