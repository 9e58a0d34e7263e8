"""Analyse a corpus with a codebook, and write or read back the tables of the output contract.

:func:`analyze` returns an :class:`Analysis` -- one tidy DataFrame per table of
:mod:`framing.schema` plus the run's metadata -- which :meth:`Analysis.save` writes and
:func:`read_analysis` reads back, from the folder of one job or of a chunked run alike.

Examples
--------
>>> from framing import analyze, load_corpus, read_analysis
>>> res = analyze(load_corpus("seeds"))                               # doctest: +SKIP
>>> res.articles[["doc_id", "topic:elections", "tone"]]               # doctest: +SKIP
>>> res.save("results/seeds"); read_analysis("results/seeds")         # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pandas as pd

from . import __version__, schema
from .corpus.encoding import replace_surrogates
from .errors import FramingError, ParameterError
from .features import CompiledCodebook, analyze_document
from .io import write_json, write_table
from .outdir import fault_point, output_set, verify_manifest

DEPENDENCIES = ("pandas", "numpy", "pyahocorasick", "regex", "PyYAML", "scikit-learn", "pyarrow")


@dataclass
class Analysis:
    """The result of :func:`analyze`: one tidy DataFrame per output table, plus run metadata.

    Attributes
    ----------
    articles, sentences, evidence, actors, quotes : pandas.DataFrame
        The tables of :mod:`framing.schema`.
    run : dict
        ``run.json`` (versions, codebook, corpus hash, table sizes) -- or, for a chunked run
        read back, its manifest.
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    evidence: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    run: dict = field(default_factory=dict)

    def tables(self):
        """``{table name: DataFrame}`` in contract order."""
        return {name: getattr(self, name) for name in schema.TABLES}

    def save(self, out_dir, fmt="csv", extra=None):
        """Write every table (``csv`` or ``parquet``) and ``run.json`` into ``out_dir``, as a set.

        ``extra`` (``{name: DataFrame}``, names from :data:`framing.schema.OPTIONAL_TABLES`)
        adds tables computed beside the analysis, such as the persuasion tables, to the same set.

        The files are staged beside ``out_dir`` and published together
        (:func:`framing.outdir.output_set`): a reader sees the complete old set or the complete
        new one, never a mix, and a second run into the same folder at the same time is refused
        (:class:`framing.outdir.OutputError`). Files of the folder that are not part of a set
        are kept. Returns the list of paths.
        """
        if fmt not in schema.FORMATS:
            raise ParameterError(f"unknown format '{fmt}'", fix="use --format csv or parquet")
        unknown = sorted(set(extra or {}) - set(schema.OPTIONAL_TABLES))
        if unknown:
            raise ParameterError(f"unknown extra table {unknown[0]!r}",
                                 fix=f"use one of {', '.join(schema.OPTIONAL_TABLES)}")
        out = Path(out_dir)
        names = []
        with output_set(out) as staging:
            for name, df in {**self.tables(), **(extra or {})}.items():
                write_table(df, staging / f"{name}.{fmt}", fmt)
                names.append(f"{name}.{fmt}")
                fault_point(f"wrote-{name}")
            write_json(staging / schema.RUN_FILE, self.run)
            names.append(schema.RUN_FILE)
        return [out / n for n in names]

    @classmethod
    def load(cls, path):
        """The analysis saved in folder ``path`` (see :func:`read_analysis`)."""
        return read_analysis(path)


def _versions():
    out = {"python": platform.python_version(), "framing": __version__}
    for dist in DEPENDENCIES:
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:  # pragma: no cover
            out[dist] = None
    return out


