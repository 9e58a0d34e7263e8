"""Codebooks: YAML files of topics, stance targets, actors, lexicons and quote cues."""

from .load import Codebook, available, load_codebook

__all__ = ["Codebook", "available", "load_codebook"]
