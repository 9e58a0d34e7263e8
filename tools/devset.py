#!/usr/bin/env python
"""The project's coded development sets as corpora, and the toolkit scored against them.

    python tools/devset.py score [--codebook NAME_OR_PATH] [--part tuning|check|all] [--errors]
    python tools/devset.py quotes [--codebook NAME_OR_PATH] [--errors]

Builds the corpus of the 110 coded SaudiNewsNet articles from ``../shared/data`` (doc_id
``snnNNNNN`` = line NNNNN of saudinewsnet.jsonl.gz, as in ../shared/gold/README.md), analyses it
and the seeds with the codebook, and prints per field precision, recall and F1 and the summary
scores of the validity issue -- topics micro-F1 (with precision and recall), stance macro-F1 (the
cells of the four targets pooled, macro-F1 over the labels that occur), tone accuracy -- for the
tuning part, the check part (:func:`framing.validate.split.holdout_split`) and the seeds.
``--errors`` also lists the tuning part's errors with their evidence (never the check part's).
``quotes`` scores the quotes of the 29 quote-coded articles against each coder
(:mod:`framing.validate.quotes`) on the tuning and check parts of
:func:`framing.validate.quotes.quote_split` and on all; ``--errors`` lists the tuning part's
missed and spurious statements. The articles are CC BY-NC-SA: they are read from ../shared, never written into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SNN = SHARED / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
GOLD = SHARED / "gold" / "saudinewsnet_dev.csv"
SEEDS_GOLD = SHARED / "gold" / "seeds_articles.csv"


def dev_corpus(gold=None):
    """The coded SaudiNewsNet articles as a corpus table (doc_id = the gold doc_id)."""
    from framing import load_corpus

    gold = pd.read_csv(GOLD, dtype=str, keep_default_na=False) if gold is None else gold
    wanted = {int(line): doc_id for line, doc_id in zip(gold["line"], gold["doc_id"])}
    rows = []
    with gzip.open(SNN, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n in wanted:
                rec = json.loads(line)
                rows.append({"doc_id": wanted[n], "outlet": rec.get("source", ""),
                             "date": (rec.get("date_extracted") or "")[:10],
                             "title": rec.get("title", ""), "url": rec.get("url", ""),
                             "text": rec.get("content", "")})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(pd.DataFrame(rows))


def summary(pairs):
    """Topics micro-F1/P/R, stance macro-F1, tone accuracy and mean field accuracy."""
    from framing.validate import field_scores

    top = pairs[pairs["field"].str.startswith("topic:")]
    tp = int(((top["gold"] == "1") & (top["pred"] == "1")).sum())
    fp = int(((top["gold"] == "0") & (top["pred"] == "1")).sum())
    fn = int(((top["gold"] == "1") & (top["pred"] == "0")).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    from sklearn.metrics import f1_score

    scores = field_scores(pairs).set_index("field")
    st = pairs[pairs["field"].str.startswith("stance:")]
    # macro over the labels that occur in gold or prediction (scikit-learn's default): a label
    # that neither the coders nor the toolkit use (no `con` in a small part) does not count as 0
    stance = f1_score(st["gold"], st["pred"], average="macro", zero_division=0)
    return {"n": int(pairs["doc_id"].nunique()), "topics_micro_f1": f, "topics_precision": p,
            "topics_recall": r, "stance_macro_f1": float(stance),
            "tone_accuracy": float(scores.loc["tone", "accuracy"]),
            "mean_field_accuracy": float(scores["accuracy"].mean())}


def score(codebook="libya-egypt", parts=("tuning", "check"), errors=False, out=sys.stdout):
    from framing import analyze, load_corpus
    from framing.validate import errors as error_list, label_scores, paired_labels
    from framing.validate.split import holdout_split

    gold = pd.read_csv(GOLD, dtype=str, keep_default_na=False)
    gold["part"] = holdout_split(gold["doc_id"]).to_numpy()
    res = analyze(dev_corpus(gold), codebook)
    sets = {part: (gold if part == "all" else gold[gold["part"] == part], res) for part in parts}
    if SEEDS_GOLD.exists():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            seeds = analyze(load_corpus(ROOT / "seeds"), codebook)
        sets["seeds"] = (pd.read_csv(SEEDS_GOLD, dtype=str, keep_default_na=False), seeds)
    rows, per_label = [], []
    for name, (g, r) in sets.items():
        pairs = paired_labels(g, r.articles.astype(str))
        rows.append({"set": name, **summary(pairs)})
        per_label.append(label_scores(pairs).assign(set=name))
        if errors and name == "tuning":
            errs = error_list(pairs, r.evidence)
            print(errs.to_string(index=False), file=out)
    table = pd.DataFrame(rows)
    with pd.option_context("display.width", 200, "display.max_rows", 500):
        print(table.round(3).to_string(index=False), file=out)
        labels = pd.concat(per_label)
        labels = labels[(labels["label"] != "0") & (labels["label"] != "absent")]
        print(labels.pivot_table(index=["field", "label"], columns="set",
                                 values=["f1", "support"]).round(2).to_string(), file=out)
    return table


QUOTE_GOLD = {coder: SHARED / "gold" / f"saudinewsnet_dev_quotes_{coder.lower()}.csv"
              for coder in ("A", "B")}


def score_quotes(codebook="libya-egypt", errors=False, out=sys.stdout):
    """Quote scores per coder on the tuning, check and all parts (the check part's errors are
    never printed)."""
    from framing import analyze
    from framing.validate.quotes import evaluate_quotes, quote_split, read_quote_gold

    coders = {c: read_quote_gold(p) for c, p in QUOTE_GOLD.items()}
    ids = coders["A"].attrs["doc_ids"]
    gold = pd.read_csv(GOLD, dtype=str, keep_default_na=False)
    res = analyze(dev_corpus(gold[gold["doc_id"].isin(ids)]), codebook)
    parts = quote_split(ids)
    tables = []
    for coder, g in coders.items():
        scores, matches = evaluate_quotes(g, res, parts)
        tables.append(scores.assign(coder=coder))
        if errors:
            errs = matches[(matches["part"] == "tuning") & (matches["status"] != "matched")]
            wrong = matches[(matches["part"] == "tuning") & (matches["status"] == "matched")
                            & (matches["gold_type"] != matches["pred_type"])]
            with pd.option_context("display.width", 250, "display.max_rows", 1000,
                                   "display.max_colwidth", 120):
                print(f"-- coder {coder}: tuning errors", file=out)
                print(pd.concat([errs, wrong.assign(status="type")]).drop(columns="part")
                      .to_string(index=False), file=out)
    table = pd.concat(tables, ignore_index=True)
    table = table[["coder", *[c for c in table.columns if c != "coder"]]]
    print(table.round(3).to_string(index=False), file=out)
    return table


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["score", "quotes"])
    ap.add_argument("--codebook", default="libya-egypt")
    ap.add_argument("--part", default="both", choices=["tuning", "check", "both", "all"])
    ap.add_argument("--errors", action="store_true", help="list the tuning part's errors")
    args = ap.parse_args(argv)
    if not GOLD.exists() or not SNN.exists():
        print(f"note: {GOLD} or {SNN} is absent; nothing to score")
        return 0
    if args.command == "quotes":
        score_quotes(args.codebook, args.errors)
        return 0
    parts = {"both": ("tuning", "check"), "all": ("tuning", "check", "all")}.get(
        args.part, (args.part,))
    score(args.codebook, parts, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
