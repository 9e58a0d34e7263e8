"""Tone: the evaluative colour of the words an article uses about the events it reports.

Rule (``docs/codebook.md``, "Tone"): positive and negative lexicon cues (a lexicon's
``neutral`` phrases -- أوجه التعاون، بحث سبل التعاون -- hide the evaluative word inside them: they
describe a procedure), each flipped by a negator within ``negation_window`` tokens before it --
or by a valence shifter there (:data:`SHIFTERS`: القضاء على الإرهابيين، دحر المتطرفين، وقف
التعاون -- ending, defeating or preventing a bad thing is good news, ending a good one bad news;
:data:`OBSTRUCTORS` reverse only a positive word: يعيق جهود السلام; a cue both negated and
shifted keeps its polarity) -- and multiplied by ``intensifier_weight`` when
an intensifier stands within ``intensifier_window`` tokens (Arabic intensifiers mostly follow the
word: قلق بالغ، نجاح كبير; some precede it). A flipped cue's evidence row has ``negated`` true.
A sentence's score is
``(P - N) / (P + N + tone_smoothing)``. For the article, headline sentences weigh
``headline_weight`` and the first ``lead_sentences`` sentences after it ``lead_weight``; the
score is the same formula over the weighted sums. With ``tone_sentences`` N > 0 only the first N
sentences count for the article (a reader takes an article's tone from its top: the headline,
the lead and the first paragraphs; background further down does not change it). The label is positive / negative beyond
``tone_threshold``, else neutral.
"""

from __future__ import annotations

from .. import schema
from ..text.negation import SCOPE_ONLY_BREAKERS
from ..text.normalize import normalize
from .evidence import round4

#: Valence shifters of the news register (the sentiment literature's valence shifters): words of
#: ending, defeating, preventing, freeing from, dismantling, reducing or breaking, which reverse
#: the polarity of the evaluative word they govern. A multi-word shifter is matched word by word;
#: its first word may carry the proclitics و ف ب ل (and ال its ال forms: بال، لل، وال).
SHIFTERS = (
    "القضاء على", "قضى على", "قضت على", "يقضي على", "تقضي على", "الحد من", "التغلب على",
    "تغلب على", "تغلبت على", "إنهاء", "أنهى", "أنهت", "ينهي", "تنهي", "انتهاء", "نهاية", "وقف",
    "أوقف", "أوقفت", "يوقف", "توقف", "منع", "منعت", "يمنع", "تمنع", "مكافحة", "يكافح", "تكافح",
    "محاربة", "يحارب", "تحارب", "حارب", "حاربت", "التصدي", "تصدى", "تصدت", "صد", "صدت", "يصد",
    "تصد", "صدوا", "دحر", "دحرت", "دحروا", "هزم", "هزمت", "تحرير", "حرر", "حررت", "حرروا",
    "تطهير", "طهرت", "تفكيك", "فكك", "فككت", "إحباط", "أحبط", "أحبطت", "يحبط", "تحبط", "طرد",
    "طردت", "ملاحقة", "إخراج", "خروج", "انسحاب", "احتواء", "تجاوز", "حل", "إزالة", "تذليل",
    "ضرب", "انخفاض", "تقليص", "تقويض", "يقوض", "تقوض", "إفشال", "فشل", "انهيار",
)
#: Obstruction and threat: they reverse only a positive word (hindering, threatening or breaking a
#: good thing is bad news: يعيق جهود السلام، خرق الهدنة); a threat of a bad thing stays bad.
OBSTRUCTORS = (
    "يعيق", "تعيق", "إعاقة", "عرقلة", "يعرقل", "تعرقل", "عرقل", "عرقلت", "يهدد", "تهدد",
    "تهديد", "زعزعة", "خرق", "خرقت", "انتهاك", "ينتهك", "تنتهك", "تعطيل", "يعطل",
)


def _forms(word):
    """A shifter's first word with its proclitics."""
    if word.startswith("ال"):
        stem = word[2:]
        return {word, "و" + word, "ف" + word, "ب" + word, "وب" + word, "لل" + stem, "ولل" + stem}
    return {word, "و" + word, "ف" + word, "ب" + word, "ل" + word, "وب" + word, "ول" + word,
            "ال" + word, "بال" + word, "وال" + word, "لل" + word, "ولل" + word}


