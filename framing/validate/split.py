"""A tuning / check split of a coded sample, fixed by a rule rather than by hand.

Before a codebook is revised on coded articles, set some of them aside: develop on the tuning
part, and read only the *scores* of the check part until the end -- its errors would teach the
codebook the rows instead of the concepts. The rule here depends only on each document id and a
salt, so anyone can reproduce the split, and adding articles to the sample never moves the old
ones from one part to the other.

Examples
--------
>>> parts = holdout_split(["snn00148", "snn00165", "snn00273", "snn00290"])
>>> sorted(set(parts))
['check', 'tuning']
>>> holdout_split(["snn00148"]).iloc[0] == parts.iloc[0]   # one id, always the same part
True
"""

from __future__ import annotations

import hashlib

import pandas as pd

from ..errors import ParameterError

#: The salt of the project's own split of its development sets (documented in the README).
DEFAULT_SALT = "framing-holdout-v1"


def holdout_score(doc_id, salt=DEFAULT_SALT):
    """A number in [0, 1) drawn from the SHA-256 of ``salt`` and ``doc_id``."""
    digest = hashlib.sha256(f"{salt}\0{doc_id}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


def holdout_split(doc_ids, check_fraction=1 / 3, salt=DEFAULT_SALT):
    """Assign each document to ``tuning`` or ``check``.

    Parameters
    ----------
    doc_ids : iterable of str
    check_fraction : float, default 1/3
        Expected share of documents in the check part.
    salt : str, default "framing-holdout-v1"
        Change it to draw a different split of the same sample.

    Returns
    -------
    pandas.Series
        ``tuning`` / ``check`` per document, indexed by ``doc_id``.
    """
    if not 0 < check_fraction < 1:
        raise ParameterError(f"check_fraction must be between 0 and 1, not {check_fraction}")
    ids = [str(d) for d in doc_ids]
    parts = ["check" if holdout_score(d, salt) < check_fraction else "tuning" for d in ids]
    return pd.Series(parts, index=pd.Index(ids, name="doc_id"), name="part")
