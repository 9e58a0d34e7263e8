"""``framing train``: fit a text classifier (persuasion techniques, or any labelled CSV/JSONL).

``framing train --task persuasion --data ArMPro_multilabel_dev_V2.jsonl --out persuasion.skops``
fits the paragraph-level persuasion-technique model; ``--task text`` fits a classifier on any CSV
or JSONL with a text and a label column. Models are skops files (no code runs when they are
loaded) with a JSON sidecar that is checked before loading (see :mod:`framing.models.persist`).
"""

from __future__ import annotations


def add_parser(subparsers):
    p = subparsers.add_parser(
        "train",
        help="train a text classifier (persuasion techniques, or any labelled CSV/JSONL)",
        description="Fit a text classifier and save it as MODEL (skops) with a JSON sidecar. "
                    "Persuasion: character and word n-grams, one logistic "
                    "regression per technique, thresholds and calibration from grouped CV, on "
                    "ArMPro and ArAIEval files together; text: character n-gram TF-IDF + "
                    "class-balanced logistic regression. With --cv K, first print grouped "
                    "K-fold scores against the majority and lexical baselines (ArMPro rows).",
    )
    p.add_argument("--task", choices=("persuasion", "text"), required=True,
                   help="persuasion: ArMPro JSONL paragraphs; text: any CSV/JSONL")
    p.add_argument("--data", required=True, nargs="+", metavar="FILE",
                   help="training data; persuasion: ArMPro and ArAIEval 2023 task 1B JSONL files "
                        "(deduplicated by normalised text)")
    p.add_argument("--out", required=True, metavar="MODEL", help="model file to write (skops format, e.g. model.skops)")
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
                   help="inverse regularisation (default: 1.0; 0.01 for --model char-ngram)")
    p.add_argument("--cv", type=int, default=0, metavar="K",
                   help="print K-fold grouped cross-validation scores before training")
    p.add_argument("--model", choices=("techniques", "char-ngram"), default="techniques",
                   help="persuasion: the toolkit's model (char + word n-grams, CV thresholds, "
                        "calibrated; default) or the earlier char n-gram classifier")
    p.add_argument("--holdout", action="store_true",
                   help="persuasion: leave the held-out ArMPro articles out (to score them later)")
    p.add_argument("--random-state", type=int, default=0, metavar="N",
                   help="random seed (default: 0)")
    p.set_defaults(func=run)


def run(args):
    import numpy as np

    from ..errors import FramingError
    from ..io import read_records
    from ..models import (
        compare_models,
        data_hash,
        make_lexical_baseline,
        make_majority_baseline,
        make_text_classifier,
        save_model,
    )
    from ..models.data import group_ids, text_training_data
    from ..models.persist import sidecar_path
    from ..models.persuasion import DEFAULT_C, TECHNIQUE_PARAMS, persuasion_targets
    from ..models.persuasion_data import read_persuasion_files

    seed = args.random_state
    table = None
    if args.task == "persuasion":
        df, table = read_persuasion_files(args.data, heldout=args.holdout)
        if df is None and (args.cv or args.model == "char-ngram"):
            raise FramingError("--cv and --model char-ngram need an ArMPro file among --data")
        if df is not None:
            texts = df["text"].tolist()
            y, labels = persuasion_targets(df, args.level, args.min_support)
            groups = group_ids(df, args.group_col or "page_id", args.data[0])
        text_col = "paragraph"
        C = args.C if args.C is not None else (
            DEFAULT_C if args.model == "char-ngram" else TECHNIQUE_PARAMS["C"])
    else:
        if len(args.data) != 1:
            raise FramingError("--task text reads one --data file", fix="join the files first")
        args.data = args.data[0]
        texts, y, labels, groups, text_col = text_training_data(
            read_records(args.data), label_col=args.label_col, text_col=args.text_col,
            label_sep=args.label_sep, min_support=args.min_support, group_col=args.group_col,
            path=args.data)
        C = args.C if args.C is not None else 1.0
    info = {"task": args.task, "text_col": text_col, "multilabel": True,
            "n_train": len(texts) if table is None else len(table),
            "params": {"C": C, "random_state": seed}}
    if args.task != "persuasion":
        info["multilabel"] = bool(np.ndim(y) == 2)
    if args.task == "persuasion":
        info["level"] = args.level
    if args.cv:
        models = {"majority": make_majority_baseline(),
                  "lexical": make_lexical_baseline(C=C, random_state=seed),
                  "char-ngram": make_text_classifier(C=C, random_state=seed)}
        scores, _ = compare_models(models, texts, y, groups, labels=labels, n_splits=args.cv,
                                   random_state=seed)
        print(f"{args.cv}-fold grouped cross-validation ({len(texts)} texts, {len(labels)} labels):")
        print(scores.round(3).to_string(index=False))
        info["cv"] = scores.round(6).to_dict(orient="records")
    if table is not None and args.model == "techniques":
        from ..models.persuasion import technique_model_info, train_technique_model

        model, labels, y = train_technique_model(table, args.level, random_state=seed, C=C)
        texts = table["text"].tolist()
        info.update(technique_model_info(model, table, holdout=args.holdout))
    else:
        model = make_text_classifier(C=C, random_state=seed).fit(texts, y)
    save_model(model, args.out, labels=labels, training_hash=data_hash(texts, y), info=info)
    print(f"trained on {len(texts)} texts, {len(labels)} labels -> {args.out} "
          f"(sidecar {sidecar_path(args.out).name})")
    return 0
