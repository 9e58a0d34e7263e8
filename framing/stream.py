"""Large corpora: chunked, parallel and distributed analysis with resumable output.

The corpus is read in chunks (:func:`framing.corpus.iter_corpus`); each chunk is analysed on
its own (one process, ``jobs`` processes, or a Dask cluster) and written as one part per table,
``OUT/<table>/part-00000.parquet``, followed by an update of ``OUT/manifest.json``. Parts are
written atomically and the manifest only lists finished parts with the SHA-256 of each file, so
an interrupted run loses nothing it had finished, and a rerun with the same corpus, codebook and
chunk size skips them -- after checking each skipped part against its hash (a changed or deleted
part is analysed again) and reading its ids, so that an id repeated across parts is found on a
resumed run too. The folder is locked for the run (:func:`framing.outdir.locked`): a second run
into it is refused at once. Worker processes end with the main process.
Memory is bounded by the chunk size times the number of chunks in flight, whatever the corpus
size. The outputs do not depend on the engine or the number of jobs.

>>> manifest = analyze_parts("big.jsonl.gz", "out/", jobs=2)        # doctest: +SKIP
>>> read_analysis("out/").articles                                   # doctest: +SKIP
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import warnings
from pathlib import Path

import pandas as pd

from . import schema
from .analysis import analyze, read_analysis
from .errors import DataWarning, FramingError, ParameterError
from .features import CompiledCodebook
from .io import file_sha256, write_json, write_table
from .outdir import check_output_dir, fault_point, locked, part_problem
from .workers import executor as _executor
from .workers import shutdown as _shutdown

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
    hashes = {}
    for table, df in tables.items():
        write_table(df, out / table / name, fmt)
        hashes[table] = file_sha256(out / table / name)
    arts = tables["articles"]
    return {"n_documents": int(len(arts)),
            "n_with_text": int((arts["n_tokens"] > 0).sum()) if len(arts) else 0,
            "first_doc_id": str(arts["doc_id"].iloc[0]) if len(arts) else "",
            "last_doc_id": str(arts["doc_id"].iloc[-1]) if len(arts) else "",
            "file": name, "sha256": hashes}


def _part_intact(out, info):
    """Whether every file of a finished part is there with the SHA-256 the manifest recorded."""
    return part_problem(out, info) is None


def _part_ids(out, info):
    """The doc_ids of a finished part (read from its articles file)."""
    path = out / "articles" / info["file"]
    if path.suffix == ".parquet":
        return pd.read_parquet(path, columns=["doc_id"])["doc_id"].astype(str).tolist()
    return pd.read_csv(path, usecols=["doc_id"], dtype=str, keep_default_na=False)["doc_id"].tolist()


def _verify_parts(out, done):
    """Drop from ``done`` the parts whose files are missing or changed (they are redone)."""
    bad = sorted(k for k, info in done.items() if not _part_intact(out, info))
    if bad:
        warnings.warn(f"{out}: part(s) {', '.join(bad)} are missing, changed or unverifiable "
                      "(no SHA-256 in the manifest); analysing them again", DataWarning,
                      stacklevel=3)
    for key in bad:
        del done[key]


def _refuse_one_job_tables(out):
    """Parts written beside the tables of a one-job run would leave two runs in one folder."""
    found = [f"{t}.{f}" for t in schema.TABLES for f in schema.FORMATS if (out / f"{t}.{f}").is_file()]
    if found:
        raise FramingError(f"holds the tables of a one-job run ({found[0]}); chunked parts beside "
                           "them would mix two runs in one folder", path=out,
                           fix="give another --out folder, or delete this one first")


def _clean_temporaries(out):
    """Remove the temporary files of parts an interrupted run was writing (lock held)."""
    for table in schema.TABLES:
        folder = out / table
        if folder.is_dir():
            for tmp in folder.glob(".part-*.tmp"):
                tmp.unlink(missing_ok=True)
    if out.is_dir():
        for tmp in out.glob(f".{MANIFEST}.*.tmp"):
            tmp.unlink(missing_ok=True)


def analyze_parts(corpus_path, out_dir, codebook="libya-egypt", *, chunk_size=2000, jobs=1,
                  engine="local", scheduler=None, fmt="parquet", progress=False,
                  load_kwargs=None, compiled=None):
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
    compiled : CompiledCodebook, optional
        ``codebook`` already compiled (by the caller, to check it before the corpus is read):
        used instead of compiling it again here; local workers inherit it.

    Returns
    -------
    dict
        The manifest (also in ``OUT/manifest.json``).
    """
    out = Path(out_dir)
    if jobs < 1:
        raise ParameterError("--jobs must be at least 1", fix="use --jobs 1 or more")
    if chunk_size < 1:
        raise ParameterError("--chunk-size must be at least 1", fix="use e.g. --chunk-size 2000")
    check_output_dir(out, [corpus_path])
    if compiled is not None:
        _COMPILED[str(codebook)] = compiled  # the caller's compile is the one used
    with locked(out):
        _refuse_one_job_tables(out)
        _clean_temporaries(out)
        return _analyze_parts(corpus_path, out, str(codebook), chunk_size, jobs, engine,
                              scheduler, fmt, progress, dict(load_kwargs or {}))


