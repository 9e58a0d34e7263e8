"""Atomic output writing: a reader never sees a half-written file, and a failed run leaves none."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path


@contextlib.contextmanager
def atomic_path(path):
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_text(path, text, encoding="utf-8"):
    """Write ``text`` to ``path`` atomically (UTF-8, ``\\n`` line endings)."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding=encoding, newline="\n")


def write_json(path, obj):
    """Write ``obj`` as sorted, indented JSON atomically (deterministic bytes)."""
    write_text(path, json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def write_table(df, path, fmt="csv"):
    """Write a DataFrame as CSV (UTF-8, no index, ``\\n``) or Parquet, atomically."""
    with atomic_path(path) as tmp:
        if fmt == "parquet":
            df.to_parquet(tmp, index=False)
        else:
            df.to_csv(tmp, index=False, lineterminator="\n")


def iter_jsonl(path, error=None):
    """Yield ``(line_number, record)`` for each non-empty line of a JSON Lines file.

    ``.gz`` files are decompressed on the fly. A line that is not a JSON object raises
    ``error`` (default :class:`framing.errors.FramingError`) naming the file and the line.
    """
    import gzip

    path = Path(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig") as fh:
        yield from parse_jsonl_lines(enumerate(fh, 1), path, error)


def parse_jsonl_lines(numbered_lines, path, error=None):
    """Parse ``(line_number, text)`` pairs of a JSON Lines file into ``(line_number, record)``."""
    from .errors import FramingError

    error = error or FramingError
    for lineno, line in numbered_lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"is not valid JSON ({exc.msg}, column {exc.colno})", path=path,
                        line=lineno, fix="put one JSON object on each line; repair or remove "
                                         "this line") from None
        if not isinstance(record, dict):
            raise error(f"holds a JSON {type(record).__name__}, not an object", path=path,
                        line=lineno, fix='put one object per line: {"key": value, ...}')
        yield lineno, record


def read_records(path):
    """Read a CSV or JSON Lines file of records into a DataFrame (CSV cells as strings).

    For labelled training data and texts to label (``framing train``, ``framing predict``); a
    corpus is read with :func:`framing.load_corpus`, which knows much more about its columns.
    """
    import pandas as pd

    from .errors import FramingError

    path = Path(path)
    if not path.is_file():
        raise FramingError("file not found", path=path)
    if path.suffix.lower() == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        raise FramingError("unknown file type", path=path, fix="use a .csv or .jsonl file")
    rows = [rec for _, rec in iter_jsonl(path)]
    if not rows:
        raise FramingError("no records", path=path)
    return pd.DataFrame(rows)


def write_jsonl(path, records):
    """Write dicts as JSON Lines, atomically: missing values (NaN) are left out, NumPy scalars
    become plain numbers."""
    import math

    import numpy as np

    def default(value):
        if isinstance(value, np.generic):
            return value.item()
        raise TypeError(f"cannot write {type(value).__name__} as JSON")

    lines = []
    for rec in records:
        rec = {k: v for k, v in rec.items() if not (isinstance(v, float) and math.isnan(v))}
        lines.append(json.dumps(rec, ensure_ascii=False, default=default))
    write_text(path, "\n".join(lines) + "\n")
