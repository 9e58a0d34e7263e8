"""framing.cli.args: every command that reads a corpus takes the same reading options."""

from __future__ import annotations

import argparse

import pandas as pd
import pytest

from framing.cli import COMMANDS, build_parser
from helpers import S002, one_error_line, run_cli

READING = ("--text-col", "--id-col", "--encoding")
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
