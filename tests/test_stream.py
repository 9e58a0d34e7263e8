"""Large corpora: chunked, parallel, Dask and resumable runs give the same outputs."""

from __future__ import annotations

import filecmp
import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from framing import analyze
from framing.corpus import iter_corpus, load_corpus
from framing.errors import DataWarning, FramingError
from framing.stream import analyze_parts, read_parts
from helpers import MINI as MINI_PATH
from helpers import SNN, held_by_another_process, shared_path

MINI = str(MINI_PATH)
TABLES = ("articles", "sentences", "evidence", "actors", "quotes")


@pytest.fixture(scope="module")
def sub_corpus(tmp_path_factory):
    """The first 600 SaudiNewsNet articles as a gzipped JSONL file (read from ../shared)."""
    src = shared_path(*SNN)
    path = tmp_path_factory.mktemp("corpus") / "sub.jsonl.gz"
    with gzip.open(src, "rt", encoding="utf-8") as f, gzip.open(path, "wt", encoding="utf-8") as g:
        g.writelines(itertools.islice(f, 600))
    return path


def _same_tree(a, b):
    for table in TABLES:
        names = sorted(p.name for p in (a / table).iterdir())
        assert names == sorted(p.name for p in (b / table).iterdir())
        match, mismatch, errors = filecmp.cmpfiles(a / table, b / table, names, shallow=False)
        assert not mismatch and not errors, (table, mismatch, errors)
    assert (a / "manifest.json").read_text() == (b / "manifest.json").read_text()


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_streamed_chunks_equal_the_whole_corpus(sub_corpus):
    whole = load_corpus(sub_corpus)
    chunks = list(iter_corpus(sub_corpus, 170))
    assert [len(c) for c in chunks] == [170, 170, 170, 90]
    joined = pd.concat(chunks, ignore_index=True)
    whole.attrs, joined.attrs = {}, {}
    pd.testing.assert_frame_equal(whole, joined)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_jobs_and_dask_give_identical_outputs(sub_corpus, tmp_path):
    one = tmp_path / "jobs1"
    analyze_parts(sub_corpus, one, MINI, chunk_size=150, jobs=1)
    two = tmp_path / "jobs2"
    analyze_parts(sub_corpus, two, MINI, chunk_size=150, jobs=2)
    _same_tree(one, two)
    pytest.importorskip("distributed")
    dsk = tmp_path / "dask"
    analyze_parts(sub_corpus, dsk, MINI, chunk_size=150, jobs=2, engine="dask")
    _same_tree(one, dsk)
    # The parts hold what the in-memory analysis gives.
    parts = read_parts(one, "articles")
    mem = analyze(load_corpus(sub_corpus), MINI).articles
    assert parts["doc_id"].tolist() == mem["doc_id"].tolist()
    assert parts["tone_score"].round(4).tolist() == mem["tone_score"].round(4).tolist()


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_interrupted_run_resumes_to_the_same_outputs(sub_corpus, tmp_path):
    ref = tmp_path / "ref"
    analyze_parts(sub_corpus, ref, MINI, chunk_size=40, jobs=1)
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "framing", "analyze", str(sub_corpus), "--codebook", MINI,
           "--out", str(out), "--chunk-size", "40", "--format", "parquet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = out / "manifest.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and len(json.loads(manifest.read_text())["parts"]) >= 3:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)  # no chance to clean up: the hardest interruption
    proc.wait()
    state = json.loads(manifest.read_text())
    assert not state["complete"] and 3 <= len(state["parts"]) < 15
    finished = {k: (out / "articles" / p["file"]).read_bytes() for k, p in state["parts"].items()}
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _same_tree(ref, out)
    for k, data in finished.items():  # what was finished is kept as it was
        assert (out / "articles" / state["parts"][k]["file"]).read_bytes() == data


def test_rerun_with_other_settings_is_refused(seeds_dir, tmp_path):
    analyze_parts(seeds_dir, tmp_path, MINI, chunk_size=2)
    with pytest.raises(FramingError, match="another corpus, codebook, chunk size"):
        analyze_parts(seeds_dir, tmp_path, MINI, chunk_size=3)
    # same settings: nothing to redo, same manifest
    before = (tmp_path / "manifest.json").read_text()
    analyze_parts(seeds_dir, tmp_path, MINI, chunk_size=2)
    assert (tmp_path / "manifest.json").read_text() == before


def test_dask_dataframe_entry(seeds_dir):
    dd = pytest.importorskip("dask.dataframe")
    from framing.stream import analyze_dask

    corpus = load_corpus(seeds_dir)[["doc_id", "outlet", "date", "title", "text"]]
    ddf = dd.from_pandas(corpus, npartitions=2)
    tables = analyze_dask(ddf, MINI)
    got = tables["articles"].compute(scheduler="synchronous").reset_index(drop=True)
    want = analyze(corpus, MINI).articles
    pd.testing.assert_frame_equal(got.sort_values("doc_id").reset_index(drop=True), want,
                                  check_dtype=False)


def test_parts_share_one_schema_and_ids_are_unique_across_chunks(tmp_path):
    rows = [{"id": "a", "text": "قال الخبير إن الانتخابات مهمة."}, {"id": "b", "text": ""},
            {"id": "c", "text": "نص بلا شيء"}, {"id": "d", "text": "الانتخابات الرئاسية"}]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    analyze_parts(path, out, MINI, chunk_size=2)
    for table in TABLES:  # chunks without quotes or actors still write the same columns/types
        assert len(pd.read_parquet(out / table)) == len(read_parts(out, table))
    dup = tmp_path / "dup.jsonl"
    dup.write_text("\n".join(json.dumps({**r, "id": "a"}, ensure_ascii=False) for r in rows[:3]),
                   encoding="utf-8")
    with pytest.raises(FramingError, match="doc_id 'a' repeats"):
        analyze_parts(dup, tmp_path / "dup", MINI, chunk_size=1)


