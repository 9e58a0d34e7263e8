"""``framing suggest CORPUS --gold FILE --field F``: words and phrases typical of the articles
coded 1 that the codebook does not match yet (:func:`framing.validate.suggest.suggest_cues`),
for the researcher to accept or reject by their meaning."""

from __future__ import annotations

from .args import add_codebook, add_corpus, add_gold, coded_input, read_gold, write_or_print

PRINTED = ["rank", "term", "example", "count_pos", "count_neg", "z"]


def add_parser(subparsers):
    p = subparsers.add_parser("suggest", help="candidate cues for a field from coded articles")
    add_corpus(p, analysis=True, codebook=False)
    add_codebook(p, default=None, help="packaged codebook name or YAML file (default: the one "
                                       "the analysis folder was made with, else libya-egypt)")
    add_gold(p, fields=False)
    p.add_argument("--field", required=True, metavar="FIELD",
                   help="topic:T, stance:S or tone")
    p.add_argument("--positive", metavar="LABEL[,LABEL]",
                   help="the labels that count as coded 1 (default: 1, pro, positive)")
    p.add_argument("--negative", metavar="LABEL[,LABEL]",
                   help="the labels compared with (default: every other label)")
    p.add_argument("--unit", choices=("article", "sentence"), default="article",
                   help="count a term once per article (default) or once per sentence")
    p.add_argument("--top", type=int, default=30, metavar="N", help="terms shown (default: 30)")
    p.add_argument("--min-count", type=int, default=3, metavar="N",
                   help="coded-1 articles (or sentences) a term must occur in (default: 3)")
    p.add_argument("--examples", type=int, default=2, metavar="N",
                   help="example sentences per term (default: 2)")
    p.add_argument("--out", metavar="FILE", help="write the table (with examples) as CSV")
    p.set_defaults(func=run)


def _labels(value):
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def run(args):
    from ..validate.suggest import suggest_cues

    corpus, _, cc = coded_input(args)
    table = suggest_cues(read_gold(args), corpus, args.field, cc,
                         positive=_labels(args.positive), negative=_labels(args.negative),
                         unit=args.unit, min_count=args.min_count, top=args.top,
                         n_examples=args.examples)
    units = table.attrs["units"]
    print(f"{args.field}: {units['positive']} coded-1 {units['unit']}s against "
          f"{units['negative']}; terms the codebook does not match, by log-odds z")
    write_or_print(table, args.out, PRINTED)
    for r in table.itertuples():
        if r.examples:
            print(f"{r.rank:>3} {r.term}: {r.examples}")
    return 0
