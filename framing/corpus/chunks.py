"""Large corpora read in chunks: JSON Lines streamed line by line, anything else cut after loading.

The chunks, concatenated, equal :func:`framing.corpus.load_corpus` for id-less JSON Lines files
(rows numbered in file order); exact duplicates are found across chunks.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CorpusError
from .load import _finish, _from_table, load_corpus
from .notes import Notes
from .readers import RawTable, suffix_of
from .readers import _frame as _records_frame


def iter_corpus(path, chunk_size=2000, *, text_col=None, id_col=None, columns=None,
                extract_metadata=True, encoding=None, sheet=None, dayfirst=None,
                date_format=None):
    """Load a corpus in chunks of ``chunk_size`` documents, for corpora larger than memory.

    JSON Lines files (``.jsonl``, ``.jsonl.gz``; UTF-8) are read line by line, so memory stays
    bounded by the chunk size; other inputs are loaded whole and then cut into chunks. The
    chunks, concatenated, equal :func:`load_corpus` for id-less JSONL files (rows numbered in
    file order); with an id column, each chunk is in id order and chunks follow file order.
    Exact duplicates are found across chunks.

    Yields
    ------
    pandas.DataFrame
        The columns of :func:`load_corpus`.
    """
    path = Path(path)
    if chunk_size < 1:
        raise CorpusError("chunk size must be at least 1", fix="use e.g. --chunk-size 2000")
    kw = dict(text_col=text_col, id_col=id_col, columns=columns, dayfirst=dayfirst,
              date_format=date_format)
    if is_streamable(path, encoding) and sheet is None:
        yield from _iter_jsonl(path, chunk_size, extract_metadata, kw)
        return
    whole = load_corpus(path, extract_metadata=extract_metadata, encoding=encoding, sheet=sheet,
                        **kw)
    for start in range(0, max(len(whole), 1), chunk_size):
        yield whole.iloc[start:start + chunk_size].reset_index(drop=True)


def iter_raw_jsonl(path, chunk_size):
    """Cut a JSON Lines file into chunks of raw lines without parsing them (cheap).

    Yields
    ------
    dict
        ``lines`` (list of ``(line_number, text)``), ``first_index`` (row number of the chunk's
        first record) and ``width`` (digits of the row-number ids): what
        :func:`jsonl_chunk_frame` needs to build the chunk anywhere, e.g. in a worker process.
    """
    import gzip

    from ..io import bounded_lines

    opener = gzip.open if path.name.lower().endswith(".gz") else open

    def numbered():  # a line longer than FRAMING_MAX_LINE_MB is refused, not read whole
        try:
            with opener(path, "rt", encoding="utf-8-sig") as fh:
                yield from ((n, line) for n, line in bounded_lines(fh, path, CorpusError)
                            if line.strip())
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise CorpusError(f"cannot be streamed ({exc})",
                              fix="give a UTF-8 JSON Lines file, or run without streaming",
                              path=path) from None

    try:
        with opener(path, "rb") as fh:
            head = fh.read(4096)
    except (OSError, EOFError) as exc:
        raise CorpusError(f"cannot be streamed ({exc})", fix="re-compress it with gzip",
                          path=path) from None
    if b"\x00" in head:
        raise CorpusError("is binary (NUL bytes), not JSON Lines text",
                          fix="give a UTF-8 JSON Lines file", path=path)
    n_records = sum(1 for _ in numbered())
    if not n_records:
        raise CorpusError("is empty", fix="remove it or add its rows", path=path)
    width = len(str(max(n_records - 1, 0)))
    done, lines = 0, []
    for item in numbered():
        lines.append(item)
        if len(lines) == chunk_size:
            yield {"lines": lines, "first_index": done, "width": width}
            done, lines = done + len(lines), []
    if lines:
        yield {"lines": lines, "first_index": done, "width": width}


def jsonl_chunk_frame(path, chunk, *, text_col=None, id_col=None, columns=None,
                      extract_metadata=True, seen=None, dayfirst=None, date_format=None,
                      sheet=None):
    """The corpus table of one chunk from :func:`iter_raw_jsonl` (as :func:`load_corpus` would)."""
    if sheet is not None:
        raise CorpusError("is not a spreadsheet, so it has no sheets", path=path,
                          fix="leave out --sheet (it applies to .xlsx/.xls/.ods files)")
    from ..io import parse_jsonl_lines

    numbers, records = [], []
    for n, record in parse_jsonl_lines(chunk["lines"], path, CorpusError):
        numbers.append(n)
        records.append(record)
    table = RawTable(_records_frame(records), Path(path), numbers, "line", "utf-8")
    frame, extras = _from_table(table, text_col=text_col, id_col=id_col, columns=columns,
                                first_index=chunk["first_index"], width=chunk["width"])
    return _finish(frame, extras, Notes(), extract_metadata=extract_metadata, source=path,
                   seen=seen, dates={"dayfirst": dayfirst, "date_format": date_format})


def is_streamable(path, encoding=None):
    """Whether :func:`iter_corpus` streams ``path`` (UTF-8 JSON Lines) rather than loading it."""
    path = Path(path)
    return (path.is_file() and encoding in (None, "utf-8")
            and suffix_of(path) in (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"))


def _iter_jsonl(path, chunk_size, extract_metadata, kw):
    seen = {}  # duplicates are found across chunks
    for chunk in iter_raw_jsonl(path, chunk_size):
        yield jsonl_chunk_frame(path, chunk, extract_metadata=extract_metadata, seen=seen, **kw)