def _analyze_parts(corpus_path, out, codebook, chunk_size, jobs, engine, scheduler, fmt,
                   progress, load_kwargs):
    settings = _settings(corpus_path, codebook, chunk_size, fmt)
    manifest = _read_manifest(out, settings)
    done = manifest["parts"]
    _verify_parts(out, done)
    pool, client = _executor(engine, jobs, scheduler)
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(unit="chunk", desc="analyse")

    seen_ids = {}  # doc_id -> part: ids must be unique across chunks too, finished parts included

    def check_ids(index, ids):
        for doc_id in ids:
            if seen_ids.setdefault(doc_id, index) != index:
                raise FramingError(
                    f"doc_id '{doc_id}' repeats (chunks {seen_ids[doc_id]} and {index})",
                    path=corpus_path, fix=f"make the ids unique, then delete {out} and run again")

    def finish(index, result):
        # local workers write their part themselves; Dask workers return the tables
        if "file" in result:
            ids, info = result.pop("doc_ids"), result
        else:
            ids, info = result["articles"]["doc_id"].tolist(), _write_part(out, index, result, fmt)
        check_ids(index, ids)
        done[f"{index:05d}"] = info
        manifest["parts"] = dict(sorted(done.items()))
        manifest["complete"] = False
        fault_point("part")
        write_json(out / MANIFEST, manifest)
        if bar is not None:
            bar.update(1)

    pending = {}
    interrupted = False
    try:
        n_chunks = 0
        encoding = load_kwargs.pop("encoding", None)
        chunks = _chunks(corpus_path, chunk_size, {**load_kwargs, "encoding": encoding})
        for index, (kind, chunk) in enumerate(chunks):
            n_chunks = index + 1
            if f"{index:05d}" in done:
                check_ids(index, _part_ids(out, done[f"{index:05d}"]))
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
        stale = sorted(k for k in done if int(k) >= n_chunks)
        if stale:
            raise FramingError(f"the manifest lists part {stale[0]} beyond the corpus's "
                               f"{n_chunks} chunks", path=out / MANIFEST,
                               fix="delete this folder and run again")
        if done and not any(p.get("n_with_text", 1) for p in done.values()):
            raise FramingError("no document has any text", path=corpus_path,
                               fix="check --text-col: it names the column that holds the text")
        manifest["complete"] = True
        manifest["n_parts"] = n_chunks
        manifest["n_documents"] = sum(p["n_documents"] for p in done.values())
        write_json(out / MANIFEST, manifest)
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        if bar is not None:
            bar.close()
        _shutdown(pool, client, scheduler, interrupted)
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
