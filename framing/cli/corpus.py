"""``framing corpus PATH``: load a corpus and describe it; nothing is written."""

from __future__ import annotations

import json

from .args import add_corpus, load


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "corpus",
        help="load a corpus and describe it (nothing is written)",
        description="Load a folder of .txt files (with an optional metadata.csv) or one "
                    "CSV/JSONL/JSONL.gz/Parquet file, and print documents per outlet, date range, "
                    "encodings, duplicates, missing metadata and warnings.",
    )
    add_corpus(parser, codebook=False)
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(func=run)


def run(args):
    from ..corpus import corpus_summary, format_summary

    summary = corpus_summary(load(args))
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_summary(summary))
    return 0
