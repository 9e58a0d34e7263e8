"""Packaging: environment.yml (+ environment-test.yml) and pyproject.toml list the same
dependencies, with conda-forge names; CITATION.cff is readable; data ships."""

from __future__ import annotations

import re
import tomllib

import yaml

from helpers import ROOT, TESTS


def _name(spec):
    name = re.split(r"[<>=!~\[ ;]", spec.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(data["dependencies"])
    for extra in data["optional-dependencies"].values():
        specs += extra
    return {_name(s): s for s in specs}


def _conda():
    """Every package of environment.yml and environment-test.yml (conda and pip)."""
    specs = []
    for name in ("environment.yml", "environment-test.yml"):
        env = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
        for dep in env["dependencies"]:
            specs += dep["pip"] if isinstance(dep, dict) else [dep]
    return {_name(s): s for s in specs if _name(s) not in ("python", "pip")}


def test_environment_and_pyproject_agree():
    py, conda = _pyproject(), _conda()
    assert set(py) == set(conda), (set(py) ^ set(conda))
    for name in py:  # same lower bounds too (names may be spelt the conda-forge way)
        assert re.sub(r"\[.*?\]", "", py[name]).replace(" ", "")[len(name):] == \
            re.sub(r"\[.*?\]", "", conda[name]).replace(" ", "")[len(name):], name


def test_design_card_packages_are_dependencies():
    py = _pyproject()
    for name in ("jupyterlab", "pandas", "scikit-learn", "arabic-reshaper", "python-bidi",
                 "matplotlib", "pytest"):
        assert name in py
    assert py["matplotlib"].replace(" ", "").endswith(">=3.11")


def test_package_data_ships_codebook_lexicon_and_fonts():
    from importlib import resources

    data = resources.files("framing") / "data"
    assert (data / "codebooks" / "libya-egypt.yaml").is_file()
    assert (data / "lexicons" / "msa-news.yaml").is_file()
    fonts = [p.name for p in (data / "fonts").iterdir()]
    assert any(n.endswith(".ttf") for n in fonts) and "OFL.txt" in fonts


def test_no_gpl_or_noncommercial_dependency():
    banned = {"pyarabic", "tashaphyne", "qalsadi", "arabic-stopwords"}
    assert not banned & set(_pyproject())


def test_test_packages_do_not_shadow_installed_modules():
    """tests/<folder>/ are packages named after the parts of framing (text, features, cli ...) and
    tests/ is on sys.path: no installed or standard module may have one of those names."""
    import importlib.metadata
    import sys

    folders = sorted(p.parent.name for p in TESTS.glob("*/__init__.py"))
    assert {"text", "features", "cli", "corpus", "models", "plots"} <= set(folders)
    installed = set(importlib.metadata.packages_distributions())
    for name in folders:
        assert name not in installed and name not in sys.stdlib_module_names, name
        assert not (TESTS / f"{name}.py").exists(), name
    # Same-named test files in different folders are distinct modules.
    stems = [p.relative_to(TESTS) for p in TESTS.rglob("test_*.py")]
    for path in stems:
        if len(path.parts) > 1:
            assert (TESTS / path.parts[0] / "__init__.py").is_file(), path


def _conda_file(name):
    env = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    conda, pip = [], []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip += dep["pip"]
        else:
            conda.append(dep)
    return conda, pip


def test_conda_files_use_conda_forge_names_and_pip_for_the_rest():
    conda, pip = _conda_file("environment.yml")
    names = {re.split(r"[<>=!~ ]", s, maxsplit=1)[0] for s in conda}
    # conda-forge spells it with an underscore; the PyPI name would not resolve there
    assert "arabic_reshaper" in names and "arabic-reshaper" not in names
    assert "python-calamine" in names and "openpyxl" in names
    # krippendorff is not on conda-forge: pip installs it
    assert any(_name(s) == "krippendorff" for s in pip)
    assert not any(_name(s) == "krippendorff" for s in conda)
    # the test packages live in their own file, not in the user's environment
    test_conda, _ = _conda_file("environment-test.yml")
    assert "pytest" in {_name(s) for s in test_conda} and "pytest" not in {_name(s) for s in conda}


def test_test_extra_and_environment_test_agree():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = {_name(s) for s in data["optional-dependencies"]["test"]}
    conda, pip = _conda_file("environment-test.yml")
    assert extra == {_name(s) for s in conda + pip}
    core = {_name(s) for s in data["dependencies"]}
    conda, pip = _conda_file("environment.yml")
    assert core == {_name(s) for s in conda + pip} - {"python", "pip"}


def test_citation_cff_is_readable_by_citation_tools():
    import framing

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] == "software" and cff["title"] and cff["authors"]
    # a string, as the CFF schema requires, and the package's own version
    assert isinstance(cff["version"], str) and cff["version"] == framing.__version__
    if "repository-code" in cff:
        assert re.match(r"^https?://\S+$", cff["repository-code"])
