"""``framing predict MODEL FILE --out FILE``: label new texts with a trained model."""

from __future__ import annotations

from pathlib import Path

from ..errors import FramingError


def add_parser(subparsers):
    p = subparsers.add_parser(
        "predict",
        help="label texts with a trained model",
        description="Read JSONL (e.g. ArMPro) or CSV and write the records with the predicted "
                    "labels and their probabilities (JSONL: predicted_labels/predicted_label and "
                    "probabilities; CSV: the same as columns). Models are skops files, loaded with an "
                    "explicit list of trusted types; an older pickle (joblib) model needs --trust.",
    )
    p.add_argument("model", metavar="MODEL", help="model file written by framing train")
    p.add_argument("data", metavar="FILE", help="JSONL or CSV with a text column")
    p.add_argument("--out", required=True, metavar="FILE", help="output .jsonl or .csv")
    p.add_argument("--text-col", metavar="C", help="text column (default: the model's)")
    p.add_argument("--trust", action="store_true",
                   help="load an older joblib (pickle) model file: a pickle can run any code "
                        "when loaded, so only for files you made yourself or fully trust")
    p.set_defaults(func=run)


def run(args):
    import pandas as pd

    from ..io import read_records, write_jsonl, write_table
    from ..models import load_model, predict_table
    from ..models.data import text_column

    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".jsonl", ".ndjson"):
        raise FramingError("unknown output type", path=out, fix="name the output .jsonl or .csv")
    model, info = load_model(args.model, trust=args.trust)
    df = read_records(args.data)
    trained_on = info.get("text_col")
    text_col = text_column(df, args.text_col or (trained_on if trained_on in df.columns else None),
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
        write_jsonl(out, ({**rec, predicted: pred, "probabilities": dict(zip(names, map(float, p)))}
                          for rec, pred, p in zip(df.to_dict(orient="records"), table[predicted],
                                                  probs.to_numpy())))
    print(f"labelled {len(df)} texts -> {out}")
    return 0
