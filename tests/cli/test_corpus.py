"""``framing corpus PATH``: prints the summary, reports bad input in one line, writes nothing."""

from __future__ import annotations

import json

import pytest

from framing.cli import main
from framing.corpus import corpus_summary, format_summary, load_corpus
from helpers import BAD_INPUTS, BAD_OPTIONS, write_folder

FLAGS = {"text_col": "--text-col", "id_col": "--id-col"}


def run(capsys, *args):
    code = main(["corpus", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_the_summary(seeds_dir, capsys):
    code, out, err = run(capsys, seeds_dir)
    assert code == 0 and err == ""
    assert out.strip() == format_summary(corpus_summary(load_corpus(seeds_dir)))
    assert "documents: 5" in out and "outlets: 5" in out


def test_json_summary(seeds_dir, capsys):
    code, out, _ = run(capsys, seeds_dir, "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary == corpus_summary(load_corpus(seeds_dir))
    assert summary["documents"] == 5


def test_text_and_id_columns(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_text("key,words\nk1,نص أول.\nk2,نص ثان.\n", encoding="utf-8")
    code, _, err = run(capsys, path)
    assert code == 2 and "--text-col" in err
    code, out, _ = run(capsys, path, "--text-col", "words", "--id-col", "key", "--json")
    assert code == 0 and json.loads(out)["documents"] == 2


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exits_2_with_one_error_line(tmp_path, capsys, case):
    path, name, line = BAD_INPUTS[case](tmp_path)
    options = [x for key, value in BAD_OPTIONS.get(case, {}).items() for x in (FLAGS[key], value)]
    code, out, err = run(capsys, path, *options)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")
    assert name in lines[0]
    if line is not None:
        assert f"{name}:{line}:" in lines[0]


def test_warns_on_stderr_and_writes_nothing(tmp_path, capsys, monkeypatch, seed_texts):
    folder = write_folder(tmp_path / "c", {"legacy.txt": next(iter(seed_texts.values()))
                                           .encode("cp1256")})
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, out, err = run(capsys, "c")
    assert code == 0
    assert "documents: 1" in out and "cp1256" in out
    assert err.startswith("warning:") and "legacy.txt" in err
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert folder.is_dir()
