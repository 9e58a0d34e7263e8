"""Sentence segmentation of Arabic news text, with offsets into the original text.

Rules, in order:

1. A line break always ends a sentence: headings, bullet lines and captions in scraped news
   rarely end with punctuation, and a sentence is almost never wrapped across lines.
2. Within a line, a sentence ends at ``.`` ``!`` ``?`` ``؟`` ``…`` (with any closing quotes or
   brackets that follow) when whitespace or the end of the line comes next. So ``3.5``,
   ``www.example.com`` and URLs do not split.
3. A period does not end a sentence after an abbreviation: one Arabic letter (``د.`` ``أ.``
   ``م.``) or dotted initials (``أ.د.``), a Latin title (``Dr.``, ``Mr.``) or a known Arabic
   abbreviation (``ق.م.`` ``هـ.``); ``م/`` has no period and never splits. Two-letter words
   (به، هو، من) end sentences as usual.
4. A lone symbol between spaces (``□`` ``■``), where scraped text lost a full stop, also ends
   a sentence.
5. Bullet markers (``-`` ``•`` ``*`` ``▪`` ``1.`` ``1)``) and decoration (``*`` ``#`` around a
   heading) are left outside the sentence span. Segments with no letter or digit are dropped.

``text[start:end]`` is always exactly the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import re

import regex

_STOPS = ".!?؟…"
_END = rf"[{_STOPS}]+"
_CLOSERS = "\"'”’»)]}›"
# Scraped text sometimes carries a lone symbol (□ ■ �) where a full stop was lost.
_LOST_STOP = "□■◆◇�"
# A sentence end: ``{_END}[closers]*(?=\s|$)``, or a lost stop between spaces,
# ``(?<=\s)[lost](?=\s|$)``. Written with one character class first (which of the two it was
# is checked behind it), so that the scan jumps from candidate to candidate instead of trying
# both branches at every character: the same matches, about four times faster.
_SPLIT_RE = re.compile(
    rf"[{_STOPS}{_LOST_STOP}](?:(?<=[{_STOPS}])[{_STOPS}]*[{re.escape(_CLOSERS)}]*(?=\s|$)"
    rf"|(?<=\s[{_LOST_STOP}])(?=\s|$))")
_LATIN_ABBREV = frozenset({"dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "etc", "jr", "sr",
                           "u.s", "u.n", "e.g", "i.e"})
_ARABIC_ABBREV = frozenset({"ق.م", "ت", "ص.ب", "ج.م.ع", "م.م", "ش.م.م", "هـ"})
_WORD_BEFORE_RE = regex.compile(r"(?:\p{L}+\.)*\p{L}+$")
_ARABIC_INITIALS_RE = regex.compile(r"\p{Arabic}{1,2}(?:\.\p{Arabic}{1,2})*")
# Every abbreviation ends in a run of at most four letters (prof, u.s, هـ, ج.م.ع).
_FIVE_LETTERS_RE = regex.compile(r"\p{L}{5}")
_BULLET_RE = re.compile(r"^\s*(?:[-–—•▪◦●*#]+|\(?\d{1,2}[.)-](?=\s))\s*")
_TRIM_CHARS = " \t\r*#_-–—•▪◦●=~|□■◆◇�"
_URL_LINE_RE = re.compile(r"^<?(?:https?://|www\.)\S+>?$")
_HAS_CONTENT = re.compile(r"[^\W_]")
HEADING_MAX_WORDS = 14


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span in the original text and its kind."""

    start: int
    end: int
    text: str
    kind: str  # "sentence" | "heading" | "bullet" | "url"


def _is_abbreviation(line, dot_pos):
    # The common case, a sentence ending in a word of five letters or more, is no abbreviation:
    # the word before the dot would end in that run of letters.
    if dot_pos >= 5 and _FIVE_LETTERS_RE.fullmatch(line, dot_pos - 5, dot_pos):
        return False
    m = _WORD_BEFORE_RE.search(line, max(0, dot_pos - 24), dot_pos)  # abbreviations are short
    if not m:
        return False
    word = m.group()
    # One Arabic letter (د. أ. م.) or dotted initials (أ.د.): two-letter words such as به، هو،
    # من end sentences and are not abbreviations.
    if len(word) == 1 and _ARABIC_INITIALS_RE.fullmatch(word):
        return True
    if "." in word and _ARABIC_INITIALS_RE.fullmatch(word):
        return True
    return word.lower() in _LATIN_ABBREV or word in _ARABIC_ABBREV


def _trim(text, start, end):
    while start < end and text[start] in _TRIM_CHARS:
        start += 1
    while end > start and (text[end - 1] in _TRIM_CHARS or text[end - 1].isspace()):
        end -= 1
    return start, end


def _line_segments(line):
    """Yield (start, end, ends_with_punct) of the sentences within one line."""
    pos = 0
    for m in _SPLIT_RE.finditer(line):
        if line[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(line, m.start()):
            continue
        yield pos, m.end(), True
        pos = m.end()
    if pos < len(line):
        yield pos, len(line), False


def split_sentences(text):
    """Split ``text`` into sentences with offsets.

    Parameters
    ----------
    text : str
        The original article text.

    Returns
    -------
    list of Sentence
        ``text[s.start:s.end] == s.text`` for every sentence.

    Examples
    --------
    >>> [s.text for s in split_sentences("قال د. أحمد إن الوضع مستقر. وأضاف: نعم")]
    ['قال د. أحمد إن الوضع مستقر.', 'وأضاف: نعم']
    """
    out = []
    line_start = 0
    for line in text.split("\n"):
        if not line or line.isspace():  # no segment of it could hold a letter or digit
            line_start += len(line) + 1
            continue
        bullet = _BULLET_RE.match(line)
        is_bullet = bool(bullet and bullet.group().strip() and bullet.group().strip() not in "*#")
        segments = list(_line_segments(line))
        for i, (s, e, punct) in enumerate(segments):
            starts_bullet = (i == 0 and is_bullet) or line[s:e].lstrip()[:2] in ("- ", "• ", "– ")
            s, e = _trim(line, s, e)
            if s >= e or not _HAS_CONTENT.search(line, s, e):
                continue
            seg = line[s:e]
            if _URL_LINE_RE.match(seg):
                kind = "url"
            elif starts_bullet:
                kind = "bullet"
            elif len(segments) == 1 and not punct and len(seg.split()) <= HEADING_MAX_WORDS:
                kind = "heading"
            else:
                kind = "sentence"
            out.append(Sentence(line_start + s, line_start + e, seg, kind))
        line_start += len(line) + 1
    return out
