"""Teaching notebooks from one source: the exercises are generated from the solutions.

The source of week N is ``notebooks/teaching/solutions/weekN_<topic>_solutions.py`` (jupytext
percent format). Its cells are of three kinds, marked with jupytext cell metadata::

    # %%                        both notebooks (explanations, setup, check cells, Discuss)
    # %% tags=["exercise"]      the student's starting point (a ``# TODO`` with starter code);
                                kept in both, and in the solutions it is followed at once by
    # %% tags=["solution"]      the cell that does the exercise; solution cells (code, the
                                **Answer** and *Instructor note* cells, the solutions banner)
                                appear in the solutions only.

``python tools/teaching.py`` writes ``notebooks/teaching/weekN_<topic>.py`` and its ``.ipynb``
from every source (the solution cells dropped) and writes each source's paired ``.ipynb``;
``--check`` writes nothing and exits 1 when a committed file differs from what would be
written (or a source breaks the rules above). Give week numbers or source paths to limit the
run to those weeks.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import hashlib
import json
import sys
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parents[1]
TEACHING = ROOT / "notebooks" / "teaching"
SOLUTIONS = TEACHING / "solutions"
SUFFIX = "_solutions"
SOLUTION, EXERCISE = "solution", "exercise"
# jupytext writes its own version into the text header; the committed files leave it out so
# that a jupytext upgrade does not change every notebook
_VERSION_KEYS = ("format_version:", "jupytext_version:")


class SourceError(Exception):
    """A solutions file that breaks the tagging rules."""


def sources(selection=()):
    """The solution sources, all of them or those named (a week number or a path)."""
    found = sorted(SOLUTIONS.glob(f"week*{SUFFIX}.py"))
    if not selection:
        return found
    chosen = []
    for item in selection:
        path = Path(item)
        if path.suffix == ".py":
            matches = [p for p in found if p.resolve() == path.resolve()]
        else:
            matches = [p for p in found if p.name.startswith(f"week{item.removeprefix('week')}_")]
        if not matches:
            raise SourceError(f"{item}: no solutions file of that name or week in {SOLUTIONS}")
        chosen += matches
    return chosen


def exercise_path(source):
    """``solutions/weekN_x_solutions.py`` -> ``weekN_x.py`` beside ``solutions/``."""
    return TEACHING / (source.stem.removesuffix(SUFFIX) + ".py")


def tags(cell):
    return set(cell.metadata.get("tags", ()))


def lint(nb, name):
    """Raise SourceError where a solutions notebook breaks the rules of the module docstring."""
    problems = []
    cells = nb.cells
    for i, cell in enumerate(cells):
        kind = tags(cell) & {SOLUTION, EXERCISE}
        first = cell.source.splitlines()[0][:50] if cell.source else "empty"
        where = f"{name}, cell {i + 1} ({first!r})"
        if kind == {SOLUTION, EXERCISE}:
            problems.append(f"{where}: tagged both exercise and solution")
        elif kind == {EXERCISE}:
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if cell.cell_type != "code" or "TODO" not in cell.source:
                problems.append(f"{where}: an exercise cell is a code cell with a # TODO")
            if nxt is None or nxt.cell_type != "code" or SOLUTION not in tags(nxt):
                problems.append(f"{where}: an exercise cell must be followed by its solution "
                                "(a code cell tagged solution)")
    if not any(EXERCISE in tags(c) for c in cells):
        problems.append(f"{name}: no cell is tagged exercise")
    if problems:
        raise SourceError("\n".join(problems))


def exercise_notebook(nb):
    """The student notebook: the source without its solution cells."""
    out = copy.deepcopy(nb)
    out.cells = [c for c in out.cells if SOLUTION not in tags(c)]
    return out


def py_text(nb):
    """The percent-format text of ``nb``, without jupytext's version lines in the header."""
    lines = jupytext.writes(nb, fmt="py:percent").splitlines(keepends=True)
    end = lines.index("# ---\n", 1) if lines and lines[0] == "# ---\n" else 0
    return "".join(line for i, line in enumerate(lines)
                   if not (i < end and line.strip("# \n").startswith(_VERSION_KEYS)))


