"""Packaging: environment.yml and pyproject.toml list the same dependencies; data ships."""

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
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    specs = []
    for dep in env["dependencies"]:
        specs += dep["pip"] if isinstance(dep, dict) else [dep]
    return {_name(s): s for s in specs if _name(s) not in ("python", "pip")}


def test_environment_and_pyproject_agree():
    py, conda = _pyproject(), _conda()
    assert set(py) == set(conda), (set(py) ^ set(conda))
    for name in py:  # same lower bounds too
        assert re.sub(r"\[.*?\]", "", py[name]).replace(" ", "") == \
            re.sub(r"\[.*?\]", "", conda[name]).replace(" ", ""), name


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
