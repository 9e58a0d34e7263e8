"""``framing analyze CORPUS --out DIR``: the tables of the output contract."""

from __future__ import annotations

import sys

from .args import add_corpus, compiled, load, load_kwargs


def add_parser(subparsers):
    p = subparsers.add_parser("analyze", help="compute topics, stances, tone, actors and quotes")
    add_corpus(p)
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--format", default="csv", choices=["csv", "parquet"])
    p.add_argument("--persuasion", metavar="MODEL",
                   help="also label every paragraph with persuasion techniques (a model of "
                        "`framing train --task persuasion`): writes persuasion_paragraphs and "
                        "persuasion_articles into the same set")
    big = p.add_argument_group("large corpora (chunked, resumable output: OUT/<table>/part-*.FORMAT)")
    big.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    big.add_argument("--chunk-size", type=int, default=None,
                     help="documents per chunk; giving it switches to chunked output (default 2000)")
    big.add_argument("--engine", default="local", choices=["local", "dask"])
    big.add_argument("--scheduler", help="address of a running Dask scheduler")
    p.set_defaults(func=run)


def run(args):
    from ..analysis import analyze
    from ..errors import ParameterError
    from ..outdir import locked

    if args.jobs < 1:
        raise ParameterError("--jobs must be at least 1", fix="use --jobs 1 or more")
    if args.chunk_size is not None and args.chunk_size < 1:
        raise ParameterError("--chunk-size must be at least 1", fix="use e.g. --chunk-size 2000")
    with locked(args.out):  # a second run into the same folder is refused now, not at the end
        codebook = compiled(args)
        if args.jobs > 1 or args.engine != "local" or args.chunk_size:
            if args.persuasion:
                raise ParameterError("--persuasion works on one job without --chunk-size",
                                     fix="leave out --jobs/--chunk-size/--engine, or run "
                                         "framing predict on the paragraphs")
            return _chunked(args, codebook)
        model = _persuasion_model(args.persuasion) if args.persuasion else None
        corpus = load(args)
        check_some_text(corpus, args.corpus)
        res = analyze(corpus, codebook, progress=sys.stderr.isatty())
        extra = None
        if model is not None:
            from ..models.persuasion_analysis import persuasion_table

            tables = persuasion_table(corpus, *model)
            extra = {"persuasion_paragraphs": tables.paragraphs,
                     "persuasion_articles": tables.articles}
        paths = res.save(args.out, args.format, extra=extra)
    print(f"analysed {len(res.articles)} articles, {len(res.sentences)} sentences, "
          f"{len(res.evidence)} evidence rows -> {args.out}")
    for p in paths:
        print(f"  {p}")
    return 0


def _persuasion_model(path):
    """``(model, labels)`` of a persuasion model file, loaded before the analysis so that a bad
    file fails in a second, not after it."""
    from ..models.persist import load_model

    model, info = load_model(path)
    return model, info.get("labels")


def check_some_text(corpus, source):
    """A corpus in which no document has any text is an error, not an empty analysis."""
    from ..errors import CorpusError

    texts = corpus["text"] if "text" in corpus else []
    if len(corpus) and not any(isinstance(t, str) and t.strip() for t in texts):
        raise CorpusError(f"no document has any text ({len(corpus)} documents, all empty)",
                          path=source, fix="check --text-col: it names the column that holds "
                                           "the article text")


def _chunked(args, compiled):
    from ..stream import analyze_parts

    manifest = analyze_parts(args.corpus, args.out, args.codebook, compiled=compiled,
                             chunk_size=args.chunk_size or 2000, jobs=args.jobs,
                             engine=args.engine, scheduler=args.scheduler, fmt=args.format,
                             progress=sys.stderr.isatty(), load_kwargs=load_kwargs(args))
    print(f"analysed {manifest['n_documents']} articles in {manifest['n_parts']} parts -> "
          f"{args.out}/<table>/part-*.{args.format} (manifest: {args.out}/manifest.json)")
    return 0
