"""``framing figures CORPUS --out DIR``: the paper figures of a corpus or an analysis, in one
command."""

from __future__ import annotations

from pathlib import Path

from ..errors import FramingError
from .args import add_corpus, compiled, open_input


def add_parser(subparsers):
    p = subparsers.add_parser("figures", help="draw the paper figures of a corpus (PDF, PNG, SVG, "
                                              "TIFF, EPS, JPEG)")
    add_corpus(p, analysis=True)
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--lang", default="en", choices=["en", "ar"], help="axis label language")
    p.add_argument("--width", default="double", choices=["single", "double"],
                   help="single (3.5 in) or double (7.2 in) column")
    p.add_argument("--formats", default="pdf,png,svg",
                   help="comma-separated: pdf, png, svg, tiff (LZW), eps, ps, jpeg "
                        "(default: pdf,png,svg)")
    p.add_argument("--select", help="a selection preset (`libya`: the packaged Libya list) or "
                                    "comma-separated terms (e.g. ليبيا,بنغازي): keep only "
                                    "articles mentioning them twice or more; exact duplicates "
                                    "are dropped")
    p.set_defaults(func=run)


def run(args):
    from ..outdir import locked

    # The folder is taken now: a second run into it is refused before the work, not after it
    # (the current folder, or one holding an input, was refused by framing.cli.safety already).
    with locked(args.out):
        return _run(args)


def _run(args):
    from ..analysis import analyze, is_analysis
    from ..pipeline import figures_for, presets, select, subset
    from ..plots.style import check_formats

    formats = tuple(check_formats(args.formats))  # a typo fails now, not after the analysis
    codebook = None if is_analysis(args.corpus) else compiled(args)
    corpus, analysis = open_input(args)
    if args.select:
        corpus = select(corpus, args.select if args.select in presets() else args.select.split(","))
        print(f"selected {len(corpus)} articles mentioning {corpus.attrs['selection']}")
        if corpus.empty:
            raise FramingError(f"no article mentions {args.select} twice or more",
                               fix="check the spelling of the terms, or leave out --select")
    analysis = (subset(analysis, corpus["doc_id"]) if analysis is not None
                else analyze(corpus, codebook))
    persuasion = _persuasion_articles(args.corpus) if codebook is None else None
    if persuasion is not None:
        persuasion = persuasion[persuasion["doc_id"].isin(analysis.articles["doc_id"])]
    paths = figures_for(analysis, args.out, corpus=corpus,
                        codebook=codebook.codebook if codebook is not None else None,
                        lang=args.lang, width=args.width, formats=formats, persuasion=persuasion)
    print(f"wrote {len(paths)} files to {Path(args.out)}/")
    return 0


def _persuasion_articles(folder):
    """``persuasion_articles`` of an analysis folder made with ``--persuasion``, or None."""
    for suffix in (".csv", ".parquet"):
        path = Path(folder) / f"persuasion_articles{suffix}"
        if path.is_file():
            import pandas as pd

            return (pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
                    if suffix == ".csv" else pd.read_parquet(path))
    return None
