"""Events and stories: which articles report the same happening, and what each outlet says of it.

Grouping
    :func:`group_events` (articles -> events -> stories), :func:`summarize_events`
Within an event
    :func:`align_event` (which facts and claims each outlet includes or omits),
    :func:`label_comparison` (which labels each outlet uses for the same actor)
Places
    :func:`load_gazetteer` (the packaged ``places-ar`` or your own YAML)
Evaluation against hand labels
    :func:`bcubed`, :func:`pairwise_scores`

>>> from framing.corpus import load_corpus                              # doctest: +SKIP
>>> from framing.events import group_events, summarize_events          # doctest: +SKIP
>>> corpus = load_corpus("seeds")                                      # doctest: +SKIP
>>> summarize_events(group_events(corpus), corpus)                     # doctest: +SKIP
"""

from .align import align_event, label_comparison
from .evaluate import bcubed, pairwise_scores
from .gazetteer import Gazetteer, load_gazetteer
from .grouping import group_events, summarize_events
from .leads import article_lead, article_leads

__all__ = [
    "group_events", "summarize_events",
    "align_event", "label_comparison",
    "Gazetteer", "load_gazetteer",
    "article_lead", "article_leads",
    "bcubed", "pairwise_scores",
]
