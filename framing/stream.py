"""Large corpora: chunked, parallel and distributed analysis with resumable output.

The corpus is read in chunks (:func:`framing.corpus.iter_corpus`); each chunk is analysed on
its own (one process, ``jobs`` processes, or a Dask cluster) and written as one part per table,
``OUT/<table>/part-00000.parquet``, followed by an update of ``OUT/manifest.json``. Parts are
written atomically and the manifest only lists finished parts, so an interrupted run loses
nothing it had finished, and a rerun with the same corpus, codebook and chunk size skips them.
Memory is bounded by the chunk size times the number of chunks in flight, whatever the corpus
size. The outputs do not depend on the engine or the number of jobs.

>>> manifest = analyze_parts("big.jsonl.gz", "out/", jobs=2)        # doctest: +SKIP
>>> read_analysis("out/").articles                                   # doctest: +SKIP
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
from pathlib import Path

import pandas as pd

from . import schema
from .analysis import analyze, read_analysis
from .errors import FramingError, ParameterError
from .features import CompiledCodebook
from .io import write_json, write_table

MANIFEST = schema.MANIFEST_FILE
_COMPILED = {}  # per process: codebook -> CompiledCodebook (workers compile it once)


def _compiled(codebook):
    if codebook not in _COMPILED:
        _COMPILED[codebook] = CompiledCodebook(codebook)
    return _COMPILED[codebook]


def analyze_chunk(chunk, codebook="libya-egypt"):
    """Analyse one chunk; returns ``{table name: DataFrame}`` (picklable, for workers)."""
    res = analyze(chunk, _compiled(codebook))
    return res.tables()


def _chunks(corpus_path, chunk_size, load_kwargs):
    """``(kind, payload)`` per chunk: raw JSON lines (parsed by the worker) or a table."""
    from .corpus import is_streamable, iter_corpus, iter_raw_jsonl

    if is_streamable(corpus_path, load_kwargs.get("encoding")):
        for chunk in iter_raw_jsonl(Path(corpus_path), chunk_size):
            yield "jsonl", chunk
    else:
        for frame in iter_corpus(corpus_path, chunk_size, **load_kwargs):
            yield "frame", frame


def process_chunk(kind, payload, corpus_path, codebook, load_kwargs, out=None, index=None,
                  fmt="parquet"):
    """Build, analyse and (with ``out``) write one chunk; the unit of work of every engine.

    Workers do the whole job -- parsing included -- so that the main process only cuts the
    file into line ranges and keeps the manifest.
    """
    import warnings

    from .corpus import jsonl_chunk_frame

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # per-chunk notes are the corpus summary's job
        frame = (jsonl_chunk_frame(Path(corpus_path), payload, **load_kwargs) if kind == "jsonl"
                 else payload)
        tables = analyze_chunk(frame, codebook)
    if out is None:
        return tables
    return {**_write_part(Path(out), index, tables, fmt),
            "doc_ids": tables["articles"]["doc_id"].tolist()}


def _file_digest(path):
    path = Path(path)
    h = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for f in files:
        h.update(str(f.relative_to(path) if path.is_dir() else f.name).encode() + b"\0")
        with open(f, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def _settings(corpus_path, codebook, chunk_size, fmt):
    cb = _compiled(codebook).codebook
    return {"corpus_sha256": _file_digest(corpus_path), "codebook": cb.name,
            "codebook_version": cb.version, "codebook_sha256": cb.sha256,
            "chunk_size": int(chunk_size), "format": fmt}


def _read_manifest(out, settings):
    path = out / MANIFEST
    if not path.exists():
        return {"settings": settings, "parts": {}, "complete": False}
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("settings") != settings:
        raise FramingError(
            "this output folder holds a run with another corpus, codebook, chunk size or format",
            path=out, fix="choose a new --out folder, or delete this one to start over")
    return manifest


def _write_part(out, index, tables, fmt):
    name = f"part-{index:05d}.{fmt}"
    for table, df in tables.items():
        write_table(df, out / table / name, fmt)
    arts = tables["articles"]
    return {"n_documents": int(len(arts)),
            "first_doc_id": str(arts["doc_id"].iloc[0]) if len(arts) else "",
            "last_doc_id": str(arts["doc_id"].iloc[-1]) if len(arts) else "",
            "file": name}


def _executor(engine, jobs, scheduler):
    if engine == "local":
        return cf.ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None, None
    if engine == "dask":
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise FramingError("the Dask engine needs dask and distributed",
                               fix="pip install 'framing[dask]'") from None
        if scheduler:
            client = Client(scheduler)
        else:
            client = Client(LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1,
                                         processes=True, dashboard_address=None))
        return client, client
    raise ParameterError(f"unknown engine '{engine}'", fix="use --engine local or dask")


def analyze_parts(corpus_path, out_dir, codebook="libya-egypt", *, chunk_size=2000, jobs=1,
                  engine="local", scheduler=None, fmt="parquet", progress=False,
                  load_kwargs=None):
    """Analyse a corpus chunk by chunk into resumable parts.

    Parameters
    ----------
    corpus_path : str or path
        Anything :func:`framing.corpus.load_corpus` reads; JSON Lines files are streamed.
    out_dir : str or path
    codebook : str, default "libya-egypt"
        Packaged name or YAML path (workers load it themselves).
    chunk_size : int, default 2000
        Documents per chunk (and per part file).
    jobs : int, default 1
        Worker processes (local engine) or workers of a local Dask cluster.
    engine : {"local", "dask"}
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``); a local cluster otherwise.
    fmt : {"parquet", "csv"}
    progress : bool
        Show a progress bar.
    load_kwargs : dict, optional
        Passed to :func:`framing.corpus.iter_corpus` (``text_col``, ``id_col`` ...).

    Returns
    -------
    dict
        The manifest (also in ``OUT/manifest.json``).
    """
    out = Path(out_dir)
    if jobs < 1:
        raise ParameterError("--jobs must be at least 1", fix="use --jobs 1 or more")
    codebook = str(codebook)
    settings = _settings(corpus_path, codebook, chunk_size, fmt)
    manifest = _read_manifest(out, settings)
    done = manifest["parts"]
    pool, client = _executor(engine, jobs, scheduler)
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(unit="chunk", desc="analyse")

    seen_ids = {}  # doc_id -> part: ids must be unique across chunks too

    def finish(index, result):
        # local workers write their part themselves; Dask workers return the tables
        if "file" in result:
            ids, info = result.pop("doc_ids"), result
        else:
            ids, info = result["articles"]["doc_id"].tolist(), _write_part(out, index, result, fmt)
        for doc_id in ids:
            if seen_ids.setdefault(doc_id, index) != index:
                raise FramingError(
                    f"doc_id '{doc_id}' repeats (chunks {seen_ids[doc_id]} and {index})",
                    path=corpus_path, fix=f"make the ids unique, then delete {out} and run again")
        done[f"{index:05d}"] = info
        manifest["parts"] = dict(sorted(done.items()))
        write_json(out / MANIFEST, manifest)
        if bar is not None:
            bar.update(1)

    pending = {}
    try:
        n_chunks = 0
        load_kwargs = dict(load_kwargs or {})
        encoding = load_kwargs.pop("encoding", None)
        chunks = _chunks(corpus_path, chunk_size, {**load_kwargs, "encoding": encoding})
        for index, (kind, chunk) in enumerate(chunks):
            n_chunks = index + 1
            if f"{index:05d}" in done:
                continue
            args = (kind, chunk, str(corpus_path), codebook, load_kwargs)
            if pool is None and client is None:
                finish(index, process_chunk(*args, out=str(out), index=index, fmt=fmt))
                continue
            fut = (client.submit(process_chunk, *args, pure=False) if client
                   else pool.submit(process_chunk, *args, out=str(out), index=index, fmt=fmt))
            pending[fut] = index
            # Bound the chunks in flight, so that memory does not grow with the corpus.
            while len(pending) >= 2 * jobs:
                _drain(pending, finish, client, wait_all=False)
        while pending:
            _drain(pending, finish, client, wait_all=True)
        manifest["complete"] = True
        manifest["n_parts"] = n_chunks
        manifest["n_documents"] = sum(p["n_documents"] for p in done.values())
        write_json(out / MANIFEST, manifest)
    finally:
        if bar is not None:
            bar.close()
        if client is not None:
            if not scheduler:
                cluster = client.cluster
                client.close()
                cluster.close()
            else:
                client.close()
        elif pool is not None:
            pool.shutdown(cancel_futures=True)
    return manifest


def _drain(pending, finish, client, wait_all):
    if client is not None:
        from dask.distributed import wait

        ready = wait(list(pending), return_when="ALL_COMPLETED" if wait_all else "FIRST_COMPLETED").done
    else:
        ready, _ = cf.wait(list(pending), return_when=cf.ALL_COMPLETED if wait_all else cf.FIRST_COMPLETED)
    for fut in sorted(ready, key=lambda f: pending[f]):
        finish(pending.pop(fut), fut.result())


def read_parts(out_dir, table="articles"):
    """Read one table of a chunked run back as a DataFrame (parts in order)."""
    return getattr(read_analysis(out_dir), table)


def analyze_dask(ddf, codebook="libya-egypt"):
    """Analyse a Dask DataFrame (``doc_id``, ``text`` ...) partition by partition.

    Returns
    -------
    dict of dask.dataframe.DataFrame
        One lazy table per output table, built with ``map_partitions``; computing several of
        them together analyses each partition once.
    """
    import dask
    import dask.dataframe as dd

    # dtypes of each table, from a made-up non-empty partition (dask's own stand-in)
    dummy = ddf._meta_nonempty.head(1).copy()
    dummy["doc_id"], dummy["text"] = "x", "x"
    empty = {k: v.iloc[:0] for k, v in analyze_chunk(dummy, codebook).items()}
    packed = ddf.map_partitions(lambda part: pd.Series([analyze_chunk(part, codebook)]),
                                meta=pd.Series(dtype=object))
    parts = packed.to_delayed()
    out = {}
    for name in schema.TABLES:
        pieces = [dask.delayed(lambda s, n=name: s.iloc[0][n])(p) for p in parts]
        out[name] = dd.from_delayed(pieces, meta=empty[name], verify_meta=False)
    return out
