"""``framing corpus PATH``: load a corpus and describe it; with ``--out``, also write it as one
file in the toolkit's own layout (a conversion: JSON Lines, CSV or Parquet)."""

from __future__ import annotations

import json

from .args import add_corpus, load

#: What ``--out`` writes: the fields (as read, dates as ISO) and the extra metadata columns;
#: not the loader's provenance columns, which are recomputed when the file is read again.
OUT_SUFFIXES = (".jsonl", ".jsonl.gz", ".csv", ".parquet")


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "corpus",
        help="load a corpus and describe it (with --out, also convert it to one file)",
        description="Load a folder of .txt files (with an optional metadata.csv), one "
                    "CSV/JSONL/JSONL.gz/Parquet file or a spreadsheet, and print documents per "
                    "outlet, date range, encodings, duplicates, missing metadata, the column "
                    "mapping used and warnings. Nothing is written unless --out is given.",
    )
    add_corpus(parser, codebook=False)
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--out", metavar="FILE",
                        help="also write the corpus as one file that every command reads: "
                             f"{', '.join(OUT_SUFFIXES)} (ids as strings, dates as ISO)")
    parser.set_defaults(func=run)


def converted(df):
    """The columns of a corpus table worth writing: fields and extra metadata, as strings."""
    from ..corpus.columns import CORE, DATE_RAW, EXTRACTED, PROVENANCE

    fields = [*CORE, "byline", "dateline", "event_date"]
    skip = {*CORE, *EXTRACTED, *PROVENANCE, DATE_RAW}
    extras = [c for c in df.columns if c not in skip]
    out = df[[*fields, *extras]].astype(object)
    return out.where(out.notna(), None)


def _write(df, path):
    import gzip

    from ..io import atomic_path, write_table

    table = converted(df)
    name = path.lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        lines = "".join(json.dumps({k: v for k, v in rec.items() if v is not None},
                                   ensure_ascii=False) + "\n"
                        for rec in table.to_dict("records"))
        with atomic_path(path) as tmp:
            if name.endswith(".gz"):  # mtime 0: the same bytes on every run
                with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="",
                                                             mtime=0) as fh:
                    fh.write(lines.encode("utf-8"))
            else:
                tmp.write_text(lines, encoding="utf-8", newline="\n")
    elif name.endswith(".csv"):
        write_table(table.fillna(""), path)
    else:
        write_table(table, path, "parquet")


def _check_out(path):
    from ..errors import ParameterError

    if not path.lower().endswith(OUT_SUFFIXES):
        raise ParameterError(f"cannot write a corpus as {path}",
                             fix=f"name the file with one of {', '.join(OUT_SUFFIXES)}")


def run(args):
    from ..corpus import corpus_summary, format_summary

    if args.out:
        _check_out(args.out)  # before a possibly large corpus is read
    df = load(args)
    summary = corpus_summary(df)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_summary(summary))
    if args.out:
        _write(df, args.out)
        if not args.json:
            print(f"wrote {args.out} ({len(df)} documents)")
    return 0
