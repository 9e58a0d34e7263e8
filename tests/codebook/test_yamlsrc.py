"""framing.codebook.yamlsrc: line numbers kept, duplicate keys and aliases refused -- a YAML
bomb costs milliseconds, not gigabytes."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from framing.codebook import load_codebook
from framing.codebook.yamlsrc import load_yaml
from framing.errors import CodebookError
from helpers import MINI


def _billion_laughs(levels=9):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("text,line", [
    (_billion_laughs(), 2),
    ("name: x\nx: &a [*a]\n", 2),
    ("base: &b {cue: نص}\ntopics:\n  t:\n    cues: [*b]\n", 4),
    ("base: &b {weight: 1}\nother:\n  <<: *b\n", 3),
])
def test_aliases_are_refused_at_once_with_their_line(tmp_path, text, line):
    path = tmp_path / "bomb.yaml"
    path.write_text(text, encoding="utf-8")
    tracemalloc.start()
    start = time.monotonic()
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    elapsed = time.monotonic() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert str(err.value).startswith(f"{path}:{line}: YAML alias *"), err.value
    assert elapsed < 2 and peak < 20_000_000


def test_anchors_without_aliases_and_line_numbers_still_work():
    data = load_yaml("a: &x 1\nb:\n  - c\n  - d\n", "t.yaml")
    assert data == {"a": 1, "b": ["c", "d"]} and data.lines == {"a": 1, "b": 2}
    assert data["b"].lines == [3, 4]
    assert load_codebook(MINI).name == "mini"
