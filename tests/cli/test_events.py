"""``framing events CORPUS --out DIR``: events.csv, user errors in one line, defaults."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.cli import main
from framing.events import group_events
from helpers import SEEDS, run_cli


def test_cli_writes_events_csv(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["events", str(SEEDS), "--out", str(out), "--codebook", "libya-egypt"]) == 0
    events = pd.read_csv(out / "events.csv")
    assert list(events.columns) == ["doc_id", "event_id", "story_id", "similarity"]
    assert events["event_id"].nunique() == 5 and events["story_id"].nunique() == 1
    assert "5 events" in capsys.readouterr().out
    assert [p.name for p in out.iterdir()] == ["events.csv"]  # no temporary file left


@pytest.mark.parametrize("argv", [
    ["events", "{missing}", "--out", "{out}"],
    ["events", "{seeds}", "--out", "{out}", "--event-threshold", "1.5"],
    ["events", "{seeds}", "--out", "{out}", "--codebook", "no-such-codebook"],
    ["events", "{seeds}", "--out", "{out}", "--gazetteer", "{missing}.yaml"],
])
def test_cli_user_errors(tmp_path, capsys, argv):
    out = tmp_path / "out"
    argv = [a.format(missing=tmp_path / "missing", out=out, seeds=SEEDS) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_cli_refuses_a_file_as_output(tmp_path, capsys):
    out = tmp_path / "events.csv"
    out.write_text("keep me", encoding="utf-8")
    assert main(["events", str(SEEDS), "--out", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "keep me"
    assert "not a folder" in capsys.readouterr().err


def test_cli_defaults_are_the_function_defaults():
    import inspect

    from framing.cli import build_parser

    args = build_parser().parse_args(["events", "CORPUS", "--out", "OUT"])
    for name, param in inspect.signature(group_events).parameters.items():
        if param.kind is param.KEYWORD_ONLY and hasattr(args, name):
            assert getattr(args, name) == param.default, name


def test_events_of_an_analysis_folder_equal_those_of_its_corpus(seeds_run, tmp_path, capsys):
    """An analysis folder brings its own actors: the same events as the corpus with the codebook."""
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_cli(capsys, "events", seeds_run, "--out", a)[0] == 0
    assert run_cli(capsys, "events", SEEDS, "--out", b, "--codebook", "libya-egypt")[0] == 0
    assert (a / "events.csv").read_bytes() == (b / "events.csv").read_bytes()
    events = pd.read_csv(a / "events.csv", dtype={"doc_id": str})
    assert sorted(events["doc_id"]) == sorted(p.stem for p in SEEDS.glob("*.txt"))
