"""The cases of issue 14, each run as a real ``framing`` process: expected and observed exit code,
stderr's lines, time and peak memory, and the test that covers the case.

Run through ``python tools/faults.py cases [--work DIR] [--report FILE]``. Generated inputs (the
bombs included) are built small in DIR. Needs no ``../shared``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MINI = ROOT / "tests" / "data" / "mini-codebook.yaml"
CLI = "import sys; from framing.cli import main; sys.exit(main())"
NICE = ["nice", "-n", "10"] if shutil.which("nice") else []
#: ENOSPC at the third table written: a full disk in the middle of the write phase.
FULL = ("import errno, sys\nimport framing.analysis as a\nfrom framing.cli import main\n"
        "real, n = a.write_table, [0]\n"
        "def full(df, path, fmt='csv'):\n    n[0] += 1\n"
        "    if n[0] == 3: raise OSError(errno.ENOSPC, 'No space left on device', str(path))\n"
        "    real(df, path, fmt)\n"
        "a.write_table = full\nsys.exit(main())")
T = {  # test names, by file
    "safety": "tests/cli/test_safety.py::", "outdir": "tests/test_outdir.py::",
    "stream": "tests/test_stream.py::", "yaml": "tests/codebook/test_yamlsrc.py::",
    "load": "tests/codebook/test_load.py::", "readers": "tests/corpus/test_readers.py::",
    "enc": "tests/corpus/test_encoding.py::", "persist": "tests/models/test_persist.py::",
    "io": "tests/test_io.py::", "make": "tests/plots/test_make.py::",
}


def sh(work, argv, env=None, code=CLI, stdin_close=False, timeout=180, signal_after=None,
       stdout=None):
    """Run ``framing ARGV``; ``(rc, stderr lines, seconds, peak MB)`` (peak of the main process)."""
    t0 = time.monotonic()
    proc = subprocess.Popen([*NICE, sys.executable, "-c", code, *map(str, argv)], cwd=work,
                            env={**os.environ, **(env or {})},
                            stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE)
    if signal_after:
        wait_for, sig = signal_after
        deadline = time.monotonic() + timeout
        while not wait_for() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        CHILDREN[:] = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True,
                                     text=True, check=False).stdout.split()
        proc.send_signal(sig)
    if stdin_close:  # the reader of stdout goes away at once (`| head -0`)
        proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = [x for x in err.splitlines() if x.strip()]
    return proc.returncode, lines, time.monotonic() - t0, usage.ru_maxrss / 1024


CHILDREN = []  # the worker processes of the last signalled run


def alive(pids):
    """The pids of ``pids`` still running (zombies count as ended)."""
    out = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            out.append(pid)
    return out


def gz_repeat(path, block, times):
    """A gzip file of ``block`` repeated (one compressed member, written ``times`` times)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    member = comp.compress(block) + comp.flush()
    with open(path, "wb") as fh:
        fh.writelines(member for _ in range(times))
    return path


def seeds_csv(path, n=5, empty=False):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))][:n]
    import pandas as pd

    pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                  "outlet": [f"o{i % 2}" for i in range(len(texts))],
                  "text": ["" if empty else t for t in texts]}).to_csv(path, index=False)
    return path


