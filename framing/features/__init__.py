"""Codebook features: matching, per-sentence and per-article features, sklearn transformer."""

from .extract import CompiledCodebook, analyze_document
from .featurizer import CodebookFeaturizer

__all__ = ["CompiledCodebook", "CodebookFeaturizer", "analyze_document"]
