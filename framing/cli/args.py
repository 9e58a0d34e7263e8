"""Argument helpers shared by the commands: one definition of the corpus options for all."""

from __future__ import annotations

CORPUS_HELP = ("folder of .txt files (+ metadata.csv), or a CSV/TSV, JSONL(.gz), JSON or Parquet "
               "file")
ANALYSIS_HELP = CORPUS_HELP + "; or the output folder of `framing analyze` (not analysed again)"


def add_corpus(parser, *, analysis=False, codebook=True):
    """The positional CORPUS, the column and encoding options, and ``--codebook``.

    Every command that reads a corpus takes these, so that what can be described can also be
    analysed, explained and drawn.
    """
    parser.add_argument("corpus", metavar="CORPUS", help=ANALYSIS_HELP if analysis else CORPUS_HELP)
    group = parser.add_argument_group("reading the corpus")
    group.add_argument("--text-col", metavar="COLUMN",
                       help="the column holding the article text (CSV/JSONL/Parquet input)")
    group.add_argument("--id-col", metavar="COLUMN", help="the column holding the document id")
    group.add_argument("--encoding", metavar="CODEC",
                       help="decode files with this codec instead of detecting "
                            "UTF-8/UTF-16/Windows-1256")
    if codebook:
        add_codebook(parser)


def add_codebook(parser, default="libya-egypt", help=None):
    parser.add_argument("--codebook", default=default, metavar="NAME_OR_PATH",
                        help=help or "packaged codebook name or YAML file (default: libya-egypt)")


def load_kwargs(args):
    """The :func:`framing.load_corpus` keyword arguments the options gave."""
    return {k: v for k, v in (("text_col", args.text_col), ("id_col", args.id_col),
                              ("encoding", args.encoding)) if v is not None}


def load(args):
    """The corpus of ``args.corpus``."""
    from ..corpus import load_corpus

    return load_corpus(args.corpus, **load_kwargs(args))


def open_input(args):
    """``(corpus, analysis)`` of a corpus or an analysis folder (see
    :func:`framing.pipeline.open_input`)."""
    from ..pipeline import open_input as _open

    return _open(args.corpus, **load_kwargs(args))


def compiled(args):
    """The codebook of ``--codebook``, compiled; checked before a possibly large corpus is read."""
    from ..features import CompiledCodebook

    return CompiledCodebook(args.codebook)


def print_table(df):
    """A DataFrame as plain text, wide enough for the tables of the toolkit."""
    import pandas as pd

    with pd.option_context("display.width", 200, "display.max_rows", 500):
        print(df.to_string(index=False))
