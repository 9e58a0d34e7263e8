"""The ``framing`` command: the explicit COMMANDS list, its help, exit codes, import failures."""

from __future__ import annotations

import importlib
import re
import signal
import subprocess
import sys
import tomllib

import pytest

import framing.cli as cli
from framing.cli import COMMANDS, build_parser, main
from helpers import ROOT, SEEDS


def _help_commands(text):
    """The subcommands listed under COMMAND in ``framing --help``."""
    block = text.split("positional arguments:", 1)[1].split("options:", 1)[0]
    return re.findall(r"^    (\w+)\s", block, flags=re.M)


def test_commands_are_the_subcommands_of_the_help(capsys):
    proc = subprocess.run([sys.executable, "-m", "framing", "--help"], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    assert tuple(_help_commands(proc.stdout)) == COMMANDS
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    assert tuple(_help_commands(capsys.readouterr().out)) == COMMANDS
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert tuple(sub.choices) == COMMANDS
    assert len(set(COMMANDS)) == len(COMMANDS)


def test_every_command_module_defines_its_parser_and_job():
    parsers = next(a for a in build_parser()._actions if a.dest == "command").choices
    for name in COMMANDS:
        module = importlib.import_module(f"framing.cli.{name}")
        assert callable(module.add_parser) and callable(module.run), name
        assert parsers[name].get_default("func") is module.run, name


def test_a_command_that_fails_to_import_is_an_error_not_a_missing_command(monkeypatch):
    # None in sys.modules makes the next import of the module raise ImportError.
    monkeypatch.setitem(sys.modules, "framing.cli.events", None)
    with pytest.raises(ImportError, match="framing.cli.events"):
        build_parser()
    with pytest.raises(ImportError):
        main(["corpus", str(SEEDS)])  # even another command does not run without it
    monkeypatch.setattr(cli, "COMMANDS", (*COMMANDS[:-1], "no_such_command"))
    monkeypatch.delitem(sys.modules, "framing.cli.events")
    with pytest.raises(ModuleNotFoundError, match="no_such_command"):
        build_parser()


def test_no_command_prints_the_help_and_exits_2(capsys):
    assert main([]) == 2
    assert tuple(_help_commands(capsys.readouterr().out)) == COMMANDS


def test_the_console_script_exits_with_the_status_of_main_and_ignores_a_late_ctrl_c(monkeypatch):
    """A Ctrl-C that arrives after the work (while Python shuts down) must not turn a finished
    run into a traceback and a signal exit (the fault test of benchmarks/faults.txt saw one)."""
    monkeypatch.setattr(cli, "main", lambda: 2)
    before = signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(SystemExit) as exc:
            cli.entry()
        assert exc.value.code == 2
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    scripts = project["scripts"]
    assert scripts["framing"] == "framing.cli:entry"
