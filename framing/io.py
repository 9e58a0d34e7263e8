"""Atomic output writing: a reader never sees a half-written file, and a failed run leaves none."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from .outdir import file_sha256 as file_sha256  # re-exported: one file hashing in the package
from .outdir import umask


@contextlib.contextmanager
def atomic_path(path):
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds.

    The file gets the permissions of the umask (``0o666 & ~umask``), like any new file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes 0600: outputs follow the umask instead
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


#: Environment variables that raise the limits on hostile or huge inputs (in MB).
MAX_INPUT_ENV = "FRAMING_MAX_INPUT_MB"
MAX_LINE_ENV = "FRAMING_MAX_LINE_MB"
DEFAULT_MAX_INPUT_MB = 512  # a decompressed file read whole (SaudiNewsNet: 106 MB)
DEFAULT_MAX_LINE_MB = 64  # one line of a JSON Lines file (an article is kilobytes)


def limit_bytes(env, default_mb):
    """A size limit in bytes from environment variable ``env`` (MB), else ``default_mb``."""
    from .errors import ParameterError

    value = os.environ.get(env)
    if value is None or not value.strip():
        return int(default_mb * 1e6)
    try:
        mb = float(value)
    except ValueError:
        mb = -1.0
    if not mb > 0:
        raise ParameterError(f"{env} must be a positive number of MB, not {value!r}",
                             fix=f"e.g. {env}={default_mb * 4}")
    return int(mb * 1e6)


def read_gzip(path, error=None):
    """The decompressed bytes of a gzip file, read in blocks and refused beyond a limit.

    The limit is ``FRAMING_MAX_INPUT_MB`` (default 512 MB), so that a small "gzip bomb"
    cannot fill the memory; a file that starts with NUL bytes is refused at its first block.
    """
    import gzip
    import zlib

    from .errors import FramingError

    error = error or FramingError
    limit = limit_bytes(MAX_INPUT_ENV, DEFAULT_MAX_INPUT_MB)
    out = bytearray()
    try:
        with gzip.open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                if not out and b"\x00" in block[:4096]:
                    raise error("decompresses to binary data (NUL bytes), not text", path=path,
                                fix="give a gzipped UTF-8 text file")
                out += block
                if len(out) > limit:
                    raise error(f"decompresses to more than {limit / 1e6:g} MB", path=path,
                                fix=f"analyse it in chunks (--chunk-size 2000 streams JSON "
                                    f"Lines), or raise the limit with {MAX_INPUT_ENV}=MB")
    except (OSError, EOFError, zlib.error) as exc:
        raise error(f"is not a readable gzip file ({exc})", path=path,
                    fix="re-compress it with gzip, or give the uncompressed file") from None
    return bytes(out)


def bounded_lines(fh, path, error=None, max_line=None):
    """``(line_number, line)`` of a text stream, refusing a line longer than the limit
    (``FRAMING_MAX_LINE_MB``, default 64 MB) instead of reading it whole."""
    from .errors import FramingError

    error = error or FramingError
    limit = max_line or limit_bytes(MAX_LINE_ENV, DEFAULT_MAX_LINE_MB)
    lineno = 0
    while line := fh.readline(limit + 1):
        lineno += 1
        if len(line) > limit and not line.endswith("\n"):
            raise error(f"has a line longer than {limit / 1e6:g} MB", path=path, line=lineno,
                        fix=f"put one record per line; raise the limit with {MAX_LINE_ENV}=MB "
                            "if the line is real")
        yield lineno, line


def iter_jsonl(path, error=None):
    """Yield ``(line_number, record)`` for each non-empty line of a JSON Lines file.

    ``.gz`` files are decompressed on the fly. A line that is not a JSON object raises
    ``error`` (default :class:`framing.errors.FramingError`) naming the file and the line, as
    does a line longer than ``FRAMING_MAX_LINE_MB`` (default 64 MB) or a broken gzip stream.
    """
    import gzip
    import zlib

    from .errors import FramingError

    path = Path(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8-sig") as fh:
            yield from parse_jsonl_lines(bounded_lines(fh, path, error), path, error)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise (error or FramingError)(f"is not a readable gzip file ({exc})", path=path,
                                      fix="re-compress it with gzip") from None
    except UnicodeDecodeError as exc:
        raise (error or FramingError)(f"is not UTF-8 ({exc.reason})", path=path,
                                      fix="re-save it as UTF-8") from None


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
