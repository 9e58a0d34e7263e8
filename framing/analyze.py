"""Analyse a corpus with a codebook: the tables of the output contract, as DataFrames or files.

>>> from framing.corpus import load_corpus            # doctest: +SKIP
>>> res = analyze(load_corpus("seeds"))               # doctest: +SKIP
>>> res.articles[["doc_id", "topic:elections", "tone"]]  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import platform
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pandas as pd

from . import __version__
from .corpus.encoding import replace_surrogates
from .errors import FramingError
from .features.extract import CompiledCodebook, analyze_document
from .io import write_json, write_table

TABLES = ("articles", "sentences", "evidence", "actors", "quotes")
EVIDENCE_COLUMNS = ["doc_id", "sent_id", "field", "label", "cue", "matched", "start", "end",
                    "negated", "weight"]
ACTOR_COLUMNS = ["doc_id", "actor", "label", "connotation", "count"]
QUOTE_COLUMNS = ["doc_id", "sent_id", "speaker", "source_type", "verb", "actor", "source_cue",
                 "start", "end", "resolved"]
META_COLUMNS = ["doc_id", "outlet", "date", "title"]
SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "kind", "text", "n_tokens"]
DEPENDENCIES = ("pandas", "numpy", "pyahocorasick", "regex", "PyYAML", "scikit-learn", "pyarrow")


@dataclass
class Analysis:
    """The result of :func:`analyze`: one tidy DataFrame per output table, plus run metadata."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    evidence: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    run: dict = field(default_factory=dict)

    def tables(self):
        return {name: getattr(self, name) for name in TABLES}

    def save(self, out_dir, fmt="csv"):
        """Write every table (``csv`` or ``parquet``) and ``run.json`` into ``out_dir``.

        Each file is written atomically; returns the list of paths.
        """
        if fmt not in ("csv", "parquet"):
            raise FramingError(f"unknown format '{fmt}'", fix="use --format csv or parquet")
        out = Path(out_dir)
        paths = []
        for name, df in self.tables().items():
            path = out / f"{name}.{fmt}"
            write_table(df, path, fmt)
            paths.append(path)
        write_json(out / "run.json", self.run)
        paths.append(out / "run.json")
        return paths


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


def check_corpus(corpus):
    """Validate a corpus DataFrame: ``doc_id`` and ``text`` present, ids unique."""
    if not isinstance(corpus, pd.DataFrame):
        raise FramingError("the corpus must be a pandas DataFrame",
                           fix="load it with framing.corpus.load_corpus(path)")
    missing = [c for c in ("doc_id", "text") if c not in corpus.columns]
    if missing:
        raise FramingError(f"the corpus has no {', '.join(missing)} column",
                           fix="load it with framing.corpus.load_corpus, or rename the columns")
    if corpus["doc_id"].isna().any():
        raise FramingError("a document has no doc_id", fix="give every row an id")
    dup = corpus["doc_id"].astype(str)
    dup = dup[dup.duplicated()]
    if len(dup):
        raise FramingError(f"duplicate doc_id '{dup.iloc[0]}'", fix="make the ids unique")
    return corpus


def analyze(corpus, codebook="libya-egypt", progress=False):
    """Compute the features of every article.

    Parameters
    ----------
    corpus : pandas.DataFrame
        At least ``doc_id`` and ``text``; ``outlet``, ``date``, ``title`` are carried over.
    codebook : str, path, Codebook or CompiledCodebook, default "libya-egypt"
    progress : bool
        Show a progress bar (tqdm) on long runs.

    Returns
    -------
    Analysis
    """
    check_corpus(corpus)
    compiled = codebook if isinstance(codebook, CompiledCodebook) else CompiledCodebook(codebook)
    rows = {name: [] for name in TABLES}
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


# Column types, so that a table with no rows (a chunk without quotes) has the same schema as one
# with rows: Parquet parts of one run must agree.
_INT = ("sent_id", "start", "end", "count", "n_tokens", "n_sentences", "n_quotes")
_FLOAT_PREFIX = ("share:", "stance_score:", "weight", "tone_score")


def _typed(df):
    types = {}
    for col in df.columns:
        if col in _INT or col.startswith("topic:"):
            types[col] = "int64"
        elif col.startswith(_FLOAT_PREFIX):
            types[col] = "float64"
        elif col == "negated":
            types[col] = "bool"
        else:
            types[col] = "str"
    return df.astype(types) if len(df) == 0 else df


def article_columns(cb):
    """Column order of the articles table for codebook ``cb``."""
    cols = [*META_COLUMNS, "n_sentences", "n_tokens"]
    for t in cb.topics:
        cols += [f"topic:{t.name}", f"share:{t.name}"]
    for s in cb.stances:
        cols += [f"stance:{s.name}", f"stance_score:{s.name}"]
    return cols + ["tone", "tone_score"]


def _assemble(rows, records, compiled, chash):
    cb = compiled.codebook
    meta = records[[c for c in META_COLUMNS if c in records]].copy()
    meta["doc_id"] = meta["doc_id"].astype(str)
    for col in META_COLUMNS:
        if col not in meta:
            meta[col] = ""
    articles = pd.DataFrame(rows["articles"])
    if len(articles):
        articles = meta[META_COLUMNS].merge(articles, on="doc_id", how="right")
    articles = articles.reindex(columns=article_columns(cb))
    sentences = pd.DataFrame(rows["sentences"],
                             columns=[*SENTENCE_COLUMNS, *compiled.empty_sentence])
    evidence = _typed(pd.DataFrame(rows["evidence"], columns=EVIDENCE_COLUMNS))
    actors = _typed(pd.DataFrame(rows["actors"], columns=ACTOR_COLUMNS))
    quotes = _typed(pd.DataFrame(rows["quotes"], columns=QUOTE_COLUMNS))
    sentences = _typed(sentences)
    articles = _typed(articles)
    run = {
        "toolkit": "framing",
        "versions": _versions(),
        "codebook": {"name": cb.name, "version": cb.version, "sha256": cb.sha256,
                     "path": cb.path, "settings": cb.settings},
        "corpus": {"sha256": chash, "n_documents": int(len(records))},
        "tables": {name: int(len(df)) for name, df in
                   zip(TABLES, (articles, sentences, evidence, actors, quotes))},
    }
    return Analysis(articles, sentences, evidence, actors, quotes, run)
