"""Arabic stop words: one loader for every stage that drops them (terms, topics, notebooks).

The packaged list is ``framing/data/stopwords/stopwords-ar.txt`` (stopwords-iso, MIT licence,
``LICENSE-stopwords-ar`` beside it), one word per line; ``#`` starts a comment. Words are
normalised like the texts they are compared with.

Examples
--------
>>> stop = load_stopwords("default")
>>> "التي" in stop, "الجيش" in stop
(True, False)
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from ..errors import FramingError
from .normalize import normalize

DEFAULT_STOPWORDS = Path(str(resources.files("framing") / "data" / "stopwords" / "stopwords-ar.txt"))


def read_word_list(path):
    """The words of a one-word-per-line file (``#`` starts a comment; blank lines skipped)."""
    path = Path(path)
    if not path.is_file():
        raise FramingError("word list not found", path=path,
                           fix="pass a file with one word per line")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w for w in (line.split("#", 1)[0].strip() for line in lines) if w]


def load_stopwords(stopwords="default"):
    """A normalised stop-word set.

    Parameters
    ----------
    stopwords : None, "default", path or iterable of str, default "default"
        ``None``: no stop words; ``"default"``: the packaged list; a file path: one word per
        line; an iterable: the words themselves.

    Returns
    -------
    frozenset of str
    """
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, (str, os.PathLike)):
        words = read_word_list(DEFAULT_STOPWORDS if stopwords == "default" else stopwords)
    else:
        words = list(stopwords)
    return frozenset(normalize(w).strip() for w in words if w)
