"""Codebook features: the coding rules, per sentence and per article, each with its evidence.

- :mod:`.document` -- one article as the rules see it (normalised text, tokens, sentences);
- :mod:`.compiled` -- a codebook compiled into one matcher;
- one module per coding rule: :mod:`.topics`, :mod:`.stances`, :mod:`.tone`, :mod:`.actors`,
  :mod:`.quotes` (``docs/codebook.md`` has a section for each);
- :mod:`.extract` -- the article loop; :mod:`.featurizer` -- a scikit-learn transformer.
"""

from .compiled import CompiledCodebook
from .extract import analyze_document
from .featurizer import CodebookFeaturizer

__all__ = ["CompiledCodebook", "CodebookFeaturizer", "analyze_document"]
