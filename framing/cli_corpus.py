"""``framing corpus PATH``: load a corpus and describe it; nothing is written."""

from __future__ import annotations

import json

from .corpus import corpus_summary, format_summary, load_corpus


def add_parsers(subparsers):
    """Register the ``corpus`` subcommand."""
    parser = subparsers.add_parser(
        "corpus",
        help="load a corpus and describe it (nothing is written)",
        description="Load a folder of .txt files (with an optional metadata.csv) or one "
                    "CSV/JSONL/JSONL.gz/Parquet file, and print documents per outlet, date range, "
                    "encodings, duplicates, missing metadata and warnings.",
    )
    parser.add_argument("path", metavar="PATH", help="corpus folder or file")
    parser.add_argument("--text-col", metavar="C", help="the column holding the article text")
    parser.add_argument("--id-col", metavar="C", help="the column holding the document id")
    parser.add_argument("--encoding", metavar="CODEC",
                        help="decode files with this codec instead of detecting it")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(func=run)


def run(args):
    df = load_corpus(args.path, text_col=args.text_col, id_col=args.id_col,
                     encoding=args.encoding)
    summary = corpus_summary(df)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_summary(summary))
    return 0
