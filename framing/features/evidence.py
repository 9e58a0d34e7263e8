"""The evidence table: one row per cue match, at its exact place in the original text."""

from __future__ import annotations


def round4(x):
    """A float rounded to 4 places; ``-0.0`` becomes ``0.0`` (deterministic output)."""
    return float(round(float(x), 4)) + 0.0


class Evidence:
    """Collects the evidence rows of one article (``text[start:end] == matched``).

    Parameters
    ----------
    doc_id : str
    doc : framing.features.document.Document
    """

    def __init__(self, doc_id, doc):
        self.doc_id = doc_id
        self.doc = doc
        self.rows = []

    def add(self, sent_id, field, label, hit, negated=False, weight=None):
        """Record ``hit`` as evidence of ``field = label`` (weight: the cue's, unless given)."""
        a, b = self.doc.original(hit.start, hit.end)
        self.rows.append({"doc_id": self.doc_id, "sent_id": sent_id, "field": field, "label": label,
                          "cue": hit.entry.cue.text, "matched": self.doc.text[a:b], "start": a,
                          "end": b, "negated": bool(negated),
                          "weight": round4(hit.entry.cue.weight if weight is None else weight)})
