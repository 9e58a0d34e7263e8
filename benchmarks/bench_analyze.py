"""Throughput of `framing analyze` on SaudiNewsNet, beside a naive baseline in the same run.

The baseline is what one writes first: for every cue of the codebook, ``Series.str.contains``
over the article texts (no normalisation, no clitics, no offsets, no negation, no evidence).
Both run on one core over the same articles. Usage::

    python benchmarks/bench_analyze.py [--limit N] [--codebook NAME] [--baseline-limit N]

Prints articles/s, MB/s and peak memory (RSS high-water mark of this process after each phase).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def all_cues(cb):
    cues = [c for t in cb.topics for c in t.cues]
    cues += [c for s in cb.stances for c in (*s.target, *s.pro, *s.con)]
    cues += [lab.cue for a in cb.actors for lab in a.labels]
    cues += [c for k in ("positive", "negative", "intensifiers") for c in cb.sentiment[k]]
    cues += list(cb.quotes["speech_verbs"])
    cues += [c for cs in cb.quotes["source_types"].values() for c in cs]
    return [c.text.rstrip("*") for c in cues]


def naive_baseline(texts, cues):
    import pandas as pd

    s = pd.Series(texts)
    hits = 0
    for cue in cues:
        hits += int(s.str.contains(cue, regex=False).sum())
    return hits


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--limit", type=int, default=None, help="articles for the toolkit (default all)")
    ap.add_argument("--baseline-limit", type=int, default=3000,
                    help="articles for the (slow) baseline; rates are per article")
    ap.add_argument("--codebook", default="libya-egypt")
    args = ap.parse_args(argv)
    if not Path(args.data).exists():
        print(f"skipped: {args.data} is absent", file=sys.stderr)
        return 0

    from framing.analysis import analyze
    from framing.corpus import load_corpus
    from framing.features.extract import CompiledCodebook

    t = time.perf_counter()
    corpus = load_corpus(args.data)
    t_load = time.perf_counter() - t
    if args.limit:
        corpus = corpus.iloc[: args.limit]
    n = len(corpus)
    mb = sum(len(x.encode("utf-8")) for x in corpus["text"]) / 1e6
    print(f"corpus: {n} articles, {mb:.1f} MB of text, loaded in {t_load:.1f} s; peak RSS {peak_mb():.0f} MB")

    t = time.perf_counter()
    compiled = CompiledCodebook(args.codebook)
    t_compile = time.perf_counter() - t
    cues = all_cues(compiled.codebook)

    nb = min(args.baseline_limit, n)
    texts = corpus["text"].iloc[:nb].tolist()
    mb_b = sum(len(x.encode("utf-8")) for x in texts) / 1e6
    t = time.perf_counter()
    naive_baseline(texts, cues)
    t_base = time.perf_counter() - t
    base_rate = nb / t_base
    print(f"baseline  ({len(cues)} cues x str.contains, {nb} articles): {base_rate:8.1f} articles/s "
          f"{mb_b / t_base:6.2f} MB/s  peak RSS {peak_mb():.0f} MB")

    t = time.perf_counter()
    res = analyze(corpus, compiled)
    t_an = time.perf_counter() - t
    rate = n / t_an
    print(f"framing   (codebook compiled in {t_compile:.2f} s, {n} articles):      {rate:8.1f} articles/s "
          f"{mb / t_an:6.2f} MB/s  peak RSS {peak_mb():.0f} MB")
    print(f"speed-up over the baseline: {rate / base_rate:.1f}x; "
          f"{len(res.evidence)} evidence rows, {len(res.sentences)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
