"""Actor labels: which names an article gives each actor, with their connotation.

Rule (``docs/codebook.md``, "Actors"): every label of an actor found in a counted sentence is
counted once per occurrence (``actors.csv``: ``doc_id, actor, label, connotation, count``) and is
evidence of ``actor:A`` with its connotation as label. A label written as a stem (``حفتر*``) is
reported as the word matched (normalised, without proclitics). The longest label wins at a
place: ``قوات حفتر`` (the LNA) hides ``حفتر`` (the man) there.

Actor names also *mask*: the words inside a name (``حكومة الوفاق``, ``بعثة الأمم المتحدة للدعم``)
are a name, not an evaluation, so sentiment and evaluative cues inside them do not count
(:func:`mask_actor_names`). The codebook's ``ignore`` phrases -- names that contain cue words but
are not about them (a football club called حرس الحدود) -- mask every cue inside them.
"""

from __future__ import annotations

from collections import defaultdict

from .. import schema


def _drop_inside(groups, spans, masked):
    for g in list(groups):
        if masked(g):
            groups[g] = [h for h in groups[g]
                         if not any(a <= h.start and h.end <= b for a, b in spans)]


def mask_actor_names(groups):
    """Drop the hits that names hide (in place): sentiment and evaluative cues inside an actor
    label, and every cue but actor labels inside an ``ignore`` phrase."""
    ignored = [(h.start, h.end) for h in groups.pop("ignore", ())]
    if ignored:
        _drop_inside(groups, ignored, lambda g: g != "actor")
    spans = [(h.start, h.end) for h in groups.get("actor", ())]
    if spans:
        _drop_inside(groups, spans, lambda g: g == "sentiment" or g.startswith("eval:"))


class ActorRule:
    """Actor labels of one article (see the module docstring)."""

    def __init__(self, compiled, doc, evidence):
        self.doc = doc
        self.evidence = evidence
        self.counts = defaultdict(int)  # (actor, label, connotation) -> occurrences
        self.rows = []

    def sentence(self, s, row):
        hits = s.hits("actor")
        for h in hits:
            actor_id, conn, label = h.entry.payload
            if "*" in label:  # a stem: report the word as written (normalised), sans proclitics
                label = self.doc.nt.text[h.core_start:h.end]
            self.counts[(actor_id, label, conn)] += 1
            self.evidence.add(s.index, schema.field(schema.ACTOR, actor_id), conn, h)
        row["actors"] = ";".join(sorted({h.entry.payload[0] for h in hits}))

    def article(self, article, counted):
        doc_id = article["doc_id"]
        self.rows = [{"doc_id": doc_id, "actor": a, "label": lab, "connotation": conn, "count": n}
                     for (a, lab, conn), n in sorted(self.counts.items())]
