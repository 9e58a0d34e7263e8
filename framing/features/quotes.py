"""Quotes: who is given a voice -- attributed statements, their speaker and source type.

Rule (``docs/codebook.md``, "Quotes"; the coding manual is CODING-PROTOCOL-QUOTES): each verb,
participle or preposition of saying of the codebook (``quotes.speech_verbs``) in a counted
sentence is one attributed statement when a speaker can be given to it:

- a **verb** (قال، أكد، أعلن) is followed by its speaker phrase, which ends where the statement
  begins -- a complementiser (أن، إن، أنه), a colon, an opening quote or the verb's preposition
  (أشار إلى، شدد على، أعرب عن، حذر من); the phrase is then cut at the end of the name or role
  (no time words, occasions, media addressed, relative clauses: :mod:`.quote_grammar`). With no
  such end, the phrase is the source or actor named right after the verb (أكد الوزير المصري
  تطابق ...). With no phrase (وأضاف أن، وقال: «...») the verb **continues** the last speaker;
  a relative pronoun before it (المتحدثة ... التي أكدت) or a source named just before it
  (المصادر الحزبية أكدت أن) is its subject;
- a **participle** (مؤكدا، مشيرة، مضيفين) continues the speaker of its clause;
- a **preposition of attribution** (بحسب، وفقا لـ، نقلا عن، على لسان، جاء في) names its source
  after it; it must be a source or actor cue or a quoted name (وفقا للقانون is not one). A wire
  relaying a named source credits the source: "بحسب رويترز، ذكر مسؤول" is one statement of the
  official; "نقلت وكالة ... عن X قوله" is X's. A pronoun object (حسب قوله) repeats the
  sentence's speaker and is no new statement.

A speaker named again more briefly (كيري after وزير الخارجية الأمريكي جون كيري; المصدر after
مصدر أمني بشمال سيناء) is given as its fullest mention (``resolved = name``) -- an earlier
speaker, or a role and name written where no one spoke (وصل وزير الخارجية الأمريكي جون كيري
...); a re-mention with a role of another type is its own speaker (تقرير مؤسسة "ضمان" after the
institution). A continuation (``resolved = previous``) carries the speaker it continues, also in
its fullest mention.

The source type is that of the first source-type cue in the speaker phrase (the head of an
Arabic noun phrase comes first; the longest cue at that place) -- for a role head (رئيس، مدير،
عضو) whose complement is a cue of another kind, that cue's (رئيس جمعية رجال الأعمال: other) --
else ``official`` for an actor of the codebook, else the type this name had when it was
introduced in the article beside a role (after it, وزير الخارجية المصري سامح شكري, with the
role's nisba adjectives left out; or before it, a nisba surname: الزوي وزير النفط), earlier or,
for a name all of whose words are introduced later, later; else ``other`` (the protocol's
residual class: citizens, witnesses, activists). The speaker's
actor id is the codebook actor named in the phrase (or in its earlier introduction). A quote
row carries the speaker span (``start``, ``end``: ``text[start:end] == speaker``) and, as its
evidence, the statement's own span (``statement_start``, ``statement_end``, ``statement``).
"""

from __future__ import annotations

from ..text.normalize import normalize
from ..text.tokens import tokenize
from . import quote_grammar as G
from .quote_speakers import PROTOCOL_TYPES, RESIDUAL_TYPE, SpeakerPhrases

__all__ = ["PROTOCOL_TYPES", "RESIDUAL_TYPE", "QuoteRule"]


