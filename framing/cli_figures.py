"""``framing figures``: the paper figures of a corpus, in one command."""

from __future__ import annotations

import warnings
from pathlib import Path


def figures_for(corpus, out_dir, codebook="libya-egypt", *, lang="en", width="double",
                formats=("pdf", "png", "svg"), with_events=True, analysis=None):
    """Analyse ``corpus`` (unless its ``analysis`` is given), group its events and draw every
    figure into ``out_dir``.

    Returns the list of files written.
    """
    from .analyze import analyze
    from .plots import make_figures

    res = analysis if analysis is not None else analyze(corpus, codebook)
    events = None
    if with_events:
        try:
            from .events import group_events
        except ImportError:  # pragma: no cover - events are an optional stage
            group_events = None
        if group_events is not None and len(corpus) > 1:
            events = group_events(corpus, res)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = make_figures(res.articles, res.actors, sentences=res.sentences, docs=corpus,
                             out_dir=out_dir, events=events, lang=lang, width=width,
                             formats=formats, stopwords="default")
    for w in caught:  # say which figures were skipped and why, once each
        print(f"note: {w.message}")
    return paths


def cmd_figures(args):
    from .errors import FramingError

    from .corpus import load_corpus
    from .corpus.select import LIBYA_TERMS, select_mentions
    from .features.extract import CompiledCodebook

    compiled = CompiledCodebook(args.codebook)
    corpus = load_corpus(args.corpus, text_col=args.text_col, id_col=args.id_col)
    if args.select:
        terms = LIBYA_TERMS if args.select == "libya" else args.select.split(",")
        corpus = select_mentions(corpus, terms)
        corpus = corpus[corpus["duplicate_of"] == ""]  # a text published twice counts once
        print(f"selected {len(corpus)} articles mentioning {', '.join(terms)} (twice or more)")
        if corpus.empty:
            raise FramingError(f"no article mentions {args.select} twice or more",
                               fix="check the spelling of the terms, or leave out --select")
    paths = figures_for(corpus, args.out, compiled, lang=args.lang, width=args.width,
                        formats=tuple(args.formats.split(",")))
    print(f"wrote {len(paths)} files to {Path(args.out)}/")


def add_parsers(sub):
    p = sub.add_parser("figures", help="draw the paper figures of a corpus (PDF, PNG, SVG)")
    p.add_argument("corpus", metavar="CORPUS")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--codebook", default="libya-egypt")
    p.add_argument("--text-col")
    p.add_argument("--id-col")
    p.add_argument("--lang", default="en", choices=["en", "ar"], help="axis label language")
    p.add_argument("--width", default="double", choices=["single", "double"],
                   help="single (3.5 in) or double (7.2 in) column")
    p.add_argument("--formats", default="pdf,png,svg")
    p.add_argument("--select", help="comma-separated terms: keep only articles mentioning them "
                                    "twice or more (e.g. ليبيا,بنغازي), or `libya` for the "
                                    "packaged Libya list; exact duplicates are dropped")
    p.set_defaults(func=cmd_figures)
