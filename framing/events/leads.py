"""The part of an article that says what happened: its title and lead, normalised.

News writing puts the event in the headline and the first sentence or two; the rest of an
article is background, reactions and context that articles about different events share. The
event grouping therefore compares title + lead, not whole texts.
"""

from __future__ import annotations

import pandas as pd

from ..text.normalize import normalize
from ..text.sentences import split_sentences
from ..text.tokens import WORD_RE

LEAD_COLUMNS = ["doc_id", "lead", "lead_end"]
# Enough characters for any lead of a few dozen words; splitting only this prefix keeps the
# cost per article constant on long texts.
_PREFIX_CHARS = 4000


def _words(text):
    return WORD_RE.findall(normalize(text)) if isinstance(text, str) else []


def article_lead(title, text, lead_words=60):
    """The normalised title and first ``lead_words`` words of the body of one article.

    Lines before the body that repeat the title (a masthead "Outlet | title", the title printed
    twice) or hold fewer than three words (a date, a time) are skipped, so that the lead starts
    with the article's first real sentence. URL lines are skipped anywhere.

    Parameters
    ----------
    title : str or None
    text : str or None
    lead_words : int, default 60

    Returns
    -------
    (str, int)
        The title and lead as normalised words joined by spaces, and the character offset in
        ``text`` where the lead ends (0 when the body is empty).

    Examples
    --------
    >>> article_lead("عنوان الخبر", "عنوان الخبر\\nقال المتحدث إن الوفد وصل أمس.", lead_words=3)
    ('عنوان الخبر قال المتحدث ان', 26)
    """
    text = text if isinstance(text, str) else ""
    head = _words(title)
    title_norm = " ".join(head)
    body, end, started = [], 0, False
    for sent in split_sentences(text[:_PREFIX_CHARS]):
        if sent.kind == "url":
            continue
        words = _words(sent.text)
        if not started and sent.kind in ("heading", "bullet"):
            joined = " ".join(words)
            if (title_norm and title_norm in joined) or len(words) < 3:
                continue
        started = True
        # Offsets come from the original sentence, word by word, so that evidence found by
        # `framing analyze` (offsets into the original text) can be tested against the lead.
        for m in WORD_RE.finditer(sent.text):
            if len(body) >= lead_words:
                break
            body.append(normalize(m.group()))
            end = sent.start + m.end()
        if len(body) >= lead_words:
            break
    return " ".join(head + body), end


def article_leads(corpus, lead_words=60):
    """Title + lead of every article of a corpus.

    Parameters
    ----------
    corpus : pandas.DataFrame
        ``doc_id`` and ``text``; ``title`` if known.
    lead_words : int, default 60

    Returns
    -------
    pandas.DataFrame
        ``doc_id, lead, lead_end`` in the corpus order (see :func:`article_lead`).
    """
    titles = corpus["title"] if "title" in corpus else [None] * len(corpus)
    rows = [(doc_id, *article_lead(title, text, lead_words))
            for doc_id, title, text in zip(corpus["doc_id"].astype(str), titles, corpus["text"])]
    return pd.DataFrame(rows, columns=LEAD_COLUMNS)
