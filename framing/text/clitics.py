"""Arabic clitics: which letters may be attached before and after a word.

Matching is clitic-aware: a cue written ``انتخابات`` also matches ``والانتخابات``, ``للانتخابات``
and ``انتخاباتها``. The sets below are in *normalised* spelling (see :mod:`framing.text.normalize`).

Proclitics are built as conjunction (و ف) + preposition or future particle (ب ك ل س) + article
(ال), with ل + ال written ``لل``. Enclitics are the pronoun suffixes; tanween alef (``ا``) is
allowed as well because the accusative indefinite is written with it (``دعما``).
"""

from __future__ import annotations

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ك", "ل", "س")


def _proclitics():
    out = set()
    for c in _CONJ:
        for p in _PREP:
            out.add(c + p)
            if p == "ل":
                out.add(c + "لل")  # ل + ال
            elif p != "س":
                out.add(c + p + "ال")
    return frozenset(out)


PROCLITICS = _proclitics()
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا")
ENCLITICS = frozenset(("", "ا", *PRONOUN_SUFFIXES))
ARTICLE = "ال"


# Proclitic chains that end in the article (ال, وال, بال, فال, كال, وبال, ..., لل, ولل), longest
# first: stripping them is safe, unlike a bare و ب ل ف ك, which begins many words (وزير, بنك,
# لبنان, فريق).
_ARTICLE_CHAINS = tuple(sorted((p for p in PROCLITICS if p.endswith((ARTICLE, "لل"))), key=len,
                               reverse=True))


def strip_article(word, min_stem=2, particles=False):
    """Remove a leading article ``ال`` when at least ``min_stem`` letters remain.

    With ``particles=True`` the article goes with the conjunctions and prepositions attached to
    it (``وال``, ``بال``, ``لل`` ...), so that ``والحكومة`` and ``حكومة`` are one term.

    Examples
    --------
    >>> strip_article("الانتخابات"), strip_article("الى")
    ('انتخابات', 'الى')
    >>> [strip_article(w, 3, particles=True) for w in ("والحكومة", "للجيش", "الله", "وزير")]
    ['حكومة', 'جيش', 'الله', 'وزير']
    """
    for prefix in (_ARTICLE_CHAINS if particles else (ARTICLE,)):
        if word.startswith(prefix) and len(word) - len(prefix) >= min_stem:
            return word[len(prefix):]
    return word


def split_proclitics(token, min_stem=2):
    """All ``(prefix, stem)`` splits of ``token`` whose prefix is a valid proclitic chain.

    Examples
    --------
    >>> split_proclitics("والجيش")[:3]
    [('', 'والجيش'), ('و', 'الجيش'), ('وال', 'جيش')]
    """
    return [(token[:i], token[i:]) for i in range(0, min(len(token) - min_stem, 5) + 1)
            if token[:i] in PROCLITICS]


def light_stem(token):
    """Strip a proclitic chain and a pronoun suffix (for display and counting).

    Conservative, because many words begin with ب ل ك or end with ي ه: a chain is stripped only
    when it contains the article (وال بال لل ...) or is a lone و/ف before 4 or more letters; a
    pronoun suffix only when 4 or more letters remain, and never ``ي`` (nisba adjectives and
    names end in it: الليبي، بنغازي).

    Examples
    --------
    >>> light_stem("وبالانتخابات")
    'انتخابات'
    >>> [light_stem(w) for w in ("ليبيا", "بنغازي", "السيسي", "وليبيا", "حكومتها")]
    ['ليبيا', 'بنغازي', 'سيسي', 'ليبيا', 'حكومت']
    """
    stem = token
    for prefix, rest in reversed(split_proclitics(token, min_stem=3)):
        if prefix.endswith(("ال", "لل")) or (prefix in ("و", "ف") and len(rest) >= 4):
            stem = rest
            break
    for suf in sorted(set(PRONOUN_SUFFIXES) - {"ي"}, key=len, reverse=True):
        if stem.endswith(suf) and len(stem) - len(suf) >= 4:
            return stem[: -len(suf)]
    return stem
