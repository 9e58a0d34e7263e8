"""Arabic text, one concern per module (the CAMeL Tools way).

- :mod:`.charsets` -- character classes (letters, diacritics, bidi controls, word characters);
- :mod:`.normalize` -- normalisation in switchable steps, with a map back to the original;
- :mod:`.sentences` -- sentence segmentation with offsets;
- :mod:`.tokens` -- the tokenizer (words, numbers, punctuation; options for each stage);
- :mod:`.stopwords` -- the stop-word loader;
- :mod:`.clitics` -- proclitics, pronoun suffixes, the article, a light stemmer;
- :mod:`.negation` -- negators, their scope, and the clause breakers;
- :mod:`.match` -- cues and the clitic-aware cue matcher.
"""

from .match import Cue, CueMatcher, Entry
from .normalize import ArabicNormalizer, NormalizedText, normalize, normalize_with_map
from .sentences import Sentence, split_sentences
from .stopwords import load_stopwords
from .tokens import tokenize

__all__ = ["ArabicNormalizer", "Cue", "CueMatcher", "Entry", "NormalizedText", "Sentence",
           "load_stopwords", "normalize", "normalize_with_map", "split_sentences", "tokenize"]
