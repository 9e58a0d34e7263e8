"""Every notebook (solutions included) executes headless, with the shared folder and without it;
.py and .ipynb stay paired and clean; the exercises are what the solutions generate."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT

jupytext = pytest.importorskip("jupytext")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.py") if ".ipynb_checkpoints" not in p.parts)
# The notebooks that read ../shared (through framing.notebook.shared_path, see
# test_shared_data_goes_through_shared_path) run a second time with the folder hidden.
READS_SHARED = [p for p in NOTEBOOKS if "shared_path(" in p.read_text(encoding="utf-8")]
# Longest first (those that read the shared corpora), so that with pytest-xdist (each run is a
# unit of its own, see tests/conftest.py) no long run starts last.
RUNS = ([(p, "shared") for p in READS_SHARED] + [(p, "shared") for p in NOTEBOOKS
                                                 if p not in READS_SHARED]
        + [(p, "hidden") for p in READS_SHARED])
# A code cell that reaches ../shared without shared_path: a path built by hand, or the folder
# named as a string
BYPASS = re.compile(r"""\.parent\s*/\s*["']shared|["']\.\./shared|["']shared["']""")


def name(path):
    return str(path.relative_to(ROOT / "notebooks"))


def code_cells(path):
    return [c for c in jupytext.read(path).cells if c.cell_type == "code"]


def test_there_are_notebooks():
    names = {p.stem for p in NOTEBOOKS}
    assert {"01_quickstart", "04_build_your_codebook"} <= names
    assert READS_SHARED, "no notebook reads ../shared: the hidden-shared runs test nothing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=name)
def test_notebook_is_paired_and_output_free(path):
    ipynb = path.with_suffix(".ipynb")
    assert ipynb.exists(), f"run `jupytext --sync {path}` to create {ipynb.name}"
    nb = jupytext.read(ipynb)
    py = jupytext.read(path)
    assert [c.source for c in nb.cells] == [c.source for c in py.cells], "out of sync: jupytext --sync"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, "strip outputs before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=name)
def test_shared_data_goes_through_shared_path(path):
    """A reader without ../shared gets a note, not a traceback: every cell that needs the folder
    asks framing.notebook.shared_path for it."""
    bad = [c.source.splitlines()[0] for c in code_cells(path) if BYPASS.search(c.source)]
    assert not bad, f"build paths under ../shared with shared_path(...), not by hand: {bad}"


def test_teaching_notebooks_are_generated_from_solutions():
    """notebooks/teaching/week*.py are the solutions without their solution cells."""
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "teaching.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr + "\nregenerate with: python tools/teaching.py"


def _texts(nb):
    """Every text a notebook printed or displayed."""
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else ():
            if out.get("output_type") == "stream":
                yield out.get("text", "")
            elif "data" in out:
                yield str(out["data"].get("text/plain", ""))


@pytest.mark.slow
@pytest.mark.parametrize("path,shared", RUNS, ids=[f"{name(p)}-{s}" for p, s in RUNS])
def test_notebook_executes(path, shared, monkeypatch, tmp_path):
    """Runs top to bottom without an error; with ``hidden``, as on a reader's machine without
    ../shared (FRAMING_SHARED=""): the notebook says what is missing and goes on."""
    monkeypatch.setenv("MPLBACKEND", "Agg")  # the kernel inherits the environment
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the notebooks' temporary folders, cleaned up
    # the kernel's own IPython folder (history database), not the one parallel runs share
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    if shared == "hidden":
        monkeypatch.setenv("FRAMING_SHARED", "")
    nb = jupytext.read(path)
    client = nbclient.NotebookClient(nb, timeout=240, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors
    printed = "\n".join(_texts(nb))
    if shared == "hidden":
        assert "../shared/" in printed, "no cell said which shared data is missing"
    if path.parent.name == "solutions":
        assert "not yet:" not in printed, "a solution leaves an exercise undone"
    elif path.parent.name == "teaching":
        assert "not yet:" in printed, "an exercise notebook starts with its exercises done"
