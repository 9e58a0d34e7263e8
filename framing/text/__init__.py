"""Arabic text: normalisation, sentence segmentation, tokenisation, clitics and negation."""

from .normalize import ArabicNormalizer, NormalizedText, normalize, normalize_with_map

__all__ = ["ArabicNormalizer", "NormalizedText", "normalize", "normalize_with_map"]
