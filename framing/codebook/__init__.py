"""Codebooks: YAML files of topics, stance targets, actors, lexicons and quote cues."""

from .load import available, load_codebook
from .model import Actor, ActorLabel, Codebook, Cue, Stance, Topic

__all__ = ["Actor", "ActorLabel", "Codebook", "Cue", "Stance", "Topic", "available",
           "load_codebook"]
