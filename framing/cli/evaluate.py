"""``framing evaluate --gold FILE --pred DIR``: predicted labels against reference labels.

``framing evaluate --quotes FILE --pred DIR`` scores the quotes of an analysis against a coder's
attributed statements (:mod:`framing.validate.quotes`) and lists the missed and spurious ones
with their sentences.
"""

from __future__ import annotations

from pathlib import Path

from .args import print_table


def add_parser(subparsers):
    p = subparsers.add_parser("evaluate", help="compare predicted labels with reference labels")
    p.add_argument("--gold", help="reference labels CSV (doc_id + fields)")
    p.add_argument("--quotes", metavar="FILE",
                   help="coded statements CSV (doc_id,n,speaker,source_type,verb,snippet): "
                        "score the quotes instead of the article labels")
    p.add_argument("--pred", required=True, help="`framing analyze` output folder or articles.csv")
    p.add_argument("--out", help="folder for scores.csv, per_label.csv, confusion.csv "
                                 "(with --quotes: quote_scores.csv, quote_matches.csv)")
    p.set_defaults(func=run)


def run(args):
    from ..errors import ParameterError

    if bool(args.gold) == bool(args.quotes):
        raise ParameterError("give one of --gold (article labels) or --quotes (statements)")
    if args.quotes:
        return _run_quotes(args)
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


def _run_quotes(args):
    from ..analysis import is_analysis, read_analysis
    from ..errors import FramingError
    from ..io import write_table
    from ..validate.quotes import evaluate_quotes, read_quote_gold

    pred = Path(args.pred)
    if not (pred.is_dir() and is_analysis(pred)):
        raise FramingError("is not an analysis folder", path=pred,
                           fix="point --pred at the --out folder of `framing analyze`")
    scores, matches = evaluate_quotes(read_quote_gold(args.quotes), read_analysis(pred))
    print_table(scores.round(3))
    if args.out:
        out = Path(args.out)
        write_table(scores, out / "quote_scores.csv")
        write_table(matches, out / "quote_matches.csv")
        print(f"wrote {out}/quote_scores.csv, quote_matches.csv")
    else:
        errs = matches[matches["status"] != "matched"]
        print()
        print_table(errs[["doc_id", "status", "n", "gold_speaker", "pred_speaker", "sent_id",
                          "sentence"]])
    return 0
