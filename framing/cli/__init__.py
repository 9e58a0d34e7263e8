"""The ``framing`` command: one module per subcommand, shared argument helpers in :mod:`.args`.

User and environment errors (:class:`framing.errors.FramingError`) print one line and exit with
status 2; nothing else is caught, so a real bug still shows its traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings

from .. import __version__
from ..errors import EXIT_USER_ERROR, FramingError

#: The subcommands, in help order; each module has ``add_parser(subparsers)`` and ``run(args)``.
#: The list is explicit: a command that fails to import is an error, not a missing command.
COMMANDS = ("corpus", "analyze", "explain", "evaluate", "diagnose", "suggest", "calibrate", "run",
            "events", "figures", "train", "predict")


def build_parser():
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Computational framing analysis of Arabic news.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").add_parser(sub)
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
