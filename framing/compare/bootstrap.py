"""Percentile bootstrap of means, resampling articles (rows).

Each group draws from its own random stream, seeded by ``(random_state, group name)``: an outlet's
interval is the same whichever other outlets are in the table, and the same on every run.
"""

from __future__ import annotations

import warnings
import zlib

import numpy as np

# Resample in chunks so that memory stays bounded (about 16 MB of weights) for large groups.
_MAX_CELLS = 2_000_000


def group_rng(random_state, key):
    """A NumPy generator for one group, reproducible from ``random_state`` and the group's name."""
    return np.random.default_rng(np.random.SeedSequence([int(random_state),
                                                         zlib.crc32(str(key).encode())]))


def bootstrap_means(values, *, n_boot=2000, ci=0.95, random_state=0, key=""):
    """Column means with percentile bootstrap intervals, resampling rows with replacement.

    Parameters
    ----------
    values : array_like, shape (n,) or (n, k)
        One row per article. NaN marks "not applicable": the value is left out of that column's
        mean (the row still counts in the resampling of the other columns).
    n_boot : int, default 2000
        Bootstrap replicates; ``0`` skips the intervals (NaN).
    ci : float, default 0.95
        Coverage of the interval (percentiles ``(1 - ci) / 2`` and ``(1 + ci) / 2``).
    random_state : int, default 0
    key : str, default ""
        The group's name; with ``random_state`` it fixes the group's random stream.

    Returns
    -------
    mean, ci_low, ci_high : numpy.ndarray, shape (k,)

    Examples
    --------
    >>> m, lo, hi = bootstrap_means([1, 0, 1, 1], n_boot=500, random_state=1)
    >>> float(m[0]), bool(lo[0] <= m[0] <= hi[0])
    (0.75, True)
    """
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, not {ci}")
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    n, k = values.shape
    present = ~np.isnan(values)
    filled = np.where(present, values, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = filled.sum(axis=0) / present.sum(axis=0)
    nan = np.full(k, np.nan)
    # One article cannot be resampled into an interval: report none rather than a
    # zero-width one that looks certain.
    if n < 2 or n_boot <= 0 or k == 0:
        return mean, nan, nan.copy()

    rng = group_rng(random_state, key)
    chunk = max(1, min(n_boot, _MAX_CELLS // n))
    sums = np.empty((n_boot, k))
    counts = np.empty((n_boot, k))
    probs = np.full(n, 1.0 / n)
    for start in range(0, n_boot, chunk):
        m = min(chunk, n_boot - start)
        # How many times each article is drawn in each replicate.
        weights = rng.multinomial(n, probs, size=m).astype(float)
        sums[start:start + m] = weights @ filled
        counts[start:start + m] = weights @ present
    with np.errstate(invalid="ignore", divide="ignore"):
        boots = sums / counts
    alpha = (1 - ci) / 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns give NaN, as they should
        low, high = np.nanquantile(boots, [alpha, 1 - alpha], axis=0)
    return mean, low, high
