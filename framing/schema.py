"""The output contract: tables, columns, dtypes, field names and label sets, in one place.

Every stage that reads or writes the tables of ``framing analyze`` takes their layout from here
(``docs/codebook.md`` and DESIGN.md describe the same contract in words).

Tables
    ``articles`` (one row per article), ``sentences``, ``evidence`` (one row per cue match),
    ``actors`` (labels used per article), ``quotes``; beside them ``run.json``. One job writes
    ``<table>.<fmt>``; a chunked run writes ``<table>/part-NNNNN.<fmt>`` and ``manifest.json``.
Fields
    An article or sentence field is ``kind:name``: ``topic:T`` (1/0) with its ``share:T``,
    ``stance:S`` (a stance label) with its ``stance_score:S``; ``tone`` with ``tone_score``.
    Evidence rows name their field the same way, plus ``actor:A`` for actor labels.

Examples
--------
>>> field("topic", "elections"), parse_field("stance:haftar"), parse_field("tone")
('topic:elections', ('stance', 'haftar'), ('tone', None))
>>> score_column("stance:haftar"), score_column("topic:elections"), score_column("tone")
('stance_score:haftar', 'share:elections', 'tone_score')
"""

from __future__ import annotations

import pandas as pd

from .errors import SchemaError

# -- tables and files -------------------------------------------------------------------------

TABLES = ("articles", "sentences", "evidence", "actors", "quotes")
#: Tables written beside them on request (``framing analyze --persuasion MODEL``).
OPTIONAL_TABLES = ("persuasion_paragraphs", "persuasion_articles")
FORMATS = ("csv", "parquet")
RUN_FILE = "run.json"
MANIFEST_FILE = "manifest.json"

META_COLUMNS = ["doc_id", "outlet", "date", "title"]
ARTICLE_COUNTS = ["n_sentences", "n_tokens"]
SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "kind", "text", "n_tokens"]
SENTENCE_EXTRAS = ["actors", "n_quotes"]
EVIDENCE_COLUMNS = ["doc_id", "sent_id", "field", "label", "cue", "matched", "start", "end",
                    "negated", "weight"]
ACTOR_COLUMNS = ["doc_id", "actor", "label", "connotation", "count"]
QUOTE_COLUMNS = ["doc_id", "sent_id", "speaker", "source_type", "verb", "actor", "source_cue",
                 "start", "end", "resolved", "statement_start", "statement_end", "statement"]
#: The columns every corpus table has (the input contract of :func:`framing.analyze`).
CORPUS_REQUIRED = ("doc_id", "text")

# -- fields -----------------------------------------------------------------------------------

TOPIC, SHARE, STANCE, STANCE_SCORE, ACTOR = "topic", "share", "stance", "stance_score", "actor"
TONE, TONE_SCORE = "tone", "tone_score"
#: The kinds of an article-level label field, in output order.
LABEL_KINDS = (TOPIC, STANCE)
_SCORE_OF = {TOPIC: SHARE, STANCE: STANCE_SCORE}


def field(kind, name):
    """The column (or evidence field) name ``kind:name``."""
    return f"{kind}:{name}"


def parse_field(column):
    """``(kind, name)`` of a ``kind:name`` column; ``(column, None)`` for a plain one."""
    kind, sep, name = str(column).partition(":")
    return (kind, name) if sep else (kind, None)


def prefix(kind):
    """``kind:``, the prefix of every column of that kind."""
    return f"{kind}:"


def is_label_field(column):
    """Whether ``column`` is an article label: ``topic:T``, ``stance:S`` or ``tone``."""
    kind, name = parse_field(column)
    return (kind in LABEL_KINDS and name is not None) or column == TONE


def label_fields(columns):
    """The label columns (``topic:T``, ``stance:S``, ``tone``) among ``columns``, in order."""
    return [c for c in columns if isinstance(c, str) and is_label_field(c)]


def score_column(label_column):
    """The score beside a label: ``share:T``, ``stance_score:S`` or ``tone_score``."""
    if label_column == TONE:
        return TONE_SCORE
    kind, name = parse_field(label_column)
    if kind not in _SCORE_OF or name is None:
        raise SchemaError(f"{label_column!r} is not a label field",
                          fix="use topic:T, stance:S or tone")
    return field(_SCORE_OF[kind], name)


def names_of(columns, kind):
    """``{name: column}`` for the ``kind:name`` columns among ``columns``, in column order."""
    out = {}
    for c in columns:
        k, name = parse_field(c) if isinstance(c, str) else (None, None)
        if k == kind and name is not None:
            out[name] = c
    return out


def article_columns(codebook):
    """Column order of the articles table for ``codebook``."""
    cols = [*META_COLUMNS, *ARTICLE_COUNTS]
    for t in codebook.topics:
        cols += [field(TOPIC, t.name), field(SHARE, t.name)]
    for s in codebook.stances:
        cols += [field(STANCE, s.name), field(STANCE_SCORE, s.name)]
    return cols + [TONE, TONE_SCORE]


def sentence_features(codebook):
    """The feature columns of a sentence row with their values for a sentence without cues."""
    out = {field(TOPIC, t.name): 0 for t in codebook.topics}
    for s in codebook.stances:
        out[field(STANCE, s.name)] = ""
        out[field(STANCE_SCORE, s.name)] = 0.0
    out.update({TONE_SCORE: 0.0, TONE: "neutral", "actors": "", "n_quotes": 0})
    return out


