"""Codebook features: the coding rules, per sentence and per article, each with its evidence.

- :mod:`.document` -- one article as the rules see it (normalised text, tokens, sentences);
- :mod:`.compiled` -- a codebook compiled into one matcher;
- one module per coding rule: :mod:`.topics`, :mod:`.stances`, :mod:`.tone`, :mod:`.actors`,
  :mod:`.quotes` (``docs/codebook.md`` has a section for each);
- :mod:`.extract` -- the article loop; :mod:`.featurizer` -- a scikit-learn transformer.

:class:`CodebookFeaturizer` is loaded on first use: scikit-learn takes longer to import than
a codebook takes to compile, and ``framing analyze`` does not need it.
"""

from .compiled import CompiledCodebook
from .extract import analyze_document

__all__ = ["CompiledCodebook", "CodebookFeaturizer", "analyze_document"]


def __getattr__(name):
    if name == "CodebookFeaturizer":  # PEP 562: imports scikit-learn only when asked for
        from .featurizer import CodebookFeaturizer

        return CodebookFeaturizer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | {"CodebookFeaturizer"})
