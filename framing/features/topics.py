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
counted sentences that address T. Every cue of T found is evidence (label ``1``) with its weight.
"""

from __future__ import annotations

from collections import defaultdict

from .. import schema
from .evidence import round4


class TopicRule:
    """Topic features of one article (see the module docstring)."""

    def __init__(self, compiled, doc, evidence):
        self.topics = compiled.codebook.topics
        self.st = compiled.codebook.settings
        self.evidence = evidence
        self.sentences = defaultdict(int)  # topic -> sentences addressing it
        self.in_scope = {t.name: not t.context for t in self.topics}

    def sentence(self, s, row):
        for t in self.topics:
            col = schema.field(schema.TOPIC, t.name)
            hits = s.hits(col)
            weight = sum({h.entry.cue.text: h.entry.cue.weight for h in hits}.values())
            addresses = weight >= t.setting(self.st, "topic_min_weight")
            row[col] = int(addresses)
            if hits:
                self.sentences[t.name] += int(addresses)
                for h in hits:
                    self.evidence.add(s.index, col, "1", h)
            context = s.hits(f"scope:{col}")
            if context and not self.in_scope[t.name]:
                self.in_scope[t.name] = True
                self.evidence.add(s.index, col, "context", context[0])

    def article(self, article, counted):
        n = max(len(counted), 1)
        for t in self.topics:
            col = schema.field(schema.TOPIC, t.name)
            if not self.in_scope[t.name]:
                self._out_of_scope(col, counted)
            article[col] = int(self.sentences[t.name] >= t.setting(self.st, "topic_min_sentences"))
            article[schema.field(schema.SHARE, t.name)] = round4(sum(r[col] for r in counted) / n)

    def _out_of_scope(self, col, counted):
        self.sentences[schema.parse_field(col)[1]] = 0
        for row in counted:
            row[col] = 0
        for row in self.evidence.rows:
            if row["field"] == col:
                row["label"] = "out_of_scope"
