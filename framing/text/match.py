"""Clitic-aware multi-pattern matching of codebook cues in normalised text.

All cues of a codebook are compiled once into one Aho-Corasick automaton (pyahocorasick) keyed
on the literal core of each cue's first word; every hit is then verified by the cue's own
regular expression anchored at the hit:

* before the hit, the rest of the written word must be a proclitic chain (و ف ب ك ل س ال لل);
* a cue's first word loses its article ``ال`` (so ``القوات`` also matches ``قوات``, ``للقوات``);
* words of a phrase are separated by horizontal whitespace (never a line break);
* a trailing ``*`` allows any continuation of the word;
* after the last word, a pronoun suffix or tanween alef may follow, and a final ``ة`` may be
  written ``ت`` before a suffix (حكومة -> حكومتها); then the word must end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from .clitics import PROCLITICS, PRONOUN_SUFFIXES, strip_article
from .normalize import normalize

_SUFFIX = "|".join(sorted(PRONOUN_SUFFIXES + ("ا",), key=len, reverse=True))
_GAP = r"[^\S\n]+"
_MAX_PREFIX = max(map(len, PROCLITICS))


@dataclass(frozen=True)
class Cue:
    """One cue: its text as written, its weight and its normalised words.

    Codebooks (:mod:`framing.codebook`) validate their cues into this form; other lists of terms
    (corpus selections, the places gazetteer) build them with :meth:`from_text`.
    """

    text: str
    weight: float
    words: tuple  # normalised words; a trailing '*' marks a stem
    line: int | None = None

    @classmethod
    def from_text(cls, text, weight=1.0):
        """A cue from its written form, e.g. ``Cue.from_text("طرابلس الغرب")``."""
        return cls(text, float(weight), tuple(normalize(text).split()))


@dataclass(frozen=True)
class Entry:
    """A cue to look for: its group (what it is evidence of), a payload and the cue."""

    group: str
    payload: object
    cue: Cue


@dataclass(slots=True)
class Hit:
    entry: Entry
    start: int  # in the normalised text, including proclitics
    end: int
    core_start: int  # where the cue itself starts (after proclitics)
    tok: int = -1  # index of the token where the cue starts (set by the caller)


def _word_re(word, last):
    star = word.endswith("*")
    core = word.rstrip("*")
    if star:
        return re.escape(core) + r"\w*"
    if not last:
        return re.escape(core)
    if core.endswith("ة"):
        return re.escape(core[:-1]) + rf"(?:ة|ت(?:{_SUFFIX}))"
    return re.escape(core) + rf"(?:{_SUFFIX})?"


def _first_core(words):
    first = words[0].rstrip("*")
    return strip_article(first) if not words[0].endswith("*") or len(first) > 4 else first


def cue_pattern(words):
    """``(key, pattern, shape)`` of a cue's normalised words (see :func:`compile_cue`).

    ``shape`` says how a hit of ``key`` is verified: ``None``, by ``pattern``; for a one-word
    cue, by the rest of the written word after the key (what ``pattern`` accepts there):
    ``"plain"`` nothing or a suffix, ``"star"`` anything, ``"taa"`` ``ة`` or ``ت`` and a suffix,
    ``"exact"`` nothing.
    """
    core = _first_core(words)
    parts = [_word_re(core + ("*" if words[0].endswith("*") else ""), len(words) == 1)]
    parts += [_word_re(w, i == len(words) - 1) for i, w in enumerate(words[1:], start=1)]
    literal = [core]
    if not words[0].endswith("*"):
        for w in words[1:]:
            literal.append(w.rstrip("*"))
            if w.endswith("*"):
                break
    key = " ".join(literal)
    if key.endswith("ة") and not words[-1].endswith("*") and len(literal) == len(words) and len(key) > 2:
        key = key[:-1]
    shape = None
    if len(words) == 1:
        if words[0].endswith("*"):
            shape = "star"
        elif not core.endswith("ة"):
            shape = "plain"
        else:
            shape = "taa" if key == core[:-1] else "exact"
    return key, _GAP.join(parts) + r"(?!\w)", shape


def compile_cue(words):
    """Return ``(key, regex)`` for a cue's normalised words (see the module docstring).

    The key is the longest literal the cue must contain from its start: the first word's core,
    then the following words (one space apart, as normalisation leaves them) up to the first
    ``*``. A final ``ة`` is left out of the key because it may be written ``ت``.
    """
    key, pattern, _ = cue_pattern(words)
    return key, re.compile(pattern)


_WORD_REST = re.compile(r"\w*")  # the rest of a written word (``\w`` as in the cue patterns)
_SUFFIXES = frozenset(PRONOUN_SUFFIXES + ("ا",))


class CueMatcher:
    """Find every cue of a set of entries in normalised text.

    Parameters
    ----------
    entries : iterable of Entry

    Examples
    --------
    >>> m = CueMatcher([Entry("topic:elections", None, Cue("الانتخابات", 1.0, ("الانتخابات",)))])
    >>> [(h.start, h.end) for h in m.find("دعا للانتخابات وانتخاباتها")]
    [(4, 14), (15, 26)]
    """

    def __init__(self, entries):
        self.entries = list(entries)
        self._pattern, self._shape = [], []
        self._regex = []  # compiled on first use: most cues of a large codebook are rare
        self._automaton = ahocorasick.Automaton()
        keyed = {}
        for i, entry in enumerate(self.entries):
            key, pattern, shape = cue_pattern(entry.cue.words)
            self._pattern.append(pattern)
            self._shape.append(shape)
            self._regex.append(None)
            keyed.setdefault(key, []).append(i)
        for key, idx in keyed.items():
            self._automaton.add_word(key, (len(key), tuple(idx)))
        if keyed:
            self._automaton.make_automaton()
        self._empty = not keyed
        # The order of hits of equal span: group, the heavier cue first, then the cue text
        # (so that it never depends on the build); equal keys get equal ranks.
        order = sorted({self._order_key(e) for e in self.entries})
        rank = {k: r for r, k in enumerate(order)}
        self._rank = [rank[self._order_key(e)] for e in self.entries]

    @staticmethod
    def _order_key(entry):
        return entry.group, -entry.cue.weight, entry.cue.text

    def find(self, text):
        """All verified hits in ``text`` (normalised), sorted by position then length."""
        if self._empty or not text:
            return []
        found = []
        append, word_rest = found.append, _WORD_REST.match
        suffixes, proclitics, max_prefix = _SUFFIXES, PROCLITICS, _MAX_PREFIX
        entries, rank, shapes, regexes = self.entries, self._rank, self._shape, self._regex
        for last, (klen, idx) in self._automaton.iter(text):
            pos = last - klen + 1
            if pos and text[pos - 1].isalnum():  # inside a word: only after proclitics
                # Proclitic chains are at most 4 letters: look no further back than 5.
                word_start = pos - 1
                while word_start > 0 and pos - word_start <= max_prefix \
                        and text[word_start - 1].isalnum():
                    word_start -= 1
                if text[word_start:pos] not in proclitics:
                    continue
            else:
                word_start = pos
            key_end = last + 1
            word_end = rest = None
            for i in idx:
                shape = shapes[i]
                if shape is not None:  # one word: the rest of the word decides, no expression
                    if word_end is None:
                        word_end = word_rest(text, key_end).end()
                        rest = text[key_end:word_end]
                    # what the cue's pattern accepts after its key (cue_pattern)
                    if shape == "plain":
                        if rest and rest not in suffixes:
                            continue
                    elif shape == "taa":
                        if rest != "ة" and (rest[:1] != "ت" or rest[1:] not in suffixes):
                            continue
                    elif shape == "exact" and rest:
                        continue
                    end = word_end
                else:
                    rx = regexes[i]
                    if rx is None:
                        rx = regexes[i] = re.compile(self._pattern[i])
                    m = rx.match(text, pos)
                    if m is None:
                        continue
                    end = m.end()
                append((word_start, word_start - end, rank[i], len(found), i, pos, end))
        # Equal spans of one group: the heavier cue first, so that it is the one kept by
        # longest_per_group (then the cue text, so that the order never depends on the build).
        found.sort()
        return [Hit(entries[i], start, end, pos) for start, _, _, _, i, pos, end in found]


def longest_per_group(hits, group_of=lambda h: h.entry.group):
    """Drop hits that lie inside a longer (or equal, earlier: heavier) hit of the same group.

    ``الجيش الوطني الليبي`` then counts once, not also as ``الجيش``; for actors the group is
    shared, so ``قوات حفتر`` (the LNA) hides ``حفتر`` (the man) at that place.
    """
    kept, max_end = [], {}
    for h in hits:  # sorted by start, longest first: an earlier hit contains h iff it ends later
        g = group_of(h)
        if max_end.get(g, -1) >= h.end:
            continue
        max_end[g] = h.end
        kept.append(h)
    return kept
