"""``framing train`` and ``framing predict``: supervised text classifiers from the command line.

``framing train --task persuasion --data ArMPro_multilabel_dev_V2.jsonl --out persuasion.joblib``
fits the paragraph-level persuasion-technique model; ``--task text`` fits a classifier on any CSV
or JSONL with a text and a label column. ``framing predict MODEL FILE --out FILE`` labels new
texts. Models are joblib files with a JSON sidecar that is checked before loading (see
:mod:`framing.models.persist`): load only model files you trust.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import FramingError
from .io import iter_jsonl, write_table, write_text


def add_parsers(subparsers):
    """Register the ``train`` and ``predict`` subcommands."""
    p = subparsers.add_parser(
        "train",
        help="train a text classifier (persuasion techniques, or any labelled CSV/JSONL)",
        description="Fit character n-gram TF-IDF + class-balanced logistic regression and save it "
                    "as MODEL (joblib) with a JSON sidecar. With --cv K, first print grouped "
                    "K-fold scores against the majority and lexical baselines.",
    )
    p.add_argument("--task", choices=("persuasion", "text"), required=True,
                   help="persuasion: ArMPro JSONL paragraphs; text: any CSV/JSONL")
    p.add_argument("--data", required=True, metavar="FILE", help="training data")
    p.add_argument("--out", required=True, metavar="MODEL", help="model file to write (.joblib)")
    p.add_argument("--level", choices=("fine", "coarse"), default="fine",
                   help="persuasion: fine techniques or the six coarse classes (default: fine)")
    p.add_argument("--min-support", type=int, metavar="N",
                   help="keep labels with at least N positive examples "
                        "(default: 15 fine, 5 coarse; 1 for multi-label --task text)")
    p.add_argument("--text-col", metavar="C", help="text column (default: paragraph or text)")
    p.add_argument("--label-col", metavar="L", help="label column (text task)")
    p.add_argument("--label-sep", metavar="SEP",
                   help="split CSV labels on SEP for multi-label data, e.g. ';'")
    p.add_argument("--group-col", metavar="G",
                   help="rows sharing G stay in one CV fold (default: page_id for persuasion)")
    p.add_argument("--C", type=float, dest="C", metavar="C",
                   help="inverse regularisation (default: 0.01 persuasion, 1.0 text)")
    p.add_argument("--cv", type=int, default=0, metavar="K",
                   help="print K-fold grouped cross-validation scores before training")
    p.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    p.set_defaults(func=cmd_train)

    p = subparsers.add_parser(
        "predict",
        help="label texts with a trained model",
        description="Read JSONL (e.g. ArMPro) or CSV and write the records with the predicted "
                    "labels and their probabilities (JSONL: predicted_labels/predicted_label and "
                    "probabilities; CSV: the same as columns). Load only model files you trust.",
    )
    p.add_argument("model", metavar="MODEL", help="model file written by framing train")
    p.add_argument("data", metavar="FILE", help="JSONL or CSV with a text column")
    p.add_argument("--out", required=True, metavar="FILE", help="output .jsonl or .csv")
    p.add_argument("--text-col", metavar="C", help="text column (default: the model's)")
    p.set_defaults(func=cmd_predict)


def read_records(path):
    """Read a CSV or JSONL file into a DataFrame (CSV cells as strings)."""
    path = Path(path)
    if not path.is_file():
        raise FramingError("file not found", path=path)
    if path.suffix.lower() == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        raise FramingError("unknown file type", path=path, fix="use a .csv or .jsonl file")
    rows = [rec for _, rec in iter_jsonl(path)]
    if not rows:
        raise FramingError("no records", path=path)
    return pd.DataFrame(rows)


def _text_col(df, wanted, path):
    if wanted:
        if wanted not in df.columns:
            raise FramingError(f"no column {wanted!r}", path=path, key=wanted,
                               fix=f"use one of {', '.join(map(str, df.columns))}")
        return wanted
    for col in ("paragraph", "text"):
        if col in df.columns:
            return col
    raise FramingError("no text column", path=path, fix="pass --text-col")


def _text_task(args):
    """Texts, targets, label names, groups and defaults for ``--task text``."""
    df = read_records(args.data)
    text_col = _text_col(df, args.text_col, args.data)
    if not args.label_col or args.label_col not in df.columns:
        raise FramingError(f"no label column {args.label_col!r}", path=args.data,
                           fix="pass --label-col with one of " + ", ".join(map(str, df.columns)))
    values = df[args.label_col]
    multilabel = args.label_sep is not None or values.map(lambda v: isinstance(v, list)).any()
    if multilabel:
        from .models.persuasion import label_matrix

        sep = args.label_sep or "\n"
        lists = [v if isinstance(v, list) else [s.strip() for s in str(v).split(sep) if s.strip()]
                 for v in values]
        y, labels = label_matrix(lists, args.min_support or 1)
    else:
        keep = values.astype(str).str.strip().ne("") & values.notna()
        if not keep.all():
            warnings.warn(f"{(~keep).sum()} rows without a label are left out", stacklevel=2)
        df, values = df[keep], values[keep].astype(str).str.strip()
        y, labels = values.to_numpy(), sorted(values.unique())
        if len(labels) < 2:
            raise FramingError("the label column has fewer than two labels", path=args.data,
                               key=args.label_col)
    groups = _groups(df, args)
    return df[text_col].fillna("").astype(str).tolist(), y, labels, groups, text_col


def _groups(df, args, default=None):
    col = args.group_col or default
    if col is None:
        return np.arange(len(df))
    if col not in df.columns:
        raise FramingError(f"no group column {col!r}", path=args.data, key=col)
    return df[col].astype(str).to_numpy()


def cmd_train(args):
    from .models import (
        compare_models,
        data_hash,
        make_lexical_baseline,
        make_majority_baseline,
        make_text_classifier,
        save_model,
    )
    from .models.persist import sidecar_path
    from .models.persuasion import DEFAULT_C, persuasion_targets, read_armpro

    if args.task == "persuasion":
        df = read_armpro(args.data)
        texts = df["text"].tolist()
        y, labels = persuasion_targets(df, args.level, args.min_support)
        groups = _groups(df, args, default="page_id")
        text_col, C = "paragraph", args.C if args.C is not None else DEFAULT_C
    else:
        texts, y, labels, groups, text_col = _text_task(args)
        C = args.C if args.C is not None else 1.0
    info = {"task": args.task, "text_col": text_col, "multilabel": bool(np.ndim(y) == 2),
            "n_train": len(texts), "params": {"C": C, "seed": args.seed}}
    if args.task == "persuasion":
        info["level"] = args.level
    if args.cv:
        models = {"majority": make_majority_baseline(),
                  "lexical": make_lexical_baseline(C=C, random_state=args.seed),
                  "char-ngram": make_text_classifier(C=C, random_state=args.seed)}
        scores, _ = compare_models(models, texts, y, groups, labels=labels, n_splits=args.cv,
                                   random_state=args.seed)
        print(f"{args.cv}-fold grouped cross-validation ({len(texts)} texts, {len(labels)} labels):")
        print(scores.round(3).to_string(index=False))
        info["cv"] = scores.round(6).to_dict(orient="records")
    model = make_text_classifier(C=C, random_state=args.seed).fit(texts, y)
    save_model(model, args.out, labels=labels, training_hash=data_hash(texts, y), info=info)
    print(f"trained on {len(texts)} texts, {len(labels)} labels -> {args.out} "
          f"(sidecar {sidecar_path(args.out).name})")
    return 0


def cmd_predict(args):
    from .models import load_model, predict_table

    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".jsonl", ".ndjson"):
        raise FramingError("unknown output type", path=out, fix="name the output .jsonl or .csv")
    model, info = load_model(args.model)
    df = read_records(args.data)
    trained_on = info.get("text_col")
    text_col = _text_col(df, args.text_col or (trained_on if trained_on in df.columns else None),
                         args.data)
    table = predict_table(model, df[text_col].fillna("").astype(str), info["labels"], df.index)
    probs = table.filter(like="p:").round(6)
    predicted = table.columns[0]
    if out.suffix.lower() == ".csv":
        result = df.copy()
        result[predicted] = [";".join(v) if isinstance(v, list) else v for v in table[predicted]]
        write_table(pd.concat([result, probs], axis=1), out)
    else:
        names = [c[2:] for c in probs.columns]
        lines = []
        for rec, pred, p in zip(df.to_dict(orient="records"), table[predicted], probs.to_numpy()):
            rec = {k: v for k, v in rec.items() if not _is_missing(v)}
            rec[predicted] = pred
            rec["probabilities"] = dict(zip(names, map(float, p)))
            lines.append(json.dumps(rec, ensure_ascii=False, default=_json_default))
        write_text(out, "\n".join(lines) + "\n")
    print(f"labelled {len(df)} texts -> {out}")
    return 0


def _is_missing(value):
    # JSONL records with different keys come back from pandas with NaN in the gaps.
    return isinstance(value, float) and np.isnan(value)


def _json_default(value):
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
