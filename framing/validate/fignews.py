"""FIGNEWS-2024 inter-annotator data: how much do human coders of news framing agree?

The FIGNEWS-2024 shared task (Zaghouani et al., ArabicNLP 2024) had many annotation teams label
the same news posts for bias and propaganda. The joined IAA file (one post a line) keeps, for each
post, how many annotators chose each label (``bias_votes``, ``propaganda_votes``) and the post's
original language (``source_language``: Arabic, English, French, Hebrew, Hindi). These vote counts
are exactly the per-unit value counts Krippendorff's alpha needs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..errors import FramingError
from .agreement import agreement_from_counts

FIELDS = {"bias": "bias_votes", "propaganda": "propaganda_votes"}


def read_fignews(path, field="bias"):
    """Read the per-post vote counts of one FIGNEWS field.

    Parameters
    ----------
    path : str or os.PathLike
        ``fignews_iaa_joined.jsonl``.
    field : {"bias", "propaganda"}

    Returns
    -------
    pandas.DataFrame
        One row per post: ``unit`` (``batch/source_language/id``), ``source_language``, then one
        integer column per label with its number of votes.
    """
    if field not in FIELDS:
        raise FramingError(f"unknown FIGNEWS field {field!r}", fix=f"use one of {', '.join(FIELDS)}")
    key = FIELDS[field]
    rows = []
    with open(Path(path), encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            try:
                rec = json.loads(line)
                votes = rec[key]
                rows.append({"unit": f"{rec['batch']}/{rec['source_language']}/{rec['id']}",
                             "source_language": rec["source_language"], **votes})
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise FramingError(f"not a FIGNEWS IAA record ({exc})", path=path,
                                   line=lineno) from None
    df = pd.DataFrame(rows)
    labels = df.columns[2:]
    df[labels] = df[labels].fillna(0).astype(int)
    return df


def fignews_alpha(path, field="bias", *, language="Arabic", exclude=(), n_boot=1000, ci=0.95,
                  random_state=0):
    """Nominal Krippendorff's alpha of the FIGNEWS annotators, for posts in one language and for all.

    Parameters
    ----------
    path : str or os.PathLike
        ``fignews_iaa_joined.jsonl``.
    field : {"bias", "propaganda"}, default "bias"
    language : str, default "Arabic"
        Original language of the subset reported beside all posts (``source_language``).
    exclude : iterable of str, default ()
        Labels to treat as no code at all, e.g. ``("Unclear", "Not Applicable")``.
    n_boot, ci, random_state
        Bootstrap over posts (see :func:`framing.validate.bootstrap_alpha`).

    Returns
    -------
    pandas.DataFrame
        Two rows (``subset`` = the language, then ``all``): ``field, subset, n_units, n_values,
        alpha, ci_low, ci_high, percent_agreement``.

    Examples
    --------
    >>> fignews_alpha("fignews_iaa_joined.jsonl", "propaganda")  # doctest: +SKIP
    """
    df = read_fignews(path, field)
    labels = [c for c in df.columns[2:] if c not in set(exclude)]
    rows = []
    for subset, part in ((language, df[df["source_language"] == language]), ("all", df)):
        if part.empty:
            raise FramingError(f"no posts with source_language {language!r}", path=path)
        stats = agreement_from_counts(part[labels].to_numpy(), "nominal", n_boot=n_boot, ci=ci,
                                      random_state=random_state)
        stats.pop("level")
        rows.append({"field": field, "subset": subset, **stats})
    return pd.DataFrame(rows)
