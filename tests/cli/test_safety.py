"""The checks of every command before any work (framing.cli.safety) and the one-line handling of
environment failures in ``framing.cli.main``: inputs are never overwritten, output folders are
written as a set by one run at a time."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from helpers import MINI, SEEDS, held_by_another_process, one_error_line, run_cli


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def io_folder(tmp_path):
    """A folder holding inputs: a corpus CSV of the seeds and a copy of the seeds folder."""
    folder = tmp_path / "io"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}).to_csv(
        folder / "articles.csv", index=False)
    return folder


def test_analyze_into_the_folder_of_its_input_is_refused(io_folder, capsys):
    corpus = io_folder / "articles.csv"
    before = _sha(corpus)
    code, out, err = run_cli(capsys, "analyze", corpus, "--out", io_folder)
    assert code == 2 and "holds the input" in one_error_line(err) and out == ""
    assert _sha(corpus) == before
    code, _, err = run_cli(capsys, "analyze", corpus, "--out", corpus)
    assert code == 2 and "--out is also the input corpus" in one_error_line(err)
    assert _sha(corpus) == before


def test_explain_html_over_its_corpus_is_refused(io_folder, capsys):
    corpus = io_folder / "articles.csv"
    before = _sha(corpus)
    code, _, err = run_cli(capsys, "explain", corpus, "d0", "--html", corpus)
    assert code == 2 and "--html is also the input corpus" in one_error_line(err)
    assert _sha(corpus) == before


def test_predict_over_its_data_or_model_is_refused(frames_model, tmp_path, capsys):
    model, _, _ = frames_model
    data = tmp_path / "test.csv"
    pd.DataFrame({"body": ["الجيش ينتصر"]}).to_csv(data, index=False)
    before = _sha(data)
    code, _, err = run_cli(capsys, "predict", model, data, "--out", data)
    assert code == 2 and "--out is also the input data" in one_error_line(err)
    assert _sha(data) == before
    code, _, err = run_cli(capsys, "predict", model, data, "--out", model.with_suffix(".json"))
    assert code == 2 and "--out is also the input model" in one_error_line(err)


def test_train_whose_sidecar_would_overwrite_the_data_is_refused(tmp_path, capsys):
    data = tmp_path / "coded.json"
    data.write_text("[]", encoding="utf-8")
    code, _, err = run_cli(capsys, "train", "--task", "text", "--data", data,
                           "--out", tmp_path / "coded.skops")
    assert code == 2 and "is also the input data" in one_error_line(err)


def test_a_file_as_output_folder_and_a_binary_gold_file(tmp_path, capsys):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = run_cli(capsys, "analyze", SEEDS, "--out", tmp_path / "file")
    assert code == 2 and "is a file, not a folder" in one_error_line(err)
    gold = tmp_path / "gold.csv"
    gold.write_bytes(b"doc_id,label\n\x00\x01\x02" * 50)
    code, _, err = run_cli(capsys, "evaluate", "--gold", gold, "--pred", tmp_path)
    assert code == 2 and "--gold is a binary file" in one_error_line(err)


def test_jobs_and_chunk_size_below_one_and_an_empty_text_column(tmp_path, capsys):
    for flag in ("--jobs", "--chunk-size"):
        code, _, err = run_cli(capsys, "analyze", SEEDS, "--out", tmp_path / "o", flag, "0")
        assert code == 2 and f"{flag} must be at least 1" in one_error_line(err)
    empty = tmp_path / "empty.csv"
    empty.write_text("doc_id,text\na,\nb,   \n", encoding="utf-8")
    code, _, err = run_cli(capsys, "analyze", empty, "--out", tmp_path / "o")
    assert code == 2 and "no document has any text" in err.splitlines()[-1]
    assert not (tmp_path / "o").exists()


def test_a_full_disk_during_the_write_is_one_line_and_keeps_the_old_set(tmp_path, capsys,
                                                                        monkeypatch):
    out = tmp_path / "out"
    assert run_cli(capsys, "analyze", SEEDS, "--out", out)[0] == 0
    before = {p.name: _sha(p) for p in out.iterdir()}
    import framing.analysis

    def full(df, path, fmt="csv"):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(framing.analysis, "write_table", full)
    code, _, err = run_cli(capsys, "analyze", SEEDS, "--out", out, "--format", "parquet")
    assert code == 2 and "No space left on device" in one_error_line(err)
    assert ".tmp-" not in one_error_line(err)  # the line names --out, not a hidden file
    assert {p.name: _sha(p) for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


def test_ctrl_c_is_one_line_and_130(tmp_path, capsys, monkeypatch):
    import framing.analysis

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(framing.analysis, "analyze", interrupted)
    code, _, err = run_cli(capsys, "analyze", SEEDS, "--out", tmp_path / "o")
    assert code == 130 and err == "interrupted\n"


def test_a_closed_pipe_ends_quietly(monkeypatch, capsys):
    from framing.cli import main

    class Closed(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def fileno(self):
            raise io.UnsupportedOperation

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["corpus", str(SEEDS), "--json"]) == 141


def test_two_concurrent_runs_one_success_one_refusal(tmp_path):
    """Real processes: a run paused in its write phase holds the folder; a second run is refused
    at once and the first completes (kills in the write phase: tests/test_outdir.py)."""
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["a", "b"], "text": ["أعلنت مصر وليبيا تعاونا عسكريا.",
                                                 "قال حفتر إن الانتخابات ستجري."]}).to_csv(
        corpus, index=False)
    out, release = tmp_path / "out", tmp_path / "release"
    cmd = [sys.executable, "-c", "import sys; from framing.cli import main; sys.exit(main())",
           "analyze", str(corpus), "--codebook", str(MINI), "--out", str(out)]
    env = {**os.environ, "FRAMING_FAULT": "staged:60", "FRAMING_FAULT_RELEASE": str(release)}
    first = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not any(p.name.startswith(".out.tmp-") for p in tmp_path.iterdir()):
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.05)
        second = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        assert "another framing run is writing into this folder" in one_error_line(second.stderr)
    finally:
        release.touch()
    assert first.wait(timeout=60) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["articles.csv", "sentences.csv", "evidence.csv", "actors.csv", "quotes.csv", "run.json"])


def test_an_unreachable_scheduler_fails_fast(tmp_path, capsys, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setenv("FRAMING_DASK_TIMEOUT", "0.5")
    start = time.monotonic()
    code, _, err = run_cli(capsys, "analyze", SEEDS, "--out", tmp_path / "o", "--engine", "dask",
                           "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and "cannot reach the Dask scheduler" in err.splitlines()[-1]
    assert time.monotonic() - start < 15


def test_figures_into_the_current_folder_or_a_busy_one_is_refused_before_the_work(
        tmp_path, capsys, monkeypatch):
    import framing.analysis

    def no_work(*args, **kwargs):
        raise AssertionError("the analysis ran before the output folder was checked")

    monkeypatch.setattr(framing.analysis, "analyze", no_work)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    for out in (".", "..", str(work)):
        code, _, err = run_cli(capsys, "figures", SEEDS, "--out", out)
        assert code == 2 and "is the current folder or holds it" in one_error_line(err), out
    with held_by_another_process(work / "figs"):
        code, _, err = run_cli(capsys, "figures", SEEDS, "--out", "./figs")
        assert code == 2 and "another framing run is writing" in one_error_line(err)
    assert sorted(os.listdir(work)) == [".figs.lock"]


def test_a_killed_analyze_leaves_the_old_set_and_the_rerun_publishes_the_new(tmp_path, capsys):
    """A real ``framing analyze`` process SIGKILLed in its save phase (paused there by the fault
    hook, then killed from outside): the folder holds the old set; a rerun cleans up."""

    corpus = tmp_path / "c.csv"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pd.DataFrame({"doc_id": [f"d{i}" for i in range(5)], "text": texts}).to_csv(corpus, index=False)
    out = tmp_path / "out"
    assert run_cli(capsys, "analyze", SEEDS, "--codebook", MINI, "--out", out)[0] == 0
    old = {p.name: _sha(p) for p in out.iterdir()}
    cmd = [sys.executable, "-c", "import sys; from framing.cli import main; sys.exit(main())",
           "analyze", str(corpus), "--codebook", str(MINI), "--out", str(out)]
    proc = subprocess.Popen(cmd, env={**os.environ, "FRAMING_FAULT": "staged:60"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".out.tmp-") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.02)
    staging = next(p for p in tmp_path.iterdir() if p.name.startswith(".out.tmp-"))
    while not (staging / "run.json").exists():  # every table staged, not yet published
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.02)
    proc.kill()
    proc.communicate()
    assert {p.name: _sha(p) for p in out.iterdir()} == old
    assert run_cli(capsys, "analyze", corpus, "--codebook", MINI, "--out", out)[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == [".out.lock"]
    new = {p.name: _sha(p) for p in out.iterdir()}
    assert set(new) == set(old) and new != old
    assert pd.read_csv(out / "articles.csv")["doc_id"].tolist() == [f"d{i}" for i in range(5)]


@pytest.mark.filterwarnings("ignore")
def test_figures_on_one_to_three_articles_end_without_a_traceback(tmp_path, capsys, n=3):
    """Tiny corpora once raised IndexError / zero-size array: the figures that can be drawn are,
    the others are skipped with a note (1 and 2 articles: tools/fault_cases.py)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))][:n]
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "outlet": [f"o{i % 2}" for i in range(n)],
                  "text": texts}).to_csv(corpus, index=False)
    code, out, err = run_cli(capsys, "figures", corpus, "--out", tmp_path / "f", "--formats",
                             "png")
    assert code == 0 and "Traceback" not in err, err
    drawn = sorted(p.name for p in (tmp_path / "f").glob("*.png"))
    assert drawn and f"wrote {len(list((tmp_path / 'f').iterdir()))} files" in out


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or not shutil.which("pgrep"),
                    reason="reads the process table through /proc and pgrep")
def test_pool_workers_end_with_a_killed_main_process(tmp_path):
    """``--jobs 2``: the main process SIGKILLed while its workers are alive; none survives it."""
    import json
    import signal

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(texts)), encoding="utf-8")
    cmd = [sys.executable, "-c", "import sys; from framing.cli import main; sys.exit(main())",
           "analyze", str(corpus), "--codebook", str(MINI), "--out", str(tmp_path / "out"),
           "--jobs", "2", "--chunk-size", "1"]
    main = subprocess.Popen(cmd, env={**os.environ, "FRAMING_FAULT": "part:60"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    workers = []
    while not workers or not (tmp_path / "out" / "articles").is_dir():  # paused after a part
        assert time.monotonic() < deadline and main.poll() is None
        workers = subprocess.run(["pgrep", "-P", str(main.pid)], capture_output=True, text=True,
                                 check=False).stdout.split()
        time.sleep(0.1)
    main.send_signal(signal.SIGKILL)
    main.wait()

    def running(pid):
        try:
            return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
        except OSError:
            return False

    while any(running(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers and not any(running(p) for p in workers)
