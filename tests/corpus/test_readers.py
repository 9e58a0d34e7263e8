"""framing.corpus.readers: raw tables that know the line each row came from."""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc

import pytest

from framing.corpus import iter_corpus, load_corpus
from framing.errors import CorpusError
from helpers import TABLE, by_id, load_quietly, write_table


def test_table_line_numbers_are_kept(tmp_path):
    path = write_table(TABLE, tmp_path / "t.csv")
    df = by_id(load_quietly(path))
    # b2's quoted text spans two lines, so the next record starts on line 4.
    assert [df.loc[d, "path"] for d in ("b2", "b10", "a1")] == [
        f"{path}:2", f"{path}:4", f"{path}:5"]


def test_parquet_index_is_kept_as_a_column(tmp_path):
    path = tmp_path / "i.parquet"
    TABLE.rename(columns={"ID": "doc_id"}).set_index("doc_id").to_parquet(path)
    assert sorted(load_quietly(path)["doc_id"]) == sorted(TABLE["ID"])


# -- hostile inputs: bounded in time and memory ------------------------------------------------

def _bounded(call, seconds=5, megabytes=60):
    """Run ``call`` (which must raise CorpusError) within a time and memory budget."""
    tracemalloc.start()
    start = time.monotonic()
    try:
        with pytest.raises(CorpusError) as err:
            call()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.monotonic() - start < seconds and peak < megabytes * 1e6, (peak, err.value)
    return str(err.value)


def test_a_gzip_of_zeros_is_refused_at_its_first_block(tmp_path):
    path = tmp_path / "zeros.jsonl.gz"
    with gzip.open(path, "wb") as fh:  # 32 MB of NUL bytes in 32 kB
        block = b"\0" * (1 << 20)
        for _ in range(32):
            fh.write(block)
    assert path.stat().st_size < 100_000
    assert "binary" in _bounded(lambda: load_corpus(path))
    assert "binary" in _bounded(lambda: next(iter_corpus(path, 100)))


def test_a_gzip_that_inflates_beyond_the_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.jsonl.gz"
    line = json.dumps({"text": "ليبيا ومصر " * 400}, ensure_ascii=False) + "\n"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(line * 1000)  # about 8 MB of valid JSON Lines
    monkeypatch.setenv("FRAMING_MAX_INPUT_MB", "2")
    msg = _bounded(lambda: load_corpus(path), megabytes=30)
    assert "decompresses to more than 2 MB" in msg and "FRAMING_MAX_INPUT_MB" in msg
    monkeypatch.setenv("FRAMING_MAX_INPUT_MB", "20")  # raised: read whole
    from framing.io import read_gzip

    assert read_gzip(path).count(b"\n") == 1000


def test_a_line_longer_than_the_limit_is_refused_when_streaming(tmp_path, monkeypatch):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "نص"}) + "\n" + '{"text": "' + "ا" * 300_000 + '"}\n',
                    encoding="utf-8")
    monkeypatch.setenv("FRAMING_MAX_LINE_MB", "0.1")
    msg = _bounded(lambda: next(iter_corpus(path, 10)))
    assert msg.startswith(f"{path}:2: has a line longer than 0.1 MB")
    monkeypatch.setenv("FRAMING_MAX_LINE_MB", "nope")
    with pytest.raises(ValueError, match="FRAMING_MAX_LINE_MB must be a positive number"):
        next(iter_corpus(path, 10))
