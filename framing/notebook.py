"""Display helpers for Jupyter: Arabic tables right-to-left, explanations inline."""

from __future__ import annotations

import pandas as pd

from .text.charsets import ARABIC_SCRIPT_RE


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
