"""framing.cli.args: every command that reads a corpus takes the same reading options."""

from __future__ import annotations

import argparse

import pandas as pd
import pytest

from framing.cli import COMMANDS, build_parser
from helpers import S002, one_error_line, run_cli

READING = ("--columns", "--text-col", "--id-col", "--sheet", "--dayfirst", "--date-format",
           "--encoding")
CORPUS_COMMANDS = ("corpus", "analyze", "explain", "run", "events", "figures")


def _subparsers():
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices


def test_the_commands_that_read_a_corpus_take_the_reading_options():
    readers = []
    for name, parser in _subparsers().items():
        options = {s for a in parser._actions for s in a.option_strings}
        if any(a.dest == "corpus" for a in parser._actions):
            readers.append(name)
            assert set(READING) <= options, name
    assert set(CORPUS_COMMANDS) <= set(readers) and set(readers) < set(COMMANDS)


@pytest.fixture
def legacy(tmp_path, seed_texts):
    """One seed article saved by old Windows software (cp1256), with its metadata (cp1256 too)."""
    folder = tmp_path / "legacy"
    folder.mkdir()
    (folder / "s002.txt").write_bytes(seed_texts[S002].encode("cp1256"))
    (folder / "metadata.csv").write_bytes(
        "doc_id,outlet,date\ns002,العرب,2025-09-16\n".encode("cp1256"))
    return folder


@pytest.mark.parametrize("command", CORPUS_COMMANDS)
def test_every_corpus_command_reads_a_cp1256_corpus_with_encoding(command, legacy, tmp_path,
                                                                   capsys, seed_texts):
    out = tmp_path / "out"
    args = {"corpus": [legacy], "analyze": [legacy, "--out", out], "explain": [legacy, "s002"],
            "run": [legacy, "--out", out], "events": [legacy, "--out", out],
            "figures": [legacy, "--out", out, "--formats", "svg"]}[command]
    code, printed, err = run_cli(capsys, command, *args, "--encoding", "cp1256")
    assert code == 0 and "warning" not in err and "Traceback" not in err, err
    # The text read is the article's text: its sentences, its outlet name.
    if command == "corpus":
        assert "documents: 1" in printed and "العرب" in printed
    elif command == "explain":
        assert "# s002" in printed and "التعاون العسكري" in printed
    elif command in ("analyze", "run"):
        sentences = pd.read_csv(out / "sentences.csv", keep_default_na=False)
        for r in sentences.itertuples():
            assert seed_texts[S002][r.start:r.end] == r.text
        assert pd.read_csv(out / "articles.csv")["outlet"].tolist() == ["العرب"]
    elif command == "events":
        assert pd.read_csv(out / "events.csv")["doc_id"].tolist() == ["s002"]
    else:
        assert (out / "topics_by_outlet.csv").is_file()
        assert "العرب" in (out / "topics_by_outlet.csv").read_text(encoding="utf-8")
    # The option is used, not ignored: the same files read as UTF-8 are a one-line error.
    code, _, err = run_cli(capsys, command, *args, "--encoding", "utf-8")
    assert code == 2 and "s002.txt" in one_error_line(err) and "utf-8" in err


@pytest.mark.parametrize("command", CORPUS_COMMANDS)
def test_every_corpus_command_maps_columns_and_names_an_unknown_one(command, tmp_path, capsys,
                                                                     seed_texts, monkeypatch):
    """--columns reaches the loader of every command: a column the file lacks is one line
    that lists the columns the file has."""
    import importlib

    module = importlib.import_module(f"framing.cli.{command}")
    if hasattr(module, "compiled"):  # the codebook (2 s to compile) is not what is tested here
        monkeypatch.setattr(module, "compiled", lambda args: None)
    path = tmp_path / "own.csv"
    pd.DataFrame({"النص": [seed_texts[S002]], "المصدر": ["العرب"]}).to_csv(path, index=False)
    out = tmp_path / "out"
    extra = {"corpus": [], "analyze": ["--out", out], "explain": ["0"], "run": ["--out", out],
             "events": ["--out", out], "figures": ["--out", out]}[command]
    code, printed, err = run_cli(capsys, command, path, *extra, "--columns", "Body=text")
    line = one_error_line(err)
    assert code == 2 and printed == ""
    assert "no column 'Body'" in line and "'النص'" in line and "'المصدر'" in line
    assert not list(out.glob("*.csv")) and not list(out.glob("*/*.csv"))  # nothing written


@pytest.mark.parametrize("values, mapping", [
    (["Body=text,Source=outlet"], {"Body": "text", "Source": "outlet"}),
    (["Body=text", "Source=outlet", "Published=date"],
     {"Body": "text", "Source": "outlet", "Published": "date"}),
    (["النص=text, المصدر=outlet,"], {"النص": "text", "المصدر": "outlet"}),
    (["a=b=title"], {"a=b": "title"}),  # a column name may hold "="
])
def test_columns_option_pairs(values, mapping):
    from framing.cli.args import parse_columns

    assert parse_columns(values) == mapping


@pytest.mark.parametrize("value, words", [
    ("Body", "not a SOURCE=FIELD pair"), ("=text", "not a SOURCE=FIELD pair"),
    ("Body=text,Lead=text", "several columns are mapped to 'text'"),
    ("Body=text,Body=title", "mapped twice"),
])
def test_malformed_columns_option_is_one_line(value, words, tmp_path, capsys, seed_texts):
    path = tmp_path / "own.csv"
    pd.DataFrame({"Body": [seed_texts[S002]], "Lead": ["x"]}).to_csv(path, index=False)
    code, _, err = run_cli(capsys, "corpus", path, "--columns", value)
    assert code == 2 and words in one_error_line(err)
