"""Character classes of Arabic text, defined once (the CAMeL Tools ``utils/charsets`` way).

Every module that needs to know what an Arabic letter, a diacritic, a bidi control or a word
character is takes it from here, so that normalisation, tokenisation, matching, corpus decoding
and display agree.

Examples
--------
>>> is_arabic_letter("ب"), is_arabic_letter("b"), has_arabic("Libya ليبيا")
(True, False, True)
>>> "\\u064e" in DIACRITICS, TATWEEL in WORD_MARKS
(True, True)
"""

from __future__ import annotations

import regex

#: The letters of the basic Arabic block (hamza .. yeh), as a regex class: what dates and
#: datelines of MSA text are written in.
BASIC_LETTER_CLASS = "\u0621-\u064a"
#: Those and the extended letters (alef wasla .. yeh barree) that Arabic-script news uses.
ARABIC_LETTER_CLASS = BASIC_LETTER_CLASS + "\u0671-\u06d3"
ARABIC_LETTER_RE = regex.compile(f"[{ARABIC_LETTER_CLASS}]")
#: Any character of the Arabic script (letters, marks, digits, punctuation, presentation forms).
ARABIC_SCRIPT_RE = regex.compile(r"\p{Arabic}")

#: Harakat, tanween, shadda, sukun, dagger alef and Quranic annotation marks.
DIACRITICS = frozenset(map(chr, [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670,
                                 *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9),
                                 *range(0x06EA, 0x06EE)]))
TATWEEL = "\u0640"
#: Marks written on a word: removing them keeps the word's span (see framing.text.normalize).
WORD_MARKS = DIACRITICS | {TATWEEL}

LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
#: Bidi controls and other invisible format characters (LRM, RLM, ALM, LRE..RLO, LRI..PDI,
#: ZWSP, ZWNJ, ZWJ, BOM, soft hyphen, word joiner): normalisation removes them.
INVISIBLES = frozenset(map(chr, [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD,
                                 0x2060, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
#: The direction marks and isolates that display code inserts (and plain-text output drops).
DISPLAY_CONTROLS = LRM + RLM + LRI + RLI + FSI + PDI

#: Line breaks that are not ``\\n``: normalisation turns them into ``\\n``.
LINE_BREAKS = frozenset({"\u2028", "\u2029", "\x85", "\x0b", "\x0c"})
#: Symbols that scraped text carries where a full stop was lost.
LOST_STOPS = "□■◆◇�"


def is_arabic_letter(ch):
    """Whether the character ``ch`` is an Arabic letter (:data:`ARABIC_LETTER_CLASS`)."""
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"


def is_word_char(ch):
    """Whether ``ch`` belongs to a word or number: Python's ``\\w`` without the underscore.

    The tokenizer's words (:mod:`framing.text.tokens`) and the matcher's word boundaries
    (:mod:`framing.text.match`) both rest on it, so they agree on where a word ends.
    """
    return ch.isalnum()


def has_arabic(text):
    """Whether ``text`` contains a character of the Arabic script."""
    return bool(ARABIC_SCRIPT_RE.search(text))
