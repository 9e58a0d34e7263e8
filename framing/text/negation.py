"""Negation markers of Modern Standard Arabic and the scope in which they flip a cue.

A negator flips the polarity of a cue that follows it within a few tokens of the same clause:
``لا يدعم الانتخابات`` (does not support), ``عدم الاستقرار`` (instability),
``غير شرعي`` (illegitimate), ``دون تدخل`` (without interference). Fixed expressions whose
negator does not negate are excepted: ``لا بد`` (must), ``لا سيما`` (especially),
``لا شك`` (no doubt), ``لا يزال``/``ما زال`` (still), ``لا يخلو`` (is not free of, i.e. has).

The clause breakers live here too, in one list (:data:`CLAUSE_BREAKERS`): punctuation such as
``؛`` and ``:`` and connectives such as ``لكن``, ``بل``, ``غير أن``, ``في حين``. A stance cue
counts only in its target's clause (:func:`clause_ids`), and a negation's scope ends at a clause
boundary as well as at sentence punctuation, brackets, quotes and a free-standing ``و``.
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
    "مسبوق", "مسبوقة",  # غير مسبوق "unprecedented" negates nothing after it
))
# Words, phrases and punctuation that end a clause, in one list: a stance cue counts only in
# the clause of its target, and a negator never reaches across a clause boundary. A phrase
# (غير أن، إلا أن، في حين) is a breaker as a whole -- its غير is not a negator. The comma is
# not among them: Arabic news strings the clauses of one statement with commas ("returned to the
# Geneva talks, calling on the parties to commit ..."), so it ends only a negation's scope.
CLAUSE_BREAKERS = tuple(normalize(w) for w in (
    "؛", ";", ":", "حيث", "بينما", "في حين", "لكن", "لكنه", "لكنها", "لكنهم", "ولكن",
    "ولكنه", "ولكنها", "غير أن", "إلا أن", "بل",
))
# A negation's scope also ends at a comma, sentence punctuation, brackets, quotation marks and a
# free-standing و (and), which do not split a stance clause (دعا إلى «إجراء الانتخابات»).
SCOPE_ONLY_BREAKERS = frozenset({".", "؟", "?", "!", "(", ")", "«", "»", "“", "”", '"', "و",
                                 "،", ","})

_SINGLE = frozenset(b for b in CLAUSE_BREAKERS if " " not in b)
_PAIRS = frozenset(tuple(b.split()) for b in CLAUSE_BREAKERS if " " in b)


def _breaker_length(tokens, i):
    """Length in tokens of the clause breaker that starts at ``tokens[i]`` (0: none)."""
    if i + 1 < len(tokens) and (tokens[i], tokens[i + 1]) in _PAIRS:
        return 2
    return 1 if tokens[i] in _SINGLE else 0


def _in_breaker(tokens, j):
    """Whether ``tokens[j]`` belongs to a clause breaker (first or second word of a phrase)."""
    return bool(_breaker_length(tokens, j)) or (j > 0 and (tokens[j - 1], tokens[j]) in _PAIRS)


def clause_ids(tokens):
    """Clause number of each token of a sentence: a breaker (with all its words) starts a new one.

    Examples
    --------
    >>> clause_ids(["دعم", "الانتخابات", "؛", "لكن", "رفض"])
    [0, 0, 1, 2, 2]
    >>> clause_ids(normalize("رحب بالاتفاق غير أن الانتخابات مؤجلة").split())
    [0, 0, 1, 1, 1, 1]
    """
    out, n, i = [], 0, 0
    while i < len(tokens):
        length = _breaker_length(tokens, i)
        if length:
            n += 1
            out += [n] * length
            i += length
        else:
            out.append(n)
            i += 1
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
    >>> find_negator(normalize("غير أن دعم الانتخابات").split(), 2) is None  # "however", not "not"
    True
    """
    for j in range(index - 1, max(index - window, 0) - 1, -1):
        tok = tokens[j]
        if tok in SCOPE_ONLY_BREAKERS or _in_breaker(tokens, j):
            return None
        if tok in negators:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
            if nxt in NOT_NEGATING_NEXT:
                return None
            return j
    return None
