"""``framing run CORPUS``: the main job -- analyse a corpus once, write the tables and figures."""

from __future__ import annotations

import sys

from .analyze import check_some_text
from .args import add_corpus, compiled, load, print_table


def add_parser(subparsers):
    p = subparsers.add_parser("run", help="the main job: analyse a corpus and draw the figures")
    add_corpus(p)
    p.add_argument("--out", default="results", help="folder for the tables")
    p.add_argument("--figures", help="folder for the figures")
    p.set_defaults(func=run)


def run(args):
    from ..pipeline import article_table, run as run_job

    from ..outdir import locked

    with locked(args.out):  # a second run into the same folder is refused now, not at the end
        codebook = compiled(args)
        corpus = load(args)
        check_some_text(corpus, args.corpus)
        res, figures = run_job(corpus, args.out, codebook, figures=args.figures,
                               progress=sys.stderr.isatty())
    print(f"analysed {len(res.articles)} articles -> tables in {args.out}/")
    if args.figures:
        print(f"figures -> {args.figures}/ ({len(figures)} files)")
    print_table(article_table(res))
    return 0