def corpus_hash(corpus):
    """SHA-256 over the documents' ids and texts, in id order."""
    h = hashlib.sha256()
    texts = [t if isinstance(t, str) else "" for t in corpus["text"]]
    for doc_id, text in sorted(zip(corpus["doc_id"].astype(str), texts)):
        h.update(doc_id.encode("utf-8", "surrogatepass") + b"\0"
                 + text.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def analyze(corpus, codebook="libya-egypt", progress=False, *, columns=None):
    """Compute the features of every article.

    Parameters
    ----------
    corpus : pandas.DataFrame
        At least ``doc_id`` and ``text``; ``outlet``, ``date``, ``title`` are carried over.
    codebook : str, path, Codebook or CompiledCodebook, default "libya-egypt"
    progress : bool
        Show a progress bar (tqdm) on long runs.
    columns : dict, optional
        ``{source column: field}`` for a DataFrame with its own column names (``{"النص":
        "text", "ID": "doc_id"}``), as ``load_corpus(columns=...)`` and ``--columns`` take it;
        a DataFrame without ``doc_id`` and ``text`` goes through the same mapping. Columns not
        mapped to a field are carried into the articles table.

    Returns
    -------
    Analysis
    """
    if columns is not None or (isinstance(corpus, pd.DataFrame)
                               and not set(schema.CORPUS_REQUIRED) <= set(corpus.columns)):
        from .corpus import load_corpus

        corpus = load_corpus(corpus, columns=columns)
    schema.check_corpus(corpus)
    compiled = codebook if isinstance(codebook, CompiledCodebook) else CompiledCodebook(codebook)
    rows = {name: [] for name in schema.TABLES}
    records = corpus.assign(doc_id=corpus["doc_id"].astype(str)).sort_values("doc_id", kind="stable")
    texts = [replace_surrogates(t) if isinstance(t, str) else "" for t in records["text"]]
    it = zip(records["doc_id"], texts,
             records["title"] if "title" in records else [None] * len(records))
    if progress:
        from tqdm.auto import tqdm
        it = tqdm(it, total=len(records), unit="doc", disable=len(records) < 500)
    for doc_id, text, title in it:
        res = analyze_document(compiled, doc_id, text, title if isinstance(title, str) else None)
        rows["articles"].append(res["article"])
        for name in ("sentences", "evidence", "actors", "quotes"):
            rows[name].extend(res[name])
    return _assemble(rows, records, compiled, corpus_hash(corpus))


def _assemble(rows, records, compiled, chash):
    cb = compiled.codebook
    meta_cols = schema.META_COLUMNS
    article_cols = schema.article_columns(cb)
    # the corpus's extra metadata columns (load_corpus lists them) follow the contract's columns
    extras = [c for c in records.attrs.get("extra_columns", {}).values()
              if c in records and c not in article_cols]
    meta = records[[c for c in [*meta_cols, *extras] if c in records]].copy()
    meta["doc_id"] = meta["doc_id"].astype(str)
    for col in meta_cols:
        if col not in meta:
            meta[col] = ""
    articles = pd.DataFrame(rows["articles"])
    if len(articles):
        articles = meta[[*meta_cols, *extras]].merge(articles, on="doc_id", how="right")
    tables = {
        "articles": articles.reindex(columns=[*article_cols, *extras]),
        "sentences": pd.DataFrame(rows["sentences"], columns=schema.sentence_columns(cb)),
        "evidence": pd.DataFrame(rows["evidence"], columns=schema.EVIDENCE_COLUMNS),
        "actors": pd.DataFrame(rows["actors"], columns=schema.ACTOR_COLUMNS),
        "quotes": pd.DataFrame(rows["quotes"], columns=schema.QUOTE_COLUMNS),
    }
    tables = {name: schema.typed(df) for name, df in tables.items()}
    run = {
        "toolkit": "framing",
        "versions": _versions(),
        "codebook": {"name": cb.name, "version": cb.version, "sha256": cb.sha256,
                     "path": cb.path, "settings": cb.settings},
        "corpus": {"sha256": chash, "n_documents": int(len(records))},
        "tables": {name: int(len(df)) for name, df in tables.items()},
    }
    return Analysis(**tables, run=run)


# -- reading an analysis folder ---------------------------------------------------------------

def _read_file(path):
    """One table file, with the dtypes of the contract (ids and labels stay strings)."""
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return schema.from_strings(pd.read_csv(path, dtype=str, keep_default_na=False))


def is_analysis(path):
    """Whether ``path`` is the output folder of ``framing analyze`` (either layout)."""
    path = Path(path)
    return path.is_dir() and ((path / schema.MANIFEST_FILE).is_file()
                              or any((path / f"articles.{f}").is_file() for f in schema.FORMATS))


def read_analysis(path):
    """Read the output folder of ``framing analyze`` back into an :class:`Analysis`.

    Both layouts are read: one job's ``<table>.csv`` / ``.parquet`` files with ``run.json``, and
    a chunked run's ``<table>/part-NNNNN.<fmt>`` parts listed in ``manifest.json`` (in part
    order). CSV columns get the dtypes of :mod:`framing.schema`: ``doc_id`` and the labels stay
    strings (``00`` is not read as ``0``), counts are integers, scores floats.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    Analysis

    Examples
    --------
    >>> res = read_analysis("results/seeds")             # doctest: +SKIP
    >>> res.articles.dtypes["doc_id"]                     # doctest: +SKIP
    dtype('O')
    """
    path = Path(path)
    if not is_analysis(path):
        raise FramingError("is not an analysis folder (no articles table, no manifest.json)",
                           path=path, fix="give the --out folder of `framing analyze`")
    manifest = path / schema.MANIFEST_FILE
    if manifest.is_file():
        run = verify_manifest(path)  # an unfinished run or a changed part is refused
        fmt = run["settings"]["format"]
        parts = [p["file"] for _, p in sorted(run["parts"].items())]
        tables = {}
        for name in schema.TABLES:
            frames = [_read_file(path / name / f) for f in parts]
            tables[name] = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        return Analysis(**tables, run=run)
    fmt = next(f for f in schema.FORMATS if (path / f"articles.{f}").is_file())
    missing = [n for n in schema.TABLES if not (path / f"{n}.{fmt}").is_file()]
    if missing:
        raise FramingError(f"the analysis folder lacks {missing[0]}.{fmt}", path=path,
                           fix="run `framing analyze` into this folder again")
    run_file = path / schema.RUN_FILE
    run = json.loads(run_file.read_text(encoding="utf-8")) if run_file.is_file() else {}
    return Analysis(**{n: _read_file(path / f"{n}.{fmt}") for n in schema.TABLES}, run=run)