def codebook(work, name, old, new):
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    path = work / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def build(work):
    """Inputs of the cases, in ``work``."""
    io = work / "io"
    io.mkdir()
    seeds_csv(io / "articles.csv")
    (io / "test.csv").write_text("text\nتعاون عسكري بين مصر وليبيا\n", encoding="utf-8")
    laughs = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    laughs += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (work / "bomb.yaml").write_text("\n".join(laughs) + "\n", encoding="utf-8")
    (work / "rec.yaml").write_text("x: &a [*a]\n", encoding="utf-8")
    gz_repeat(work / "zeros.jsonl.gz", b"\0" * (1 << 20), 300)
    line = json.dumps({"id": "x", "text": "قال المتحدث إن الانتخابات ستجري في موعدها. " * 20},
                      ensure_ascii=False).encode() + b"\n"
    gz_repeat(work / "big.jsonl.gz", line * ((1 << 20) // len(line)), 1300)
    (work / "gold.csv").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(200))
    (work / "afile").write_text("x\n", encoding="utf-8")
    seeds_csv(work / "empty.csv", empty=True)
    for n in (1, 2, 3):
        seeds_csv(work / f"c{n}.csv", n)
    lines = ["أعلنت مصر دعمها للحوار الليبي.", "وقال المتحدث إن الانتخابات قريبة.",
             "رفض البرلمان التأجيل.", "قوات حفتر تتقدم نحو طرابلس."]
    data = b"".join((t.encode("cp1256") if i % 2 else t.encode("utf-8")) + b"\n"
                    for i, t in enumerate(lines))
    (work / "mixed").mkdir()
    (work / "mixed" / "a.txt").write_bytes(data)
    (work / "meta").mkdir()
    shutil.copy(min(SEEDS.glob("*.txt")), work / "meta" / "a.txt")
    (work / "meta" / "metadata.csv").write_bytes(
        "doc_id,outlet,date\na,الأهرام,2020-01-01\n".encode("cp1256"))
    old = "      - الانتخابات الرئاسية"
    codebook(work, "tatweel.yaml", old, "      - ـــــ")
    codebook(work, "punct.yaml", old, "      - ...")
    codebook(work, "nan.yaml", old, "      - {cue: انتخابات, weight: .nan}")
    train = work / "train.csv"
    rows = [("الجيش يتقدم والقوات تقصف المواقع", "military"), ("تعاون اقتصادي وتجارة", "other")]
    train.write_text("text,label\n" + "".join(f"{t} {i},{lab}\n" for i in range(20)
                                               for t, lab in rows), encoding="utf-8")
    return io


def cases(opts, say):
    work = Path(opts.work).resolve() / "cases"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    io = build(work)
    sha = lambda p: __import__("hashlib").sha256(Path(p).read_bytes()).hexdigest()
    before = {p.name: sha(p) for p in io.iterdir()}
    model = work / "m.skops"
    rc, lines, _, _ = sh(work, ["train", "--task", "text", "--data", work / "train.csv",
                                "--label-col", "label", "--out", model])
    assert rc == 0, lines
    half = work / "half.skops"
    half.write_bytes(model.read_bytes()[: model.stat().st_size // 2])
    meta = json.loads(model.with_suffix(".json").read_text(encoding="utf-8"))
    digest = lambda p: sha(p)
    half.with_suffix(".json").write_text(json.dumps({**meta, "sha256": digest(half)}),
                                         encoding="utf-8")
    evil = work / "evil.joblib"
    marker = work / "PWNED"
    evil.write_bytes(b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR.")
    evil.with_suffix(".json").write_text(json.dumps(
        {**meta, "format": "framing-model/1", "sha256": digest(evil), "text_col": "text"}),
        encoding="utf-8")
    seeds_out = work / "old-set"
    assert sh(work, ["analyze", SEEDS, "--codebook", MINI, "--out", seeds_out])[0] == 0
    old_set = {p.name: sha(p) for p in seeds_out.iterdir()}
    chunk_one = work / "one-job"
    assert sh(work, ["analyze", io / "articles.csv", "--codebook", MINI, "--out", chunk_one])[0] == 0

    big_corpus = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    rows = [
        ("`analyze io/articles.csv --out io`", ["analyze", io / "articles.csv", "--out", io], {},
         2, "holds the input", "safety:test_analyze_into_the_folder_of_its_input_is_refused"),
        ("`predict M io/test.csv --out io/test.csv`",
         ["predict", model, io / "test.csv", "--out", io / "test.csv"], {}, 2,
         "is also the input data", "safety:test_predict_over_its_data_or_model_is_refused"),
        ("`explain io/articles.csv d0 --html io/articles.csv`",
         ["explain", io / "articles.csv", "d0", "--html", io / "articles.csv"], {}, 2,
         "is also the input corpus", "safety:test_explain_html_over_its_corpus_is_refused"),
        ("disk full (ENOSPC) at the 3rd table", ["analyze", io / "articles.csv", "--codebook",
                                                 MINI, "--out", seeds_out],
         {"code": FULL}, 2, "No space left", "safety:test_a_full_disk_during_the_write_is_one_line"
         "_and_keeps_the_old_set; outdir:test_a_failed_write_leaves_the_old_set_and_no_leftovers"),
        ("billion-laughs codebook (567 B)", ["analyze", SEEDS, "--codebook", work / "bomb.yaml",
                                            "--out", work / "o1"], {}, 2, "YAML alias",
         "yaml:test_aliases_are_refused_at_once_with_their_line"),
        ("`x: &a [*a]` codebook", ["analyze", SEEDS, "--codebook", work / "rec.yaml", "--out",
                                   work / "o2"], {}, 2, "YAML alias",
         "yaml:test_aliases_are_refused_at_once_with_their_line"),
        ("300 MB of zeros as .jsonl.gz (whole read)", ["analyze", work / "zeros.jsonl.gz",
                                                       "--out", work / "o3"], {}, 2, "binary",
         "readers:test_a_gzip_of_zeros_is_refused_at_its_first_block"),
        ("the same, chunked", ["analyze", work / "zeros.jsonl.gz", "--out", work / "o4",
                               "--chunk-size", 100], {}, 2, "binary",
         "readers:test_a_gzip_of_zeros_is_refused_at_its_first_block"),
        ("valid JSON lines gzip inflating to 1.3 GB", ["analyze", work / "big.jsonl.gz", "--out",
                                                       work / "o5"], {}, 2, "more than 512 MB",
         "readers:test_a_gzip_that_inflates_beyond_the_limit_is_refused"),
        ("forged pickle model + matching sidecar", ["predict", evil, io / "test.csv", "--out",
                                                    work / "p.csv"], {}, 2, "--trust",
         "persist:test_an_old_pickle_model_needs_explicit_trust"),
        ("truncated model, sidecar forged to match", ["predict", half, io / "test.csv", "--out",
                                                      work / "p.csv"], {}, 2, "not a readable",
         "persist:test_a_truncated_model_is_one_error_even_with_a_forged_sidecar"),
        ("file mixing UTF-8 and cp1256 lines", ["corpus", work / "mixed"], {}, 0,
         "line(s) 2, 4", "enc:test_a_file_mixing_utf8_and_cp1256_lines_is_decoded_line_by_line"),
        ("cp1256 metadata.csv, Latin headers", ["corpus", work / "meta"], {}, 0,
         "decoded as Windows-1256",
         "enc:test_cp1256_metadata_with_latin_headers_and_short_arabic_values"),
        ("cue of tatweel only", ["analyze", SEEDS, "--codebook", work / "tatweel.yaml", "--out",
                                 work / "o6"], {}, 2, "empty once normalised",
         "load:test_cues_that_cannot_match_words_are_refused"),
        ("punctuation-only cue `...`", ["analyze", SEEDS, "--codebook", work / "punct.yaml",
                                        "--out", work / "o7"], {}, 2, "without letters",
         "load:test_cues_that_cannot_match_words_are_refused"),
        ("weight `.nan`", ["analyze", SEEDS, "--codebook", work / "nan.yaml", "--out",
                           work / "o8"], {}, 2, "positive number",
         "load:test_cues_that_cannot_match_words_are_refused"),
        *[(f"`figures` on {n} article(s)", ["figures", work / f"c{n}.csv", "--out",
                                            work / f"f{n}", "--formats", "png"], {}, 0, "",
           "safety:test_figures_on_one_to_three_articles_end_without_a_traceback")
          for n in (1, 2, 3)],
        ("`--out` is a file", ["analyze", SEEDS, "--out", work / "afile"], {}, 2, "is a file",
         "safety:test_a_file_as_output_folder_and_a_binary_gold_file"),
        ("`--out` where no file can be made (/proc)", ["analyze", SEEDS, "--out", "/proc/framing-out"],
         {}, 2, "cannot write", "outdir:test_full_and_read_only_folders_are_refused_before_"
         "the_work; outdir:test_a_read_only_folder_is_refused"),
        ("binary `--gold`", ["evaluate", "--gold", work / "gold.csv", "--pred", work], {}, 2,
         "binary file", "safety:test_a_file_as_output_folder_and_a_binary_gold_file"),
        ("unreachable `--scheduler` (FRAMING_DASK_TIMEOUT=2)",
         ["analyze", SEEDS, "--out", work / "o9", "--engine", "dask", "--scheduler",
          "tcp://127.0.0.1:9"], {"env": {"FRAMING_DASK_TIMEOUT": "2"}}, 2, "cannot reach",
         "safety:test_an_unreachable_scheduler_fails_fast"),
        ("`corpus --json` into a closed pipe (`| head -0`)", ["corpus", SEEDS, "--json"],
         {"stdin_close": True, "stdout": subprocess.PIPE}, 141, None,
         "safety:test_a_closed_pipe_ends_quietly"),
        ("`--jobs 0`", ["analyze", SEEDS, "--out", work / "o10", "--jobs", "0"], {}, 2,
         "at least 1", "safety:test_jobs_and_chunk_size_below_one_and_an_empty_text_column"),
        ("all-empty text column", ["analyze", work / "empty.csv", "--out", work / "o11"], {}, 2,
         "no document has any text",
         "safety:test_jobs_and_chunk_size_below_one_and_an_empty_text_column"),
        ("same folder spelled `./x/../one-job` (lock)", None, {}, 2, "another framing run",
         "outdir:test_one_folder_spelled_otherwise_or_through_a_symlink_takes_the_same_lock"),
        ("`figures --out .` (before the work)", ["figures", SEEDS, "--out", "."],
         {}, 2, "current folder", "safety:test_figures_into_the_current_folder_or_a_busy_one_"
         "is_refused_before_the_work"),
        ("chunked run into a one-job run's folder", ["analyze", io / "articles.csv", "--codebook",
                                                     MINI, "--out", chunk_one, "--chunk-size", 2],
         {}, 2, "one-job run", "stream:test_a_chunked_run_into_the_folder_of_a_one_job_run_is_"
         "refused"),
    ]
    if big_corpus.is_file():
        rows += [
            ("Ctrl-C under Dask (`--engine dask --jobs 2`)",
             ["analyze", big_corpus, "--out", work / "o12", "--engine", "dask", "--jobs", "2",
              "--chunk-size", 500],
             {"signal_after": (lambda: (work / "o12").exists() and time.sleep(8) is None,
                               signal.SIGINT)}, 130, "interrupted",
             "safety:test_ctrl_c_is_one_line_and_130"),
            ("SIGKILL of the main process, `--jobs 2`",
             ["analyze", big_corpus, "--out", work / "o13", "--jobs", "2", "--chunk-size", 500],
             {"signal_after": (lambda: (work / "o13" / "manifest.json").exists(),
                               signal.SIGKILL)}, -9, None,
             "(tools/fault_cases.py; framing/workers.py has no test of its own)"),
        ]
    head = "| case | expected | observed rc | s | peak MB | stderr (last line) | test |"
    say(head)
    say("|---|---|---|---|---|---|---|")
    failures = 0
    for name, argv, kw, want_rc, want, test in rows:
        extra = ""
        if argv is None:  # the lock under another spelling: a holder of the folder, then a run
            holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom framing."
                                       "outdir import locked\nwith locked(sys.argv[1]):\n"
                                       "    print('x', flush=True); time.sleep(30)",
                                       str(chunk_one)], stdout=subprocess.PIPE, cwd=work)
            holder.stdout.readline()
            os.symlink(work, work / "link")
            argv = ["analyze", SEEDS, "--out", "link/io/../one-job"]
            rc, lines, secs, peak = sh(work, argv)
            holder.kill()
            holder.wait()
        else:
            code = kw.get("code", CLI)
            rc, lines, secs, peak = sh(work, argv, env=kw.get("env"), code=code,
                                       stdin_close=kw.get("stdin_close", False),
                                       stdout=kw.get("stdout"),
                                       signal_after=kw.get("signal_after"))
        last = lines[-1] if lines else ""
        ok = rc == want_rc and "Traceback" not in "\n".join(lines)
        if want_rc == 2:
            errors = [x for x in lines if not x.startswith(("warning:", "note:"))]
            ok = ok and errors == [last] and last.startswith("error: ") and want in last
            if len(lines) > 1:
                extra = f" (after {len(lines) - 1} warning line(s))"
        elif want_rc == 130:
            ok = ok and lines == ["interrupted"]
        elif want_rc == 141:
            ok = ok and not lines
        elif want:
            ok = ok and any(want in x for x in lines)
        if name.startswith("disk full"):
            ok = ok and {p.name: sha(p) for p in seeds_out.iterdir()} == old_set and not [
                p for p in work.iterdir() if p.name.startswith(".old-set.tmp")]
            extra += "; old set byte-identical, no staging left"
        if name.startswith("forged pickle"):
            ok = ok and not marker.exists()
            extra += "; the payload did not run"
        if name.startswith("SIGKILL"):
            time.sleep(3)
            left = alive(CHILDREN)
            ok = bool(CHILDREN) and not left
            extra = (f"{len(CHILDREN)} worker(s) at the kill, {len(left)} left 3 s later"
                     + ("" if ok else " FAILED"))
        if name.startswith("`figures` on"):
            folder = work / f"f{name.split()[2]}"
            extra = f"{'; ' if last else ''}{len(list(folder.glob('*.png')))} figures drawn"
        failures += not ok
        exp = {2: "2, one line", 130: "130, `interrupted`", 141: "141, silent", 0: "0",
               -9: "killed; workers end"}[want_rc]
        cell = (last[:110] + "…" if len(last) > 110 else last).replace("|", "\\|")
        say(f"| {name} | {exp} | {rc}{'' if ok else ' FAILED'} | {secs:.1f} | {peak:.0f} | "
            f"{cell}{extra} | {test.replace(':', '::', 1) if ':' in test else test} |")
    inputs_same = {p.name: sha(p) for p in io.iterdir() if p.name in before} == before
    failures += not inputs_same
    say("")
    say(f"inputs in io/ unchanged after every case: {inputs_same}; {failures} failure(s)")
    return failures
