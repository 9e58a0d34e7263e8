"""Argument helpers shared by the commands: one definition of the corpus options for all."""

from __future__ import annotations

CORPUS_HELP = ("folder of .txt files (+ metadata.csv), or a CSV/TSV, JSONL(.gz), JSON, Parquet or "
               "spreadsheet (.xlsx/.xls/.ods) file")
ANALYSIS_HELP = CORPUS_HELP + "; or the output folder of `framing analyze` (not analysed again)"


def add_corpus(parser, *, analysis=False, codebook=True):
    """The positional CORPUS, the column, sheet, date and encoding options, and ``--codebook``.

    Every command that reads a corpus takes these, so that what can be described can also be
    analysed, explained and drawn.
    """
    parser.add_argument("corpus", metavar="CORPUS", help=ANALYSIS_HELP if analysis else CORPUS_HELP)
    group = parser.add_argument_group("reading the corpus")
    group.add_argument("--columns", metavar="SRC=FIELD,...", action="append",
                       help="which input column holds which field, e.g. "
                            "--columns Body=text,Source=outlet,Published=date,Headline=title "
                            f"(fields: {', '.join(_fields())}); repeatable")
    group.add_argument("--text-col", metavar="COLUMN",
                       help="the column holding the article text (same as --columns COLUMN=text)")
    group.add_argument("--id-col", metavar="COLUMN",
                       help="the column holding the document id (same as --columns COLUMN=doc_id)")
    group.add_argument("--sheet", metavar="NAME|NUMBER",
                       help="the sheet of a spreadsheet, by name or number from 1 (default: the "
                            "first)")
    group.add_argument("--dayfirst", action="store_true", default=None,
                       help="read numeric dates day first: 10/01/2025 is 10 January 2025")
    group.add_argument("--date-format", metavar="FMT",
                       help="the date column's format as pandas.to_datetime takes it, e.g. "
                            "'%%d.%%m.%%Y' or '%%m/%%d/%%Y'")
    group.add_argument("--encoding", metavar="CODEC",
                       help="decode files with this codec instead of detecting "
                            "UTF-8/UTF-16/Windows-1256")
    if codebook:
        add_codebook(parser)


def add_codebook(parser, default="libya-egypt", help=None):
    parser.add_argument("--codebook", default=default, metavar="NAME_OR_PATH",
                        help=help or "packaged codebook name or YAML file (default: libya-egypt)")


def _fields():
    from ..corpus.columns import FIELDS

    return FIELDS


def parse_columns(values):
    """``--columns`` values (``["Body=text,Source=outlet", ...]``) as ``{source: field}``.

    A pair splits at its last ``=``, so a column name may contain ``=``; a comma always
    separates pairs.

    Examples
    --------
    >>> parse_columns(["Body=text, Source=outlet", "Published=date"])
    {'Body': 'text', 'Source': 'outlet', 'Published': 'date'}
    """
    from ..errors import ParameterError

    mapping = {}
    for value in values or ():
        for pair in value.split(","):
            if not pair.strip():
                continue
            source, eq, field = pair.rpartition("=")
            source, field = source.strip(), field.strip()
            if not eq or not source or not field:
                raise ParameterError(f"{pair.strip()!r} is not a SOURCE=FIELD pair",
                                     key="--columns",
                                     fix="write --columns Body=text,Source=outlet")
            if source in mapping and mapping[source] != field:
                raise ParameterError(f"column {source!r} is mapped twice", key="--columns",
                                     fix="map each column once")
            if field in mapping.values() and mapping.get(source) != field:
                raise ParameterError(f"several columns are mapped to {field!r}", key="--columns",
                                     fix="map one column to each field")
            mapping[source] = field
    return mapping


def load_kwargs(args):
    """The :func:`framing.load_corpus` keyword arguments the options gave."""
    kwargs = {k: getattr(args, k, None) for k in ("text_col", "id_col", "encoding", "sheet",
                                                  "dayfirst", "date_format")}
    columns = parse_columns(getattr(args, "columns", None))
    if columns:
        kwargs["columns"] = columns
    return {k: v for k, v in kwargs.items() if v is not None}


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


# -- coded samples (diagnose, suggest, calibrate) ----------------------------------------------

PARTS = ("all", "tuning")


def add_gold(parser, fields=True):
    """``--gold`` (the coded labels), ``--part`` and, with ``fields``, ``--fields``."""
    parser.add_argument("--gold", required=True, metavar="FILE",
                        help="reference labels CSV (doc_id + fields; note* columns are read as "
                             "the coders' notes)")
    parser.add_argument("--part", choices=PARTS, default="all",
                        help="'tuning': only the tuning part of the fixed tuning/check split "
                             "(framing.validate.split), so that the check part is never read "
                             "(default: all coded articles)")
    if fields:
        parser.add_argument("--fields", metavar="F1,F2",
                            help="comma-separated fields (default: every field of both the gold "
                                 "table and the codebook)")


def read_gold(args):
    """The gold table of ``--gold``, restricted to ``--part``."""
    from ..validate import read_labels
    from ..validate.split import holdout_split

    gold = read_labels(args.gold)
    if args.part == "tuning":
        gold = gold[holdout_split(gold["doc_id"]).to_numpy() == "tuning"].reset_index(drop=True)
    return gold


def fields_of(args):
    """The list of ``--fields`` (None when not given)."""
    value = getattr(args, "fields", None)
    return [f.strip() for f in value.split(",") if f.strip()] if value else None


def coded_input(args):
    """``(corpus, analysis, compiled codebook)`` for a coded sample: CORPUS may be a corpus or
    the output folder of ``framing analyze``; ``--codebook`` defaults to the one that analysis
    was made with, else to libya-egypt."""
    from ..analysis import is_analysis
    from ..features import CompiledCodebook
    from ..pipeline import codebook_of

    name = args.codebook
    if is_analysis(args.corpus):
        corpus, analysis = open_input(args)
        if name is None:
            name = codebook_of(analysis) or "libya-egypt"
        return corpus, analysis, CompiledCodebook(name)
    cc = CompiledCodebook(name or "libya-egypt")  # checked before a large corpus is read
    return load(args), None, cc


def write_or_print(df, out, printed):
    """Write ``df`` to ``out`` (CSV) when given, and print the columns ``printed``."""
    from ..io import write_table

    print_table(df[printed])
    if out:
        write_table(df, out)
        print(f"wrote {out}")
