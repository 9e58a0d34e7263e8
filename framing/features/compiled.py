"""A codebook compiled once for matching: every cue of every field in one automaton.

Matcher groups (what a hit is evidence of): ``topic:T``; ``scope:topic:T`` and
``scope:stance:S`` (a name of the field's ``context``, its scope); ``target:S`` (a mention of stance
target S) and ``eval:S`` (an evaluative cue, payload +1 pro / -1 con); ``actor`` (payload: actor
id, connotation, label); ``sentiment`` (+1 / -1) and ``intensifier``; ``speech_verb`` and
``source`` (payload: source type); ``ignore`` (a phrase whose words are not cues).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from .. import schema
from ..codebook import load_codebook
from ..text.match import CueMatcher, Entry, longest_per_group
from ..text.negation import NEGATORS
from .document import UNCOUNTED_KINDS


class CompiledCodebook:
    """A codebook compiled once into a single matcher.

    Parameters
    ----------
    codebook : str, path or Codebook
        A packaged name, a YAML file or a loaded codebook.

    Examples
    --------
    >>> cc = CompiledCodebook("libya-egypt")
    >>> cc.codebook.name, len(cc.matcher.entries) > 100
    ('libya-egypt', True)
    """

    def __init__(self, codebook="libya-egypt"):
        self.codebook = cb = load_codebook(codebook)
        entries = []
        for t in cb.topics:
            entries += [Entry(schema.field(schema.TOPIC, t.name), None, c) for c in t.cues]
            entries += [Entry(f"scope:topic:{t.name}", None, c) for c in t.context]
        for s in cb.stances:
            entries += [Entry(f"target:{s.name}", None, c) for c in s.target]
            entries += [Entry(f"eval:{s.name}", 1, c) for c in s.pro]
            entries += [Entry(f"eval:{s.name}", -1, c) for c in s.con]
            entries += [Entry(f"scope:stance:{s.name}", None, c) for c in s.context]
        for a in cb.actors:
            entries += [Entry("actor", (a.id, lab.connotation, lab.cue.text), lab.cue)
                        for lab in a.labels]
        sent = cb.sentiment
        entries += [Entry("sentiment", 1, c) for c in sent["positive"]]
        entries += [Entry("sentiment", -1, c) for c in sent["negative"]]
        # procedural phrases (أوجه التعاون): as the longest match they hide the word inside
        entries += [Entry("sentiment", 0, c) for c in sent.get("neutral", ())]
        entries += [Entry("intensifier", None, c) for c in sent["intensifiers"]]
        entries += [Entry("speech_verb", None, c) for c in cb.quotes["speech_verbs"]]
        for stype, cues in cb.quotes["source_types"].items():
            entries += [Entry("source", stype, c) for c in cues]
        entries += [Entry("ignore", None, c) for c in cb.ignore]
        self.matcher = CueMatcher(entries)
        self.negators = NEGATORS | sent["negators"]
        self.empty_sentence = schema.sentence_features(cb)
        self.actor_stance = defaultdict(list)  # actor id -> stance targets it identifies
        for s in cb.stances:
            for a in s.actors:
                self.actor_stance[a].append(s.name)
        self._plans = {}

    def plan(self, rule):
        """What ``rule`` (a coding rule class) precomputes from the codebook, made once:
        ``rule.plan(self)``, kept for every later article."""
        if rule not in self._plans:
            self._plans[rule] = rule.plan(self)
        return self._plans[rule]

    def hits_by_sentence(self, doc):
        """``{sentence index: {group: [hits]}}`` for the counted sentences of ``doc``.

        A hit belongs to the sentence it starts in if it also ends there; longer hits of a
        group hide the shorter ones inside them (:func:`framing.text.match.longest_per_group`).
        Each hit gets ``tok``, the index of the token where the cue itself starts.
        """
        hits = longest_per_group(self.matcher.find(doc.nt.text))
        if not hits:
            return {}
        by_sent = {}
        sent_idx = (np.searchsorted(doc.s_start, [h.start for h in hits], "right") - 1).tolist()
        tok_idx = (np.searchsorted(doc.tok_start, [h.core_start for h in hits], "right") - 1).tolist()
        s_end, kinds = doc.s_end_list, doc.kinds
        for h, i, k in zip(hits, sent_idx, tok_idx):
            if i >= 0 and h.end <= s_end[i] and kinds[i] not in UNCOUNTED_KINDS:
                h.tok = k
                groups = by_sent.get(i)
                if groups is None:
                    groups = by_sent[i] = {}
                group = groups.get(h.entry.group)
                if group is None:
                    groups[h.entry.group] = [h]
                else:
                    group.append(h)
        return by_sent
