"""The tokenizer of the toolkit: words, numbers and punctuation with character offsets.

One definition serves every stage -- codebook features, distinctive terms, events, topic models:

- a *word* is a run of letters together with the combining marks written on them (harakat stay
  inside their word when the text is not normalised);
- a *number* is a run of digits with inner separators (``3.5``, ``1,000``);
- any other character that is not a space is a one-character *punctuation* token.

Offsets are into the string given; with ``normalize=True`` the text is normalised first
(:mod:`framing.text.normalize`) and offsets still point into the original text.

Examples
--------
>>> tokenize("قال: الجيش الليبي.")
['قال', ':', 'الجيش', 'الليبي', '.']
>>> tokenize("الأُمَمُ المتّحدة و 2025 Libya", normalize=True, words_only=True, numbers=False,
...          min_length=2)
['الامم', 'المتحدة', 'libya']
"""

from __future__ import annotations

import numpy as np
import regex

from .normalize import normalize_with_map

_WORD = r"[\p{L}\p{M}]+"
_NUMBER = r"\d+(?:[.,]\d+)*"
TOKEN_RE = regex.compile(rf"(?P<w>{_WORD}|{_NUMBER})|[^\s\p{{L}}\p{{M}}\d]")
WORD_RE = regex.compile(rf"{_WORD}|{_NUMBER}")
#: TOKEN_RE without its group, for ``findall`` (the same tokens).
TOKENS_RE = regex.compile(rf"{_WORD}|{_NUMBER}|[^\s\p{{L}}\p{{M}}\d]")


def _is_number(token):
    return token[0].isdigit()


def tokenize(text, *, normalize=False, words_only=False, numbers=True, min_length=1,
             stopwords=None, spans=False):
    """Split ``text`` into tokens.

    Parameters
    ----------
    text : str
    normalize : bool, default False
        Normalise the text first (default steps of :func:`framing.text.normalize`).
    words_only : bool, default False
        Drop punctuation tokens.
    numbers : bool, default True
        Keep numbers (with ``False``, only words and, unless ``words_only``, punctuation).
    min_length : int, default 1
        Drop tokens shorter than this (stray letters, the conjunction و written apart).
    stopwords : collection of str, optional
        Tokens to drop, in the spelling of the tokens (normalised if ``normalize``; see
        :func:`framing.text.load_stopwords`).
    spans : bool, default False
        Return ``(token, start, end)`` triples with ``text[start:end]`` the token as written.

    Returns
    -------
    list of str, or list of (str, int, int)

    Examples
    --------
    >>> tokenize("قال: الجيش", spans=True)
    [('قال', 0, 3), (':', 3, 4), ('الجيش', 5, 10)]
    >>> tokenize("وقال الجيشُ الوطني 2.5.", words_only=True)
    ['وقال', 'الجيشُ', 'الوطني', '2.5']
    """
    if not isinstance(text, str):
        return []
    nt = normalize_with_map(text) if normalize else None
    source = nt.text if nt is not None else text
    stop = stopwords or ()
    out = []
    for m in TOKEN_RE.finditer(source):
        token = m.group()
        if (words_only and m.lastgroup != "w") or (not numbers and _is_number(token)) \
                or len(token) < min_length or token in stop:
            continue
        if spans:
            start, end = nt.to_original(*m.span()) if nt is not None else m.span()
            out.append((token, start, end))
        else:
            out.append(token)
    return out


# Token classes of code points, filled in on first sight by the regular expressions above
# (so that the tables agree with TOKEN_RE by construction): space, word, digit, other.
_SPACE, _LETTER, _DIGIT, _OTHER = 0, 1, 2, 3
_CLASS = np.full(0x110000, -1, dtype=np.int8)
_LETTER_RE, _DIGIT_RE, _SPACE_RE = (regex.compile(p) for p in (r"[\p{L}\p{M}]", r"\d", r"\s"))


def _class_of(ch):
    if _LETTER_RE.match(ch):
        return _LETTER
    if _DIGIT_RE.match(ch):
        return _DIGIT
    return _SPACE if _SPACE_RE.match(ch) else _OTHER


def _classes(codes):
    cls = _CLASS[codes]
    unknown = cls < 0
    if unknown.any():
        for cp in np.unique(codes[unknown]).tolist():
            _CLASS[cp] = _class_of(chr(cp))
        cls = _CLASS[codes]
    return cls


def token_table(text):
    """Token starts, ends and word flags of ``text`` as arrays, from one pass (for matching).

    The tokens are those of :data:`TOKEN_RE` (``tokenize``), found without a Python step per
    token: a word is a run of letter-or-mark code points, a number a run of digits with ``.``
    or ``,`` between two digits, any other non-space code point a token of its own.

    Returns
    -------
    starts, ends : numpy.ndarray of int64
    is_word : numpy.ndarray of bool
        True for words and numbers, False for punctuation.
    """
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not len(codes):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy(), np.zeros(0, dtype=bool)
    cls = _classes(codes)
    if len(cls) > 2:  # a separator between two digits belongs to the number: 3.5, 1,000
        inner = (((codes[1:-1] == 46) | (codes[1:-1] == 44))
                 & (cls[:-2] == _DIGIT) & (cls[2:] == _DIGIT))
        cls[1:-1][inner] = _DIGIT
    token = cls != _SPACE
    single = cls == _OTHER
    change = np.empty(len(cls) + 1, dtype=bool)  # change[i]: a token boundary before i
    change[0] = change[-1] = True
    change[1:-1] = cls[1:] != cls[:-1]
    starts = np.flatnonzero(token & (single | change[:-1]))
    ends = np.flatnonzero(token & (single | change[1:])) + 1
    return starts.astype(np.int64), ends.astype(np.int64), cls[starts] != _OTHER


def count_words(text):
    """Number of word tokens (words or numbers) in ``text``."""
    return sum(1 for _ in WORD_RE.finditer(text))
