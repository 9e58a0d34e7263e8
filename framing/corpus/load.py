"""Load a corpus -- a folder of ``.txt`` files, or one CSV/JSONL/Parquet file or spreadsheet
(``.xlsx``/``.xls``/``.ods``), or a DataFrame -- into one table.

The table has one row per document, sorted by ``doc_id``, with these columns:

``doc_id, outlet, date, title, url, text``
    ``date`` is ISO ``YYYY-MM-DD`` (the publication date). ``text`` is the file's text with
    HTML entities unescaped and ``\\r\\n`` turned into ``\\n``, nothing else: character offsets
    computed later refer to it.
extra metadata columns
    Every other input column, as it was (missing values stay NA; renamed with ``_input`` only
    if its name clashes with one below); ``date_raw`` holds the metadata dates as written when
    they were more than a date (``2015-07-21 02:51:32``, ``12 مايو/ أيار 2020``, ``10/01/2025``,
    a Hijri date, which is kept there and not converted).
``byline, dateline, event_date, date_candidates, repeated_title``
    From metadata or, where it lacks them, from the text (see :mod:`framing.corpus.metadata`);
    ``repeated_title`` (the first line repeated as the second) is checked on every text.
    ``date_candidates`` lists every date found in the text as ``"; "``-separated entries
    ``YYYY-MM-DD role 'phrase'`` (role ``published``, ``event`` or ``mentioned``).
``date_source, outlet_source, title_source, url_source, byline_source, dateline_source,
event_date_source``
    Where the value came from: ``metadata``, ``text`` or ``unknown`` (the value is empty).
``encoding, duplicate_of, path``
    The file's encoding; the ``doc_id`` of the first document with the same text (after
    stripping surrounding whitespace), empty for the first; the file (``file:line`` for
    CSV/JSONL, ``file#row`` for Parquet and JSON arrays).

``df.attrs["columns"]`` records which input column gave which field (``{"Body": "text", ...}``)
and ``df.attrs["extra_columns"]`` the input columns carried as extra metadata.

Unknown values are empty strings, never guesses. Warnings (legacy encodings, duplicates, empty
texts, unreadable dates) are issued as :class:`~framing.corpus.notes.CorpusWarning` and kept in
``df.attrs["warnings"]`` for :func:`~framing.corpus.corpus_summary`.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import CorpusError
from .columns import CORE, DATE_RAW, EXTRACTED, PROVENANCE, SOURCED, rename_extras, resolve_columns
from .dates import is_hijri, is_numeric_date, metadata_date
from .encoding import clean_text
from .excel import EXCEL_SUFFIXES, is_workbook, read_workbook
from .metadata import extract_metadata as _extract, has_repeated_title
from .notes import Notes
from .readers import TABLE_SUFFIXES, RawTable, read_folder, read_table, suffix_of

# Documents with all of these in their metadata are not searched for metadata in their text.
_CORE_META = ("outlet", "date", "title", "url")


def load_corpus(path, *, text_col=None, id_col=None, columns=None, extract_metadata=True,
                encoding=None, sheet=None, dayfirst=None, date_format=None):
    """Load a corpus into a table of documents.

    Parameters
    ----------
    path : str or os.PathLike
        A folder of ``*.txt`` files (the file stem is the ``doc_id``) with an optional
        ``metadata.csv`` (``doc_id, outlet, date, title, url``, extra columns kept); or one
        ``.csv``/``.tsv``, ``.jsonl``/``.jsonl.gz``, ``.json`` (array of objects), ``.parquet``
        or spreadsheet (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``; see :mod:`framing.corpus.excel`)
        file with a text column and optional metadata columns; or a pandas DataFrame, whose
        columns are recognised and mapped in the same way. Common column names are
        recognised (``content``/``body`` for the text, ``source``/``publisher`` for the outlet,
        ``published``/``date_extracted`` for the date, ``headline``, ``link``, ``id`` ...).
    text_col : str, optional
        The text column of a table, when its name is not recognised.
    id_col : str, optional
        The id column of a table or ``metadata.csv``. Without one, a table's rows are numbered
        from 0 in file order, zero-padded (``00000``, ``00001`` ...).
    columns : dict, optional
        Explicit ``{input column: field}`` mapping, as in :meth:`pandas.DataFrame.rename`:
        ``{"paragraph": "text", "page_domain": "outlet"}``. Fields: ``doc_id, text, outlet,
        date, title, url, byline, dateline, event_date``.
    extract_metadata : bool, default True
        Read metadata from the text of documents whose metadata lacks an outlet, date, title or
        URL; only empty values are filled, and their ``*_source`` says ``text``.
    encoding : str, optional
        Decode every file with this codec instead of detecting UTF-8/UTF-16/Windows-1256.
    sheet : str or int, optional
        The sheet of a spreadsheet: its name or its number from 1 (default: the first sheet).
    dayfirst : bool, optional
        Read numeric dates such as ``10/01/2025`` day first (``True``) or month first
        (``False``), as :func:`pandas.to_datetime` does; without it they are left empty with a
        warning, never guessed.
    date_format : str, optional
        The format of the date column, as :func:`pandas.to_datetime` takes it (``"%d.%m.%Y"``).

    Returns
    -------
    pandas.DataFrame
        One row per document; columns as described in :mod:`framing.corpus.load`.

    Raises
    ------
    framing.errors.CorpusError
        The path is missing; a file is binary, empty or undecodable; a folder has no ``.txt``;
        ``metadata.csv`` names a missing file; ids repeat; no text column; a malformed line; a
        column option names a column the input lacks; a missing, empty, password-protected or
        corrupt sheet. The message names the file and line, and says how to fix it.

    Examples
    --------
    >>> df = load_corpus("seeds")                                  # doctest: +SKIP
    >>> df[["doc_id", "outlet", "date", "date_source"]].head(2)    # doctest: +SKIP
    """
    dates = {"dayfirst": dayfirst, "date_format": date_format}
    if isinstance(path, pd.DataFrame):
        return _from_frame(path, text_col=text_col, id_col=id_col, columns=columns,
                           extract_metadata=extract_metadata, dates=dates)
    if not isinstance(path, (str, os.PathLike)):
        raise CorpusError(f"cannot read a corpus from a {type(path).__name__}",
                          fix="give a file or folder path, or a pandas DataFrame")
    path = Path(path)
    if not path.exists():
        raise CorpusError("no such file or folder",
                          fix=f"check the path (a relative path starts at {Path.cwd()})", path=path)
    notes = Notes()
    if sheet is not None and not is_workbook(path):
        raise CorpusError("is not a spreadsheet, so it has no sheets", path=path,
                          fix="leave out --sheet (it applies to .xlsx/.xls/.ods files)")
    if path.is_dir():
        if text_col is not None:
            raise CorpusError("a folder's texts are its .txt files; a text column applies to "
                              "CSV/JSONL/Parquet input", fix="leave out --text-col", path=path)
        texts, metadata = read_folder(path, encoding=encoding, notes=notes)
        frame, extras = _join_metadata(texts, metadata, folder=path, id_col=id_col,
                                       columns=columns)
    else:
        if is_workbook(path):
            table = read_workbook(path, sheet=sheet)
        elif suffix_of(path):
            table = read_table(path, encoding=encoding, notes=notes)
        else:
            raise CorpusError(
                "is not a corpus file", path=path,
                fix=f"give a folder of .txt files or a "
                    f"{'/'.join((*TABLE_SUFFIXES, *EXCEL_SUFFIXES))} file")
        frame, extras = _from_table(table, text_col=text_col, id_col=id_col, columns=columns)
    return _finish(frame, extras, notes, extract_metadata=extract_metadata, source=path,
                   dates=dates)


def _from_frame(df, **kwargs):
    """A corpus from a DataFrame: its columns are recognised and mapped like a file's."""
    table = RawTable(df.reset_index(drop=isinstance(df.index, pd.RangeIndex)).astype(object),
                     Path("<DataFrame>"), list(range(1, len(df) + 1)), "row", "")
    extract, dates = kwargs.pop("extract_metadata"), kwargs.pop("dates")
    notes = Notes()
    frame, extras = _from_table(table, **kwargs)
    return _finish(frame, extras, notes, extract_metadata=extract, source="<DataFrame>",
                   dates=dates)


