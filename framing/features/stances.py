"""Stances: is a target (elections, foreign forces, Haftar, Sisi) evaluated, and which way?

Rule (``docs/codebook.md``, "Stances"): a sentence *mentions* target S when a cue of its
``target`` list or a label of one of its ``actors`` occurs. Evaluative cues (``pro`` / ``con``)
count only within ``stance_window`` tokens of a mention and in the same clause (clauses end at
the breakers of :mod:`framing.text.negation`), or anywhere in the sentence for
``scope: sentence``; a negator within ``negation_window`` tokens before a cue flips it. A
legitimising label of a linked actor adds ``actor_connotation_weight`` of pro evidence, a
delegitimising one ``actor_delegitimizing_weight`` of con evidence (the conventional name of an
actor is unmarked; a delegitimising name is a marked choice and weighs more).

``stance_score = (pro - con) / (pro + con)``; the label is ``absent`` without a mention,
``neutral`` with less than ``stance_min_evidence`` evaluative weight or
``|score| <= stance_threshold``, else ``pro`` / ``con``. A target may set its own ``window``,
``threshold`` and ``min_evidence``.

Two codebook keys keep passing mentions out, as coders do. With ``topic: T``, a target that the
article does not evaluate counts as mentioned only where it also has topic T (elections named in
an aside of an article on something else are ``absent``, not ``neutral``). With a ``context``
list, the article must name one of its cues (the LNA's names are ambiguous outside Libya: "the
national army" of Yemen is not Haftar's); otherwise the target is ``absent`` and its evidence is
labelled ``out_of_scope``. Sentences and the article use the same
rule, the article over the sums of its sentences.
"""

from __future__ import annotations

from collections import defaultdict

from .. import schema
from .evidence import round4


def stance_label(pro, con, mentions, st, target=None):
    """The stance label from pro and con weight and the number of mentions (module docstring);
    ``target`` (a :class:`~framing.codebook.Stance`) may override the thresholds."""
    def setting(key):
        return st[key] if target is None else target.setting(st, key)

    if not mentions:
        return "absent"
    if pro + con == 0 or pro + con < setting("stance_min_evidence"):
        return "neutral"
    score = (pro - con) / (pro + con)
    threshold = setting("stance_threshold")
    if score > threshold:
        return "pro"
    if score < -threshold:
        return "con"
    return "neutral"


def stance_score(pro, con):
    """``(pro - con) / (pro + con)``, 0 without evaluation, rounded."""
    return round4((pro - con) / (pro + con) if pro + con else 0)


class StanceRule:
    """Stance features of one article (see the module docstring)."""

    @staticmethod
    def plan(compiled):
        """Per target, once per codebook: the target, its columns and groups and its window."""
        st = compiled.codebook.settings
        return [(t, t.name, schema.field(schema.STANCE, t.name),
                 schema.field(schema.STANCE_SCORE, t.name), f"scope:stance:{t.name}",
                 f"target:{t.name}", f"eval:{t.name}", int(t.setting(st, "stance_window")))
                for t in compiled.codebook.stances]

    def __init__(self, compiled, doc, evidence):
        self.stances = compiled.plan(StanceRule)
        self.st = compiled.codebook.settings
        self.negation_window = int(self.st["negation_window"])
        self.actor_stance = compiled.actor_stance
        self.evidence = evidence
        self.pro, self.con = defaultdict(float), defaultdict(float)
        self.mentions = defaultdict(int)
        self.in_scope = {t.name: not t.context for t in compiled.codebook.stances}
        self.rows = []  # the rows of the sentences with cues: the only ones with a stance

    def sentence(self, s, row):
        st = self.st
        groups = s.groups
        self.rows.append(row)
        actor_hits = groups.get("actor", ())
        for target, name, col, score_col, scope_group, target_group, eval_group, window \
                in self.stances:
            scope = groups.get(scope_group)
            if scope and not self.in_scope[name]:
                self.in_scope[name] = True
                self.evidence.add(s.index, col, "context", scope[0], weight=0.0)
            mentions = list(groups.get(target_group, ()))
            linked = [h for h in actor_hits if name in self.actor_stance[h.entry.payload[0]]]
            if not mentions and not linked:
                continue  # the row keeps "" and 0.0, the values of a sentence without cues
            self.mentions[name] += len(mentions) + len(linked)
            spans = {(h.start, h.end) for h in mentions}
            for h in mentions + [h for h in linked if (h.start, h.end) not in spans]:
                self.evidence.add(s.index, col, "mention", h, weight=0.0)
            m_toks = [s.local(h) for h in mentions + linked]
            pro = con = 0.0
            for h in groups.get(eval_group, ()):
                k = s.local(h)
                if target.scope == "window" and not any(
                        abs(k - m) <= window and s.clauses[k] == s.clauses[m] for m in m_toks):
                    continue
                neg = s.negated(h, self.negation_window)
                pol = h.entry.payload * (-1 if neg else 1)
                w = h.entry.cue.weight
                pro, con = (pro + w, con) if pol > 0 else (pro, con + w)
                self.evidence.add(s.index, col, "pro" if pol > 0 else "con", h, neg)
            for h in linked:
                conn = h.entry.payload[1]
                if conn == "neutral":
                    continue
                if conn == "legitimizing":
                    w = st["actor_connotation_weight"]
                    pro += w
                else:
                    w = st["actor_delegitimizing_weight"]
                    con += w
                self.evidence.add(s.index, col, "pro" if conn == "legitimizing" else "con", h,
                                  weight=w)
            self.pro[name] += pro
            self.con[name] += con
            row[col] = stance_label(pro, con, 1, st, target)
            row[score_col] = stance_score(pro, con)

    def article(self, article, counted):
        for target, name, col, score_col, *_ in self.stances:
            if not self.in_scope[name]:
                self._out_of_scope(name, col, score_col)
            p, c = self.pro[name], self.con[name]
            mentions = self.mentions[name]
            if target.topic and not article.get(schema.field(schema.TOPIC, target.topic)) \
                    and p + c < target.setting(self.st, "stance_min_evidence"):
                mentions = 0  # mentioned in passing, not evaluated: absent
            article[col] = stance_label(p, c, mentions, self.st, target)
            article[score_col] = stance_score(p, c)

    def _out_of_scope(self, name, col, score_col):
        self.pro[name] = self.con[name] = 0.0
        self.mentions[name] = 0
        for row in self.rows:
            row[col] = ""
            row[score_col] = 0.0
        for row in self.evidence.rows:
            if row["field"] == col:
                row["label"] = "out_of_scope"
