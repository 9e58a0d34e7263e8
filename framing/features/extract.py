"""Sentence- and article-level features from codebook matches, each with its evidence.

One article goes in; five tidy row lists come out (sentences, evidence, article, actors,
quotes). The coding rules of ``docs/codebook.md`` are implemented here, and every threshold is
a codebook setting:

Topics
    A sentence *addresses* a topic when the weights of the distinct cues it contains add up to
    ``topic_min_weight``; an article has the topic when at least ``topic_min_sentences``
    sentences address it (substantive evidence, not a passing word).
    ``share:T`` is the share of the article's sentences that address T.
Stances
    Evaluative cues (pro/con) count only within ``stance_window`` tokens of a mention of the
    target in the same clause of the sentence -- clauses end at ، ؛ : and at حيث، بينما، لكن --
    (or anywhere in the sentence for ``scope: sentence``); a negator
    within ``negation_window`` tokens before a cue flips it. A (de)legitimising actor label of a
    linked actor adds ``actor_connotation_weight`` of pro evidence (or
    ``actor_delegitimizing_weight`` of con evidence: the conventional name of an actor is
    unmarked, a delegitimising name is a marked choice and weighs more).
    ``stance_score = (pro - con) / (pro + con)``; the label is ``absent`` without a mention,
    ``neutral`` with less than ``stance_min_evidence`` evaluative weight or
    ``|score| <= stance_threshold``, else ``pro``/``con``.
Tone
    Positive and negative lexicon cues, negation-flipped and intensified; headline sentences
    weigh ``headline_weight`` and the first ``lead_sentences`` sentences ``lead_weight``.
    ``tone_score = (P - N) / (P + N + tone_smoothing)``; positive/negative beyond
    ``tone_threshold``.
Quotes
    A speech verb followed by a speaker phrase that ends at a complementiser (أن، إن، إلى أن،
    على أن) or a colon; the source type comes from source-type cues or actor labels inside the
    phrase. A verb with no phrase (وأضاف أن) continues the previous speaker.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from ..codebook.load import load_codebook
from ..text.negation import NEGATORS, find_negator
from ..text.normalize import normalize, normalize_with_map
from ..text.sentences import split_sentences
from .matcher import CueMatcher, Entry, longest_per_group

SPEAKER_END = frozenset(normalize(w) for w in ("أن", "إن", "بأن", "لأن", "إلى", "على", ":", "،",
                                               ",", "قائلا", "قائلة"))
_NOT_QUOTE_KINDS = ("url", "repeat")
# The tokens of framing.text.tokens (letters, numbers, single punctuation) in the faster `re`.
_FAST_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s]|_")


def _round(x):
    return float(round(float(x), 4)) + 0.0  # + 0.0 turns -0.0 into 0.0 (deterministic output)


class CompiledCodebook:
    """A codebook compiled once into a single matcher.

    Parameters
    ----------
    codebook : str, path or Codebook
    """

    def __init__(self, codebook="libya-egypt"):
        self.codebook = cb = load_codebook(codebook)
        entries = []
        for t in cb.topics:
            entries += [Entry(f"topic:{t.name}", None, c) for c in t.cues]
        for s in cb.stances:
            entries += [Entry(f"target:{s.name}", None, c) for c in s.target]
            entries += [Entry(f"eval:{s.name}", 1, c) for c in s.pro]
            entries += [Entry(f"eval:{s.name}", -1, c) for c in s.con]
        for a in cb.actors:
            entries += [Entry("actor", (a.id, lab.connotation, lab.cue.text), lab.cue)
                        for lab in a.labels]
        sent = cb.sentiment
        entries += [Entry("sentiment", 1, c) for c in sent["positive"]]
        entries += [Entry("sentiment", -1, c) for c in sent["negative"]]
        entries += [Entry("intensifier", None, c) for c in sent["intensifiers"]]
        entries += [Entry("speech_verb", None, c) for c in cb.quotes["speech_verbs"]]
        for stype, cues in cb.quotes["source_types"].items():
            entries += [Entry("source", stype, c) for c in cues]
        self.matcher = CueMatcher(entries)
        self.negators = NEGATORS | sent["negators"]
        self.empty_sentence = {
            **{f"topic:{t.name}": 0 for t in cb.topics},
            **{k: v for s in cb.stances for k, v in ((f"stance:{s.name}", ""),
                                                     (f"stance_score:{s.name}", 0.0))},
            "tone_score": 0.0, "tone": "neutral", "actors": "", "n_quotes": 0}
        self.actor_stance = defaultdict(list)  # actor id -> stance targets it identifies
        for s in cb.stances:
            for a in s.actors:
                self.actor_stance[a].append(s.name)


class _Doc:
    """Normalised text, tokens and sentences of one article, with offset maps."""

    def __init__(self, text):
        self.text = text
        self.nt = normalize_with_map(text)
        norm = self.nt.text
        self.tokens = _FAST_TOKEN_RE.findall(norm)
        # Token starts from token lengths and the (single-space-collapsed) gaps between them.
        starts, pos = [], 0
        for tok in self.tokens:
            pos = norm.index(tok, pos)
            starts.append(pos)
            pos += len(tok)
        self.tok_start = np.array(starts, dtype=np.int64)
        self.is_word = [tok[0].isalnum() for tok in self.tokens]
        self.sentences = split_sentences(text)
        src = self.nt.src
        self.s_start = np.searchsorted(src, [s.start for s in self.sentences], "left")
        self.s_end = np.searchsorted(src, [s.end for s in self.sentences], "left")
        # token range of each sentence
        self.s_tok0 = np.searchsorted(self.tok_start, self.s_start, "left").tolist()
        self.s_tok1 = np.searchsorted(self.tok_start, self.s_end, "left").tolist()
        self.s_end_list = self.s_end.tolist()

    def token_of(self, pos):
        return int(np.searchsorted(self.tok_start, pos, "right")) - 1

    def original(self, start, end):
        return self.nt.to_original(start, end)


def _kinds(doc, title):
    """Sentence kinds, marking exact repeats (003's doubled title) so they count once."""
    seen, kinds = set(), []
    title_norm = normalize(title).strip() if isinstance(title, str) else ""
    for i, s in enumerate(doc.sentences):
        key = doc.nt.text[doc.s_start[i]:doc.s_end[i]]
        kind = s.kind
        if key in seen:
            kind = "repeat"
        elif title_norm and key == title_norm:
            kind = "headline"
        seen.add(key)
        kinds.append(kind)
    if kinds and "headline" not in kinds and kinds[0] == "heading" and not title_norm:
        kinds[0] = "headline"
    return kinds


def analyze_document(compiled, doc_id, text, title=None):
    """Features of one article.

    Parameters
    ----------
    compiled : CompiledCodebook
    doc_id : str
    text : str
        The article as loaded (offsets refer to it).
    title : str, optional
        The headline, if known from metadata.

    Returns
    -------
    dict
        ``sentences``, ``evidence``, ``actors``, ``quotes`` (lists of row dicts) and
        ``article`` (one row dict).
    """
    cb = compiled.codebook
    st = cb.settings
    doc = _Doc(text if isinstance(text, str) else "")
    kinds = _kinds(doc, title)
    n_sent = len(doc.sentences)

    by_sent = defaultdict(lambda: defaultdict(list))  # sentence -> group -> hits
    all_hits = longest_per_group(compiled.matcher.find(doc.nt.text))
    sent_idx = (np.searchsorted(doc.s_start, [h.start for h in all_hits], "right") - 1).tolist()
    tok_idx = (np.searchsorted(doc.tok_start, [h.core_start for h in all_hits], "right") - 1).tolist()
    s_end = doc.s_end_list
    for h, i, k in zip(all_hits, sent_idx, tok_idx):
        if i >= 0 and h.end <= s_end[i] and kinds[i] not in _NOT_QUOTE_KINDS:
            h.tok = k
            by_sent[i][h.entry.group].append(h)

    evidence, quotes = [], []
    actor_counts = defaultdict(int)
    sent_rows = []
    topic_sents = defaultdict(int)
    stance_pro, stance_con, stance_mentions = defaultdict(float), defaultdict(float), defaultdict(int)
    tone_p = tone_n = 0.0
    last_speaker = None
    lead_left = int(st["lead_sentences"])

    def add_evidence(i, field, label, h, negated=False, weight=None):
        a, b = doc.original(h.start, h.end)
        evidence.append({"doc_id": doc_id, "sent_id": i, "field": field, "label": label,
                         "cue": h.entry.cue.text, "matched": text[a:b], "start": a, "end": b,
                         "negated": bool(negated),
                         "weight": _round(h.entry.cue.weight if weight is None else weight)})

    for i, s in enumerate(doc.sentences):
        groups = by_sent.get(i, {})
        t0, t1 = doc.s_tok0[i], doc.s_tok1[i]
        toks = doc.tokens[t0:t1]

        def local_tok(h):
            return h.tok - t0

        def negated(h, window):
            return find_negator(toks, local_tok(h), window, compiled.negators) is not None

        row = {"doc_id": doc_id, "sent_id": i, "start": s.start, "end": s.end, "kind": kinds[i],
               "text": s.text, "n_tokens": sum(doc.is_word[t0:t1])}
        if kinds[i] == "headline":
            sw = st["headline_weight"]
        elif kinds[i] not in ("heading", "url", "repeat") and lead_left > 0:
            sw, lead_left = st["lead_weight"], lead_left - 1
        else:
            sw = 1.0
        if not groups:  # most sentences of a large corpus: nothing to compute
            row.update(compiled.empty_sentence)
            sent_rows.append(row)
            continue
        # Words inside an actor's name ("حكومة الوفاق", "بعثة الأمم المتحدة للدعم") are a name,
        # not an evaluation: sentiment and evaluative cues there do not count.
        actor_spans = [(h.start, h.end) for h in groups.get("actor", ())]
        if actor_spans:
            for g in list(groups):
                if g == "sentiment" or g.startswith("eval:"):
                    groups[g] = [h for h in groups[g]
                                 if not any(a <= h.start and h.end <= b for a, b in actor_spans)]
        # topics
        for t in cb.topics:
            th = groups.get(f"topic:{t.name}", ())
            # each cue counts once per sentence: a repeated generic word is not more evidence
            w = sum({h.entry.cue.text: h.entry.cue.weight for h in th}.values())
            addresses = w >= st["topic_min_weight"]
            row[f"topic:{t.name}"] = int(addresses)
            if th:
                topic_sents[t.name] += int(addresses)
                for h in th:
                    add_evidence(i, f"topic:{t.name}", "1", h)
        # actors
        actor_hits = groups.get("actor", ())
        for h in actor_hits:
            actor_id, conn, label = h.entry.payload
            if "*" in label:  # a stem: report the word as written (normalised), sans proclitics
                label = doc.nt.text[h.core_start:h.end]
            actor_counts[(actor_id, label, conn)] += 1
            add_evidence(i, f"actor:{actor_id}", conn, h)
        # stances
        for s_ in cb.stances:
            mentions = groups.get(f"target:{s_.name}", [])
            linked = [h for h in actor_hits if s_.name in compiled.actor_stance[h.entry.payload[0]]]
            if not mentions and not linked:
                row[f"stance:{s_.name}"] = ""
                row[f"stance_score:{s_.name}"] = 0.0
                continue
            stance_mentions[s_.name] += len(mentions) + len(linked)
            target_spans = {(h.start, h.end) for h in mentions}
            for h in mentions + [h for h in linked if (h.start, h.end) not in target_spans]:
                add_evidence(i, f"stance:{s_.name}", "mention", h, weight=0.0)
            m_toks = [local_tok(h) for h in mentions + linked]
            clause = _clauses(toks)
            window = s_.window or int(st["stance_window"])
            pro = con = 0.0
            for h in groups.get(f"eval:{s_.name}", ()):
                k = local_tok(h)
                if s_.scope == "window" and not any(abs(k - m) <= window and clause[k] == clause[m]
                                                    for m in m_toks):
                    continue
                neg = negated(h, int(st["negation_window"]))
                pol = h.entry.payload * (-1 if neg else 1)
                w = h.entry.cue.weight
                pro, con = (pro + w, con) if pol > 0 else (pro, con + w)
                add_evidence(i, f"stance:{s_.name}", "pro" if pol > 0 else "con", h, neg)
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
                add_evidence(i, f"stance:{s_.name}", "pro" if conn == "legitimizing" else "con",
                             h, weight=w)
            stance_pro[s_.name] += pro
            stance_con[s_.name] += con
            row[f"stance:{s_.name}"] = _stance_label(pro, con, 1, st)
            row[f"stance_score:{s_.name}"] = _round((pro - con) / (pro + con) if pro + con else 0)
        # tone
        pos = neg_ = 0.0
        intens = [local_tok(h) for h in groups.get("intensifier", ())]
        for h in groups.get("sentiment", ()):
            k = local_tok(h)
            w = h.entry.cue.weight
            # Arabic intensifiers mostly follow the word (قلق بالغ، نجاح كبير), some precede it.
            if any(0 < abs(k - j) <= st["intensifier_window"] for j in intens):
                w *= st["intensifier_weight"]
            flipped = negated(h, int(st["negation_window"]))
            pol = h.entry.payload * (-1 if flipped else 1)
            if pol > 0:
                pos += w
            else:
                neg_ += w
            add_evidence(i, "tone", "positive" if pol > 0 else "negative", h, flipped, w)
        if kinds[i] != "repeat":
            tone_p += sw * pos
            tone_n += sw * neg_
        score = (pos - neg_) / (pos + neg_ + st["tone_smoothing"])
        row["tone_score"] = _round(score)
        row["tone"] = _tone_label(score, st)
        # quotes
        q = _quotes(doc, i, groups, toks, t0, last_speaker, st) if "speech_verb" in groups else []
        for quote in q:
            quote["doc_id"] = doc_id
            quotes.append(quote)
            last_speaker = quote
        row["actors"] = ";".join(sorted({h.entry.payload[0] for h in actor_hits}))
        row["n_quotes"] = len(q)
        sent_rows.append(row)

    counted = [r for r in sent_rows if r["kind"] != "repeat"]
    n_counted = max(len(counted), 1)
    article = {"doc_id": doc_id, "n_sentences": n_sent,
               "n_tokens": sum(r["n_tokens"] for r in counted)}
    for t in cb.topics:
        present = topic_sents[t.name] >= st["topic_min_sentences"]
        article[f"topic:{t.name}"] = int(present)
        article[f"share:{t.name}"] = _round(sum(r[f"topic:{t.name}"] for r in counted) / n_counted)
    for s_ in cb.stances:
        p, c = stance_pro[s_.name], stance_con[s_.name]
        article[f"stance:{s_.name}"] = _stance_label(p, c, stance_mentions[s_.name], st)
        article[f"stance_score:{s_.name}"] = _round((p - c) / (p + c) if p + c else 0)
    score = (tone_p - tone_n) / (tone_p + tone_n + st["tone_smoothing"])
    article["tone"] = _tone_label(score, st)
    article["tone_score"] = _round(score)
    actors = [{"doc_id": doc_id, "actor": a, "label": lab, "connotation": conn, "count": n}
              for (a, lab, conn), n in sorted(actor_counts.items())]
    return {"sentences": sent_rows, "evidence": evidence, "article": article,
            "actors": actors, "quotes": quotes}


CLAUSE_BREAKERS = frozenset({"،", ",", "؛", ";", ":", normalize("حيث"), normalize("بينما"),
                             normalize("لكن"), normalize("لكنها"), normalize("لكنه"),
                             normalize("غير أن")})


def _clauses(toks):
    """Clause number of each token: a stance cue counts only in its target's clause."""
    out, n = [], 0
    for t in toks:
        if t in CLAUSE_BREAKERS:
            n += 1
        out.append(n)
    return out


def _stance_label(pro, con, mentions, st):
    if not mentions:
        return "absent"
    if pro + con < st["stance_min_evidence"]:
        return "neutral"
    score = (pro - con) / (pro + con)
    if score > st["stance_threshold"]:
        return "pro"
    if score < -st["stance_threshold"]:
        return "con"
    return "neutral"


def _tone_label(score, st):
    if score > st["tone_threshold"]:
        return "positive"
    if score < -st["tone_threshold"]:
        return "negative"
    return "neutral"


def _ends_speaker(doc, tok_index, tok):
    if tok not in SPEAKER_END:
        return False
    if tok == "علي":  # على (preposition) and علي (a name) meet under normalisation
        a = int(doc.tok_start[tok_index])
        start, end = doc.original(a, a + len(tok))
        return normalize(doc.text[start:end], ya=False).endswith("ى")
    return True


def _quotes(doc, i, groups, toks, t0, last_speaker, st):
    """Quotes in sentence ``i``: speech verb + speaker phrase (see the module docstring)."""
    out = []
    max_tok = int(st["quote_speaker_max_tokens"])
    for v in groups["speech_verb"]:
        k = doc.token_of(v.end - 1) - t0 + 1  # first token after the verb
        j = k
        while j < len(toks) and j - k < max_tok and not _ends_speaker(doc, t0 + j, toks[j]):
            j += 1
        ended = j < len(toks) and _ends_speaker(doc, t0 + j, toks[j])
        if not ended:
            continue
        if j == k:  # "وأضاف أن ..." continues the previous speaker
            if last_speaker is None:
                continue
            out.append({**last_speaker, "sent_id": i, "verb": v.entry.cue.text,
                        "resolved": "previous"})
            continue
        a_norm = int(doc.tok_start[t0 + k])
        b_norm = int(doc.tok_start[t0 + j - 1]) + len(toks[j - 1])
        sources = [h for h in groups.get("source", ()) if a_norm <= h.start and h.end <= b_norm]
        actors = [h for h in groups.get("actor", ()) if a_norm <= h.start and h.end <= b_norm]
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
        out.append({"sent_id": i, "speaker": doc.text[a:b], "source_type": stype,
                    "verb": v.entry.cue.text, "actor": actors[0].entry.payload[0] if actors else "",
                    "source_cue": cue, "start": a, "end": b, "resolved": "phrase"})
    return out
