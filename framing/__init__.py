"""framing: computational framing analysis of Arabic news.

The data flows one way -- corpus -> text -> features -> compare -> figures -- and every stage
takes and returns tidy pandas DataFrames.

>>> from framing import load_corpus, analyze, read_analysis, load_codebook, Analysis
>>> res = analyze(load_corpus("seeds"), "libya-egypt")        # doctest: +SKIP
>>> res.articles[["doc_id", "topic:elections", "tone"]]        # doctest: +SKIP

The names above are loaded on first use, so that ``import framing`` (and the command line)
stays quick.
"""

__version__ = "0.1.0"

# name -> module that defines it (PEP 562 lazy attributes)
_PUBLIC = {
    "load_corpus": "framing.corpus",
    "analyze": "framing.analysis",
    "read_analysis": "framing.analysis",
    "Analysis": "framing.analysis",
    "load_codebook": "framing.codebook",
    "Codebook": "framing.codebook",
    "CodebookFeaturizer": "framing.features",
    "FramingError": "framing.errors",
    "FramingWarning": "framing.errors",
}
__all__ = ["__version__", *_PUBLIC]


def __getattr__(name):
    if name in _PUBLIC:
        import importlib

        value = getattr(importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_PUBLIC))
