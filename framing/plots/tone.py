"""Tone over time: mean tone per period and outlet, with bootstrap bands."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from . import layout
from .style import GREY, PALETTE, figure_style, figure_width


def tone_over_time(
    tone_df, *, by=None, lang="en", width="double", labels=None, band=True, arabic_font="sans"
):
    """Mean tone per period and outlet: lines with bootstrap bands.

    Parameters
    ----------
    tone_df : pandas.DataFrame
        Output of :func:`framing.compare.tone_over_time`.
    band : bool, default True
        Shade the bootstrap interval of each outlet's series.
    by, lang, width, labels, arabic_font
        See :mod:`framing.plots` (common parameters).

    Returns
    -------
    matplotlib.figure.Figure
    """
    gcol = layout.figure_input(tone_df, by, lang, ["period", "mean_tone"], "tone")
    data = tone_df.assign(period=pd.to_datetime(tone_df["period"]))
    totals = data.groupby(gcol, sort=False)["n_articles"].sum() if "n_articles" in data else None
    has_ci = band and {"ci_low", "ci_high"} <= set(data.columns)

    with figure_style(arabic_font):
        fig = layout.new_figure(width, 2.4 if figure_width(width) >= 6 else 2.2)
        ax = fig.add_subplot()
        for i, (name, rows) in enumerate(data.groupby(gcol, sort=False)):
            rows = rows.sort_values("period")
            color = PALETTE[i % len(PALETTE)]
            if has_ci and len(rows) > 1:
                ax.fill_between(
                    rows["period"], rows["ci_low"], rows["ci_high"], color=color, alpha=0.15, lw=0
                )
            ax.plot(
                rows["period"],
                rows["mean_tone"],
                marker=layout.MARKERS[i % len(layout.MARKERS)],
                ms=3,
                lw=1,
                color=color,
                label=layout.group_ticklabel(name, lang, totals, newline=False),
            )
        ax.axhline(0, color=GREY, lw=0.6, zorder=0)
        values = data[["mean_tone"] + (["ci_low", "ci_high"] if has_ci else [])].to_numpy(float)
        lo, hi = np.nanmin(values), np.nanmax(values)
        ax.set_ylim(max(-1.05, lo - 0.1), min(1.05, hi + 0.1))
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_ylabel(layout.shown_label("axis:mean_tone", lang, labels))
        ax.set_xlabel(layout.shown_label("axis:date", lang, labels))
        layout.legend(
            fig, lang, loc="outside left upper" if lang == "ar" else "outside right upper"
        )
        if lang == "ar":
            layout.labels_right(ax)
    return fig
