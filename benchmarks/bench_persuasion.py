"""Persuasion techniques on held-out ArMPro paragraphs: baselines against the toolkit's model.

    python benchmarks/bench_persuasion.py [--shared ../shared] [--out benchmarks/persuasion.txt]

The ArMPro dev file is split once by article (:func:`framing.models.persuasion_data.armpro_split`,
salt ``framing-armpro-v1``): about a third of the articles are held out and never tuned on. Every
model is trained on the other part; the toolkit's model also on ArAIEval 2023 task 1B (train +
dev), deduplicated by normalised text, without any text that is also a held-out paragraph. Its
settings and thresholds come from grouped cross-validation on the training part only.

Scores on the held-out paragraphs: micro-F1 over all labels of the level (23 techniques, or six
classes: a label a model never predicts counts as missed), macro-F1 over the labels present in
the held-out part, and binary (any technique) micro-F1, which for two classes is the accuracy;
a model's binary answer is "some technique predicted". Needs ``../shared`` (CC BY-NC-SA data,
never copied into the repository); prints the table and writes it to ``--out``.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, precision_recall_fscore_support

from framing.models import make_lexical_baseline, make_text_classifier, read_armpro
from framing.models.persuasion import (
    ALL_LABELS,
    DEFAULT_C,
    MIN_SUPPORT,
    label_matrix,
    level_labels,
    train_technique_model,
)
from framing.models.persuasion_data import (
    HELDOUT,
    TRAIN,
    armpro_split,
    combine_training,
    read_araieval,
)

ROOT = Path(__file__).resolve().parents[1]


def load(shared):
    arm = read_armpro(shared / "data" / "armpro" / "ArMPro_multilabel_dev_V2.jsonl")
    part = armpro_split(arm)
    ara = [read_araieval(shared / "data" / "araieval23" / f"task1B_{s}.jsonl")
           for s in ("train", "dev")]
    train = arm[part == TRAIN].reset_index(drop=True)
    held = arm[part == HELDOUT].reset_index(drop=True)
    combined = combine_training(train, ara, exclude=held["text"])
    return train, held, combined


def scores(Y, P, names):
    present = Y.sum(axis=0) > 0
    any_true, any_pred = Y.sum(axis=1) > 0, P.sum(axis=1) > 0
    return {"micro_f1": f1_score(Y, P, average="micro", zero_division=0),
            "macro_f1": f1_score(Y[:, present], P[:, present], average="macro", zero_division=0),
            "binary_micro_f1": f1_score(any_true, any_pred, average="micro"),
            "n_predicted_labels": int((P.sum(axis=0) > 0).sum())}


def into_columns(pred, model_names, names):
    """A baseline's predictions (over its own label set) in the columns ``names``."""
    P = np.zeros((pred.shape[0], len(names)), dtype=int)
    for j, name in enumerate(model_names):
        P[:, names.index(name)] = pred[:, j]
    return P


def baselines(train, held, level, names):
    """majority, lexical, the previous char-ngram model and a plain TF-IDF char LR (ArMPro only)."""
    labels = level_labels(train["labels"], level)
    Yall, _ = label_matrix(labels, names=names)
    out = {}
    top = int(np.argmax(Yall.sum(axis=0)))
    out["majority (most frequent label, every paragraph)"] = np.tile(
        np.eye(len(names), dtype=int)[top], (len(held), 1))
    # Not a model: what a perfect any-technique detector scores if it then names the most
    # frequent label (it reads the held-out labels; a bound, shown to read the targets against).
    has_any = np.array([bool(labs) for labs in held["labels"]])
    out["bound: most frequent label on the paragraphs with any (oracle)"] = (
        has_any[:, None] & (np.arange(len(names)) == top)[None, :]).astype(int)
    Ysub, sub = label_matrix(labels, MIN_SUPPORT[level])
    texts, new = train["text"].tolist(), held["text"].tolist()
    models = {
        "lexical (word presence, LR C=0.01)": make_lexical_baseline(C=DEFAULT_C),
        "char TF-IDF, previous toolkit model (C=0.01)": make_text_classifier(C=DEFAULT_C),
        "char TF-IDF 2-5 LR (C=1, no calibration)": make_text_classifier(C=1.0, calibrate=False),
    }
    for name, model in models.items():
        pred = np.asarray(model.fit(texts, Ysub).predict(new))
        out[name] = into_columns(pred, sub, names)
    return out