def _as_str(series):
    """Strings, with ``""`` for missing values (None, NaN)."""
    return series.astype(object).where(series.notna(), "").astype(str)


def _is_missing(value):
    return value is None or value is pd.NA or value is pd.NaT or (
        isinstance(value, float) and math.isnan(value))


def _strings(values):
    """A list of strings from any column, ``""`` for missing values."""
    return [v if isinstance(v, str) else "" if _is_missing(v) else str(v) for v in values]


def _canonical(raw, mapping):
    """Rename recognised columns to their fields and clashing extras; list the extras.

    The mapping used (input column -> field, then extra -> its name) is kept in the frame's
    ``attrs["columns"]`` for :func:`_finish`.
    """
    extras = rename_extras([c for c in raw.columns if c not in mapping])
    frame = raw.rename(columns={**mapping, **extras})
    frame.attrs = {"columns": {str(k): v for k, v in mapping.items()},
                   "extra_columns": {str(k): v for k, v in extras.items()}}
    return frame, list(extras.values())


def _check_ids(ids, table, what):
    empty = np.flatnonzero(ids.to_numpy() == "")
    if len(empty):
        raise CorpusError(f"has a row without {what}",
                          fix="give every row an id, or name another column with --id-col",
                          **table.where(int(empty[0])))
    repeated = np.flatnonzero(ids.duplicated().to_numpy())
    if len(repeated):
        i = int(repeated[0])
        first = int(np.flatnonzero(ids.to_numpy() == ids.iat[i])[0])
        raise CorpusError(
            f"repeats doc_id {ids.iat[i]!r} (first on {table.unit} {table.lines[first]})",
            fix="give each row a unique id, or name another id column with --id-col",
            **table.where(i))


