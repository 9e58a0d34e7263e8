"""Negation markers of Modern Standard Arabic and the scope in which they flip a cue.

A negator flips the polarity of a cue that follows it within a few tokens of the same clause:
``لا يدعم الانتخابات`` (does not support), ``عدم الاستقرار`` (instability),
``غير شرعي`` (illegitimate), ``دون تدخل`` (without interference). Fixed expressions whose
negator does not negate are excepted: ``لا بد`` (must), ``لا سيما`` (especially),
``لا شك`` (no doubt), ``لا يزال``/``ما زال`` (still), ``لا يخلو`` (is not free of, i.e. has).
"""

from __future__ import annotations

from .normalize import normalize

NEGATORS = frozenset(normalize(w) for w in (
    "لا", "لم", "لن", "ليس", "ليست", "لسنا", "لست", "ليسوا", "غير", "عدم", "دون", "بدون", "بلا",
    "بغير", "لعدم", "وعدم", "ولا", "ولم", "ولن", "وليس", "فلا", "فلم", "فلن", "ودون", "وبدون",
))
# Words right after a negator that make a fixed, non-negating expression.
NOT_NEGATING_NEXT = frozenset(normalize(w) for w in (
    "بد", "سيما", "شك", "ريب", "يزال", "تزال", "يزالون", "زال", "زالت", "يخلو", "تخلو", "يخفى",
    "مجرد", "سواء", "اكثر", "اقل", "الا", "إلا",
))
# Tokens that close a negation's scope (clause boundaries).
SCOPE_BREAKERS = frozenset({".", "،", ",", "؛", ";", ":", "؟", "?", "!", "(", ")", "«", "»",
                            "“", "”", '"', normalize("لكن"), normalize("بل"), normalize("بينما"),
                            normalize("و") })


# Tokens that end a clause for stance cues: an evaluative cue counts only in its target's clause.
CLAUSE_BREAKERS = frozenset({"،", ",", "؛", ";", ":", normalize("حيث"), normalize("بينما"),
                             normalize("لكن"), normalize("لكنها"), normalize("لكنه"),
                             normalize("غير أن")})


def clause_ids(tokens):
    """Clause number of each token of a sentence (a breaker starts a new clause).

    Examples
    --------
    >>> clause_ids(["دعم", "الانتخابات", "،", "لكن", "رفض"])
    [0, 0, 1, 2, 2]
    """
    out, n = [], 0
    for t in tokens:
        if t in CLAUSE_BREAKERS:
            n += 1
        out.append(n)
    return out


def find_negator(tokens, index, window=3, negators=NEGATORS):
    """Return the index of a negator governing ``tokens[index]``, or ``None``.

    Parameters
    ----------
    tokens : sequence of str
        Normalised tokens of one sentence (punctuation included).
    index : int
        Position of the first token of the cue.
    window : int
        How many tokens back to look.
    negators : set of str
        Normalised negation markers.

    Examples
    --------
    >>> toks = "لا يدعم الانتخابات".split()
    >>> find_negator(toks, 1)
    0
    >>> find_negator("لا بد من انتخابات".split(), 3) is None
    True
    """
    for j in range(index - 1, max(index - window, 0) - 1, -1):
        tok = tokens[j]
        if tok in SCOPE_BREAKERS:
            return None
        if tok in negators:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
            if nxt in NOT_NEGATING_NEXT:
                return None
            return j
    return None
