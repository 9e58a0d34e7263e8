"""One article as the coding rules see it: normalised text, tokens, sentences and their kinds.

Offsets are kept both ways: cues are found in the normalised text, and evidence is reported at
its place in the original text (:meth:`Document.original`).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

import numpy as np

from ..text.negation import clause_ids, find_negator
from ..text.normalize import normalize, normalize_with_map
from ..text.sentences import split_sentences
from ..text.tokens import token_table

#: Sentence kinds whose cues are not counted: a URL line, and the exact repeat of an earlier
#: sentence (a doubled title counts once).
UNCOUNTED_KINDS = ("url", "repeat")


class Document:
    """Normalised text, tokens and sentences of one article, with offset maps.

    Parameters
    ----------
    text : str
        The article as loaded (offsets refer to it).
    title : str, optional
        The headline from metadata: the sentence equal to it is the ``headline``.
    """

    def __init__(self, text, title=None):
        self.text = text
        self.nt = normalize_with_map(text)
        self.tok_start, self.tok_end, words = token_table(self.nt.text)
        self.is_word = words.tolist()  # a list: rules index it token by token
        self.sentences = split_sentences(text)
        src = self.nt.src
        self.s_start = np.searchsorted(src, [s.start for s in self.sentences], "left")
        self.s_end = np.searchsorted(src, [s.end for s in self.sentences], "left")
        # token range of each sentence, and its word count (words and numbers)
        tok0 = np.searchsorted(self.tok_start, self.s_start, "left")
        tok1 = np.searchsorted(self.tok_start, self.s_end, "left")
        self.s_tok0, self.s_tok1 = tok0.tolist(), tok1.tolist()
        cum = np.zeros(len(words) + 1, dtype=np.int64)
        np.cumsum(words, out=cum[1:])
        self.s_words = (cum[tok1] - cum[tok0]).tolist()
        self.s_end_list = self.s_end.tolist()
        self.kinds = _kinds(self, title)

    @cached_property
    def tokens(self):
        """The normalised tokens of the whole text (``nt.text[tok_start[k]:tok_end[k]]``)."""
        return self.token_range(0, len(self.tok_start))

    def token_range(self, t0, t1):
        """The normalised tokens ``t0 .. t1 - 1``: slices of the text at the token table's
        spans (the tokens of ``TOKENS_RE``, found without a second regex pass)."""
        if t1 <= t0:
            return []
        text = self.nt.text
        return [text[a:b] for a, b in zip(self.starts[t0:t1], self.ends[t0:t1])]

    @cached_property
    def starts(self):
        """Token starts as a list of ints (``tok_start``), for rules that read them one by one."""
        return self.tok_start.tolist()

    @cached_property
    def ends(self):
        """Token ends as a list of ints (``tok_end``)."""
        return self.tok_end.tolist()

    def token_of(self, pos):
        """Index of the token that contains position ``pos`` of the normalised text."""
        return bisect_right(self.starts, pos) - 1

    def original(self, start, end):
        """The span of the original text behind ``[start, end)`` of the normalised text."""
        return self.nt.to_original(start, end)

    def n_words(self, i):
        """Word tokens (words and numbers) of sentence ``i``."""
        return self.s_words[i]

    def sentence_row(self, doc_id, i):
        """The row of sentence ``i`` before its features: ids, span, kind, text, length."""
        s = self.sentences[i]
        return {"doc_id": doc_id, "sent_id": i, "start": s.start, "end": s.end,
                "kind": self.kinds[i], "text": s.text, "n_tokens": self.s_words[i]}


def _kinds(doc, title):
    """Sentence kinds, marking exact repeats (a doubled title) so that they count once."""
    seen, kinds = set(), []
    title_norm = normalize(title).strip() if isinstance(title, str) else ""
    norm = doc.nt.text
    for s, a, b in zip(doc.sentences, doc.s_start.tolist(), doc.s_end_list):
        key = norm[a:b]
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


class SentenceView:
    """One sentence with its cue hits, as a coding rule reads it.

    Attributes
    ----------
    doc : Document
    index : int
        The sentence number (``sent_id``).
    kind : str
    groups : dict
        Matcher group (``topic:T``, ``target:S``, ``eval:S``, ``actor``, ``sentiment`` ...) ->
        the hits of that group in this sentence.
    tokens : list of str
        The sentence's normalised tokens; hit ``h`` starts at ``tokens[view.local(h)]``.
    """

    def __init__(self, doc, index, groups, negators):
        self.doc = doc
        self.index = index
        self.kind = doc.kinds[index]
        self.groups = groups
        self.t0 = doc.s_tok0[index]
        self._negators = negators

    @cached_property
    def tokens(self):
        """The sentence's normalised tokens (made when a rule first asks for them)."""
        return self.doc.token_range(self.t0, self.doc.s_tok1[self.index])

    def hits(self, group):
        """The hits of ``group`` in this sentence (empty if none)."""
        return self.groups.get(group, ())

    def local(self, hit):
        """Index of the hit's first token within the sentence."""
        return hit.tok - self.t0

    def negated(self, hit, window):
        """Whether a negator within ``window`` tokens before the hit flips it."""
        return find_negator(self.tokens, self.local(hit), window, self._negators) is not None

    @cached_property
    def clauses(self):
        """Clause number of each token (:func:`framing.text.negation.clause_ids`)."""
        return clause_ids(self.tokens)
