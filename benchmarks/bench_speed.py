"""Speed of `framing analyze` end to end, beside the floor and a naive baseline, in one run.

What is printed, all on the same machine in the same run:

floor
    One pandas ``Series.str.contains`` scan of every article text for one word (Arrow strings;
    no normalisation, no clitics, no offsets): the least any cue search can cost.
naive baseline
    One ``str.contains`` per cue of the codebook, on a sample of articles, extrapolated per
    article: what one writes first.
toolkit
    The command line from load to written tables, each configuration in a fresh process:
    ``--jobs 1`` (one process, CSV), ``--jobs 1 --chunk-size 2000`` (the streaming path) and
    ``--jobs 2 --chunk-size 2000`` (two worker processes).

Rates are articles/s and MB/s (UTF-8 text of the articles); *scan-equivalents* is the toolkit's
time over the floor's. Peak memory is the largest resident set of any process of the run (the
command and its workers: ``ru_maxrss`` of the children of a small wrapper process); *CPU s*
is their user and system time together. On a shared machine CPU time is less disturbed than
wall time: two jobs that take the CPU time of one would take half its wall time on two free
cores, less the part of the run that is not split (start-up, the last chunk). Chunks are
``--chunk-size`` documents (2000): on a sample of 3,000 articles two chunks of 2000 and 1000
cannot keep two workers busy, choose a smaller size there.

The machine may be shared: each configuration runs ``--repeat`` times, and with ``--ref DIR``
(a folder holding another copy of the ``framing`` package, e.g. the code before a change) the
reference and the working tree run in turn, A B A B ..., and the ratio is taken pair by pair;
medians are reported. Usage::

    python benchmarks/bench_speed.py [--limit N] [--ref DIR] [--repeat 3] [--tenfold]
                                     [--configs jobs1,chunk1,jobs2] [--chunk-size 2000]
                                     [--out benchmarks/speed.txt]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
CONFIGS = {"jobs1": ["--jobs", "1"],
           "chunk1": ["--jobs", "1", "--chunk-size", "2000"],
           "jobs2": ["--jobs", "2", "--chunk-size", "2000"]}
# A wrapper process: runs the command as its child, then prints the wall time, the largest
# resident set of any process below it (the command and its workers) and their CPU time.
WRAPPER = """
import resource, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print("RESULT", wall, use.ru_maxrss / 1024, use.ru_utime + use.ru_stime, proc.returncode)
if proc.returncode:
    print(proc.stderr[-3000:])
