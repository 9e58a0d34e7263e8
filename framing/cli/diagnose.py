"""``framing diagnose CORPUS --gold FILE``: every disagreement with the coders, explained from
the evidence (:func:`framing.validate.diagnose.diagnose`)."""

from __future__ import annotations

from .args import (
    add_codebook,
    add_corpus,
    add_gold,
    coded_input,
    fields_of,
    print_table,
    read_gold,
    write_or_print,
)

PRINTED = ["field", "doc_id", "gold", "pred", "kind", "sent_id", "basis", "cause", "reason",
           "cues"]


def add_parser(subparsers):
    p = subparsers.add_parser("diagnose", help="explain each error against coded labels from "
                                               "the evidence")
    add_corpus(p, analysis=True, codebook=False)
    add_codebook(p, default=None, help="packaged codebook name or YAML file (default: the one "
                                       "the analysis folder was made with, else libya-egypt)")
    add_gold(p)
    p.add_argument("--max-sentences", type=int, default=3, metavar="N",
                   help="sentences listed per error and basis (default: 3)")
    p.add_argument("--no-notes", action="store_true",
                   help="do not use the coders' notes to find the sentences they used")
    p.add_argument("--out", metavar="FILE", help="write the full table (with sentences) as CSV")
    p.set_defaults(func=run)


def run(args):
    from ..validate.diagnose import diagnose, reason_counts

    corpus, analysis, cc = coded_input(args)
    table = diagnose(read_gold(args), corpus, cc, analysis=analysis, fields=fields_of(args),
                     notes=not args.no_notes, max_sentences=args.max_sentences)
    if table.empty:
        print("no errors: the codebook agrees with the coded labels on every field")
        return 0
    print_table(reason_counts(table))
    print()
    write_or_print(table, args.out, PRINTED)
    return 0