def _from_table(table, *, text_col, id_col, columns, first_index=0, width=None):
    mapping = resolve_columns(list(table.frame.columns), path=table.path, text_col=text_col,
                              id_col=id_col, columns=columns)
    frame, extras = _canonical(table.frame, mapping)
    if frame.empty:
        raise CorpusError("has no rows", fix="add the articles, one per row", path=table.path)
    if "doc_id" in frame:
        frame["doc_id"] = _as_str(frame["doc_id"]).str.strip()
        _check_ids(frame["doc_id"], table, "an id")
    else:
        width = width or len(str(max(len(frame) - 1, 0)))
        frame["doc_id"] = [f"{i:0{width}d}" for i in range(first_index, first_index + len(frame))]
    frame["encoding"] = table.encoding
    frame["path"] = table.origins()
    return frame, extras


def _join_metadata(texts, metadata, *, folder, id_col, columns):
    if metadata is None:
        if columns or id_col is not None:
            raise CorpusError("has no metadata.csv for the column options to apply to",
                              fix="leave out the column options", path=folder)
        return texts, []
    found = list(metadata.frame.columns)
    mapping = resolve_columns(found, path=metadata.path, id_col=id_col, columns=columns,
                              with_text=False)
    if "doc_id" not in mapping.values():
        raise CorpusError(f"has no doc_id column (columns: {', '.join(map(repr, found))})",
                          fix="add a doc_id column holding each .txt file's name without .txt",
                          path=metadata.path, line=1)
    frame, extras = _canonical(metadata.frame, mapping)
    frame["doc_id"] = _as_str(frame["doc_id"]).str.strip()
    _check_ids(frame["doc_id"], metadata, "a doc_id")
    unknown = np.flatnonzero(~frame["doc_id"].isin(texts["doc_id"]).to_numpy())
    if len(unknown):
        i = int(unknown[0])
        doc_id = frame["doc_id"].iat[i]
        raise CorpusError(f"names doc_id {doc_id!r} but there is no {doc_id}.txt",
                          fix="correct the doc_id (the .txt file name without .txt) or remove "
                              "the row", **metadata.where(i))
    joined = texts.merge(frame, on="doc_id", how="left", validate="one_to_one")
    joined.attrs = dict(frame.attrs)
    return joined, extras


def _normalise_dates(raw, field, doc_ids, notes, dates=None):
    """ISO dates from metadata values; values that hold no full date become ``""``."""
    dates = dates or {}
    parsed = {value: metadata_date(value, **dates) for value in set(raw)}
    out = [parsed[v] for v in raw]
    bad = [i for i, (v, iso) in enumerate(zip(raw, out)) if v and not iso]
    hijri = [i for i in bad if is_hijri(raw[i])]
    numeric = [i for i in bad if i not in hijri and is_numeric_date(raw[i])]
    other = [i for i in bad if i not in hijri and i not in numeric]
    if hijri:
        notes.warn(f"{len(hijri)} {field} value(s) are Hijri dates only and were left empty, "
                   f"e.g. {raw[hijri[0]]!r} (doc_id {doc_ids[hijri[0]]}); they are kept as "
                   f"written in {DATE_RAW}: Hijri dates are not converted (the arithmetic "
                   "calendar can be a day or two off the Umm al-Qura one), so add the Gregorian "
                   "date where you need one")
    if numeric:
        notes.warn(f"{len(numeric)} {field} value(s) give day and month as numbers in an order "
                   f"that was not told and were left empty, e.g. {raw[numeric[0]]!r} (doc_id "
                   f"{doc_ids[numeric[0]]}); say the order with --dayfirst (Python: "
                   "dayfirst=True) or the format with --date-format '%m/%d/%Y'")
    if other:
        notes.warn(f"{len(other)} {field} value(s) in the metadata are not dates and were left "
                   f"empty, e.g. {raw[other[0]]!r} (doc_id {doc_ids[other[0]]}); write them as "
                   "YYYY-MM-DD, or give their format with --date-format")
    return out


