"""Tokenisation of (normalised) Arabic text with character offsets.

Tokens are runs of letters (with marks), numbers (``3.5``, ``1,000``) or single punctuation
characters. Offsets are into the string given, so tokenising a normalised text and mapping with
:meth:`framing.text.NormalizedText.to_original` gives positions in the original article.
"""

from __future__ import annotations

import numpy as np
import regex

TOKEN_RE = regex.compile(r"[\p{L}\p{M}]+|\d+(?:[.,]\d+)*|[^\s\p{L}\p{M}\d]")
WORD_RE = regex.compile(r"[\p{L}\p{M}]+|\d+(?:[.,]\d+)*")


def tokenize(text, words_only=False):
    """Split ``text`` into tokens.

    Parameters
    ----------
    text : str
    words_only : bool, default False
        Drop punctuation tokens.

    Returns
    -------
    list of (str, int, int)
        ``(token, start, end)`` with ``text[start:end] == token``.

    Examples
    --------
    >>> tokenize("قال: الجيش الليبي.")
    [('قال', 0, 3), (':', 3, 4), ('الجيش', 5, 10), ('الليبي', 11, 17), ('.', 17, 18)]
    """
    pattern = WORD_RE if words_only else TOKEN_RE
    return [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]


def token_spans(text, words_only=False):
    """Token start and end offsets as two int arrays (fast path for matching)."""
    pattern = WORD_RE if words_only else TOKEN_RE
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    arr = np.asarray(spans, dtype=np.int64)
    return arr[:, 0], arr[:, 1]


def count_words(text):
    """Number of word tokens (letters or numbers) in ``text``."""
    return sum(1 for _ in WORD_RE.finditer(text))
