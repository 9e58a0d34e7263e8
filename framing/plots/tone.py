"""Tone over time: mean tone per period, one small panel per outlet, with bootstrap bands."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from . import layout
from .ticks import wrap_measured
from .labels import label
from .style import GREY, LIGHT_GREY, PALETTE, figure_style, figure_width

_FREQ_KEY = {"D": "freq:D", "W": "freq:W", "M": "freq:M", "Q": "freq:Q", "Y": "freq:Y"}


def series_marker(i):
    """The marker of series ``i``: with ``PALETTE[i % 8]`` a (colour, marker) pair of its own
    for the first 64 series (the marker shifts by one each time the colours come round)."""
    n = len(layout.MARKERS)
    return layout.MARKERS[(i + i // len(PALETTE)) % n]


def tone_over_time(
    tone_df, *, by=None, lang="en", width="double", labels=None, band=True, max_panels=12,
    n_undated=0, arabic_font="sans",
):
    """Mean tone per period: one small panel per outlet, on shared axes, with bootstrap bands.

    Each panel draws its outlet in colour over the other outlets in light grey (so that every
    panel is read against the rest), points sized by the period's number of articles; the band is
    the bootstrap interval of periods with two or more articles.

    Parameters
    ----------
    tone_df : pandas.DataFrame
        Output of :func:`framing.compare.tone_over_time`.
    band : bool, default True
        Shade the bootstrap interval of each outlet's series.
    max_panels : int, default 12
        Panels for at most this many outlets, those with most dated articles; the note under the
        figure names how many outlets (and articles) are left out.
    n_undated : int, default 0
        Articles left out because they have no date, counted in the note.
    by, lang, width, labels, arabic_font
        See :mod:`framing.plots` (common parameters).

    Returns
    -------
    matplotlib.figure.Figure
    """
    gcol = layout.figure_input(tone_df, by, lang, ["period", "mean_tone"], "tone")
    data = tone_df.assign(period=pd.to_datetime(tone_df["period"]))
    if "n_articles" not in data:
        data = data.assign(n_articles=1)
    totals = data.groupby(gcol, sort=False)["n_articles"].sum()
    order = list(totals.sort_values(ascending=False, kind="stable").index)
    shown, hidden = order[:max_panels], order[max_panels:]
    has_ci = band and {"ci_low", "ci_high"} <= set(data.columns)
    # Bands (and the note that names them) only where a period has two or more articles.
    banded = has_ci and bool((data["ci_low"].notna() & (data["n_articles"] >= 2)).any())
    freq = str(data["freq"].iloc[0]) if "freq" in data and len(data) else ""

    with figure_style(arabic_font):
        nrows, ncols = layout.grid_shape(len(shown), width, 4, 2)
        panel_h = 0.95 if figure_width(width) >= 6 else 0.85
        # The notes under the panels (period, bands, outlets left out, undated) take ~0.15 in each.
        n_notes = 2 + bool(banded) + bool(hidden) + bool(n_undated)
        fig = layout.new_figure(width, 0.35 + 0.15 * n_notes + nrows * panel_h)
        panels = layout.panel_grid(fig, len(shown), (nrows, ncols), lang, sharex=True, sharey=True)
        values = data[["mean_tone"] + (["ci_low", "ci_high"] if has_ci else [])].to_numpy(float)
        lo, hi = np.nanmin(values), np.nanmax(values)
        for i, (ax, name) in enumerate(zip(panels, shown)):
            for other, rows in data.groupby(gcol, sort=False):
                if other != name:
                    rows = rows.sort_values("period")
                    ax.plot(rows["period"], rows["mean_tone"], color=LIGHT_GREY, lw=0.5, zorder=1)
            rows = data.loc[data[gcol] == name].sort_values("period")
            color = PALETTE[i % len(PALETTE)]
            if has_ci:
                ok = rows["ci_low"].notna() & (rows["n_articles"] >= 2)
                ax.fill_between(rows["period"], rows["ci_low"].where(ok), rows["ci_high"].where(ok),
                                color=color, alpha=0.2, lw=0, zorder=2)
            ax.plot(rows["period"], rows["mean_tone"], color=color, lw=1, zorder=3)
            ax.scatter(rows["period"], rows["mean_tone"], s=4 + 4 * np.sqrt(rows["n_articles"]),
                       color=color, marker=series_marker(i), lw=0, zorder=4, label=str(name))
            ax.axhline(0, color=GREY, lw=0.5, zorder=0)
            lines = wrap_measured(str(name), figure_width(width) / ncols - 0.8, size=6.3,
                                  shown=layout.mpl_text)  # "(n=12)" needs ~0.5 in
            title = layout.group_ticklabel(name, lang, totals, newline=False, lines=lines)
            ax.set_title(title, fontsize="small", pad=2)
            ax.tick_params(labelsize=6)
            first_in_row = i % ncols == 0  # reading order: the rightmost panel for Arabic
            if lang == "ar":
                layout.labels_right(ax, show=first_in_row)
            else:
                ax.tick_params(axis="y", labelleft=first_in_row)
            if i + ncols < len(shown):  # a panel below carries the dates
                ax.tick_params(axis="x", labelbottom=False)
        ax0 = panels[0]
        ax0.set_ylim(max(-1.05, lo - 0.1), min(1.05, hi + 0.1))
        locator = mdates.AutoDateLocator(minticks=3, maxticks=5)
        ax0.xaxis.set_major_locator(locator)
        ax0.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        fig.supylabel(layout.shown_label("axis:mean_tone", lang, labels), fontsize="small")
        note = [label(_FREQ_KEY.get(freq, "freq:W"), lang) if freq else "",
                label("note:tone_band", lang) if banded else ""]
        if hidden:
            note.append(label("note:hidden_outlets", lang).format(
                k=len(hidden), n=int(totals[hidden].sum())))
        if n_undated:
            note.append(label("note:undated", lang).format(n=int(n_undated)))
        text = "\n".join(layout.mpl_text(x) for x in note if x)
        fig.supxlabel(layout.shown_label("axis:date", lang, labels) + (f"\n{text}" if text else ""),
                      fontsize="small")
    return fig