class QuoteRule(SpeakerPhrases):
    """Quotes of one article (see the module docstring)."""

    def sentence(self, s, row):
        if s.hits("source") or s.hits("actor"):
            self._register_names(s)
        found = self._quotes(s) if "speech_verb" in s.groups else []
        self.rows += found
        row["n_quotes"] = len(found)

    def _quotes(self, s):
        doc, toks = self.doc, s.tokens
        quoted = G.quoted_tokens(toks)
        # not a name or noun that contains a verb's letters (كيري، المضيفة), nor inside a quotation
        verbs = sorted((v for v in s.groups["speech_verb"]
                        if doc.nt.text[v.start:v.core_start] in G.VERB_PREFIXES
                        and not quoted[doc.token_of(v.core_start) - s.t0]), key=lambda h: h.start)
        out, last_vk = [], 0
        for n, v in enumerate(verbs):
            cue = v.entry.cue
            word = cue.words[0]
            vk = doc.token_of(v.core_start) - s.t0
            k = doc.token_of(v.end - 1) - s.t0 + 1  # first token after the cue
            if vk > 0 and (G.is_complementiser(toks[vk - 1]) or toks[vk - 1] in G.NEGATORS) \
                    and word not in G.ATTRIBUTIONS:
                continue  # أن تعلن اللجنة: inside the statement; لا يقول: nothing was said
            limit = self._next_verb(s, verbs, n)
            participle = G.is_participle(word)
            if not participle and len(cue.words) == 1 and toks[k - 1] != word \
                    and toks[k - 1].endswith(G.OBJECT_SUFFIXES) \
                    and not toks[k - 1].endswith(word):
                continue  # يذكرنا، أبلغه، بوصفه: an object pronoun, not a report of speech
            if word in G.RELAYS and len(cue.words) == 1:  # نقلت وكالة ... عن X: X speaks
                an = next((i for i in range(k, min(limit, k + 10)) if toks[i] == "عن"), None)
                if an is None:
                    continue  # نقل تحياته: carrying, not relaying speech
                k, cue = an + 1, type(cue)(cue.text + " عن", cue.weight, (*cue.words, "عن"))
            if word in G.ATTRIBUTIONS or cue.words[-1] in G.ATTRIBUTIONS \
                    or (word in G.RELAYS and cue.words[-1] == "عن"):
                q = self._attribution(s, k, len(toks), cue.text, relay=word in G.RELAYS)
                if q is True:  # حسب قوله: the statement's own speaker again
                    continue
            elif participle:
                if out and word.startswith(G.SAYING_PARTICIPLE) \
                        and not self._opened(s, last_vk, vk):
                    continue  # كتب X، قائلا: ... -- one statement, already listed
                q = (self._clause_subject(s, vk, cue.text) if not out else None) \
                    or self._continue(s, cue.text)
            elif word in G.SPEECH_NOUNS:  # عبر عنه X بقوله / دل على ذلك بقوله
                if out or (vk > 0 and toks[vk - 1] in G.SELF_REFERENCES | G.ATTRIBUTIONS):
                    continue
                q = self._before_or_continue(s, vk, cue.text, True)
            else:
                q = self._verb(s, vk, k, limit, cue.text, first=not out)
            if q is None:
                continue
            if q["resolved"] == "phrase":
                q = self._link(s, q)
                self.last_speaker = q
                if "fullest" in q:  # a short re-mention: the speaker as first named in full
                    q = {**q["fullest"], "sent_id": s.index, "verb": q["verb"], "resolved": "name"}
            last_vk = vk
            row = {**q, **self._statement(s, vk, k, limit, q)}
            for key in ("known", "fullest", "names", "head", "end_tok"):
                row.pop(key, None)
            out.append(row)
        # a wire relaying a named source credits the source, not the wire
        if len(out) > 1 and normalize(out[0]["verb"]).split()[0] in G.ATTRIBUTIONS \
                and out[0]["source_type"] == "media" and out[1]["resolved"] == "phrase":
            out = out[1:]
        return out

    def _opened(self, s, last_vk, vk):
        """Whether a statement began between the last quote's verb and token ``vk``."""
        return any(self._starts_statement(s, i) for i in range(last_vk + 1, vk))

    def _clause_subject(self, s, vk, verb):
        """The subject of the clause a participle closes (ويقف حسن كامل ...، قائلا; وترفض
        السلطات المصرية ...، مؤكدة): the phrase after the sentence's first verb."""
        toks = s.tokens
        # وكان رئيس الحكومة ... قد أكد: the subject follows the auxiliary
        # مصادر أمنية ليبية تتحدث ...، مشيرا: a sentence that opens with its subject
        k = 0 if self._cue_at(s, 0) else \
            1 + (toks[0] in G.AUXILIARIES and len(toks) > 1 and toks[1] == "قد")
        if k >= vk or toks[0] in G.NOT_SPEAKER_START:
            return None
        j = k
        while j < vk and self.doc.is_word[s.t0 + j] and toks[j] not in G.NOT_SPEAKER_START:
            j += 1
        c = self._cut(s, k, j)
        end = self._anchored(s, k, c)
        if end is not None:
            return self._speaker(s, k, end, verb)
        if c - k <= 3 and c < vk and toks[c] in ("،", ",") and not toks[k].startswith("ال"):
            return self._speaker(s, k, c, verb)
        return None

    def _next_verb(self, s, verbs, n):
        """The token where the next verb of saying begins a new clause (one after a relative
        pronoun belongs to the speaker phrase: المتحدثة ... التي أكدت)."""
        for v in verbs[n + 1:]:
            t = self.doc.token_of(v.core_start) - s.t0
            if not (t > 0 and s.tokens[t - 1] in G.RELATIVES):
                return self.doc.token_of(v.start) - s.t0
        return len(s.tokens)

    def _before_or_continue(self, s, vk, verb, first):
        sub = self._subject_before(s, vk) if first else None
        if sub is None or sub == "previous":
            return self._continue(s, verb)
        return self._speaker(s, sub, vk, verb) or self._continue(s, verb)

    def _verb(self, s, vk, k, limit, verb, first=True):
        toks = s.tokens
        if vk > 0 and toks[vk - 1] in G.RELATIVES:  # المتحدثة ... التي أكدت: its antecedent
            return self._continue(s, verb)
        j = k
        while j < limit and not self._starts_statement(s, j) \
                and self._words(s, k, j + 1) <= 2 * self.max_words:
            j += 1
        bounded = j < limit and self._starts_statement(s, j)
        c = self._cut(s, k, j)
        if not bounded and c < j and toks[c].startswith(G.SAYING_PARTICIPLE):
            bounded = True  # كتب المحلل السياسي، ماجد بهاء الدين، قائلا: the phrase is over
        if bounded and toks[j] in G.VERB_PREPOSITIONS:  # أرجع X، عضو ...، استئناف الحوار إلى
            commas = [i for i in range(k + 1, c) if toks[i] in ("،", ",")]
            if commas and self._words(s, commas[-1], c) and not self._cue_at(s, commas[-1] + 1):
                c = commas[-1]  # (an apposition after the comma, ، مبعوث الأمم المتحدة, stays)
        if c == k or (k < limit and toks[k] in G.NOT_SPEAKER_START
                      and not G.starts_name(toks, k)):
            return self._before_or_continue(s, vk, verb, first) if bounded or c == k else None
        anchored = self._anchored(s, k, c)
        if bounded and toks[j] in G.VERB_PREPOSITIONS and anchored is not None \
                and anchored + 1 < c and toks[anchored].startswith("ال") \
                and toks[anchored + 1].startswith("ال") and not G.is_role_adjective(toks[anchored]) \
                and not self._cue_at(s, anchored):
            c = anchored  # أعلنت لجنة الانتخابات الحد الأقصى ... على: the object is no speaker
        if bounded and self._words(s, k, c) > self.max_words and anchored is None:
            cut = next((i for i in range(k + 1, c) if toks[i] in G.APPOSITION_PRONOUNS
                        or toks[i] in ("،", ",")), None)
            if cut is not None and self._words(s, k, cut) <= 4:
                c = cut  # حسني بي وهو رئيس واحدة من أكبر الشركات ... : the name
        if bounded and self._words(s, k, c) <= self.max_words:
            q = self._speaker(s, k, c, verb)
            # a plain name (no cue): short, no possessive noun (دعم بلاده), and before a
            # preposition not a definite noun (يعبرون البحر إلى)
            n_words = self._words(s, k, c)
            plain = n_words <= 4 and not any(
                t.endswith(G.OBJECT_SUFFIXES[:4]) and not t.endswith("الله") for t in toks[k:c]) \
                and (toks[j] not in G.VERB_PREPOSITIONS or not toks[k].startswith("ال")) \
                and not toks[k].endswith("ا") and not any(t in G.NOT_SPEAKER_START
                                                          for t in toks[k:c])  # جزءا لا يتجزأ
            if q is not None and (q["source_cue"] or q["actor"] or q["known"] or plain):
                return q
            if anchored is not None:
                return self._speaker(s, k, anchored, verb)
            return self._before_or_continue(s, vk, verb, first)
        if anchored is not None:
            return self._speaker(s, k, anchored, verb)
        sub = self._subject_before(s, vk) if first else None
        if sub == "previous":
            return self._continue(s, verb)
        if sub is not None:
            return self._speaker(s, sub, vk, verb)
        return None

    def _attribution(self, s, k, limit, verb, relay=False):
        """The quote of a preposition of attribution; ``True`` for a pronoun object that
        repeats the speaker, None for an object that is not a source (وفقا للقانون)."""
        toks = s.tokens
        while k < limit and toks[k] in ("ل", "ـ"):
            k += 1
        if k >= limit:
            return None
        if toks[k] in G.SELF_REFERENCES:
            return True if self.last_speaker is not None else None
        j, bounded = k, False
        while j < limit and self._words(s, k, j + 1) <= self.max_words:
            t = toks[j]
            if t in G.SPEECH_NOUNS:
                bounded = True  # نقلت عن X قوله: X is the whole phrase
                break
            if (not self.doc.is_word[s.t0 + j] and t not in G.OPEN_QUOTES | G.CLOSE_QUOTES
                    and t not in "()") or G.is_complementiser(t) or t in ("فان", "فقد", "ف"):
                break
            j += 1
        c = self._cut(s, k, j)
        anchored = self._anchored(s, k, c)
        if anchored is not None and not bounded \
                and self._words(s, k, c) > self._words(s, k, anchored) + 2:
            c = anchored  # وفق القرار يحظر التجوال ...: the source is the noun phrase
        q = self._speaker(s, k, c, verb)
        if q is None:
            return None
        a0 = self.doc.starts[s.t0 + k]
        heads = [h for h in (*s.hits("source"), *s.hits("actor")) if h.start <= a0 < h.end]
        if not (heads or toks[k] in G.OPEN_QUOTES or relay or q["known"]):
            return None
        prefix = self.doc.nt.text[heads[0].start:heads[0].core_start] if heads else ""
        if prefix in ("ل", "ب") and heads[0].start == a0:  # وفقا لخبراء: the source is خبراء
            a, _ = self.doc.original(heads[0].core_start, heads[0].core_start)
            q = {**q, "speaker": self.doc.text[a:q["end"]], "start": a}
        return q

    def _statement(self, s, vk, k, limit, q):
        """The statement's own span: after the verb and the speaker phrase (and the word that
        opens the statement) to the next attribution or the end of the sentence; for an
        attribution that closes its sentence (، بحسب X), what precedes it."""
        toks = s.tokens
        i = max(k, q["end_tok"]) if q.get("sent_id") == s.index and "end_tok" in q \
            and q["resolved"] == "phrase" and q["end_tok"] > vk else k
        for t in range(i, min(limit, i + 8)):  # past the occasion (خلال اللقاء) to the statement
            if self._starts_statement(s, t):
                i = t
                break
        while i < limit and (not self.doc.is_word[s.t0 + i] or G.is_complementiser(toks[i])
                             or toks[i] in G.VERB_PREPOSITIONS):
            i += 1
        j = limit
        if j <= i:
            i, j = 0, vk
        while j > i and not self.doc.is_word[s.t0 + j - 1]:
            j -= 1
        if j <= i:
            return {"statement_start": -1, "statement_end": -1, "statement": ""}
        a, b = self.doc.original(*self._span(s, i, j))
        return {"statement_start": a, "statement_end": b, "statement": self.doc.text[a:b]}

    def article(self, article, counted):
        """A bare name quoted before the article gives its role (وقال كيري ... وزير الخارجية
        الأميركي جون كيري) takes the type and actor of that later introduction."""
        for row in self.rows:
            if row["source_cue"] or row["source_type"] != RESIDUAL_TYPE:
                continue
            words = [w for w in tokenize(normalize(row["speaker"]), words_only=True) if len(w) > 2]
            known = {self.known.get(w) for w in words}
            if len(words) <= 3 and len(known) == 1 and None not in known:
                stype, actor, _ = known.pop()  # every word of the name, the same introduction
                if stype in G.INTRODUCED_TYPES:
                    row["source_type"], row["actor"] = stype, row["actor"] or actor
