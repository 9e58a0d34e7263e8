"""framing.io: atomic files that follow the umask, bounded reading of hostile inputs."""

from __future__ import annotations

import gzip
import io
import os

import pytest

from framing.errors import FramingError, ParameterError
from framing.io import bounded_lines, iter_jsonl, limit_bytes, read_gzip, write_text


@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_follow_the_umask(tmp_path, mask, mode):
    old = os.umask(mask)
    try:
        write_text(tmp_path / "a.txt", "نص\n")
    finally:
        os.umask(old)
    assert oct((tmp_path / "a.txt").stat().st_mode & 0o777) == oct(mode)
    assert os.listdir(tmp_path) == ["a.txt"]  # no temporary file left


def test_long_lines_are_refused_without_reading_them_whole():
    stream = io.StringIO("short\n" + "x" * 5000 + "\nend\n")
    lines = bounded_lines(stream, "f.jsonl", max_line=1000)
    assert next(lines) == (1, "short\n")
    with pytest.raises(FramingError, match=r"^f.jsonl:2: has a line longer than 0.001 MB"):
        next(lines)
    assert stream.tell() <= 6 + 1001  # stopped after the limit


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.delenv("FRAMING_MAX_LINE_MB", raising=False)
    assert limit_bytes("FRAMING_MAX_LINE_MB", 64) == 64_000_000
    monkeypatch.setenv("FRAMING_MAX_LINE_MB", "0.5")
    assert limit_bytes("FRAMING_MAX_LINE_MB", 64) == 500_000
    monkeypatch.setenv("FRAMING_MAX_LINE_MB", "-1")
    with pytest.raises(ParameterError, match="must be a positive number of MB"):
        limit_bytes("FRAMING_MAX_LINE_MB", 64)


def test_broken_and_bomb_gzip_files_are_one_error(tmp_path, monkeypatch):
    good = tmp_path / "a.jsonl.gz"
    good.write_bytes(gzip.compress(b'{"text": "\xd9\x86\xd8\xb5"}\n' * 1000))
    assert len(list(iter_jsonl(good))) == 1000
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(good.read_bytes()[:30])
    with pytest.raises(FramingError, match="is not a readable gzip file"):
        list(iter_jsonl(cut))
    with pytest.raises(FramingError, match="is not a readable gzip file"):
        read_gzip(cut)
    monkeypatch.setenv("FRAMING_MAX_INPUT_MB", "0.01")
    with pytest.raises(FramingError, match="decompresses to more than 0.01 MB"):
        read_gzip(good)
