"""``framing explain CORPUS DOC_ID``: why an article got its labels (text, or an HTML page)."""

from __future__ import annotations

from ..errors import FramingError
from .args import add_corpus, compiled, open_input


def add_parser(subparsers):
    p = subparsers.add_parser("explain", help="show why an article got its labels: each rule "
                                              "with its weights and thresholds")
    add_corpus(p, analysis=True)
    p.add_argument("doc_id", metavar="DOC_ID")
    p.add_argument("--html", metavar="FILE",
                   help="write a right-to-left HTML page: numbered sentences, evidence marked by "
                        "field and polarity, each label's rule with its numbers, actors, quotes")
    p.add_argument("--persuasion", metavar="MODEL",
                   help="also show each paragraph's persuasion techniques (a model of `framing "
                        "train --task persuasion`) and the n-grams behind them, in the text output")
    p.set_defaults(func=run)


def run(args):
    from ..analysis import analyze, is_analysis
    from ..explain import explain_html, explain_text
    from ..io import write_text
    from ..pipeline import subset

    codebook = None if is_analysis(args.corpus) else compiled(args)
    corpus, analysis = open_input(args)
    sub = corpus[corpus["doc_id"].astype(str) == args.doc_id]
    if sub.empty:
        ids = ", ".join(corpus["doc_id"].astype(str).head(8))
        raise FramingError(f"no article with doc_id '{args.doc_id}'",
                           fix=f"use one of the corpus ids (e.g. {ids})")
    res = subset(analysis, [args.doc_id]) if analysis is not None else analyze(sub, codebook)
    book = getattr(codebook, "codebook", None)  # None: the analysis's own (run.json)
    if args.html:
        write_text(args.html, explain_html(res, sub, args.doc_id, codebook=book))
        print(f"wrote {args.html}")
    else:
        out = explain_text(res, sub, args.doc_id, codebook=book)
        if args.persuasion:
            from ..models.persuasion_analysis import persuasion_lines

            lines = persuasion_lines(str(sub["text"].iloc[0]), args.persuasion)
            out += "\n\n## persuasion\n" + ("\n".join(lines) or "no technique predicted")
        print(out)
    return 0

