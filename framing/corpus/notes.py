"""Warnings about a corpus: shown as they happen and kept for the summary."""

from __future__ import annotations

import os
import sys
import warnings

from ..errors import CorpusWarning

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def _caller_stacklevel():
    # Point the warning at the first frame outside framing.corpus (the user's call), however
    # deep inside the loader it was raised.
    frame, level = sys._getframe(1), 1
    while frame is not None and os.path.dirname(frame.f_code.co_filename) == _PACKAGE_DIR:
        frame, level = frame.f_back, level + 1
    return level


class Notes:
    """Collect the warnings of one load, so that :func:`~framing.corpus.corpus_summary` can
    repeat them after the fact (a notebook user may have scrolled past them)."""

    def __init__(self):
        self.messages = []

    def warn(self, message):
        self.messages.append(message)
        warnings.warn(message, CorpusWarning, stacklevel=_caller_stacklevel())
