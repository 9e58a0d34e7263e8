"""What a validated codebook is: its topics, stance targets, actors, lexicons and settings.

:func:`framing.codebook.load_codebook` builds these from a YAML file (``docs/codebook.md``);
the coding rules of :mod:`framing.features` read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import schema
from ..text.match import Cue

# Defaults of every threshold; docs/codebook.md explains each one.
DEFAULT_SETTINGS = {
    "stance_window": 8,          # tokens between a target mention and an evaluative cue
    "negation_window": 3,        # tokens before a cue in which a negator flips it
    "intensifier_window": 2,     # tokens before a sentiment cue in which an intensifier counts
    "intensifier_weight": 1.5,   # factor an intensifier applies
    "topic_min_weight": 2.0,     # cue weight one sentence needs to address a topic
    "topic_min_sentences": 1,    # sentences addressing it that an article needs
    "stance_threshold": 0.2,     # |score| above which a stance is pro/con rather than neutral
    "stance_min_evidence": 1.0,  # evaluative weight needed before pro/con is given at all
    "actor_connotation_weight": 0.5,  # stance weight of one legitimising actor label
    "actor_delegitimizing_weight": 1.0,  # ... and of one delegitimising label (a marked choice)
    "tone_threshold": 0.15,      # |tone score| above which tone is positive/negative
    "tone_smoothing": 1.0,       # added to the evaluative weight in the tone denominator
    "headline_weight": 2.0,      # weight of headline sentences in the tone score
    "lead_weight": 1.5,          # weight of the lead sentences in the tone score
    "lead_sentences": 2,         # how many sentences after the headline form the lead
    "tone_sentences": 0,         # the article's tone is read from its first N sentences (0: all)
    "quote_speaker_max_tokens": 12,  # longest speaker phrase after a speech verb
}
SETTINGS_TYPES = {k: type(v) for k, v in DEFAULT_SETTINGS.items()}


@dataclass(frozen=True)
class Topic:
    name: str
    description: str
    cues: tuple
    display: dict = field(default_factory=dict)  # language -> name shown in figures
    min_weight: float | None = None      # overrides settings.topic_min_weight
    min_sentences: int | None = None     # overrides settings.topic_min_sentences
    context: tuple = ()                  # cues of which the article must name one (the scope)

    def setting(self, settings, key):
        """This topic's value of ``topic_min_weight`` / ``topic_min_sentences``."""
        own = {"topic_min_weight": self.min_weight, "topic_min_sentences": self.min_sentences}[key]
        return settings[key] if own is None else own


@dataclass(frozen=True)
class Stance:
    name: str
    description: str
    target: tuple
    pro: tuple
    con: tuple
    scope: str = "window"
    window: int | None = None
    actors: tuple = ()
    display: dict = field(default_factory=dict)
    threshold: float | None = None       # overrides settings.stance_threshold
    min_evidence: float | None = None    # overrides settings.stance_min_evidence
    topic: str | None = None             # a target not evaluated counts only where this is 1
    context: tuple = ()                  # cues of which the article must name one (the scope)

    def setting(self, settings, key):
        """This target's value of ``stance_threshold`` / ``stance_min_evidence`` /
        ``stance_window``."""
        own = {"stance_threshold": self.threshold, "stance_min_evidence": self.min_evidence,
               "stance_window": self.window}[key]
        return settings[key] if own is None else own


@dataclass(frozen=True)
class ActorLabel:
    cue: Cue
    connotation: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    labels: tuple
    display: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Codebook:
    """A validated codebook.

    Attributes
    ----------
    name, version : str
    path : str
        Where it was read from.
    sha256 : str
        Hash of the codebook file and of any lexicon it includes (goes into ``run.json``).
    settings : dict
        Thresholds, defaults filled in.
    topics, stances, actors : tuple
    sentiment : dict
        ``positive``, ``negative``, ``neutral`` (procedural phrases), ``intensifiers`` (tuples of
        :class:`Cue`), ``negators`` (frozenset of normalised words).
    quotes : dict
        ``speech_verbs`` (tuple of Cue) and ``source_types`` (dict type -> tuple of Cue).
    """

    name: str
    version: str
    path: str
    sha256: str
    settings: dict
    topics: tuple
    stances: tuple
    actors: tuple
    sentiment: dict
    quotes: dict
    meta: dict = field(default_factory=dict)
    ignore: tuple = ()  # phrases whose words are not cues (names such as a club's)

    def display_names(self):
        """``{"topic:T" | "stance:S" | "actor:A": {language: name}}`` from the ``display:``
        entries, for figure labels (a name given once is under ``"*"``, every language)."""
        out = {}
        for kind, items, key in ((schema.TOPIC, self.topics, "name"),
                                 (schema.STANCE, self.stances, "name"),
                                 (schema.ACTOR, self.actors, "id")):
            for item in items:
                if item.display:
                    out[schema.field(kind, getattr(item, key))] = dict(item.display)
        return out

    @property
    def fields(self):
        """Article-level field names, in output order."""
        return ([schema.field(schema.TOPIC, t.name) for t in self.topics]
                + [schema.field(schema.STANCE, s.name) for s in self.stances] + [schema.TONE])


__all__ = ["Actor", "ActorLabel", "Codebook", "Cue", "DEFAULT_SETTINGS", "Stance", "Topic"]
