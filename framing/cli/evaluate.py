"""``framing evaluate --gold FILE --pred DIR``: predicted labels against reference labels."""

from __future__ import annotations

from pathlib import Path

from .args import print_table


def add_parser(subparsers):
    p = subparsers.add_parser("evaluate", help="compare predicted labels with reference labels")
    p.add_argument("--gold", required=True, help="reference labels CSV (doc_id + fields)")
    p.add_argument("--pred", required=True, help="`framing analyze` output folder or articles.csv")
    p.add_argument("--out", help="folder for scores.csv, per_label.csv, confusion.csv")
    p.set_defaults(func=run)


def run(args):
    from ..io import write_table
    from ..validate import evaluate, read_labels

    scores, per_label, confusion = evaluate(read_labels(args.gold), read_labels(args.pred))
    print_table(scores)
    if args.out:
        out = Path(args.out)
        write_table(scores, out / "scores.csv")
        write_table(per_label, out / "per_label.csv")
        write_table(confusion, out / "confusion.csv")
        print(f"wrote {out}/scores.csv, per_label.csv, confusion.csv")
    else:
        print()
        print_table(confusion)
    return 0
