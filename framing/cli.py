"""The ``framing`` command.

Each concern registers its own subcommands (``framing.cli_*`` modules expose
``add_parsers(subparsers)``; each parser sets ``func``). User errors
(:class:`framing.errors.FramingError`) print one line and exit with status 2; nothing else is
caught, so a real bug still shows its traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings

from . import __version__
from .errors import EXIT_USER_ERROR, FramingError

# Modules that contribute subcommands, in help order. A missing module is skipped so that the
# command keeps working while a concern is being built.
SUBCOMMAND_MODULES = [
    "framing.cli_corpus",
    "framing.cli_analyze",
    "framing.cli_events",
    "framing.cli_figures",
    "framing.cli_models",
    "framing.cli_validate",
]


def build_parser():
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Computational framing analysis of Arabic news.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.add_parsers(sub)
    return parser


def _show_warning(message, category, filename, lineno, file=None, line=None):
    # Warnings about the user's data are part of the output, not debugging noise.
    print(f"warning: {message}", file=sys.stderr)


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USER_ERROR
    warnings.showwarning = _show_warning
    try:
        return args.func(args) or 0
    except FramingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
