"""Speaker phrases of attributed statements: where a phrase ends, what it names, who it is.

The part of the quote rule (:mod:`framing.features.quotes`) that reads one speaker phrase: its
end (the statement's first word) and its cut (no time words, occasions or relative clauses), its
source type and actor from the codebook's cues, and the article's memory of speakers -- the
names written beside a role or an actor anywhere in the article, and the fullest mention of each
speaker, to which a short re-mention (كيري، المصدر) and a continuation resolve.
"""

from __future__ import annotations

from bisect import bisect_left

from . import quote_grammar as G

#: Source types of the codebook written under their older names, and the protocol's names.
PROTOCOL_TYPES = {"journalist": "media"}
RESIDUAL_TYPE = "other"
#: Words a name next to a role does not run across.
_NAME_STOPS = G.NOT_SPEAKER_START | G.SPEAKER_STOPS




class SpeakerPhrases:
    """Speaker phrases of one article and the article's memory of speakers."""

    def __init__(self, compiled, doc, evidence):
        self.doc = doc
        self.doc_id = evidence.doc_id
        self.max_words = int(compiled.codebook.settings["quote_speaker_max_tokens"])
        self.last_speaker = None
        self.mentions = []  # phrase speakers, fullest first, with their name words
        self.by_time = []   # the same in reading order
        self.introduced = []  # role + name written outside a quote (وزير الخارجية ... جون كيري)
        self.known = {}  # name word -> (source_type, actor, source_cue) of its introduction
        self.rows = []
        self._spans_of = (None, None, None)  # (sentence, verb tokens, cue tokens): asked per token

    # -- tokens -----------------------------------------------------------------------------

    def _starts_statement(self, s, j):
        """Token ``j`` of the sentence begins the statement (ends a speaker phrase)."""
        tok = s.tokens[j]
        if G.is_complementiser(tok) or tok in G.PUNCT_END:
            return True
        if tok in G.OPEN_QUOTES:
            if tok == '"' and s.tokens[:j].count('"') % 2:
                return False  # the closing one of a quoted name
            return not G.quote_closes_soon(s.tokens, j)
        if tok in G.VERB_PREPOSITIONS:
            if tok == "من" and j > 0 and s.tokens[j - 1] in G.PARTITIVES:
                return False  # رئيس واحدة من أكبر الشركات: a part of, not what was said
            return tok != "علي" or G.is_ala(self.doc, s.t0 + j, tok)
        return False

    def _cut(self, s, k, j):
        """End of the speaker phrase ``tokens[k:j]``, cut at its first stop word."""
        toks = s.tokens
        for i in range(k, j):
            t = toks[i]
            if t in G.SPEAKER_STOPS or G.is_time_pair(toks, i):
                return i
            if t == "في" and i + 1 < j and (toks[i + 1] in G.OCCASIONS
                                            or G.strip_article(toks[i + 1]) in G.OCCASIONS):
                return i
            if t == "ل" and i + 1 < len(toks) and toks[i + 1] in G.OPEN_QUOTES:
                return i
            if i > k + 1 and t.startswith("ل") and (t[1:] in G.ADDRESSEES or "ال" + t[2:]
                                                       in G.ADDRESSEES and t.startswith("لل")):
                return i
            if t.startswith("ل") and t[1:] in G.MEDIA_NOUNS | {"ال" + w for w in G.MEDIA_NOUNS}:
                return i
            if i > k and t in (";", "؛"):
                return i
        return j

    def _trim(self, s, k, j):
        """``[k, j)`` without leading and trailing punctuation (quotes kept when paired)."""
        toks = s.tokens
        while k < j and not self.doc.is_word[s.t0 + k] and toks[k] not in G.OPEN_QUOTES:
            k += 1
        while j > k and not self.doc.is_word[s.t0 + j - 1] and toks[j - 1] not in G.CLOSE_QUOTES:
            j -= 1
        if j > k and toks[j - 1] in G.CLOSE_QUOTES and not any(t in G.OPEN_QUOTES for t in toks[k:j - 1]):
            j -= 1
        if j > k and toks[k] in G.OPEN_QUOTES and not any(t in G.CLOSE_QUOTES for t in toks[k + 1:j]):
            k += 1
        return k, j

    def _span(self, s, k, j):
        """Normalised ``(start, end)`` of tokens ``[k, j)`` of the sentence."""
        a = self.doc.starts[s.t0 + k]
        b = self.doc.ends[s.t0 + j - 1]
        return a, b

    def _words(self, s, k, j):
        return sum(self.doc.is_word[s.t0 + k:s.t0 + j])

    # -- speakers ---------------------------------------------------------------------------

    def _hits_in(self, s, group, a, b):
        return [h for h in s.hits(group) if a <= h.start and h.end <= b]

    def _speaker(self, s, k, j, verb):
        """A quote row for the speaker phrase ``tokens[k:j]``, or None if it names no one."""
        k, j = self._trim(s, k, j)
        if j <= k or (s.tokens[k] in G.NOT_SPEAKER_START and not G.starts_name(s.tokens, k)):
            return None
        a_norm, b_norm = self._span(s, k, j)
        sources = self._hits_in(s, "source", a_norm, b_norm)
        actors = self._hits_in(s, "actor", a_norm, b_norm)
        a, b = self.doc.original(a_norm, b_norm)
        words = [t for t in s.tokens[k:j] if len(t) > 2]
        actor = actors[0].entry.payload[0] if actors else ""
        known, head = False, ""
        if s.tokens[k].startswith(G.PREPOSED_ARTICLES) and not (sources or actors):
            return None
        if sources:
            roles = [h for h in sources if " ".join(h.entry.cue.words) not in G.HONORIFICS]
            first = min(roles or sources, key=lambda h: (h.start, -(h.end - h.start)))
            stype, cue = self._role_type(s, first, j), first.entry.cue.text
            head = G.strip_article(first.entry.cue.words[0])
        elif actors:
            stype, cue = "official", actors[0].entry.cue.text
        else:
            stype, cue = RESIDUAL_TYPE, ""
            for w in words:
                if w in self.known:
                    known = True
                    stype, known_actor, cue = self.known[w]
                    actor = actor or known_actor
                    break
        stype = PROTOCOL_TYPES.get(stype, stype)
        if sources or actors:
            for w in words:
                self.known.setdefault(w, (stype, actor, cue))
        return {"doc_id": self.doc_id, "sent_id": s.index, "speaker": self.doc.text[a:b],
                "source_type": stype, "verb": verb, "actor": actor, "source_cue": cue,
                "start": a, "end": b, "resolved": "phrase", "known": known, "head": head, "end_tok": j,
                "names": self._name_words(s, k, j, [*sources, *actors])}

    def _role_type(self, s, h, limit):
        """The source type of the cue hit ``h``; for a role head (رئيس، مدير، عضو) followed,
        before token ``limit`` and the next comma, by a cue that is not an official one (رئيس
        واحدة من أكبر الشركات الخاصة), that cue's type."""
        stype = PROTOCOL_TYPES.get(h.entry.payload, h.entry.payload)
        if len(h.entry.cue.words) != 1 or h.entry.cue.words[0] not in G.ROLE_HEADS:
            return stype
        i = self.doc.token_of(h.end - 1) - s.t0 + 1
        stop = i
        while stop < min(limit, len(s.tokens), i + 8) and s.tokens[stop] not in ("،", ",") \
                and s.tokens[stop] not in G.SPEAKER_STOPS:
            stop += 1
        b = self.doc.ends[s.t0 + stop - 1] if stop > i else 0
        for x in sorted(s.hits("source"), key=lambda x: x.start):
            if h.end <= x.start and x.end <= b:
                t = PROTOCOL_TYPES.get(x.entry.payload, x.entry.payload)
                if t in ("other", "expert", "media"):
                    return t
        return stype

    def _anchored(self, s, k, limit):
        """With no statement boundary: the source or actor named right after the verb, with the
        nisba adjectives and the name that follow it (أكد الوزير المصري تطابق ...)."""
        toks = s.tokens
        if k >= len(toks):
            return None
        a0 = self.doc.starts[s.t0 + k]
        first = [h for h in (*s.hits("source"), *s.hits("actor")) if h.start == a0
                 or (h.start <= a0 < h.end)]
        if not first:
            return None
        end = max(h.end for h in first)
        j = k
        while j < limit and self.doc.starts[s.t0 + j] < end:
            j += 1
        nisba = ("ي", "ية", "يين", "يون")
        if j < limit and j == k + 1 and toks[j].startswith("ال") and not toks[j].endswith(nisba) \
                and toks[j] not in G.SPEAKER_STOPS and not self._cue_at(s, j):
            j += 1  # one noun in construct with a one-word head (منظمة الهجرة، لجنة الانتخابات)
        while j < limit and toks[j].startswith("ال") and toks[j].endswith(nisba):
            j += 1
        if not toks[k].startswith("ال"):  # صحف تونسية، مصادر أمنية ليبية: indefinite adjectives
            while j < limit and G.is_role_adjective("ال" + toks[j]):
                j += 1
        # the names after the role: none after a plural role (أكد الوزراء خطة ...), and no word
        # the article also writes with the article (وجود، الوجود): a common noun
        nameless = any(h.entry.group == "source" and h.entry.payload in G.NAMELESS_TYPES
                       for h in first)  # مصادر أمنية ليبية: no name follows
        if nameless and j + 1 < limit and self.doc.is_word[s.t0 + j + 1] \
                and (toks[j] == "في" or toks[j].startswith("ب") and not toks[j].startswith("بال")
                     and len(toks[j]) > 3):
            # but the place it speaks from does (مصدر أمني بشمال سيناء، مصادر في قطاع النفط)
            j += 1 if toks[j] != "في" else 2
            if j < limit and toks[j].startswith("ال") and not G.is_role_adjective(toks[j]):
                j += 1
            return min(j, limit)
        names = 2 * (not toks[j - 1].endswith(G.PLURAL_ENDINGS) and not nameless)
        text = self.doc.nt.text
        while j < limit and names > 0 and self.doc.is_word[s.t0 + j] and len(toks[j]) > 1 \
                and not toks[j].startswith("ال") and toks[j] not in G.NOT_SPEAKER_START \
                and toks[j] not in G.SPEAKER_STOPS and not toks[j].endswith(G.OBJECT_SUFFIXES[:4]) \
                and " ال" + toks[j] + " " not in text:
            j += 1
            names -= 1
        return j

    def _link(self, s, q):
        """Link a speaker to the fullest earlier mention that shares a name word with it (the
        words outside its source and actor cues: كيري is وزير الخارجية الأمريكي جون كيري)."""
        names = q.pop("names", set())
        head = q.get("head", "")
        for full in self.mentions:
            if names & full["names"] and len(full["speaker"]) > len(q["speaker"]):
                if q["source_cue"] and q["source_type"] != full["source_type"]:
                    break  # تقرير مؤسسة "ضمان"، رجل الأعمال حسني بي: a role of its own
                return {**q, "fullest": full}
        for full in sorted(self.introduced, key=lambda m: -len(m["speaker"])):
            # named in full where he did not speak
            if names and names <= full["names"] and len(full["speaker"]) > len(q["speaker"]) \
                    and (not q["source_cue"] or q["source_type"] == full["source_type"]):
                full = {**q, **{k: full[k] for k in ("speaker", "start", "end", "source_type",
                                                    "actor", "source_cue")}}
                self.mentions.append({**full, "names": names})
                self.mentions.sort(key=lambda m: -len(m["speaker"]))
                return {**q, "fullest": full}
        if not names and head and q["speaker"][:2] == "ال":  # المصدر، الوزير: a definite re-mention
            same = [m for m in reversed(self.by_time) if m["head"] == head]
            if same:
                return {**q, "fullest": max(same[:1], key=lambda m: len(m["speaker"]))}
        self.mentions.append({**q, "names": names})
        self.mentions.sort(key=lambda m: -len(m["speaker"]))
        self.by_time.append({**q, "names": names})
        return q

    def _name_words(self, s, k, j, cues):
        """Words of the phrase ``tokens[k:j]`` that are its proper names: not inside a source
        cue, not an adjective of a role (وزير الخارجية المصري), but a nisba surname after a name
        or alone (خالد العطية، العطية) and the words of a two-word actor name (سامح شكري)."""
        out, after_role = set(), False
        for i in range(k, j):
            t, pos = s.tokens[i], self.doc.starts[s.t0 + i]
            hit = next((h for h in cues if h.start <= pos < h.end), None)
            if hit is not None and (hit.entry.group == "source" or len(hit.entry.cue.words) < 2):
                after_role = True
                continue
            if len(t) <= 2 or not self.doc.is_word[s.t0 + i] or t in G.NOT_SPEAKER_START \
                    or t in G.REFLEXIVES:
                continue
            if after_role and G.is_role_adjective(t):
                continue
            out.add(t[2:] if t.startswith("ال") and len(t) > 5 else t)
            after_role = False
        return out

    def _continue(self, s, verb):
        if self.last_speaker is None:
            return None
        last = self.last_speaker
        if "fullest" in last:
            last = {**last["fullest"], "fullest": last["fullest"]}
        return {**last, "sent_id": s.index, "verb": verb, "resolved": "previous"}

    def _subject_before(self, s, vk):
        """A subject named just before the verb at token ``vk`` (SVO order, or a relative
        pronoun whose antecedent is the last speaker)."""
        toks = s.tokens
        if vk > 0 and toks[vk - 1] in G.RELATIVES:
            return "previous"
        lo = vk
        while lo > 0 and vk - lo < self.max_words and self.doc.is_word[s.t0 + lo - 1] \
                and toks[lo - 1] not in G.NOT_SPEAKER_START:
            lo -= 1
        if lo == vk:
            return None
        a_norm, b_norm = self._span(s, lo, vk)
        hits = self._hits_in(s, "source", a_norm, b_norm) + self._hits_in(s, "actor", a_norm, b_norm)
        if not hits:
            return None
        start = min(h.start for h in hits)
        k = lo
        while self.doc.starts[s.t0 + k] < start:
            k += 1
        return k

    # -- statements -------------------------------------------------------------------------

    def _spans(self, s):
        """``(verb tokens, cue tokens)`` of sentence ``s``, computed once per sentence: the
        tokens (within the sentence) that are a verb of saying written as a verb (with a verb
        prefix only, the token exactly the hit), and those that start inside a source or actor
        cue."""
        if self._spans_of[0] is not s:
            text, starts, t0, toks = self.doc.nt.text, self.doc.starts, s.t0, s.tokens
            verbs = set()
            for h in s.hits("speech_verb"):
                if text[h.start:h.core_start] in G.VERB_PREFIXES:
                    g = bisect_left(starts, h.start)
                    if g < len(starts) and starts[g] == h.start and 0 <= g - t0 < len(toks) \
                            and len(toks[g - t0]) == h.end - h.start:
                        verbs.add(g - t0)
            cues = set()
            for h in (*s.hits("source"), *s.hits("actor")):
                cues.update(range(bisect_left(starts, h.start) - t0, bisect_left(starts, h.end) - t0))
            self._spans_of = (s, verbs, cues)
        return self._spans_of[1:]

    def _verb_at(self, s, i):
        """Token ``i`` is a verb of saying (not a name holding its letters: كيري)."""
        return i in self._spans(s)[0]

    def _cue_at(self, s, i, stype=None):
        """Token ``i`` lies in a source or actor cue (a source cue of type ``stype``)."""
        if i >= len(s.tokens):
            return False
        if stype is None:
            return i in self._spans(s)[1]
        a = self.doc.starts[s.t0 + i]
        return any(h.start <= a < h.end for h in s.hits("source") if h.entry.payload == stype)

    def _register_names(self, s):
        """Remember the names written next to a role or an actor (وزير النفط ... الزوي،
        برنادينو ليون، مبعوث الأمم المتحدة), so that the name alone has that source type."""
        toks, doc, t0, n = s.tokens, self.doc, s.t0, len(s.tokens)
        is_word, known = doc.is_word, self.known
        verbs, cues = self._spans(s)
        not_names, places, role_adjective = G.NOT_NAMES, G.ROLE_PLACE_PREPOSITIONS, G.is_role_adjective
        for h in (*s.hits("source"), *s.hits("actor")):
            source = h.entry.group == "source"
            stype = self._role_type(s, h, n) if source else "official"
            actor = "" if source else h.entry.payload[0]
            value = (stype, actor, h.entry.cue.text)
            first = h.tok - t0
            last = doc.token_of(h.end - 1) - t0
            if not source and last > first:  # سامح شكري: شكري alone is he
                for t in toks[first:last + 1]:
                    if len(t) > 2 and not t.startswith("ال") and t not in not_names:
                        known.setdefault(t, value)
            for step, start in ((1, last + 1), (-1, first - 1)):
                i, taken, words, end = start, 0, set(), None
                if step == -1 and 0 <= i and toks[i] in ("،", ","):
                    i -= 1
                while 0 <= i < n and taken < 3 and is_word[t0 + i]:
                    t = toks[i]
                    if step == 1 and taken == 0 and t in places \
                            and i + 2 < n and is_word[t0 + i + 1] \
                            and not toks[i + 2].startswith("ال"):
                        i += 2  # المبعوث الأممي إلى ليبيا برناردينو ليون: past the place
                        continue
                    if t in _NAME_STOPS or i in verbs:
                        break
                    if i in cues:
                        # a cue word inside a name (الباجي قائد السبسي) is passed over
                        nxt = i + 1
                        if not (step == 1 and taken and not t.startswith("و")
                                and nxt < n and is_word[t0 + nxt] and nxt not in cues
                                and not role_adjective(toks[nxt])):
                            break
                        i += step
                        continue
                    # after a role a nisba adjective is its (وزير الخارجية المصري); before it,
                    # any nisba is a surname (الزوي وزير النفط)
                    if (step == -1 or not role_adjective(t)) and len(t) > 2 \
                            and t not in not_names and t not in G.SPEECH_NOUNS:
                        known.setdefault(t, value)
                        taken += 1
                        words.add(t[2:] if t.startswith("ال") and len(t) > 5 else t)
                        end = i
                    i += step
                if step == 1 and end is not None and source and stype in G.INTRODUCED_TYPES \
                        and doc.ends[t0 + last] == h.end:  # not مصر|ي
                    self._introduce(s, h, first, end, stype, actor, words)

    def _introduce(self, s, h, first, end, stype, actor, words):
        """A role and the name after it, written where no one spoke (:meth:`_link` reads it)."""
        doc = self.doc
        begin = first  # وزير الخارجية: the whole chain of cues
        while begin > 0 and doc.is_word[s.t0 + begin - 1] \
                and self._cue_at(s, begin - 1, h.entry.payload):
            begin -= 1
        a0 = doc.starts[s.t0 + begin]
        a0 = min((x.core_start for x in (*s.hits("source"), *s.hits("actor"))
                  if x.start == a0 and doc.nt.text[x.start:x.core_start]
                  in G.NAME_PROCLITICS), default=a0)  # not لـ of لوزير
        a, b = doc.original(a0, doc.ends[s.t0 + end])
        self.introduced.append({"speaker": doc.text[a:b], "start": a, "end": b,
                                "source_type": stype, "actor": actor,
                                "source_cue": h.entry.cue.text, "names": words})
