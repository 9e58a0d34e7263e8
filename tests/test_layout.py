"""The architecture of framing/, read from its source with ``ast``.

(a) No import cycle among framing modules: module-level and function-level imports both count,
    imports under ``if TYPE_CHECKING:`` do not.
(b) No module imports a private module (``_name.py``) of another framing package.
(c) No file of framing/ is over 400 lines.
"""

from __future__ import annotations

import ast

import pytest

from helpers import ROOT

PACKAGE = ROOT / "framing"
MAX_LINES = 400


def module_name(path, package):
    """``framing.text.normalize`` for framing/text/normalize.py; a package for its __init__."""
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test):
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def import_nodes(tree):
    """Every import statement of a module, at any depth, except those under TYPE_CHECKING."""
    found = []

    def visit(node):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph(package):
    """``{module: {imported framing module: (file, line)}}`` and ``{module: file}``.

    ``from . import x`` is an edge to the module ``x`` when it is one, else to the package;
    ``from .m import name`` an edge to ``m`` (or to ``m.name`` when that is a module).
    """
    files = {module_name(p, package): p for p in sorted(package.rglob("*.py"))}
    root = package.name
    graph = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        edges = {}
        for node in import_nodes(tree):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                if node.level:
                    base = here[:len(here) - (node.level - 1)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in files else module
                           for a in node.names]
            for target in targets:
                if target.split(".")[0] == root and target != name:
                    edges.setdefault(target, (path, node.lineno))
        graph[name] = edges
    return graph, files


def find_cycles(graph):
    """The strongly connected components with more than one module (Tarjan), and self-loops."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []
    counter = [0]

    def connect(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in graph:
                continue
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return out


def describe(cycle, graph, root=ROOT):
    """The import statements that close ``cycle``, as ``file:line imports module`` lines."""
    lines = []
    for v in cycle:
        for w, (path, line) in sorted(graph[v].items()):
            if w in cycle:
                lines.append(f"  {path.relative_to(root)}:{line} imports {w}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def graph():
    return import_graph(PACKAGE)


def test_the_graph_sees_the_package(graph):
    edges, files = graph
    assert len(files) > 80 and "framing.text.normalize" in files and "framing" in files
    # module-level and function-level imports both count
    assert "framing.schema" in edges["framing.analysis"]
    assert "framing.corpus" in edges["framing.pipeline"]      # imported inside select()
    assert "framing.features.compiled" in edges["framing.features.extract"]


def test_no_import_cycle(graph):
    edges, _ = graph
    cycles = find_cycles(edges)
    assert not cycles, "import cycles among framing modules:\n" + "\n".join(
        f"{' <-> '.join(c)}\n{describe(c, edges)}" for c in cycles)


def test_no_module_imports_a_private_module_of_another_package(graph):
    edges, files = graph
    offences = []
    for name, targets in edges.items():
        importer_package = name if files[name].name == "__init__.py" else name.rpartition(".")[0]
        for target, (path, line) in targets.items():
            package, _, last = target.rpartition(".")
            if last.startswith("_") and last != "__init__" and target in files \
                    and package != importer_package:
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not offences, "private modules imported from another package:\n" + "\n".join(offences)


@pytest.mark.parametrize("path", [pytest.param(p, id=str(p.relative_to(ROOT)))
                                  for p in sorted(PACKAGE.rglob("*.py"))])
def test_no_file_is_over_400_lines(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.relative_to(ROOT)}: {n} lines (over {MAX_LINES}: split it)"


def test_the_checks_catch_what_they_look_for(tmp_path):
    """A made-up package with a cycle, a TYPE_CHECKING import and a private module."""
    pkg = tmp_path / "framing"
    (pkg / "a").mkdir(parents=True)
    (pkg / "b").mkdir()
    files = {
        "__init__.py": "",
        "a/__init__.py": "",
        "a/_private.py": "X = 1\n",
        "a/one.py": "from ._private import X\n\ndef f():\n    from ..b import two\n",
        "b/__init__.py": "",
        "b/two.py": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                     "    from ..a import three\nfrom ..a import one\nfrom ..a._private import X\n"),
        "a/three.py": "from ..b.two import f\n",
    }
    for name, text in files.items():
        (pkg / name).write_text(text, encoding="utf-8")
    edges, found = import_graph(pkg)
    assert "framing.a._private" in found
    assert set(edges["framing.a.one"]) == {"framing.a._private", "framing.b.two"}
    assert "framing.a.three" not in edges["framing.b.two"]        # TYPE_CHECKING only
    assert find_cycles(edges) == [["framing.a.one", "framing.b.two"]]
    assert describe(find_cycles(edges)[0], edges, tmp_path).splitlines() == [
        "  framing/a/one.py:4 imports framing.b.two", "  framing/b/two.py:4 imports framing.a.one"]
    private = [(n, t) for n, targets in edges.items() for t in targets
               if t.rpartition(".")[2].startswith("_")]
    assert ("framing.b.two", "framing.a._private") in private
    assert ("framing.a.one", "framing.a._private") in private   # (allowed: the same package)