def _shifter_table(phrases):
    table = {}
    for p in phrases:
        first, *rest = normalize(p).split()
        for f in _forms(first):
            table.setdefault(f, []).append(tuple(rest))
    return table


_SHIFT = _shifter_table(SHIFTERS)
_OBSTRUCT = _shifter_table(OBSTRUCTORS)
_LONGEST = max(len(p.split()) for p in SHIFTERS + OBSTRUCTORS)


def shifted(tokens, index, window, clauses=None, table=_SHIFT):
    """Whether a valence shifter ends within ``window`` tokens before ``tokens[index]``.

    The shifter's scope ends, as a negator's does, at punctuation, brackets, quotation marks and
    a free-standing و, and (given the sentence's ``clauses``) at a clause boundary.

    Examples
    --------
    >>> shifted(normalize("بالقضاء على كافة المجموعات الإرهابية").split(), 4, 3)
    True
    >>> shifted(normalize("القضاء الليبي يحقق في الهجوم").split(), 4, 3)
    False
    """
    for j in range(index - 1, max(index - window, 0) - 1, -1):
        if tokens[j] in SCOPE_ONLY_BREAKERS or (clauses is not None and
                                                 clauses[j] != clauses[index]):
            return False
        for end in range(j, max(j - _LONGEST, -1), -1):  # a shifter whose last word is tokens[j]
            for rest in table.get(tokens[end], ()):
                if len(rest) == j - end and tuple(tokens[end + 1:j + 1]) == rest:
                    return True
    return False


def tone_label(score, st):
    """``positive`` / ``negative`` beyond ``tone_threshold``, else ``neutral``."""
    if score > st["tone_threshold"]:
        return "positive"
    if score < -st["tone_threshold"]:
        return "negative"
    return "neutral"


def sentence_weights(kinds, st):
    """The weight of each sentence in the article's tone: headline, lead, or 1."""
    weights, lead_left = [], int(st["lead_sentences"])
    for kind in kinds:
        if kind == "headline":
            weights.append(st["headline_weight"])
        elif kind not in ("heading", "url", "repeat") and lead_left > 0:
            weights.append(st["lead_weight"])
            lead_left -= 1
        else:
            weights.append(1.0)
    return weights


class ToneRule:
    """Tone features of one article (see the module docstring)."""

    def __init__(self, compiled, doc, evidence):
        self.st = compiled.codebook.settings
        self.evidence = evidence
        self.weights = sentence_weights(doc.kinds, self.st)
        self.positive = self.negative = 0.0

    def sentence(self, s, row):
        st = self.st
        pos = neg = 0.0
        intens = [s.local(h) for h in s.hits("intensifier")]
        for h in s.hits("sentiment"):
            if not h.entry.payload:  # a procedural phrase: neither positive nor negative
                continue
            k = s.local(h)
            w = h.entry.cue.weight
            if any(0 < abs(k - j) <= st["intensifier_window"] for j in intens):
                w *= st["intensifier_weight"]
            window = int(st["negation_window"])
            # the clause boundaries (costly) only where a shifter is within the window at all
            shift = (shifted(s.tokens, k, window) and shifted(s.tokens, k, window, s.clauses)) or (
                h.entry.payload > 0 and shifted(s.tokens, k, window, None, _OBSTRUCT)
                and shifted(s.tokens, k, window, s.clauses, _OBSTRUCT))
            flipped = s.negated(h, window) != shift
            pol = h.entry.payload * (-1 if flipped else 1)
            if pol > 0:
                pos += w
            else:
                neg += w
            self.evidence.add(s.index, schema.TONE, "positive" if pol > 0 else "negative", h,
                              flipped, w)
        top = int(st["tone_sentences"])
        if s.kind != "repeat" and (top <= 0 or s.index < top):
            self.positive += self.weights[s.index] * pos
            self.negative += self.weights[s.index] * neg
        score = (pos - neg) / (pos + neg + st["tone_smoothing"])
        row[schema.TONE_SCORE] = round4(score)
        row[schema.TONE] = tone_label(score, st)

    def article(self, article, counted):
        p, n = self.positive, self.negative
        score = (p - n) / (p + n + self.st["tone_smoothing"])
        article[schema.TONE] = tone_label(score, self.st)
        article[schema.TONE_SCORE] = round4(score)
