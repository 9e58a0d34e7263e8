"""User-facing errors.

A :class:`FramingError` is a mistake in the user's input (a file, a column, a codebook entry),
not a bug. The command line prints it as one line -- where, what, and how to fix it -- and exits
with status 2, without a traceback.
"""

from __future__ import annotations

import os

EXIT_USER_ERROR = 2


class FramingError(Exception):
    """An input problem the user can fix.

    Parameters
    ----------
    message : str
        What is wrong, in plain words.
    fix : str, optional
        What to do about it.
    path : str or os.PathLike, optional
        The file (or file and row) concerned.
    line : int, optional
        1-based line number in ``path``.
    key : str, optional
        The key or column concerned (codebook key path, CSV column).
    """

    def __init__(self, message, *, fix=None, path=None, line=None, key=None):
        self.message = message
        self.fix = fix
        self.path = os.fspath(path) if path is not None else None
        self.line = line
        self.key = key
        super().__init__(str(self))

    def __str__(self):
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        key = f"{self.key}: " if self.key else ""
        fix = f" Fix: {self.fix}" if self.fix else ""
        return f"{where}{key}{self.message}.{fix}".replace("..", ".")


class CorpusError(FramingError):
    """A corpus file or folder cannot be read as given."""


class CodebookError(FramingError):
    """A codebook is malformed."""
