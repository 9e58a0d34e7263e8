"""framing.errors: one error family with file-line-fix messages, one warning family.

The same misuse gives the same error everywhere (ParameterError), user errors reach the command
line as one line with exit status 2, and every warning the toolkit gives is a FramingWarning.
"""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import framing.errors as errors
from framing import compare, plots
from framing.corpus import load_corpus
from framing.errors import (
    CodebookError,
    CorpusError,
    FramingError,
    FramingWarning,
    ParameterError,
    SchemaError,
    check_choice,
)
from framing.models import TopicModel
from framing.stream import analyze_parts
from helpers import MINI, ROOT, S002, SEEDS, one_error_line, run_cli, write_folder

PACKAGE = ROOT / "framing"


# -- messages ---------------------------------------------------------------------------------

def test_the_message_names_the_path_as_given():
    err = FramingError("file not found", path="../nope/x.csv", fix="check the path")
    assert str(err) == "../nope/x.csv: file not found. Fix: check the path."
    assert str(FramingError("file not found", path=Path("../nope/x.csv"))) == \
        "../nope/x.csv: file not found."
    err = CodebookError("unknown section 'topiks'", path="../cb.yaml", line=3, key="topiks",
                        fix="use topics")
    assert str(err) == "../cb.yaml:3: topiks: unknown section 'topiks'. Fix: use topics."
    assert (err.path, err.line, err.key, err.fix) == ("../cb.yaml", 3, "topiks", "use topics")
    assert str(FramingError("ends in a stop.")) == "ends in a stop."


def test_every_error_is_a_framing_error_and_a_value_error():
    for cls in (CorpusError, CodebookError, SchemaError, ParameterError):
        assert issubclass(cls, FramingError) and issubclass(cls, ValueError)
    assert check_choice("lang", "ar", ("en", "ar")) == "ar"
    with pytest.raises(ParameterError, match="lang must be one of 'en', 'ar', not 'fr'"):
        check_choice("lang", "fr", ("en", "ar"))