def per_label_table(model, held, names):
    Y, _ = label_matrix(level_labels(held["labels"], "fine"), names=names)
    P = model.predict(held["text"].tolist())
    p, r, f, s = precision_recall_fscore_support(Y, P, zero_division=0)
    rows = []
    for j, name in enumerate(names):
        rows.append({"technique": name, "train_pos": int(model.prevalence_[j] * model.n_train_),
                     "learnt": bool(model.learnable_[j]),
                     "threshold": round(float(model.thresholds_[j]), 3),
                     "cv_f1": round(float(model.cv_f1_[j]), 3), "heldout_pos": int(s[j]),
                     "precision": round(float(p[j]), 3), "recall": round(float(r[j]), 3),
                     "f1": round(float(f[j]), 3)})
    return pd.DataFrame(rows).sort_values(["train_pos", "technique"], ascending=[False, True])


def run(shared):
    train, held, combined = load(shared)
    lines = [f"ArMPro dev: {len(train)} training paragraphs ({train['page_id'].nunique()} articles), "
             f"{len(held)} held-out paragraphs ({held['page_id'].nunique()} articles); toolkit "
             f"training set {len(combined)} texts "
             f"({(combined['source'] == 'armpro').sum()} ArMPro, "
             f"{(combined['source'] == 'araieval').sum()} ArAIEval 2023 1B after deduplication: "
             f"{(combined['type'] == 'tweet').sum()} tweets).", ""]
    rows, models = [], {}
    for level in ("fine", "coarse"):
        names = ALL_LABELS[level]
        Y, _ = label_matrix(level_labels(held["labels"], level), names=names)
        preds = baselines(train, held, level, names)
        arm_only = combine_training(train)
        for name, table in (("toolkit, ArMPro training part only", arm_only),
                            ("toolkit (ArMPro + ArAIEval 2023 1B)", combined)):
            model, _, _ = train_technique_model(table, level)
            model.n_train_ = len(table)
            preds[name] = model.predict(held["text"].tolist())
            models[(level, name)] = model
        for name, P in preds.items():
            rows.append({"level": level, "model": name, **scores(Y, P, names)})
    table = pd.DataFrame(rows)
    maj = table[table["model"].str.startswith("majority")].set_index("level")["micro_f1"]
    table["micro_minus_majority"] = table["micro_f1"] - table["level"].map(maj)
    shown = table.copy()
    for col in ("micro_f1", "macro_f1", "binary_micro_f1", "micro_minus_majority"):
        shown[col] = shown[col].map(lambda v: f"{v:.3f}")
    lines.append(shown.to_string(index=False))
    lines += ["", "Toolkit model, fine level, per technique (train_pos: positives in its training "
              "set; learnt: enough positives and CV F1 >= 0.1; threshold: calibrated probability; "
              "cv_f1: grouped 5-fold out-of-fold F1 on training paragraphs):", ""]
    best = models[("fine", "toolkit (ArMPro + ArAIEval 2023 1B)")]
    lines.append(per_label_table(best, held, ALL_LABELS["fine"]).to_string(index=False))
    return "\n".join(lines) + "\n", table


def shared_parser(doc):
    """The argument parser of the persuasion benchmarks: ``--shared`` (the folder beside the
    clone that holds data/armpro and data/araieval23)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    return ap


def parse_shared(ap, argv):
    """The parsed arguments, or ``None`` (after one line on stderr) without the ArMPro data."""
    args = ap.parse_args(argv)
    if not (args.shared / "data" / "armpro").is_dir():
        print(f"error: {args.shared}/data/armpro is absent; pass --shared", file=sys.stderr)
        return None
    return args


def main(argv=None):
    ap = shared_parser(__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "persuasion.txt")
    if (args := parse_shared(ap, argv)) is None:
        return 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text, _ = run(args.shared)
    print(text, end="")
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
