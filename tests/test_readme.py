"""The README's Python examples import from the package root only, and run as written."""

from __future__ import annotations

import re

from conftest import ROOT

BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_readme_examples_import_from_the_root_only():
    assert BLOCKS
    imports = [line for block in BLOCKS for line in block.splitlines()
               if re.match(r"\s*(from|import) framing", line)]
    assert imports and all(re.match(r"\s*from framing import ", line) for line in imports), imports


def test_readme_examples_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    for block in BLOCKS:
        exec(compile(block, "README.md", "exec"), {})
    assert (tmp_path / "results" / "seeds" / "articles.csv").is_file()
