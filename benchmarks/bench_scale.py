"""Scaling of chunked analysis: one job, two jobs and Dask, on SaudiNewsNet and a tenfold copy.

Each configuration runs in a fresh subprocess (``framing analyze --chunk-size ...``), so that its
peak memory is its own: the table reports the highest resident set size of the main process and
of its largest worker. The naive baseline (per-cue ``str.contains``) runs in the same script on
the first articles, for reference. Usage::

    python benchmarks/bench_scale.py [--tenfold] [--configs jobs1,jobs2,dask] [--out DIR]

Writes ``scaling.csv`` and ``scaling.png`` (articles/s by configuration and corpus) into DIR.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
CONFIGS = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"],
           "dask": ["--jobs", "2", "--engine", "dask"]}

# Runs inside the child: analyse, then print the peak RSS of this process and of its children.
CHILD = """
import resource, sys, time
from framing.cli import main
t = time.perf_counter()
code = main(sys.argv[1:])
wall = time.perf_counter() - t
self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("RESULT", wall, self_mb, child_mb, code)
"""


def tenfold(src, dst):
    """Ten copies of the corpus, each line once per copy (ids are row numbers: all distinct)."""
    with gzip.open(src, "rb") as f:
        data = f.read()
    with open(dst, "wb") as g:
        for _ in range(10):
            g.write(data)
    return dst


def run(corpus, name, out, chunk_size):
    args = ["analyze", str(corpus), "--out", str(out), "--format", "parquet",
            "--chunk-size", str(chunk_size), *CONFIGS[name]]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True,
                          env=env)
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT")]
    if proc.returncode or not line:
        raise SystemExit(f"{name} failed:\n{proc.stderr[-2000:]}")
    _, wall, self_mb, child_mb, _ = line[0].split()
    manifest = json.loads((Path(out) / "manifest.json").read_text())
    return float(wall), float(self_mb), float(child_mb), manifest["n_documents"]


def baseline(corpus, n=2000):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_analyze import all_cues, naive_baseline

    from framing.corpus import iter_corpus
    from framing.features.extract import CompiledCodebook

    texts = next(iter_corpus(corpus, n))["text"].tolist()
    cues = all_cues(CompiledCodebook().codebook)
    t = time.perf_counter()
    naive_baseline(texts, cues)
    return len(texts) / (time.perf_counter() - t)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--tenfold", action="store_true", help="also run the tenfold corpus")
    ap.add_argument("--tenfold-configs", default="jobs2",
                    help="configurations to run on the tenfold corpus (default jobs2)")
    ap.add_argument("--configs", default="jobs1,jobs2,dask")
    ap.add_argument("--chunk-size", type=int, default=2000)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    args = ap.parse_args(argv)
    if not Path(args.data).exists():
        print(f"skipped: {args.data} is absent", file=sys.stderr)
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    mb_single = sum(len(line) for line in gzip.open(args.data, "rb")) / 1e6
    corpora = [("single", Path(args.data), mb_single, args.configs.split(","))]
    if args.tenfold:
        corpora.append(("tenfold", tenfold(args.data, work / "tenfold.jsonl"), 10 * mb_single,
                        args.tenfold_configs.split(",")))
    rows = []
    base = baseline(args.data)
    print(f"baseline (per-cue str.contains, one core): {base:.1f} articles/s")
    print(f"{'corpus':8} {'config':6} {'articles':>9} {'seconds':>8} {'art/s':>8} {'MB/s':>6} "
          f"{'main MB':>8} {'worker MB':>9}")
    try:
        for label, path, mb, configs in corpora:
            for name in configs:
                dest = work / f"{label}-{name}"
                wall, self_mb, child_mb, n = run(path, name, dest, args.chunk_size)
                shutil.rmtree(dest, ignore_errors=True)
                row = {"corpus": label, "config": name, "articles": n, "seconds": round(wall, 1),
                       "articles_per_s": round(n / wall, 1), "mb_per_s": round(mb / wall, 2),
                       "peak_main_mb": round(self_mb), "peak_worker_mb": round(child_mb),
                       "baseline_articles_per_s": round(base, 1)}
                rows.append(row)
                print(f"{label:8} {name:6} {n:9d} {wall:8.1f} {n / wall:8.1f} {mb / wall:6.2f} "
                      f"{self_mb:8.0f} {child_mb:9.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    import pandas as pd

    table = pd.DataFrame(rows)
    table.to_csv(out / "scaling.csv", index=False)
    _plot(table, out / "scaling.png")
    print(f"wrote {out / 'scaling.csv'} and {out / 'scaling.png'}")
    return 0


def _plot(table, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.plots import figure_style

    with figure_style():
        fig, ax = plt.subplots(figsize=(3.5, 2.4))
        for i, (corpus, rows) in enumerate(table.groupby("corpus", sort=False)):
            ax.bar([f"{c}\n{corpus}" for c in rows["config"]], rows["articles_per_s"],
                   color=["#0072B2", "#E69F00"][i % 2], label=corpus)
        ax.axhline(table["baseline_articles_per_s"].iloc[0], color="#555", lw=0.8, ls="--",
                   label="naive baseline")
        ax.set_ylabel("articles per second")
        ax.legend(frameon=False, fontsize=6, loc="upper left")
        fig.savefig(path, dpi=300, bbox_inches="tight", metadata={"Software": None})
        plt.close(fig)


if __name__ == "__main__":
    sys.exit(main())
