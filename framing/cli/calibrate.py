"""``framing calibrate CORPUS --gold FILE --out NEW.yaml``: a codebook's thresholds chosen by
cross-validation on coded articles, written as a new codebook file
(:func:`framing.validate.calibrate.calibrate`)."""

from __future__ import annotations

from .args import add_codebook, add_corpus, add_gold, coded_input, fields_of, print_table, read_gold

PRINTED = ["field", "metric", "n", "n_decided", "thresholds_before", "thresholds_after",
           "before", "cv_after", "status"]


def add_parser(subparsers):
    p = subparsers.add_parser("calibrate", help="choose a codebook's thresholds by "
                                                "cross-validation on coded articles")
    add_corpus(p, analysis=True, codebook=False)
    add_codebook(p, default=None, help="the codebook to calibrate (default: the one the "
                                       "analysis folder was made with, else libya-egypt)")
    add_gold(p)
    p.add_argument("--out", required=True, metavar="FILE",
                   help="the calibrated codebook (YAML) to write")
    p.add_argument("--folds", type=int, default=5, metavar="K", help="folds (default: 5)")
    p.add_argument("--random-state", type=int, default=0, metavar="N",
                   help="seed of the folds (default: 0)")
    p.add_argument("--min-positive", type=int, default=5, metavar="N",
                   help="fields with fewer coded articles of the labels the thresholds decide "
                        "keep their values (default: 5)")
    p.set_defaults(func=run)


def run(args):
    from ..validate.article_view import fmt
    from ..validate.calibrate import calibrate

    corpus, analysis, cc = coded_input(args)
    cal = calibrate(read_gold(args), corpus, cc, analysis=analysis, fields=fields_of(args),
                    k=args.folds, random_state=args.random_state, min_positive=args.min_positive)
    print_table(cal.scores[PRINTED].round(3))
    cb = cal.write(args.out)
    changed = ", ".join(f"{f} {p}={fmt(v)}" for f, ps in cal.changes.items()
                        for p, v in ps.items())
    print(f"\nchanged: {changed or 'nothing (every field keeps its value)'}")
    print(f"wrote {args.out} (codebook {cb.name} {cb.version}, sha256 {cb.sha256[:12]}; sample "
          f"sha256 {cal.record['sample']['sha256'][:12]}, {cal.record['sample']['size']} "
          f"articles, {args.folds} folds, random_state {args.random_state})")
    return 0
