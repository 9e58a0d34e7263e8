"""Helpers for Jupyter: Arabic tables right-to-left, explanations inline, and the shared data.

The notebooks read public corpora and coded development sets from a folder ``shared/`` beside
the repository (``../shared``), which an outside reader does not have. :func:`shared_path` finds
a file there, or says once what is missing and where to get it, so that a notebook prints a note
and goes on instead of failing. The environment variable ``FRAMING_SHARED`` points elsewhere
(an empty value: no shared folder at all, as on a reader's machine).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .text.charsets import ARABIC_SCRIPT_RE

REPO = Path(__file__).resolve().parents[1]
WHERE_TO_GET = {
    "data/saudinewsnet": "SaudiNewsNet (CC BY-NC-SA 4.0), github.com/inparallel/SaudiNewsNet; "
                         "the README's 'Public corpora' says how to convert it",
    "data/armpro": "ArMPro (CC BY-NC-SA 4.0), github.com/MaramHasanain/ArMPro; see the README's "
                   "'Public corpora'",
    "data/fignews2024": "FIGNEWS-2024 (MIT), github.com/CAMeL-Lab/FIGNEWS-2024; see the README's "
                        "'Public corpora'",
    "gold": "the coded development sets of the framing project (not public)",
}


def shared_dir():
    """The shared folder (``$FRAMING_SHARED``, else ``../shared`` beside the repository), or
    ``None`` when there is none."""
    env = os.environ.get("FRAMING_SHARED")
    path = Path(env) if env else (None if env == "" else REPO.parent / "shared")
    return path if path is not None and path.is_dir() else None


def shared_path(*parts, quiet=False):
    """``shared/<parts>`` if it exists, else ``None`` after printing a note that says what is
    missing and where to get it.

    Examples
    --------
    >>> snn = shared_path("data", "saudinewsnet", "saudinewsnet.jsonl.gz", quiet=True)
    >>> snn is None or snn.name == "saudinewsnet.jsonl.gz"
    True
    """
    base = shared_dir()
    path = base.joinpath(*parts) if base is not None else None
    if path is not None and path.exists():
        return path
    if not quiet:
        rel = "/".join(parts)
        source = next((v for k, v in WHERE_TO_GET.items() if rel.startswith(k)), None)
        print(f"note: ../shared/{rel} is not here, so this step is skipped"
              + (f"; it comes from {source}" if source else "") + ".")
    return None


def rtl(df, max_rows=50):
    """Style a DataFrame so that columns holding Arabic read right-to-left.

    Parameters
    ----------
    df : pandas.DataFrame
    max_rows : int
        Show at most this many rows.

    Returns
    -------
    pandas.io.formats.style.Styler
    """
    df = df.head(max_rows)
    arabic_cols = [c for c in df.columns
                   if df[c].dtype == object or pd.api.types.is_string_dtype(df[c])
                   if df[c].astype(str).str.contains(ARABIC_SCRIPT_RE.pattern, regex=True).any()]
    styler = df.style
    if arabic_cols:
        styler = styler.set_properties(subset=arabic_cols, **{"direction": "rtl",
                                                              "text-align": "right",
                                                              "unicode-bidi": "plaintext"})
    return styler


def show_explanation(analysis, corpus, doc_id):
    """Inline right-to-left explanation of one article (an IPython HTML object)."""
    from IPython.display import HTML

    from .explain import explain_html

    return HTML(explain_html(analysis, corpus, doc_id, fragment=True))
