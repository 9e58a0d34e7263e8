"""Quotes: who is given a voice -- a speech verb, its speaker and the speaker's source type.

Rule (``docs/codebook.md``, "Quotes"): a speech verb followed by a speaker phrase of at most
``quote_speaker_max_tokens`` tokens that ends at a complementiser (أن، إن، بأن، لأن، إلى، على) or
a colon or comma is a quote. The source type comes from the longest source-type cue inside the
phrase, else ``official`` when the phrase holds an actor label, else ``unknown`` for a short
phrase (a longer phrase without either is not taken). A verb with no phrase (وأضاف أن) continues
the previous speaker (``resolved = previous``).
"""

from __future__ import annotations

from ..text.normalize import normalize

SPEAKER_END = frozenset(normalize(w) for w in ("أن", "إن", "بأن", "لأن", "إلى", "على", ":", "،",
                                               ",", "قائلا", "قائلة"))


def _ends_speaker(doc, tok_index, tok):
    if tok not in SPEAKER_END:
        return False
    if tok == "علي":  # على (preposition) and علي (a name) meet under normalisation
        a = int(doc.tok_start[tok_index])
        start, end = doc.original(a, a + len(tok))
        return normalize(doc.text[start:end], ya=False).endswith("ى")
    return True


class QuoteRule:
    """Quotes of one article (see the module docstring)."""

    def __init__(self, compiled, doc, evidence):
        self.doc = doc
        self.doc_id = evidence.doc_id
        self.max_tokens = int(compiled.codebook.settings["quote_speaker_max_tokens"])
        self.last_speaker = None
        self.rows = []

    def sentence(self, s, row):
        found = self._quotes(s) if "speech_verb" in s.groups else []
        self.rows += found
        row["n_quotes"] = len(found)

    def _quotes(self, s):
        doc, toks, t0 = self.doc, s.tokens, s.t0
        out = []
        for v in s.groups["speech_verb"]:
            k = doc.token_of(v.end - 1) - t0 + 1  # first token after the verb
            j = k
            while j < len(toks) and j - k < self.max_tokens and not _ends_speaker(doc, t0 + j, toks[j]):
                j += 1
            if not (j < len(toks) and _ends_speaker(doc, t0 + j, toks[j])):
                continue
            if j == k:  # "وأضاف أن ..." continues the last speaker (in this sentence or before)
                if self.last_speaker is not None:
                    out.append({**self.last_speaker, "sent_id": s.index, "verb": v.entry.cue.text,
                                "resolved": "previous"})
                continue
            a_norm = int(doc.tok_start[t0 + k])
            b_norm = int(doc.tok_start[t0 + j - 1]) + len(toks[j - 1])
            sources = [h for h in s.hits("source") if a_norm <= h.start and h.end <= b_norm]
            actors = [h for h in s.hits("actor") if a_norm <= h.start and h.end <= b_norm]
            if sources:
                best = max(sources, key=lambda h: (h.end - h.start, -h.start))
                stype, cue = best.entry.payload, best.entry.cue.text
            elif actors:
                stype, cue = "official", actors[0].entry.cue.text
            elif j - k <= 4:
                stype, cue = "unknown", ""
            else:
                continue
            a, b = doc.original(a_norm, b_norm)
            self.last_speaker = {"doc_id": self.doc_id, "sent_id": s.index,
                                 "speaker": doc.text[a:b], "source_type": stype,
                                 "verb": v.entry.cue.text,
                                 "actor": actors[0].entry.payload[0] if actors else "",
                                 "source_cue": cue, "start": a, "end": b, "resolved": "phrase"}
            out.append(self.last_speaker)
        return out

    def article(self, article, counted):
        pass
