"""Select the documents of a corpus that mention given terms (clitic-aware, normalised)."""

from __future__ import annotations

from ..text.match import Cue, CueMatcher, Entry, longest_per_group
from ..text.normalize import normalize

def select_mentions(corpus, terms, columns=("title", "text"), min_hits=2):
    """Rows whose title and text mention ``terms`` at least ``min_hits`` times in all.

    The default of two mentions keeps articles that *concern* the subject and drops passing
    mentions (a country in a list of gold prices or a football transfer).

    Parameters
    ----------
    corpus : pandas.DataFrame
    terms : iterable of str
        Cues in the codebook syntax (proclitics and suffixes allowed, ``*`` for stems); the
        packaged presets (``framing.pipeline.load_preset("libya").terms``) hold ready lists.
    columns : tuple of str
        Columns searched.
    min_hits : int, default 2
        Matches needed in all.

    Returns
    -------
    pandas.DataFrame
        The selected rows, in corpus order.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""],
    ...                    "text": ["وصل الوفد إلى بنغازي شرق ليبيا", "مباراة في بنغازي"]})
    >>> select_mentions(df, ["ليبيا", "بنغازي"])["doc_id"].tolist()
    ['a']
    """
    matcher = CueMatcher(Entry("term", None, Cue.from_text(t)) for t in terms)
    cols = [c for c in columns if c in corpus]
    text = [""] * len(corpus)
    for c in cols:  # column by column: much faster than a row-wise join
        text = [t + "\n" + v for t, v in zip(text, corpus[c].fillna("").astype(str))]
    # one place, one mention: ليبيا is a hit of ليبيا and of ليبي (with tanween alef)
    keep = [len(longest_per_group(matcher.find(normalize(t)))) >= min_hits for t in text]
    return corpus[keep]
