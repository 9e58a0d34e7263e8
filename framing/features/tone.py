"""Tone: the evaluative colour of the words an article uses about the events it reports.

Rule (``docs/codebook.md``, "Tone"): positive and negative lexicon cues (a lexicon's
``neutral`` phrases -- أوجه التعاون، بحث سبل التعاون -- hide the evaluative word inside them: they
describe a procedure), each flipped by a
negator within ``negation_window`` tokens before it and multiplied by ``intensifier_weight`` when
an intensifier stands within ``intensifier_window`` tokens (Arabic intensifiers mostly follow the
word: قلق بالغ، نجاح كبير; some precede it). A sentence's score is
``(P - N) / (P + N + tone_smoothing)``. For the article, headline sentences weigh
``headline_weight`` and the first ``lead_sentences`` sentences after it ``lead_weight``; the
score is the same formula over the weighted sums. With ``tone_sentences`` N > 0 only the first N
sentences count for the article (a reader takes an article's tone from its top: the headline,
the lead and the first paragraphs; background further down does not change it). The label is positive / negative beyond
``tone_threshold``, else neutral.
"""

from __future__ import annotations

from .. import schema
from .evidence import round4


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
            flipped = s.negated(h, int(st["negation_window"]))
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