def _fill_from_text(values, sources):
    """Fill empty metadata from the text, for documents whose metadata is incomplete."""
    for i, text in enumerate(values["text"]):
        if all(values[f][i] for f in _CORE_META) or not text.strip():
            continue
        found = _extract(text)
        values["date_candidates"][i] = found["date_candidates"]
        for field in SOURCED:
            if not values[field][i] and found[field]:
                values[field][i] = found[field]
                sources[field][i] = "text"


def _natural_key(doc_id):
    # Numbers in ids compare as numbers (doc2 before doc10); the id itself breaks ties.
    parts = re.split(r"(\d+)", doc_id)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), doc_id


def mark_duplicates(doc_ids, texts, notes=None, seen=None):
    """``duplicate_of`` for each document: the first doc_id with the same stripped text.

    ``seen`` (digest -> doc_id) carries what earlier chunks of a streamed corpus held; it keeps
    16-byte digests, not texts, so that its memory stays small.
    """
    first = {} if seen is None else seen
    out = []
    for doc_id, text in zip(doc_ids, texts):
        key = hashlib.blake2b(text.strip().encode("utf-8"), digest_size=16).digest()
        out.append(first.setdefault(key, doc_id) if text.strip() else "")
    out = [f if f != d else "" for f, d in zip(out, doc_ids)]
    dups = [i for i, f in enumerate(out) if f]
    if dups and notes is not None:
        notes.warn(f"{len(dups)} document(s) repeat the text of an earlier one (e.g. "
                   f"{doc_ids[dups[0]]} = {out[dups[0]]}); kept, and marked in duplicate_of")
    return out


def _finish(frame, extras, notes, *, extract_metadata, source, seen=None, dates=None):
    # Plain lists until the end: pandas would convert the long texts to Arrow strings at every
    # step, which costs seconds on a large corpus.
    mapping = dict(frame.attrs.get("columns", {}))
    extra_names = dict(frame.attrs.get("extra_columns", {}))
    ids = _strings(frame["doc_id"])
    order = sorted(range(len(ids)), key=lambda i: _natural_key(ids[i]))
    frame = frame.iloc[order].reset_index(drop=True)
    col = {"doc_id": [ids[i] for i in order],
           "text": [clean_text(t) for t in _strings(frame["text"])]}
    for field in SOURCED:
        col[field] = ([v.strip() for v in _strings(frame[field])] if field in frame
                      else [""] * len(frame))
    col["title"] = [clean_text(t) for t in col["title"]]
    raw_dates = col["date"]
    for field in ("date", "event_date"):
        col[field] = _normalise_dates(col[field], field, col["doc_id"], notes, dates)
    if raw_dates != col["date"]:
        frame[DATE_RAW] = raw_dates
        extras = [*extras, DATE_RAW]

    sources = {f: ["metadata" if v else "unknown" for v in col[f]] for f in SOURCED}
    col["date_candidates"] = [""] * len(frame)
    if extract_metadata:
        _fill_from_text(col, sources)
    col["repeated_title"] = [has_repeated_title(t) for t in col["text"]]
    col.update({f"{field}_source": values for field, values in sources.items()})
    col["encoding"] = _strings(frame["encoding"])
    col["duplicate_of"] = mark_duplicates(col["doc_id"], col["text"], notes, seen)
    col["path"] = _strings(frame["path"])
    empty = [i for i, t in enumerate(col["text"]) if not t.strip()]
    if empty:
        notes.warn(f"{len(empty)} document(s) have no text (e.g. {col['path'][empty[0]]}); "
                   "kept, as documents without sentences")

    ours = pd.DataFrame(col, dtype=object)
    ours = ours.astype({name: (bool if name == "repeated_title" else str) for name in col})
    out = pd.concat([ours[list(CORE)], frame[extras].infer_objects(),
                     ours[[*EXTRACTED, *PROVENANCE]]], axis=1)
    out.attrs = {"source": str(source), "warnings": list(notes.messages), "columns": mapping,
                 "extra_columns": extra_names}
    return out
