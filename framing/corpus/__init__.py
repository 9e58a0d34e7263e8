"""Corpus input: load articles and their metadata into one tidy table, and describe it.

>>> from framing.corpus import load_corpus, corpus_summary, format_summary
>>> df = load_corpus("seeds")                      # doctest: +SKIP
>>> print(format_summary(corpus_summary(df)))      # doctest: +SKIP
"""

from .dates import DateMention, find_dates, parse_date
from .chunks import is_streamable, iter_corpus, iter_raw_jsonl, jsonl_chunk_frame
from .load import load_corpus, mark_duplicates
from .metadata import extract_metadata
from .notes import CorpusWarning
from .select import select_mentions
from .summary import corpus_summary, format_summary

__all__ = [
    "CorpusWarning",
    "DateMention",
    "corpus_summary",
    "extract_metadata",
    "find_dates",
    "format_summary",
    "is_streamable",
    "iter_corpus",
    "iter_raw_jsonl",
    "jsonl_chunk_frame",
    "load_corpus",
    "mark_duplicates",
    "parse_date",
    "select_mentions",
]
