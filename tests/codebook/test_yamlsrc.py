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


def _tree(data):
    """Values, types and every recorded line of a loaded document."""
    if isinstance(data, dict):
        return ("map", data.line, dict(data.lines), {k: _tree(v) for k, v in data.items()})
    if isinstance(data, list):
        return ("seq", data.line, list(data.lines), [_tree(v) for v in data])
    return (type(data).__name__, data)


def _packaged_yaml():
    from importlib import resources

    root = resources.files("framing") / "data"
    return sorted(str(p) for kind in ("codebooks", "lexicons", "presets", "gazetteer")
                  for p in (root / kind).iterdir() if p.name.endswith(".yaml"))


@pytest.mark.parametrize("path", _packaged_yaml(), ids=lambda p: p.rsplit("/", 1)[-1])
def test_libyaml_and_pure_python_loaders_give_the_same_tree(path):
    from framing.codebook import yamlsrc

    if yamlsrc._CLoader is None:
        pytest.skip("PyYAML without libyaml: only the pure-Python loader runs")
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    assert yamlsrc._fast_tree(text) is not None  # the fast path is the one taken
    assert _tree(load_yaml(text, path)) == _tree(yamlsrc._load_python(text, path))


@pytest.mark.parametrize("text", [
    "a: 1\nb:\n  c: 2\n  c: 3\n",            # duplicate key (found while building the tree)
    "a: 1\nb: [1, 2\nc: 3\n",                # syntax error (libyaml fails, Python speaks)
    "a: 1\n---\nb: 2\n",                     # two documents
    "# only a comment\n",                    # empty
    "a: 1\n b: 2\n",                         # bad indentation
])
def test_messages_are_those_of_the_pure_python_loader(monkeypatch, text):
    from framing.codebook import yamlsrc

    with pytest.raises(CodebookError) as fast:
        load_yaml(text, "t.yaml")
    monkeypatch.setattr(yamlsrc, "_CLoader", None)  # as without libyaml
    with pytest.raises(CodebookError) as slow:
        load_yaml(text, "t.yaml")
    assert str(fast.value) == str(slow.value) and str(fast.value).startswith("t.yaml:")