def _jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


ROWS = [{"id": i, "text": t} for i, t in zip("abcdef", [
    "قال الخبير إن الانتخابات مهمة.", "الانتخابات الرئاسية في موعدها.", "رفض البرلمان التأجيل.",
    "يدعم مجلس النواب إجراء الانتخابات.", "نص بلا شيء.", "قوات حفتر تتقدم."])]


def test_resume_redoes_a_changed_or_deleted_part_and_says_so(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", ROWS)
    out = tmp_path / "out"
    manifest = analyze_parts(path, out, MINI, chunk_size=2)
    assert all(set(p["sha256"]) == set(TABLES) for p in manifest["parts"].values())
    reference = {f: (out / "articles" / f).read_bytes() for f in os.listdir(out / "articles")}
    (out / "evidence" / "part-00001.parquet").write_bytes(b"garbage")
    (out / "quotes" / "part-00002.parquet").unlink()
    with pytest.warns(DataWarning, match=r"part\(s\) 00001, 00002 are missing, changed"):
        again = analyze_parts(path, out, MINI, chunk_size=2)
    assert again["complete"] and again["parts"] == manifest["parts"]
    assert {f: (out / "articles" / f).read_bytes() for f in os.listdir(out / "articles")} \
        == reference
    assert len(read_parts(out, "evidence")) == len(analyze(load_corpus(path), MINI).evidence)


def test_a_resumed_run_still_finds_ids_repeated_across_parts(tmp_path):
    rows = [*ROWS[:4], {**ROWS[4], "id": "a"}, ROWS[5]]  # 'a' in chunks 0 and 2
    path = _jsonl(tmp_path / "dup.jsonl", rows)
    out = tmp_path / "out"
    with pytest.raises(FramingError, match="doc_id 'a' repeats"):
        analyze_parts(path, out, MINI, chunk_size=2)
    assert sorted(json.loads((out / "manifest.json").read_text())["parts"]) == ["00000", "00001"]
    with pytest.raises(FramingError, match=r"doc_id 'a' repeats \(chunks 0 and 2\)"):
        analyze_parts(path, out, MINI, chunk_size=2)  # parts 0 and 1 skipped, their ids read


def test_a_chunked_run_into_a_folder_being_written_is_refused(tmp_path):
    from framing.outdir import OutputError

    path = _jsonl(tmp_path / "c.jsonl", ROWS)
    with held_by_another_process(tmp_path / "out"):
        with pytest.raises(OutputError, match="another framing run is writing"):
            analyze_parts(path, tmp_path / "out", MINI, chunk_size=2)
        assert not (tmp_path / "out" / "manifest.json").exists()


def test_a_reader_check_refuses_an_unfinished_or_tampered_chunked_run(tmp_path):
    from framing.outdir import FAULT_ENV, verify_manifest

    path = _jsonl(tmp_path / "c.jsonl", ROWS)
    out = tmp_path / "out"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child is killed once its first part is written
        try:
            os.environ[FAULT_ENV] = "part"
            analyze_parts(path, out, MINI, chunk_size=2)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    assert sorted(os.listdir(out / "articles")) == ["part-00000.parquet"]
    with pytest.raises(FramingError, match=r"unfinished \(no manifest.json yet\)"):
        verify_manifest(out)  # killed before its first manifest update: nothing listed
    manifest = analyze_parts(path, out, MINI, chunk_size=2)  # the rerun resumes and finishes
    assert verify_manifest(out) == manifest and manifest["n_parts"] == 3
    text = (out / "manifest.json").read_text(encoding="utf-8")
    (out / "manifest.json").write_text(text.replace('"complete": true', '"complete": false'),
                                       encoding="utf-8")
    with pytest.raises(FramingError, match=r"unfinished \(3 part\(s\) written"):
        verify_manifest(out)
    (out / "manifest.json").write_text(text, encoding="utf-8")
    good = (out / "evidence" / "part-00001.parquet").read_bytes()
    (out / "evidence" / "part-00001.parquet").write_bytes(good[:-1] + b"\0")
    with pytest.raises(FramingError, match=r"part 00001 has a evidence file changed"):
        verify_manifest(out)
    (out / "evidence" / "part-00001.parquet").write_bytes(good)
    (out / "quotes" / "part-00002.parquet").unlink()
    with pytest.raises(FramingError, match=r"part 00002 lacks its quotes file"):
        verify_manifest(out)
    shorter = {**manifest, "parts": {k: v for k, v in manifest["parts"].items() if k != "00001"}}
    (out / "manifest.json").write_text(json.dumps(shorter), encoding="utf-8")
    with pytest.raises(FramingError, match=r"do not follow 00000-00002 \(part 00001\)"):
        verify_manifest(out)


def test_a_chunked_run_into_the_folder_of_a_one_job_run_is_refused(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", ROWS)
    out = tmp_path / "out"
    analyze(load_corpus(path), MINI).save(out)
    before = sorted(os.listdir(out))
    with pytest.raises(FramingError, match=r"holds the tables of a one-job run \(articles.csv\)"):
        analyze_parts(path, out, MINI, chunk_size=2)
    assert sorted(os.listdir(out)) == before  # no part, no manifest beside the tables
