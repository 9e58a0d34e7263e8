"""The corpus table's columns, and how the columns of an input file are recognised."""

from __future__ import annotations

from ..errors import CorpusError

#: The first columns of every corpus table, in this order.
CORE = ("doc_id", "outlet", "date", "title", "url", "text")
#: Values read from metadata or, where it has none, from the text itself (after the extras).
EXTRACTED = ("byline", "dateline", "event_date", "date_candidates", "repeated_title")
#: Fields whose origin is recorded in a ``<field>_source`` column.
SOURCED = ("date", "outlet", "title", "url", "byline", "dateline", "event_date")
#: The last columns: where each value and each document came from.
PROVENANCE = (*(f"{field}_source" for field in SOURCED), "encoding", "duplicate_of", "path")
#: Extra column holding metadata dates as written, when they were more than an ISO date.
DATE_RAW = "date_raw"

# Recognised input column names per field, most specific first; matched case-insensitively.
ALIASES = {
    "doc_id": ("doc_id", "docid", "id", "article_id", "paragraph_id", "post_id", "page_id", "guid"),
    "text": ("text", "content", "body", "article", "article_text", "full_text", "paragraph"),
    "outlet": ("outlet", "source", "publisher", "site", "newspaper", "page_domain", "domain"),
    "date": ("date", "published", "published_at", "publication_date", "pub_date",
             "date_published", "date_extracted", "page_date"),
    "title": ("title", "headline", "page_title"),
    "url": ("url", "link", "page_url"),
    "byline": ("byline", "author", "authors", "writer"),
    "dateline": ("dateline",),
    "event_date": ("event_date",),
}
FIELDS = tuple(ALIASES)
RESERVED = frozenset((*CORE, *EXTRACTED, *PROVENANCE, DATE_RAW))


def _listing(found):
    return ", ".join(map(repr, found)) or "none"


def resolve_columns(found, *, path, text_col=None, id_col=None, columns=None, with_text=True):
    """Decide which input column holds which field.

    Parameters
    ----------
    found : list of str
        The input's column names, in order.
    path : str or os.PathLike
        The input file, named in errors.
    text_col, id_col : str, optional
        The text and id columns, when their names are not recognised.
    columns : dict, optional
        Explicit ``{input column: field}`` mapping, as in :meth:`pandas.DataFrame.rename`;
        it wins over the recognised names.
    with_text : bool
        Whether the input must have a text column (a folder's ``metadata.csv`` must not).

    Returns
    -------
    dict
        ``{input column: field}`` for every recognised column; the others are extras.

    Raises
    ------
    CorpusError
        A named column is absent, a field is unknown or given twice, or no text column is found.
    """
    explicit = dict(columns or {})
    if text_col is not None:
        explicit[text_col] = "text"
    if id_col is not None:
        explicit[id_col] = "doc_id"
    fields = FIELDS if with_text else tuple(f for f in FIELDS if f != "text")
    for col, field in explicit.items():
        if col not in found:
            raise CorpusError(f"has no column {col!r} (columns: {_listing(found)})",
                              fix="name one of the columns listed", path=path, key=col)
        if field not in fields:
            raise CorpusError(f"cannot map column {col!r} to {field!r}",
                              fix=f"map columns to one of: {', '.join(fields)}", path=path, key=col)
    taken = list(explicit.values())
    twice = sorted({f for f in taken if taken.count(f) > 1})
    if twice:
        raise CorpusError(f"several columns are mapped to {twice[0]!r}",
                          fix="map one column to each field", path=path)

    mapping = dict(explicit)
    by_lower = {}
    for col in found:
        by_lower.setdefault(str(col).strip().lower(), col)
    for field in fields:
        if field in mapping.values():
            continue
        for alias in ALIASES[field]:
            col = by_lower.get(alias)
            if col is not None and col not in mapping:
                mapping[col] = field
                break
    if with_text and "text" not in mapping.values():
        raise CorpusError(
            f"has no text column (columns: {_listing(found)})",
            fix="name the column that holds the article text with --text-col COLUMN "
                "(Python: text_col='COLUMN')",
            path=path,
        )
    return mapping


def rename_extras(extras):
    """Names for the extra (unrecognised) columns: kept, unless they clash with an output
    column, in which case ``_input`` is appended (``path`` -> ``path_input``)."""
    renamed = {}
    for col in extras:
        name = str(col)
        while name in RESERVED or name in renamed.values():
            name += "_input"
        renamed[col] = name
    return renamed
