"""The sentences a coder most likely used: found from the words quoted in the coder's note, or
failing that from the words of the field's cues.

Coders' notes (``CODING-PROTOCOL.md``: "quote the Arabic words") are written per field, e.g.
``ct: «هجوم سوسة الإرهابي»; border: «تسرب مسلحين عبر حدود تونس»``. A note segment is taken to
be about a field when its head (before the colon) starts a word of the field's name (``ct``,
``mil``, ``econ``, ``elec``, ``haftar``, ``ff`` ...). The sentences are ranked by how many of
the quoted words they hold. This is a reading aid, not a measurement: it finds the sentence a
coder quoted, and says nothing about a sentence the coder used without quoting it.

Examples
--------
>>> note_quotes("ct: «هجوم سوسة الإرهابي»; border: «عبر حدود تونس»", "topic:counterterrorism")
['هجوم سوسة الإرهابي']
>>> segment_is_about("ff con", "stance:foreign_forces"), segment_is_about("mil", "tone")
(True, False)
"""

from __future__ import annotations

import re

from .. import schema
from ..text.clitics import strip_article
from ..text.stopwords import load_stopwords
from ..text.tokens import tokenize

_QUOTES = re.compile(r"«([^»]+)»|“([^”]+)”|\"([^\"]+)\"|'([^']+)'")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
_SEGMENT = re.compile(r"\s*[;|]\s*")
_HEAD = re.compile(r"^([A-Za-z][A-Za-z _/&-]{0,40}?)\s*(?::|\(|$)")
_STOP = None


def _stopwords():
    global _STOP
    if _STOP is None:
        _STOP = load_stopwords("default")
    return _STOP


def words(text):
    """The content words of ``text``, normalised, article and attached particles stripped."""
    stop = _stopwords()
    return {strip_article(w, 3, particles=True)
            for w in tokenize(text, normalize=True, words_only=True, numbers=False, min_length=2)
            if w not in stop}


def _abbreviates(word, part):
    # "mil" for military, "ct" for counterterrorism: a prefix, or a short run of its letters
    if part.startswith(word):
        return True
    if len(word) > 3 or word[0] != part[0]:
        return False
    rest = iter(part)
    return all(ch in rest for ch in word)


def segment_is_about(head, field):
    """Whether a note segment's head (``"ct"``, ``"elections pro"``, ``"ff con"``) names
    ``field``."""
    name = field if field == schema.TONE else schema.parse_field(field)[1] or ""
    parts = name.lower().split("_")
    initials = "".join(p[0] for p in parts)
    for w in re.findall(r"[a-z]+", head.lower()):
        if len(w) >= 2 and (w == initials or any(_abbreviates(w, p) for p in parts)):
            return True
    return False


def note_quotes(note, field):
    """The words a coder quoted for ``field`` in ``note`` (fragments split at ``...``).

    Returns
    -------
    list of str
        Empty when no segment of the note is about the field, or it quotes nothing.
    """
    if not isinstance(note, str):
        return []
    out = []
    for segment in _SEGMENT.split(note):
        head = _HEAD.match(segment)
        if not head or not segment_is_about(head.group(1), field):
            continue
        for m in _QUOTES.finditer(segment):
            quoted = next(g for g in m.groups() if g is not None)
            out += [q for q in _ELLIPSIS.split(quoted) if len(words(q)) >= 1]
    return out


def rank_by_quotes(sentences, quotes, min_overlap=0.5):
    """Sentences holding at least ``min_overlap`` of the words of some quote, best first.

    Parameters
    ----------
    sentences : dict
        ``{sent_id: text}``.
    quotes : list of str

    Returns
    -------
    list of (sent_id, overlap)
    """
    qwords = [w for w in (words(q) for q in quotes) if w]
    ranked = []
    for sid, text in sentences.items():
        sw = words(text)
        best = max((len(q & sw) / len(q) for q in qwords), default=0.0)
        if best >= min_overlap:
            ranked.append((sid, best))
    return sorted(ranked, key=lambda x: (-x[1], x[0]))


def cue_words(cues):
    """The content words of a list of cues: ``(whole words, stems)`` (a ``*`` word is a stem)."""
    whole, stems = set(), set()
    stop = _stopwords()
    for cue in cues:
        for w in cue.words:
            if w.endswith("*"):
                stems.add(strip_article(w.rstrip("*"), 3, particles=True))
            elif w not in stop:
                whole.add(strip_article(w, 3, particles=True))
    return whole, stems


def rank_by_cue_words(sentences, cues, min_words=2):
    """Sentences holding words of the cues (without holding the cues), most words first.

    Returns
    -------
    list of (sent_id, words found)
        ``words found`` is a sorted tuple of the cue words in the sentence.
    """
    whole, stems = cue_words(cues)
    ranked = []
    for sid, text in sentences.items():
        sw = words(text)
        found = (sw & whole) | {w for w in sw for s in stems if w.startswith(s)}
        if len(found) >= min_words:
            ranked.append((sid, tuple(sorted(found))))
    return sorted(ranked, key=lambda x: (-len(x[1]), x[0]))


__all__ = ["cue_words", "note_quotes", "rank_by_cue_words", "rank_by_quotes", "segment_is_about",
           "words"]
