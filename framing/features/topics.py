"""Topics: does a sentence substantively address a topic, and does the article?

Rule (``docs/codebook.md``, "Topics"): a sentence *addresses* topic T when the weights of the
distinct cues of T it contains add up to ``topic_min_weight`` (each cue counts once per
sentence: a repeated generic word is not more evidence); an article has T when at least
``topic_min_sentences`` of its sentences address it. A topic may set its own ``min_weight`` and
``min_sentences``.

A topic with a ``context`` list is about a scope (the economy *of the region studied*, not
markets elsewhere): the article must also name one of its context cues somewhere (evidence
label ``context``); without one, its topic cues stay in the evidence, labelled
``out_of_scope``, and neither the article nor any sentence has the topic. ``share:T`` is the share of the article's
counted sentences that address T. Every cue of T that counts is evidence (label ``1``) with its
weight; of cues overlapping on the same words only the heaviest counts (:func:`distinct_hits`).

A short report -- an article of at most :data:`SHORT_REPORT_SENTENCES` counted sentences, such
as a one-sentence breaking-news post ("عاجل | ...") -- has no asides: whatever its sentence names
is what it reports. There a sentence addresses T when one of its cues alone weighs
:data:`SHORT_REPORT_FACTOR` of ``min_weight`` or more (one moderate cue of 1.0 with the default
2.0), so that a single strong cue of the post can make the topic, as the coding manual asks of one
sentence that substantively addresses it; generic words of 0.5 only add to others, and two of them
(وزير الدفاع + تعاون at a book fair) are passing words, not a topic.
"""

from __future__ import annotations

from collections import defaultdict

from .. import schema
from .evidence import round4

#: An article of at most this many counted sentences is a short report (a breaking-news post;
#: a second sentence may already be background).
SHORT_REPORT_SENTENCES = 1
#: In a short report a sentence addresses a topic when one cue alone weighs this share of the
#: topic's ``min_weight``.
SHORT_REPORT_FACTOR = 0.5


def reaches(total, strongest, min_weight, short):
    """Whether a sentence's cues of a topic make it address the topic: their distinct weights
    add up to ``min_weight``, or, in a short report, one cue alone weighs
    :data:`SHORT_REPORT_FACTOR` of it. Element-wise on numpy arrays too (re-thresholding)."""
    return (total >= min_weight) | (short & (strongest >= SHORT_REPORT_FACTOR * min_weight))


def distinct_hits(hits):
    """The hits of one topic in one sentence that count: each word is evidence once.

    Where cues overlap (``قوات التحالف`` and ``التحالف الدولي`` on ``قوات التحالف الدولي``,
    ``استئناف الحوار`` over ``الحوار``) only the heaviest counts, at equal weight the longest,
    then the first; the others are the same words read twice, not more evidence, and are not
    listed (as the longest actor label hides the shorter one at its place).
    """
    if len(hits) < 2:
        return hits
    order = sorted(hits, key=lambda h: (-h.entry.cue.weight, h.start - h.end, h.start))
    kept = []
    for h in order:
        if all(h.end <= k.start or k.end <= h.start for k in kept):
            kept.append(h)
    return [h for h in hits if any(h is k for k in kept)]


class TopicRule:
    """Topic features of one article (see the module docstring)."""

    @staticmethod
    def plan(compiled):
        """Per topic, once per codebook: name, column, scope group, thresholds, and the value
        of a sentence with cues of other fields only (0 unless ``min_weight`` is not positive)."""
        st = compiled.codebook.settings
        out = []
        for t in compiled.codebook.topics:
            col = schema.field(schema.TOPIC, t.name)
            min_weight = t.setting(st, "topic_min_weight")
            out.append((t.name, col, f"scope:{col}", min_weight,
                        t.setting(st, "topic_min_sentences"), int(0 >= min_weight),
                        schema.field(schema.SHARE, t.name), bool(t.context)))
        return out

    def __init__(self, compiled, doc, evidence):
        self.topics = compiled.plan(TopicRule)
        self.evidence = evidence
        self.sentences = defaultdict(int)  # topic -> sentences addressing it
        self.in_scope = {t[0]: not t[7] for t in self.topics}
        self.rows = []  # the rows of the sentences with cues: the only ones that can be 1
        self.short = []  # (row, topic, column): below min_weight, enough in a short report

    def sentence(self, s, row):
        groups = s.groups
        self.rows.append(row)
        for name, col, scope, min_weight, _, bare, _, _ in self.topics:
            hits = groups.get(col)
            if hits:
                hits = distinct_hits(hits)
                weights = {h.entry.cue.text: h.entry.cue.weight for h in hits}
                total, strongest = sum(weights.values()), max(weights.values())
                addresses = total >= min_weight
                row[col] = int(addresses)
                # enough if the article turns out a short report: one cue strong on its own
                if not addresses and reaches(total, strongest, min_weight, True):
                    self.short.append((row, name, col))
                self.sentences[name] += int(addresses)
                for h in hits:
                    self.evidence.add(s.index, col, "1", h)
            elif bare:
                row[col] = bare
            context = groups.get(scope)
            if context and not self.in_scope[name]:
                self.in_scope[name] = True
                self.evidence.add(s.index, col, "context", context[0])

    def article(self, article, counted):
        n = max(len(counted), 1)
        if len(counted) <= SHORT_REPORT_SENTENCES:
            for row, name, col in self.short:
                row[col] = 1
                self.sentences[name] += 1
        for name, col, _, _, min_sentences, _, share, _ in self.topics:
            if not self.in_scope[name]:
                self._out_of_scope(name, col)
            article[col] = int(self.sentences[name] >= min_sentences)
            article[share] = round4(sum(r[col] for r in self.rows) / n)

    def _out_of_scope(self, name, col):
        self.sentences[name] = 0
        for row in self.rows:
            row[col] = 0
        for row in self.evidence.rows:
            if row["field"] == col:
                row["label"] = "out_of_scope"