"""


def read_texts(path):
    """The article texts of a JSON Lines file (field ``content`` or ``text``)."""
    texts = []
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                texts.append(rec.get("content", rec.get("text")) or "")
    return texts


def write_subset(src, dst, limit, copies=1):
    """The first ``limit`` lines of ``src`` (all with ``None``), ``copies`` times, to ``dst``.

    Copies get their own ids: a ``doc_id`` field, if there is one, is suffixed ``~k``; otherwise
    ids are row numbers, distinct anyway.
    """
    opener = gzip.open if str(src).endswith(".gz") else open
    with opener(src, "rt", encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip()][:limit]
    with open(dst, "w", encoding="utf-8") as g:
        for k in range(copies):
            for ln in lines:
                if k and '"doc_id"' in ln:
                    rec = json.loads(ln)
                    rec["doc_id"] = f"{rec['doc_id']}~{k}"
                    ln = json.dumps(rec, ensure_ascii=False) + "\n"
                g.write(ln if ln.endswith("\n") else ln + "\n")
    return dst


def all_cues(cb):
    """Every cue of the codebook as written (a trailing * dropped), in codebook order."""
    cues = [c for t in cb.topics for c in (*t.cues, *t.context)]
    cues += [c for s in cb.stances for c in (*s.target, *s.pro, *s.con, *s.context)]
    cues += [lab.cue for a in cb.actors for lab in a.labels]
    cues += [c for k in ("positive", "negative", "neutral", "intensifiers")
             for c in cb.sentiment.get(k, ())]
    cues += list(cb.quotes["speech_verbs"])
    cues += [c for cs in cb.quotes["source_types"].values() for c in cs]
    return [c.text.rstrip("*") for c in cues]


def _best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def floor_and_baseline(texts, cues, sample, repeat):
    """Seconds of one str.contains scan of all texts; seconds per article of the naive baseline."""
    import pandas as pd

    s = pd.Series(texts, dtype="string[pyarrow]")  # Arrow strings: the fastest pandas scan
    floor = _best(lambda: s.str.contains("ليبيا", regex=False).sum(), max(repeat, 3))
    part = pd.Series(texts[:sample], dtype="string[pyarrow]")
    base = _best(lambda: [part.str.contains(c, regex=False).sum() for c in cues], 1)
    return floor, base / len(part)


def run_cli(tree, corpus, codebook, config, out):
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    cmd = [sys.executable, "-m", "framing", "analyze", str(Path(corpus).resolve()),
           "--codebook", str(Path(codebook).resolve()) if Path(codebook).is_file() else codebook,
           "--out", str(out), *CONFIGS[config]]
    # From the tree's folder: ``python -m`` puts the current folder first on sys.path.
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True,
                          env=env, cwd=tree or ROOT, check=False)
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT")]
    if proc.returncode or not line or line[0].split()[-1] != "0":
        raise SystemExit(f"{config} failed: {' '.join(cmd)}\n{proc.stdout[-500:]}{proc.stderr[-2000:]}")
    _, wall, peak, cpu, _ = line[0].split()
    shutil.rmtree(out, ignore_errors=True)
    return float(wall), float(peak), float(cpu)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--limit", type=int, default=None, help="first N articles (default all)")
    ap.add_argument("--codebook", default=None,
                    help="YAML file or packaged name (default: the packaged libya-egypt)")
    ap.add_argument("--configs", default="jobs1,chunk1,jobs2")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each configuration")
    ap.add_argument("--chunk-size", type=int, default=2000,
                    help="documents per chunk of the chunked configurations")
    ap.add_argument("--ref", default=None,
                    help="folder with a reference framing/ package, run in turn with this tree")
    ap.add_argument("--new", default=None,
                    help="folder with the framing/ package to measure (default: this tree)")
    ap.add_argument("--baseline-sample", type=int, default=300,
                    help="articles for the (slow) naive baseline")
    ap.add_argument("--tenfold", action="store_true",
                    help="also run the chunked configuration on the corpus ten times over (memory)")
    ap.add_argument("--out", default=None, help="also write the report to this file")
    args = ap.parse_args(argv)
    for config in ("chunk1", "jobs2"):
        CONFIGS[config] = [*CONFIGS[config][:-1], str(args.chunk_size)]
    if not Path(args.data).exists():
        print(f"skipped: {args.data} is absent", file=sys.stderr)
        return 0
    sys.path.insert(0, str(Path(args.new).resolve()) if args.new else str(ROOT))
    from framing.codebook import load_codebook  # of the tree measured

    work = Path(tempfile.mkdtemp(prefix="framing-speed-"))
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    try:
        corpus = Path(args.data)
        if args.limit:
            corpus = write_subset(args.data, work / "corpus.jsonl", args.limit)
        cb = load_codebook(args.codebook or "libya-egypt")
        codebook = args.codebook or cb.path
        texts = read_texts(corpus)
        n = len(texts)
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        cues = all_cues(cb)
        floor, base_per_doc = floor_and_baseline(texts, cues, min(args.baseline_sample, n),
                                                 args.repeat)
        say(f"corpus: {corpus.name}, {n} articles, {mb:.1f} MB of text (UTF-8); "
            f"codebook {cb.name} {cb.version} ({len(cues)} cues, sha256 {cb.sha256[:12]})")
        say(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
            f"load average {os.getloadavg()[0]:.2f} at the start")
        say()
        say(f"{'what':34} {'seconds':>8} {'articles/s':>11} {'MB/s':>7} {'scan-eq':>8} "
            f"{'peak MB':>8} {'CPU s':>7}")
        say(f"{'floor: one str.contains scan':34} {floor:8.3f} {n / floor:11.0f} "
            f"{mb / floor:7.1f} {1:8.1f} {'':>8}")
        base = base_per_doc * n
        say(f"{f'naive: {len(cues)} x str.contains':34} {base:8.1f} {n / base:11.1f} "
            f"{mb / base:7.2f} {base / floor:8.0f} {'':>8}   "
            f"(on {min(args.baseline_sample, n)} articles, extrapolated)")
        trees = [("new", Path(args.new).resolve() if args.new else None)]
        trees += [("ref", Path(args.ref).resolve())] if args.ref else []
        results = {}
        for config in args.configs.split(","):
            for r in range(args.repeat):
                order = trees if r % 2 == 0 else trees[::-1]
                for name, tree in order:
                    wall, peak, cpu = run_cli(tree, corpus, codebook, config,
                                              work / f"out-{name}")
                    results.setdefault((config, name), []).append((wall, peak, cpu))
        say()
        for config in args.configs.split(","):
            for name, _ in trees:
                runs = results[(config, name)]
                wall = statistics.median(r[0] for r in runs)
                peak = max(r[1] for r in runs)
                cpu = statistics.median(r[2] for r in runs)
                label = f"{'framing' if name == 'new' else 'before'} {' '.join(CONFIGS[config])}"
                say(f"{label:34} {wall:8.2f} {n / wall:11.0f} {mb / wall:7.2f} {wall / floor:8.0f} "
                    f"{peak:8.0f} {cpu:7.1f}   (median of {len(runs)}: "
                    f"{', '.join(f'{r[0]:.1f}' for r in runs)} s)")
        say()
        if args.ref:
            for config in args.configs.split(","):
                for k, what in ((0, "wall"), (2, "CPU ")):
                    pairs = [b[k] / a[k] for a, b in zip(results[(config, "new")],
                                                          results[(config, "ref")])]
                    say(f"speed-up over before, {config:6} ({what}): median "
                        f"{statistics.median(pairs):.2f}x "
                        f"(pairs: {', '.join(f'{p:.2f}' for p in pairs)})")
        for name, _ in trees:
            if ("jobs2", name) in results and ("chunk1", name) in results:
                one, two = results[("chunk1", name)], results[("jobs2", name)]
                pairs = [a[0] / b[0] for a, b in zip(one, two)]
                cpu = [b[2] / a[2] for a, b in zip(one, two)]
                say(f"two jobs over one ({'framing' if name == 'new' else 'before'}, both chunked): "
                    f"median {statistics.median(pairs):.2f}x (pairs: "
                    f"{', '.join(f'{p:.2f}' for p in pairs)}); CPU of two jobs / one: "
                    f"{statistics.median(cpu):.2f}")
        if args.tenfold:
            big = write_subset(corpus, work / "tenfold.jsonl", None, copies=10)
            say()
            peaks = {}
            for label, path in (("single", corpus), ("tenfold", big)):
                wall, peak, _ = run_cli(trees[0][1], path, codebook, "chunk1", work / "out-mem")
                peaks[label] = peak
                say(f"memory, --chunk-size {args.chunk_size}, {label:8}: {10 * n if label == 'tenfold' else n:7d} "
                    f"articles in {wall:6.1f} s ({(10 if label == 'tenfold' else 1) * n / wall:5.0f}"
                    f" articles/s), peak {peak:.0f} MB")
            say(f"tenfold / single peak memory: {peaks['tenfold'] / peaks['single']:.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.out:
        Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
