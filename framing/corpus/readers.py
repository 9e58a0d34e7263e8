"""Reading corpus inputs into raw tables, each row knowing the line it came from.

A reader returns the input's own columns untouched (names and values); recognising columns
and cleaning values is :mod:`framing.corpus.load`'s job.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import CorpusError
from ..io import read_gzip
from .encoding import decode_bytes

METADATA_FILE = "metadata.csv"
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json",
                  ".parquet", ".pq")
# Article texts can be far longer than the csv module's default 128 KiB field limit.
_CSV_FIELD_LIMIT = 1 << 30


@dataclass
class RawTable:
    """An input table and where each of its rows came from.

    Attributes
    ----------
    frame : pandas.DataFrame
        The input's columns as read.
    path : pathlib.Path
    lines : list of int
        1-based line (CSV, JSONL) or row (Parquet, JSON array) of each record.
    unit : str
        ``"line"`` or ``"row"``: what ``lines`` counts.
    encoding : str
    """

    frame: pd.DataFrame
    path: Path
    lines: list
    unit: str
    encoding: str

    def where(self, i):
        """Keyword arguments of :class:`CorpusError` for record ``i`` (0-based)."""
        if self.unit == "line":
            return {"path": self.path, "line": self.lines[i]}
        return {"path": f"{self.path} (row {self.lines[i]})"}

    def origins(self):
        """The ``path`` column: ``file:line`` for line-based files, ``file#row`` otherwise."""
        sep = ":" if self.unit == "line" else "#"
        return [f"{self.path}{sep}{n}" for n in self.lines]


def suffix_of(path):
    name = path.name.lower()
    return next((s for s in sorted(TABLE_SUFFIXES, key=len, reverse=True) if name.endswith(s)), "")


def read_table(path, *, encoding=None, notes=None):
    """Read a CSV/TSV, JSONL (optionally gzipped), JSON array or Parquet file."""
    suffix = suffix_of(path)
    if suffix in (".parquet", ".pq"):
        return _read_parquet(path)
    # A .gz is inflated block by block up to a limit (FRAMING_MAX_INPUT_MB), never at once.
    data = read_gzip(path, CorpusError) if suffix.endswith(".gz") else path.read_bytes()
    if not data.strip():
        raise CorpusError("is empty", fix="remove it or add its rows", path=path)
    text, used = decode_bytes(data, path, encoding=encoding, notes=notes)
    if suffix in (".csv", ".tsv"):
        return read_csv_text(text, path, used, delimiter="\t" if suffix == ".tsv" else ",")
    if suffix == ".json":
        return _read_json_array(text, path, used)
    return _read_jsonl(text, path, used)


def read_csv_text(text, path, encoding, delimiter=","):
    """Parse CSV text with the csv module, which knows the line each record starts on
    (a quoted article text may span many lines)."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, lines, last = [], [], 0
    try:
        header = next(reader, None)
        if not header:
            raise CorpusError("has no header line", fix="put the column names on the first line",
                              path=path, line=1)
        header = [h.strip() for h in header]
        dup = next((h for i, h in enumerate(header) if h in header[:i]), None)
        if dup is not None:
            raise CorpusError(f"names column {dup!r} twice", fix="give each column its own name",
                              path=path, line=1)
        last = reader.line_num
        for row in reader:
            start, last = last + 1, reader.line_num
            if not row:
                continue
            if len(row) != len(header):
                raise CorpusError(
                    f"has {len(row)} field(s) where the header has {len(header)}",
                    fix="quote fields that contain the delimiter, line breaks or quotes",
                    path=path, line=start)
            rows.append(row)
            lines.append(start)
    except csv.Error as exc:
        raise CorpusError(f"is not valid CSV ({exc})", fix="repair the quoting on this line",
                          path=path, line=reader.line_num) from None
    return RawTable(pd.DataFrame(rows, columns=header, dtype=object), path, lines, "line", encoding)


def _frame(records):
    """Records as an object-dtype frame; columns in order of first appearance."""
    names = list(dict.fromkeys(key for record in records for key in record))
    return pd.DataFrame({name: [r.get(name) for r in records] for name in names}, dtype=object)


def _read_jsonl(text, path, encoding):
    records, lines = [], []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"is not valid JSON ({exc.msg}, column {exc.colno})",
                              fix="put one JSON object on each line; repair or remove this line",
                              path=path, line=n) from None
        if not isinstance(record, dict):
            raise CorpusError(f"holds a JSON {type(record).__name__}, not an object",
                              fix='put one object per line: {"doc_id": ..., "text": ...}',
                              path=path, line=n)
        records.append(record)
        lines.append(n)
    return RawTable(_frame(records), path, lines, "line", encoding)


def _read_json_array(text, path, encoding):
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"is not valid JSON ({exc.msg})", fix="repair the JSON",
                          path=path, line=exc.lineno) from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise CorpusError("is not a JSON array of objects",
                          fix='write [{"doc_id": ..., "text": ...}, ...] or one object per line '
                              "(JSONL)", path=path)
    return RawTable(_frame(records), path,
                    list(range(1, len(records) + 1)), "row", encoding)


def _read_parquet(path):
    try:
        frame = pd.read_parquet(path)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise CorpusError(f"is not a readable Parquet file ({exc})", path=path,
                          fix="write it again with pandas.DataFrame.to_parquet") from None
    # A named index (df.set_index("doc_id").to_parquet()) is data: keep it as a column.
    frame = frame.reset_index(drop=isinstance(frame.index, pd.RangeIndex))
    return RawTable(frame, path, list(range(1, len(frame) + 1)), "row", "utf-8")


def read_folder(folder, *, encoding=None, notes=None):
    """Read every ``*.txt`` of ``folder`` (not sub-folders, not hidden files).

    Returns
    -------
    texts : pandas.DataFrame
        ``doc_id`` (the file stem), ``text``, ``encoding``, ``path``; sorted by file name.
    metadata : RawTable or None
        The folder's ``metadata.csv``, if any.

    Raises
    ------
    CorpusError
        No ``.txt`` file; an empty, binary or undecodable file.
    """
    files = sorted(p for p in folder.glob("*.txt") if p.is_file() and not p.name.startswith("."))
    if not files:
        raise CorpusError("holds no .txt files",
                          fix="put one article per .txt file in the folder, or give a "
                              "CSV/JSONL/Parquet file", path=folder)
    rows = []
    for file in files:
        text, used = decode_bytes(file.read_bytes(), file, encoding=encoding, notes=notes)
        if not text.strip():
            raise CorpusError("is empty", fix="remove it or add its text", path=file)
        rows.append((file.stem, text, used, str(file)))
    texts = pd.DataFrame(rows, columns=["doc_id", "text", "encoding", "path"], dtype=str)

    meta_path = folder / METADATA_FILE
    metadata = None
    if meta_path.is_file():
        data = meta_path.read_bytes()
        meta_text, used = decode_bytes(data, meta_path, encoding=encoding, notes=notes)
        metadata = read_csv_text(meta_text, meta_path, used)
    return texts, metadata