def sentence_columns(codebook):
    """Column order of the sentences table for ``codebook``."""
    return [*SENTENCE_COLUMNS, *sentence_features(codebook)]


# -- label sets -------------------------------------------------------------------------------

TOPIC_LABELS = ("1", "0")
STANCE_LABELS = ("pro", "con", "neutral", "absent")
TONE_LABELS = ("positive", "neutral", "negative")
CONNOTATIONS = ("legitimizing", "neutral", "delegitimizing")
SOURCE_TYPES = ("official", "expert", "media", "report", "unnamed", "other")
#: Labels that say nothing is there, and labels that say it is there without evaluation: a
#: prediction stronger than the coder's is a false positive, a weaker one a false negative.
NULL_LABELS = ("0", "absent")
WEAK_LABELS = ("neutral",)

# -- dtypes -----------------------------------------------------------------------------------

INT_COLUMNS = ("sent_id", "start", "end", "count", "n_tokens", "n_sentences", "n_quotes",
               "statement_start", "statement_end")
_FLOAT_PREFIXES = (prefix(SHARE), prefix(STANCE_SCORE), "weight", TONE_SCORE)


def dtype_of(column):
    """The dtype of an output column: ``int64``, ``float64``, ``bool`` or ``str``."""
    if column in INT_COLUMNS or column.startswith(prefix(TOPIC)):
        return "int64"
    if column.startswith(_FLOAT_PREFIXES):
        return "float64"
    if column == "negated":
        return "bool"
    return "str"


def typed(df):
    """Give a table without rows the dtypes of the contract.

    A chunk without quotes then has the same schema as one with quotes: the Parquet parts of one
    run must agree. Tables with rows keep the types their values have.
    """
    if len(df):
        return df
    return df.astype({col: dtype_of(col) for col in df.columns})


def from_strings(df):
    """Give a table read as strings (a CSV) the dtypes of the contract.

    ``doc_id``, labels and texts stay strings, so that an id ``00`` is not read as ``0``;
    counts become integers and scores floats (NaN where a cell is empty).
    """
    out = df.copy()
    for col in out.columns:
        dtype = dtype_of(col)
        if dtype == "str":
            continue
        if dtype == "bool":
            out[col] = out[col].str.lower().map({"true": True, "false": False})
            continue
        values = pd.to_numeric(out[col].replace("", None))
        out[col] = values.astype("int64" if dtype == "int64" and not values.isna().any()
                                 else "float64")
    return out


# -- checks -----------------------------------------------------------------------------------

def require_columns(df, columns, table="articles"):
    """Raise :class:`SchemaError` naming the first column of ``columns`` missing from ``df``."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise SchemaError(
            f"the {table} table has no column {missing[0]!r}",
            key=missing[0],
            fix=f"pass the {table} table written by `framing analyze` (columns given: "
            f"{', '.join(map(str, df.columns[:8]))}{', ...' if len(df.columns) > 8 else ''})",
        )


def prefixed_columns(df, kind, table="articles"):
    """``{name: column}`` of the ``kind:name`` columns of ``df`` (codebook order).

    Raises :class:`SchemaError` when there are none.
    """
    cols = names_of(df.columns, kind)
    if not cols:
        raise SchemaError(f"the {table} table has no {prefix(kind)}* columns",
                          fix=f"pass the {table} table written by `framing analyze`")
    return cols


def texts_of(X, text_col="text"):
    """The texts of an estimator's input ``X``, as a list of str (``None``/NaN -> ``""``).

    ``X`` is one text per sample: a list, tuple, 1-D array or Series of strings, or a DataFrame
    (its ``text_col``). A single string, a 2-D array or a sparse matrix is a mistake: it raises
    :class:`framing.errors.ParameterError`.
    """
    from .errors import ParameterError

    if isinstance(X, pd.DataFrame):
        require_columns(X, [text_col], table="input")
        X = X[text_col]
    if hasattr(X, "tocsr"):
        raise ParameterError("sparse input is not supported: expected a sequence of texts",
                             fix="pass a list or Series of texts")
    if isinstance(X, str) or getattr(X, "ndim", 1) != 1:
        raise ParameterError("expected a sequence of texts (one string per sample), got "
                             f"{type(X).__name__}" + (f" with {X.ndim} dimensions"
                                                       if getattr(X, "ndim", 1) != 1 else ""),
                             fix="pass a list or Series of texts, or a DataFrame with a text column")
    return ["" if x is None or (isinstance(x, float) and x != x) else str(x) for x in X]


def check_corpus(corpus):
    """Validate a corpus table: a DataFrame with ``doc_id`` and ``text``, ids present and unique.

    Returns
    -------
    pandas.DataFrame
        ``corpus`` itself.
    """
    if not isinstance(corpus, pd.DataFrame):
        raise SchemaError("the corpus must be a pandas DataFrame",
                          fix="load it with framing.load_corpus(path)")
    missing = [c for c in CORPUS_REQUIRED if c not in corpus.columns]
    if missing:
        raise SchemaError(f"the corpus has no {', '.join(missing)} column",
                          fix="load it with framing.load_corpus, or rename the columns")
    if corpus["doc_id"].isna().any():
        raise SchemaError("a document has no doc_id", fix="give every row an id")
    dup = corpus["doc_id"].astype(str)
    dup = dup[dup.duplicated()]
    if len(dup):
        raise SchemaError(f"duplicate doc_id '{dup.iloc[0]}'", fix="make the ids unique")
    return corpus