def ipynb_text(nb, previous=None):
    """The output-free ``.ipynb`` text of ``nb``. Cell ids are taken from ``previous`` (the
    committed file) where a cell of the same type and source is there, else derived from the
    source, so that writing twice gives the same file."""
    reuse = {}
    if previous is not None:
        for cell in previous.cells:
            if "id" in cell:
                reuse.setdefault((cell.cell_type, cell.source), []).append(cell["id"])
    used = set()
    for cell in nb.cells:
        ids = reuse.get((cell.cell_type, cell.source), [])
        cid = ids.pop(0) if ids else hashlib.sha1(cell.source.encode()).hexdigest()[:8]
        while cid in used:
            cid = hashlib.sha1(cid.encode()).hexdigest()[:8]
        used.add(cid)
        cell["id"] = cid
        if cell.cell_type == "code":
            cell["outputs"], cell["execution_count"] = [], None
    text = jupytext.writes(nb, fmt="ipynb")
    return text if text.endswith("\n") else text + "\n"


def _cells(nb):
    """What pairing compares: each cell's type, source and metadata (not ids, not outputs)."""
    return [(c.cell_type, c.source, json.dumps(dict(c.metadata), sort_keys=True)) for c in nb.cells]


def _read_ipynb(path):
    return jupytext.read(path) if path.exists() else None


def plan(source):
    """The source notebook and ``{path: text}`` of the files it determines."""
    nb = jupytext.read(source)
    lint(nb, str(source.relative_to(ROOT)))
    exercise = exercise_notebook(nb)
    target = exercise_path(source)
    files = {target: py_text(exercise)}
    for notebook, path in ((exercise, target), (nb, source)):
        ipynb = path.with_suffix(".ipynb")
        files[ipynb] = ipynb_text(notebook, _read_ipynb(ipynb))
    return nb, files


def check(selected):
    """Messages for every committed file that differs from what would be written."""
    messages = []
    for source in selected:
        try:
            _, files = plan(source)
        except SourceError as exc:
            messages.append(str(exc))
            continue
        for path, text in files.items():
            rel = path.relative_to(ROOT)
            if not path.exists():
                messages.append(f"{rel}: missing")
            elif path.suffix == ".py":
                old = path.read_text(encoding="utf-8")
                if old != text:
                    diff = difflib.unified_diff(old.splitlines(keepends=True),
                                                text.splitlines(keepends=True),
                                                f"{rel} (as it is)", f"{rel} (as generated)", n=1)
                    messages.append(f"{rel}: differs from its source\n" + "".join(list(diff)[:40]))
            elif _cells(jupytext.read(path)) != _cells(jupytext.reads(text, fmt="ipynb")):
                messages.append(f"{rel}: its cells differ from the .py")
            elif any(c.get("outputs") or c.get("execution_count")
                     for c in jupytext.read(path).cells):
                messages.append(f"{rel}: has outputs")
    if not selected or len(selected) == len(sources()):
        made = {exercise_path(s) for s in sources()}
        for path in sorted(TEACHING.glob("week*.py")):
            if path not in made:
                messages.append(f"{path.relative_to(ROOT)}: no solutions file generates it "
                                f"(expected {SOLUTIONS.relative_to(ROOT)}/{path.stem}{SUFFIX}.py)")
    return messages


def write(selected):
    """Write the exercise notebooks and the solutions' .ipynb; return the paths changed."""
    changed = []
    for source in selected:
        ipynb = source.with_suffix(".ipynb")
        if ipynb.exists() and ipynb.stat().st_mtime > source.stat().st_mtime \
                and _cells(jupytext.read(ipynb)) != _cells(jupytext.read(source)):
            raise SourceError(f"{ipynb.relative_to(ROOT)} is newer than its .py and differs from "
                              f"it: run `jupytext --sync {ipynb}` first, then this again")
        _, files = plan(source)
        for path, text in files.items():
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                changed.append(path)
    return changed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Rules: see the docstring of tools/teaching.py and "
                                            "notebooks/teaching/README.md.")
    parser.add_argument("weeks", nargs="*", help="week numbers or solutions files (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a file differs from what would be written")
    args = parser.parse_args(argv)
    try:
        selected = sources(args.weeks)
        if args.check:
            messages = check(selected)
            for m in messages:
                print(m, file=sys.stderr)
            if messages:
                print(f"\n{len(messages)} problem(s); regenerate with: python tools/teaching.py",
                      file=sys.stderr)
                return 1
            print(f"ok: {len(selected)} teaching notebook(s) match their solutions")
            return 0
        for path in write(selected):
            print("wrote", path.relative_to(ROOT))
        return 0
    except SourceError as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
