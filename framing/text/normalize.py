"""Arabic normalisation in documented, switchable steps, with a map back to the original text.

Every step works character by character, so a normalised string keeps a map from each of its
characters to the original character that produced it; evidence found in normalised text is
reported at its exact place in the original (:meth:`NormalizedText.to_original`).

Steps (each a keyword of :class:`ArabicNormalizer`, default in brackets):

``bidi`` [on]
    Remove bidi controls and other invisible format characters (LRM, RLM, ALM, LRE..RLO,
    LRI..PDI, ZWJ, ZWNJ, ZWSP, BOM, soft hyphen).
``nfkc`` [on]
    Unicode NFKC per character: Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFF) become
    ordinary letters (``ﻻ`` -> ``لا``), full-width forms become ASCII.
``diacritics`` [on]
    Remove harakat, tanween, shadda, sukun, dagger alef and Quranic marks (U+0610-061A,
    U+064B-065F, U+0670, U+06D6-06ED).
``tatweel`` [on]
    Remove the kashida ``ـ`` (U+0640).
``alef`` [on]
    ``أ إ آ ٱ`` -> ``ا``.
``hamza`` [on]
    Hamza on a seat, ``ؤ ئ``, -> ``ء``, so that مسؤول and مسئول meet.
``ya`` [on]
    Alef maqsura ``ى`` -> ``ي``.
``taa_marbuta`` [off]
    ``ة`` -> ``ه`` (for corpora that write final ``ه`` for ``ة``).
``persian`` [on]
    Persian/Urdu look-alikes: ``ی ې`` -> ``ي``, ``ک`` -> ``ك``, ``ھ ہ ۀ ە`` -> ``ه``.
``digits`` [on]
    Arabic-Indic ``٠-٩`` and extended ``۰-۹`` digits -> ``0-9``.
``symbols`` [on]
    Stray symbols (Unicode categories So, Co, Cn, and U+FFFD; e.g. ``□``) -> space.
``spaces`` [on]
    Unicode spaces (NBSP, thin space, tab, ...) -> ASCII space, and a run of spaces -> one
    space (so that multi-word cues meet one separator). Line breaks are kept.
``lower`` [on]
    Lower-case Latin letters.
``hashtags`` [on]
    ``#`` and ``_`` -> space, so that the words of a hashtag are words (``#قوات_حفتر`` meets
    the cue ``قوات حفتر``; ``قوات #حفتر`` too). Posts on social media write phrases this way.

Normalisation is idempotent: ``normalize(normalize(t)) == normalize(t)`` for every step set.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from .charsets import DIACRITICS, INVISIBLES, LINE_BREAKS, TATWEEL, WORD_MARKS

STEPS = (
    "bidi", "nfkc", "diacritics", "tatweel", "alef", "hamza", "ya", "taa_marbuta",
    "persian", "digits", "symbols", "spaces", "lower", "hashtags",
)
DEFAULT_STEPS = {step: step != "taa_marbuta" for step in STEPS}

_SINGLE = {
    "tatweel": {TATWEEL: ""},
    "alef": {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"},
    "hamza": {"ؤ": "ء", "ئ": "ء"},
    "ya": {"ى": "ي"},
    "taa_marbuta": {"ة": "ه"},
    "persian": {"ی": "ي", "ې": "ي", "ک": "ك", "ھ": "ه", "ہ": "ه", "ۀ": "ه", "ە": "ه"},
    "digits": {**{chr(0x0660 + i): str(i) for i in range(10)},
               **{chr(0x06F0 + i): str(i) for i in range(10)}},
}
_KEEP_WHITESPACE = {"\n", "\r"}


def _map_char(c, steps):
    """Map one character through the enabled steps once."""
    if steps["bidi"] and c in INVISIBLES:
        return ""
    if steps["nfkc"]:
        c = unicodedata.normalize("NFKC", c)
    out = []
    for ch in c:
        if steps["diacritics"] and ch in DIACRITICS:
            continue
        for step, table in _SINGLE.items():
            if steps[step] and ch in table:
                ch = table[ch]
                break
        if not ch:
            continue
        cat = unicodedata.category(ch)
        if steps["symbols"] and (cat in ("So", "Co", "Cn") or ch == "\ufffd"):
            ch = " "
        elif steps["hashtags"] and ch in "#_":
            ch = " "
        elif steps["spaces"] and ch in LINE_BREAKS:
            ch = "\n"  # phrases never match across a line break
        elif steps["spaces"] and ch not in _KEEP_WHITESPACE and (cat == "Zs" or ch.isspace()):
            ch = " "
        elif steps["lower"] and ch.isascii() and ch.isupper():
            ch = ch.lower()
        out.append(ch)
    return "".join(out)


def _fixed_point(c, steps):
    # A step's output can feed another step (NFKC gives ى, which the ya step maps); iterate
    # until every output character maps to itself, which makes the whole map idempotent.
    s = _map_char(c, steps)
    for _ in range(5):
        t = "".join(_map_char(ch, steps) for ch in s)
        if t == s:
            return s
        s = t
    return s  # pragma: no cover - no known character needs more than two rounds


def _may_change(c, cat):
    """Whether some step may change ``c``: a cheap superset of the characters :func:`_map_char`
    does not return as they are (the others need no fixed-point iteration)."""
    return (c in INVISIBLES or c in DIACRITICS or c in _ANY_SINGLE or c in LINE_BREAKS
            or c in "#_" or cat in ("So", "Co", "Cn", "Zs") or c == "\ufffd" or c.isspace()
            or (c.isascii() and c.isupper()) or not unicodedata.is_normalized("NFKC", c))


_ANY_SINGLE = frozenset(ch for table in _SINGLE.values() for ch in table)


@functools.lru_cache(maxsize=1)
def _candidates():
    """``(code point, character, category)`` of every character that some set of steps may
    change (:func:`_may_change`): the same for all sets, so that a second set of steps (a
    caller's ``ya=False``) costs a tenth of the first."""
    out = []
    # Characters outside the BMP are left as they are except symbols (emoji) and invisibles.
    for cp in range(0x30000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        cat = unicodedata.category(c)
        if cp >= 0x10000 and cat not in ("So", "Co", "Cn", "Cf"):
            continue
        if _may_change(c, cat):
            out.append((cp, c, cat))
    return tuple(out)


# Below this length str.translate is faster than building the arrays.
_ARRAY_MIN_CHARS = 256


@functools.lru_cache(maxsize=16)
def _tables(key):
    """``(table, lengths, target)``: the ``str.translate`` table of the steps, the length of
    each code point's normalisation, and its code point where that is one character."""
    steps = dict(key)
    table, lengths = {}, np.ones(0x110000, dtype=np.int8)
    # Unassigned and private-use code points: no step but ``symbols`` touches them.
    blank = " " if steps["symbols"] else None
    for cp, c, cat in _candidates():
        m = (blank or c) if cat in ("Cn", "Co") else _fixed_point(c, steps)
        if m != c:
            table[cp] = m
            lengths[cp] = len(m)
    target = np.arange(0x110000, dtype=np.uint32)
    for cp, m in table.items():
        if len(m) == 1:
            target[cp] = ord(m)
    return table, lengths, target


def _key(steps):
    unknown = set(steps) - set(STEPS)
    if unknown:
        raise ValueError(f"unknown normalisation step(s): {sorted(unknown)}; known: {STEPS}")
    merged = {**DEFAULT_STEPS, **steps}
    return tuple(sorted(merged.items()))


@dataclass(frozen=True)
class NormalizedText:
    """A normalised string with its map back to the original.

    Attributes
    ----------
    original : str
    text : str
        The normalised text.
    src : numpy.ndarray
        ``src[i]`` is the index in ``original`` of the character that produced ``text[i]``.
    end : numpy.ndarray
        ``end[i]`` is one past the last original character that ``text[i]`` stands for: it
        extends over removed marks that follow (diacritics, tatweel), so that a word found in
        the normalised text maps to the whole written word.
    """

    original: str
    text: str
    src: np.ndarray
    end: np.ndarray

    def to_original(self, start, end):
        """Map a span ``[start, end)`` of the normalised text to the original text."""
        if end <= start:
            pos = int(self.src[start]) if start < len(self.src) else len(self.original)
            return pos, pos
        return int(self.src[start]), int(self.end[end - 1])


class ArabicNormalizer:
    """Normalise Arabic text in switchable steps (see the module docstring for the steps).

    Parameters
    ----------
    **steps : bool
        Turn steps on or off, e.g. ``taa_marbuta=True`` or ``hamza=False``.

    Examples
    --------
    >>> ArabicNormalizer().normalize("الأُمَمُ المتّحدة")
    'الامم المتحدة'
    >>> ArabicNormalizer(taa_marbuta=True).normalize("المتحدة")
    'المتحده'
    """

    def __init__(self, **steps):
        self.steps = steps
        self._key = _key(steps)
        self._collapse = dict(self._key)["spaces"]

    def get_params(self):
        return dict(self._key)

    def normalize(self, text):
        """Return the normalised text."""
        table, lengths, target = _tables(self._key)
        out = None
        if len(text) >= _ARRAY_MIN_CHARS:  # an article: one array lookup, 4-5x str.translate
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            lens = lengths[codes]
            if lens.max() <= 1:  # no character becomes several
                out = target[codes[lens == 1]].tobytes().decode("utf-32-le", "surrogatepass")
        if out is None:
            out = text.translate(table)
        if self._collapse and "  " in out:
            out = _SPACE_RUN.sub(" ", out)
        return out

    def normalize_with_map(self, text):
        """Return a :class:`NormalizedText` with offsets back to ``text``."""
        table, lengths, target = _tables(self._key)
        n = len(text)
        if n == 0:
            empty = np.zeros(0, dtype=np.int64)
            return NormalizedText(text, text.translate(table), empty, empty)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        lens = lengths[codes].astype(np.int64)
        if lens.max() <= 1:  # no character becomes several: one array lookup does it
            chars = target[codes[lens == 1]]
            norm = chars.tobytes().decode("utf-32-le", "surrogatepass")
        else:
            chars, norm = None, text.translate(table)
        if chars is not None and len(chars) == n:  # one character each: the identity map
            src = np.arange(n, dtype=np.int64)
            end = src + 1
        else:
            src = np.repeat(np.arange(n, dtype=np.int64), lens)
            # One past the source char, extended over the removed characters that follow it.
            kept = np.flatnonzero(lens > 0)
            nxt = np.append(kept[1:], n)  # next kept original index after each kept one
            end_of_kept = np.empty(n, dtype=np.int64)
            # Only diacritics/tatweel (marks written on the word) extend a word's span.
            end_of_kept[kept] = _extend_over_marks(kept, nxt, _removed_word_marks(codes, lens))
            end = end_of_kept[src]
        if self._collapse and "  " in norm:
            if chars is None:
                chars = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            keep = np.ones(len(chars), dtype=bool)
            keep[1:] = ~((chars[1:] == 32) & (chars[:-1] == 32))
            norm = chars[keep].tobytes().decode("utf-32-le", "surrogatepass")
            src, end = src[keep], end[keep]
        return NormalizedText(text, norm, src, end)


_WORD_MARK = np.zeros(0x110000, dtype=bool)
_WORD_MARK[[ord(c) for c in WORD_MARKS]] = True


def _removed_word_marks(codes, lens):
    """``marks[i]``: character ``i`` is a removed mark written on a word (one more ``False``)."""
    marks = np.zeros(len(codes) + 1, dtype=bool)
    marks[:-1] = _WORD_MARK[codes] & (lens == 0)
    return marks


def _extend_over_marks(kept, nxt, marks):
    """For each kept index k, the end of its word span: k+1, extended over removed marks
    (but not past the next kept character)."""
    not_mark = np.flatnonzero(~marks)  # the last entry is always there
    first_not_mark = not_mark[np.searchsorted(not_mark, kept + 1)]
    return np.minimum(first_not_mark, nxt)


_SPACE_RUN = re.compile(" {2,}")
_DEFAULT = ArabicNormalizer()


def normalize(text, **steps):
    """Normalise ``text`` (see :class:`ArabicNormalizer` for the steps).

    Examples
    --------
    >>> normalize("إعـــادة الإعمار ٢٠٢٥")
    'اعادة الاعمار 2025'
    """
    return (ArabicNormalizer(**steps) if steps else _DEFAULT).normalize(text)


def normalize_with_map(text, **steps):
    """Normalise ``text`` and keep the map back to it (a :class:`NormalizedText`)."""
    return (ArabicNormalizer(**steps) if steps else _DEFAULT).normalize_with_map(text)