def test_evaluate_names_a_missing_gold_file_exactly(seeds_run, tmp_path, monkeypatch, capsys):
    """`framing evaluate --gold ../nope/x.csv --pred results/seeds`: the path as typed, ../ kept."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, err = run_cli(capsys, "evaluate", "--gold", "../nope/x.csv", "--pred", seeds_run)
    assert code == 2 and out == ""
    assert one_error_line(err) == "error: ../nope/x.csv: file not found. Fix: check the path."
    # The installed command too: exit status 2, one line on stderr, no traceback.
    proc = subprocess.run([sys.executable, "-m", "framing", "evaluate", "--gold", "../nope/x.csv",
                           "--pred", str(seeds_run)], capture_output=True, text=True, cwd=work,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})  # this checkout's framing
    assert proc.returncode == 2 and proc.stdout == ""
    assert one_error_line(proc.stderr) == \
        "error: ../nope/x.csv: file not found. Fix: check the path."


# -- the same misuse, the same error ------------------------------------------------------------

@pytest.fixture(scope="module")
def tables(seeds_analysis):
    corpus, res = seeds_analysis
    arts = res.articles
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        return {
            "articles": arts, "actors": res.actors,
            "shares": compare.topic_shares(arts, n_boot=0),
            "stance": compare.stance_distribution(arts, n_boot=0),
            "tone": compare.tone_over_time(arts, "M", n_boot=0),
            "actor_table": compare.actor_label_table(res.actors, arts),
            "terms": compare.distinctive_terms(corpus, min_count=2),
            "event": compare.event_profile(arts, res.actors, arts["doc_id"][:2]),
        }


FIGURES = [("shares", plots.outlet_topic_heatmap), ("stance", plots.stance_by_outlet),
           ("tone", plots.tone_over_time), ("actor_table", plots.actor_labels_by_outlet),
           ("terms", plots.distinctive_terms_plot), ("event", plots.event_panel)]


@pytest.mark.parametrize("key,draw", FIGURES, ids=[d.__name__ for _, d in FIGURES])
@pytest.mark.parametrize("option", [{"lang": "fr"}, {"width": "triple"}], ids=["lang", "width"])
def test_figures_refuse_a_lang_or_width_with_a_parameter_error(tables, key, draw, option):
    with pytest.raises(ParameterError, match=next(iter(option))):
        draw(tables[key], **option)


MISUSES = {
    "make_figures lang": lambda t, tmp: plots.make_figures(t["articles"], out_dir=tmp, lang="fr"),
    "make_figures width": lambda t, tmp: plots.make_figures(t["articles"], out_dir=tmp,
                                                             width="triple"),
    "topic_shares measure": lambda t, tmp: compare.topic_shares(t["articles"], measure="words"),
    "tone_over_time freq": lambda t, tmp: compare.tone_over_time(t["articles"], "fortnight"),
    "independence_test test": lambda t, tmp: compare.independence_test([[3, 1], [1, 3]],
                                                                       test="g-test"),
    "label_outlet_tests level": lambda t, tmp: compare.label_outlet_tests(
        t["actors"], t["articles"], level="words"),
    "label_outlet_tests unit": lambda t, tmp: compare.label_outlet_tests(
        t["actors"], t["articles"], unit="sentences"),
    "TopicModel method": lambda t, tmp: TopicModel(method="bertopic").fit(
        load_corpus(SEEDS)["text"].tolist()),
    "analyze_parts engine": lambda t, tmp: analyze_parts(SEEDS, tmp, str(MINI), engine="spark"),
    "analyze_parts jobs": lambda t, tmp: analyze_parts(SEEDS, tmp, str(MINI), jobs=0),
}


@pytest.mark.parametrize("case", list(MISUSES))
def test_the_same_misuse_gives_a_parameter_error_everywhere(tables, tmp_path, case):
    name = case.split()[-1]
    with pytest.raises(ParameterError, match=name):
        MISUSES[case](tables, tmp_path / "out")
    assert not list(tmp_path.glob("out/*.svg"))  # nothing drawn before the check


def test_a_parameter_error_on_the_command_line_is_one_line(seeds_dir, tmp_path, capsys):
    code, _, err = run_cli(capsys, "analyze", seeds_dir, "--out", tmp_path / "o", "--chunk-size",
                           "2", "--jobs", "0")
    assert code == 2 and one_error_line(err) == \
        "error: --jobs must be at least 1. Fix: use --jobs 1 or more."


# -- warnings ---------------------------------------------------------------------------------

def test_every_warning_class_is_a_framing_warning():
    classes = {name: obj for name, obj in vars(errors).items()
               if inspect.isclass(obj) and issubclass(obj, Warning)}
    assert set(classes) == {"FramingWarning", "CorpusWarning", "DataWarning",
                            "SmallSampleWarning", "FigureSkippedWarning", "ModelVersionWarning"}
    for name, cls in classes.items():
        assert issubclass(cls, FramingWarning) and issubclass(cls, UserWarning), name
    from framing.corpus import CorpusWarning

    assert CorpusWarning is errors.CorpusWarning


def _warn_calls():
    """``(file, line, category name)`` of every ``warnings.warn`` call in framing/."""
    calls = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "warnings.warn":
                category = node.args[1] if len(node.args) > 1 else next(
                    (k.value for k in node.keywords if k.arg == "category"), None)
                name = ast.unparse(category) if category is not None else "UserWarning"
                calls.append((str(path.relative_to(ROOT)), node.lineno, name))
    return calls


WARN_CALLS = [pytest.param(*call, id=f"{call[0]}:{call[1]}") for call in _warn_calls()]


@pytest.mark.parametrize("path,line,category", WARN_CALLS)
def test_every_warning_the_toolkit_gives_is_a_framing_warning(path, line, category):
    cls = getattr(errors, category, None)
    assert cls is not None and issubclass(cls, FramingWarning), \
        f"{path}:{line}: warnings.warn(..., {category}) is not a framing.errors warning"


def test_what_the_toolkit_warns_on_real_data_is_a_framing_warning(tables, tmp_path, seed_texts):
    from framing.events import group_events
    from framing.validate import compare_to_gold

    legacy = write_folder(tmp_path / "legacy", {"a.txt": seed_texts[S002].encode("cp1256"),
                                                "b.txt": seed_texts[S002].encode("cp1256")})
    arts = tables["articles"]
    jobs = [
        ("CorpusWarning", lambda: load_corpus(legacy)),  # not UTF-8, and a duplicate
        ("SmallSampleWarning", lambda: compare.topic_shares(arts, n_boot=10)),
        ("DataWarning", lambda: compare.tone_over_time(arts, "M", n_boot=10)),  # undated
        ("FigureSkippedWarning", lambda: plots.make_figures(arts, out_dir=tmp_path / "f",
                                                            formats=("svg",), n_boot=10)),
        ("DataWarning", lambda: group_events(load_corpus(SEEDS).assign(date="17/02/2026"))),
        ("DataWarning", lambda: compare_to_gold(arts, arts.iloc[:2], n_boot=0)),
    ]
    for expected, job in jobs:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            job()
        ours = [w for w in caught if issubclass(w.category, UserWarning)]
        assert any(w.category.__name__ == expected for w in ours), expected
        for w in ours:
            assert issubclass(w.category, FramingWarning), (expected, w.category, str(w.message))
