"""Errors and warnings of the toolkit, in one place.

Errors follow the pandas / scikit-learn contract: every error the toolkit raises on purpose is a
:class:`FramingError`, which is a :class:`ValueError`, so ``except ValueError`` keeps working.

- :class:`FramingError` -- a mistake in the user's input (a file, a column, a codebook entry),
  not a bug. The command line prints it as one line -- where, what, and how to fix it -- and
  exits with status 2, without a traceback.
- :class:`CorpusError`, :class:`CodebookError` -- a corpus or a codebook cannot be read as given.
- :class:`SchemaError` -- a table lacks the columns of the output contract
  (:mod:`framing.schema`).
- :class:`ParameterError` -- a function was called with an invalid parameter value (``lang``,
  ``width``, ``measure`` ...): the same error for the same kind of misuse everywhere.

Warnings all derive from :class:`FramingWarning`, so that ``warnings.simplefilter("ignore",
FramingWarning)`` silences the toolkit's notes and nothing else.
"""

from __future__ import annotations

import os

EXIT_USER_ERROR = 2


class FramingError(ValueError):
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

    Examples
    --------
    >>> str(FramingError("file not found", path="../shared/gold/x.csv", fix="check the path"))
    '../shared/gold/x.csv: file not found. Fix: check the path.'
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
        fix = f" Fix: {_sentence(self.fix)}" if self.fix else ""
        return f"{where}{key}{_sentence(self.message)}{fix}"


def _sentence(text):
    """``text`` ending in one full stop (a message that already ends in one keeps it)."""
    text = str(text).rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


class CorpusError(FramingError):
    """A corpus file or folder cannot be read as given."""


class CodebookError(FramingError):
    """A codebook is malformed."""


class SchemaError(FramingError):
    """A table lacks a column (or a value) of the output contract of :mod:`framing.schema`."""


class ParameterError(FramingError):
    """A function or command was called with an invalid parameter value."""


def check_choice(name, value, choices):
    """Raise :class:`ParameterError` unless ``value`` is one of ``choices``.

    Examples
    --------
    >>> check_choice("lang", "ar", ("en", "ar"))
    'ar'
    >>> check_choice("lang", "fr", ("en", "ar"))
    Traceback (most recent call last):
    ...
    framing.errors.ParameterError: lang must be one of 'en', 'ar', not 'fr'.
    """
    if value not in choices:
        listed = ", ".join(repr(c) for c in choices)
        raise ParameterError(f"{name} must be one of {listed}, not {value!r}")
    return value


class FramingWarning(UserWarning):
    """Base class of every warning the toolkit issues."""


class CorpusWarning(FramingWarning):
    """Something in the corpus that the loader worked around but the user should know about."""


class DataWarning(FramingWarning):
    """Rows were left out of a computation (no date, no label, no prediction ...)."""


class SmallSampleWarning(FramingWarning):
    """A group has too few articles for its estimate to be read on its own."""


class FigureSkippedWarning(FramingWarning):
    """A figure was not drawn because the data cannot support it (the message says why)."""


class ModelVersionWarning(FramingWarning):
    """A saved model was made with another version of a library than the one loading it."""
