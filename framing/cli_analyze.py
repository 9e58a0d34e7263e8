"""``framing analyze``, ``framing explain``, ``framing evaluate`` and ``framing run``."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import FramingError
from .io import write_table, write_text


def _corpus_args(p):
    p.add_argument("corpus", metavar="CORPUS",
                   help="folder of .txt (+ metadata.csv), or a CSV/JSONL(.gz)/Parquet file")
    p.add_argument("--codebook", default="libya-egypt",
                   help="packaged codebook name or YAML file (default: libya-egypt)")
    p.add_argument("--text-col", help="name of the text column in a CSV/JSONL/Parquet corpus")
    p.add_argument("--id-col", help="name of the id column")


def _load(args):
    from .corpus import load_corpus

    return load_corpus(args.corpus, text_col=args.text_col, id_col=args.id_col)


def _compiled(args):
    # The codebook is checked before a possibly large corpus is read.
    from .features.extract import CompiledCodebook

    return CompiledCodebook(args.codebook)


def cmd_analyze(args):
    from .analyze import analyze

    compiled = _compiled(args)
    if args.jobs > 1 or args.engine != "local" or args.chunk_size:
        return _analyze_chunked(args)
    res = analyze(_load(args), compiled, progress=sys.stderr.isatty())
    paths = res.save(args.out, args.format)
    print(f"analysed {len(res.articles)} articles, {len(res.sentences)} sentences, "
          f"{len(res.evidence)} evidence rows -> {args.out}")
    for p in paths:
        print(f"  {p}")


def _analyze_chunked(args):
    from .stream import analyze_parts

    load_kwargs = {k: v for k, v in (("text_col", args.text_col), ("id_col", args.id_col)) if v}
    manifest = analyze_parts(args.corpus, args.out, args.codebook,
                             chunk_size=args.chunk_size or 2000, jobs=args.jobs,
                             engine=args.engine, scheduler=args.scheduler, fmt=args.format,
                             progress=sys.stderr.isatty(), load_kwargs=load_kwargs)
    print(f"analysed {manifest['n_documents']} articles in {manifest['n_parts']} parts -> "
          f"{args.out}/<table>/part-*.{args.format} (manifest: {args.out}/manifest.json)")


def cmd_explain(args):
    from .analyze import analyze
    from .explain import explain_html, explain_text

    compiled = _compiled(args)
    corpus = _load(args)
    sub = corpus[corpus["doc_id"].astype(str) == args.doc_id]
    if sub.empty:
        ids = ", ".join(corpus["doc_id"].astype(str).head(8))
        raise FramingError(f"no article with doc_id '{args.doc_id}'",
                           fix=f"use one of the corpus ids (e.g. {ids})")
    res = analyze(sub, compiled)
    if args.html:
        write_text(args.html, explain_html(res, sub, args.doc_id))
        print(f"wrote {args.html}")
    else:
        print(explain_text(res, sub, args.doc_id))


def cmd_evaluate(args):
    from .evaluate import evaluate, read_labels

    scores, per_label, confusion = evaluate(read_labels(args.gold), read_labels(args.pred))
    with_pd_options(lambda: print(scores.to_string(index=False)))
    if args.out:
        out = Path(args.out)
        write_table(scores, out / "scores.csv")
        write_table(per_label, out / "per_label.csv")
        write_table(confusion, out / "confusion.csv")
        print(f"wrote {out}/scores.csv, per_label.csv, confusion.csv")
    else:
        print()
        with_pd_options(lambda: print(confusion.to_string(index=False)))


def with_pd_options(fn):
    import pandas as pd

    with pd.option_context("display.width", 200, "display.max_rows", 500):
        fn()


def cmd_run(args):
    """The main job: analyse a corpus, write the tables and the figures."""
    from .analyze import analyze

    compiled = _compiled(args)
    corpus = _load(args)
    res = analyze(corpus, compiled, progress=sys.stderr.isatty())
    res.save(args.out, "csv")
    print(f"analysed {len(res.articles)} articles -> tables in {args.out}/")
    if args.figures:
        from .cli_figures import figures_for

        paths = figures_for(corpus, args.figures, compiled, analysis=res)
        print(f"figures -> {args.figures}/ ({len(paths)} files)")
    with_pd_options(lambda: print(res.articles.drop(columns=[c for c in res.articles.columns
                                                            if c.startswith(("share:", "stance_score:"))]
                                                   ).to_string(index=False)))


def add_parsers(sub):
    p = sub.add_parser("analyze", help="compute topics, stances, tone, actors and quotes")
    _corpus_args(p)
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--format", default="csv", choices=["csv", "parquet"])
    big = p.add_argument_group("large corpora (chunked, resumable output: OUT/<table>/part-*.FORMAT)")
    big.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    big.add_argument("--chunk-size", type=int, default=None,
                     help="documents per chunk; giving it switches to chunked output (default 2000)")
    big.add_argument("--engine", default="local", choices=["local", "dask"])
    big.add_argument("--scheduler", help="address of a running Dask scheduler")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("explain", help="show why an article got its labels")
    _corpus_args(p)
    p.add_argument("doc_id", metavar="DOC_ID")
    p.add_argument("--html", metavar="FILE", help="write a right-to-left HTML page")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("evaluate", help="compare predicted labels with reference labels")
    p.add_argument("--gold", required=True, help="reference labels CSV (doc_id + fields)")
    p.add_argument("--pred", required=True, help="`framing analyze` output folder or articles.csv")
    p.add_argument("--out", help="folder for scores.csv, per_label.csv, confusion.csv")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("run", help="the main job: analyse a corpus and draw the figures")
    _corpus_args(p)
    p.add_argument("--out", default="results", help="folder for the tables")
    p.add_argument("--figures", help="folder for the figures")
    p.set_defaults(func=cmd_run)
