"""Sentence- and article-level features of one article, each with its evidence.

One article goes in; five tidy row lists come out (sentences, evidence, article, actors, quotes).
Each coding rule lives in its own module and states itself there -- :mod:`.topics`,
:mod:`.actors`, :mod:`.stances`, :mod:`.tone`, :mod:`.quotes` -- with every threshold a codebook
setting. This module only runs them over the sentences, in that order (which is also the order
of the evidence rows of a sentence).
"""

from __future__ import annotations

from .actors import ActorRule, mask_actor_names
from .compiled import CompiledCodebook
from .document import Document, SentenceView
from .evidence import Evidence
from .quotes import QuoteRule
from .stances import StanceRule
from .tone import ToneRule
from .topics import TopicRule

RULES = (TopicRule, ActorRule, StanceRule, ToneRule, QuoteRule)


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

    Examples
    --------
    >>> res = analyze_document(CompiledCodebook(), "d1", "دعت مصر إلى إجراء الانتخابات في موعدها.")
    >>> res["article"]["stance:elections"], res["evidence"][0]["matched"]
    ('pro', 'إجراء الانتخابات')
    """
    doc = Document(text if isinstance(text, str) else "", title)
    evidence = Evidence(doc_id, doc)
    topics, actors, stances, tone, quotes = rules = [rule(compiled, doc, evidence)
                                                      for rule in RULES]
    hits = compiled.hits_by_sentence(doc)
    empty, kinds, n_words = compiled.empty_sentence, doc.kinds, doc.s_words
    # Every sentence gets its row with the values of a sentence without cues (most sentences
    # of a large corpus); only the sentences with cues go through the rules.
    sentences = [{"doc_id": doc_id, "sent_id": i, "start": s.start, "end": s.end,
                  "kind": kinds[i], "text": s.text, "n_tokens": n_words[i], **empty}
                 for i, s in enumerate(doc.sentences)]
    for i in sorted(hits):
        groups = hits[i]
        mask_actor_names(groups)
        view = SentenceView(doc, i, groups, compiled.negators)
        row = sentences[i]
        for rule in rules:
            rule.sentence(view, row)
    counted = [r for r in sentences if r["kind"] != "repeat"]
    article = {"doc_id": doc_id, "n_sentences": len(doc.sentences),
               "n_tokens": sum(n for n, k in zip(n_words, kinds) if k != "repeat")}
    for rule in rules:
        rule.article(article, counted)
    return {"sentences": sentences, "evidence": evidence.rows, "article": article,
            "actors": actors.rows, "quotes": quotes.rows}


__all__ = ["CompiledCodebook", "analyze_document"]
