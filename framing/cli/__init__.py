"""The ``framing`` command: one module per subcommand, shared argument helpers in :mod:`.args`.

User and environment errors (:class:`framing.errors.FramingError`, and the operating system's
"disk full", "permission denied", "read-only file system" ...) print one line and exit with
status 2; Ctrl-C prints one line and exits with 130; a closed pipe (``framing corpus --json |
head``) ends quietly. Nothing else is caught, so a real bug still shows its traceback. Before any
work, :func:`framing.cli.safety.check_paths` refuses an output that would overwrite an input or
cannot be written.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import signal
import sys
import warnings

from .. import __version__
from ..errors import EXIT_USER_ERROR, FramingError

#: The subcommands, in help order; each module has ``add_parser(subparsers)`` and ``run(args)``.
#: The list is explicit: a command that fails to import is an error, not a missing command.
COMMANDS = ("corpus", "analyze", "explain", "evaluate", "diagnose", "suggest", "calibrate", "run",
            "events", "figures", "train", "predict", "export")


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


#: OSError numbers that describe the machine, not a bug: one line, exit 2.
ENVIRONMENT_ERRNOS = frozenset(getattr(errno, name) for name in (
    "ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "EISDIR", "ENOTDIR", "ENOENT", "EEXIST",
    "ENAMETOOLONG", "EMFILE", "ENFILE", "EIO", "EFBIG", "ENOTEMPTY", "EXDEV", "EBUSY", "ELOOP")
    if hasattr(errno, name))
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as for any tool whose reader went away


def _os_error_line(exc):
    where = exc.filename if exc.filename is not None else ""
    return f"error: {where}{': ' if where else ''}{exc.strerror or exc}."


def _quiet_stdout():
    # The reader of our output went away (`| head`): further writes, including the flush at
    # exit, go nowhere instead of raising again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - stdout not a real file
        pass


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USER_ERROR
    warnings.showwarning = _show_warning
    try:
        from .safety import check_paths

        check_paths(args)
        status = args.func(args) or 0
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except FramingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        if exc.errno not in ENVIRONMENT_ERRNOS:
            raise
        print(_os_error_line(exc), file=sys.stderr)
        return EXIT_USER_ERROR


def entry():
    """The ``framing`` console script: :func:`main`, then exit with its status. A Ctrl-C that
    arrives once the work is done (while Python shuts down) is ignored, so the run still ends
    with its own status instead of a traceback."""
    status = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    entry()
