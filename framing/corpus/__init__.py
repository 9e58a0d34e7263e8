"""Corpus input: load articles and their metadata into one tidy table, and describe it.

>>> from framing.corpus import load_corpus, corpus_summary, format_summary
>>> df = load_corpus("seeds")                      # doctest: +SKIP
>>> print(format_summary(corpus_summary(df)))      # doctest: +SKIP
"""

from .dates import DateMention, find_dates, parse_date
from .load import iter_corpus, load_corpus
from .metadata import extract_metadata
from .notes import CorpusWarning
from .summary import corpus_summary, format_summary

__all__ = [
    "CorpusWarning",
    "DateMention",
    "corpus_summary",
    "extract_metadata",
    "find_dates",
    "format_summary",
    "iter_corpus",
    "load_corpus",
    "parse_date",
]
