"""Stance by outlet: the proportion of each stance label per outlet, one panel per target."""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from ..schema import STANCE_LABELS
from . import layout
from .labels import label
from .style import GREY, LIGHT_GREY, STANCE_COLORS, figure_style

#: Print-safe fills: each stance has a hatch as well as a colour.
STANCE_HATCHES = {"pro": "", "con": "////", "neutral": "....", "absent": "", "mixed": "xxx"}


def stance_by_outlet(
    stance_dist,
    *,
    by=None,
    targets=None,
    lang="en",
    width="double",
    labels=None,
    min_n=10,
    ci=0.95,
    arabic_font="sans",
):
    """Stance by outlet, one panel per target.

    With the table of ``stance_distribution(..., among="mentioning")`` (what
    :func:`framing.plots.make_figures` draws): one stacked bar per outlet of pro / con / neutral
    among the articles that mention the target, and beside it ``mentioning/all`` articles, so
    that ``absent`` is reported separately and does not squeeze pro and con. With a table of all
    labels (``among="all"``): dots of each label's proportion with their bootstrap intervals.

    Parameters
    ----------
    stance_dist : pandas.DataFrame
        Output of :func:`framing.compare.stance_distribution`.
    targets : list of str, optional
        Targets to show, in panel order; default all.
    min_n : int, default 10
        The threshold named in the note under outlets flagged ``small_n`` (†).
    ci : float, default 0.95
        The interval coverage used for ``stance_dist``, named in the axis note (dots only:
        the stacked bars draw no interval and say none).
    by, lang, width, labels, arabic_font
        See :mod:`framing.plots` (common parameters).

    Returns
    -------
    matplotlib.figure.Figure
    """
    gcol = layout.figure_input(stance_dist, by, lang, ["target", "label", "proportion"], "stance")
    targets = list(targets) if targets is not None else layout.in_order(stance_dist["target"])
    stance_labels = [s for s in STANCE_LABELS if s in set(stance_dist["label"])]
    stance_labels += [s for s in layout.in_order(stance_dist["label"]) if s not in stance_labels]
    outlets = layout.in_order(stance_dist[gcol])
    mentioning = "n_all" in stance_dist.columns
    n, small = layout.group_info(stance_dist, gcol)
    if mentioning:  # the daggers and counts of each panel are per target: none on the names
        n = small = None
    with figure_style(arabic_font):
        nrows, ncols = layout.grid_shape(len(targets), width, 4 if not mentioning else 2,
                                         2 if not mentioning else 1)
        per_outlet = 0.5 if not mentioning else 0.2
        # Legend, axis label and notes (three lines with the mentioning note) take ~1.3 in.
        fixed = 1.35 if mentioning else 0.8
        fig = layout.new_figure(width, fixed + nrows * (0.35 + per_outlet * len(outlets)))
        panels = layout.panel_grid(
            fig, len(targets), (nrows, ncols), lang, sharex=True, sharey=True
        )
        draw = _bars if mentioning else _dots
        for k, (ax, target) in enumerate(zip(panels, targets)):
            sub = stance_dist.loc[stance_dist["target"] == target]
            draw(ax, sub, gcol, outlets, stance_labels, lang, labels, min_n)
            ax.set_title(layout.shown_label(f"stance:{target}", lang, labels))
            ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
            ax.set_xticks([0, 0.5, 1])
            ax.grid(axis="x", lw=0.4, color=LIGHT_GREY)
            ax.set_axisbelow(True)
            ax.tick_params(axis="y", length=0)
            if lang == "ar":
                layout.labels_right(ax, show=k % ncols == 0)  # panel 0 of a row is the rightmost
        first = panels[0]
        first.set_yticks(
            range(len(outlets)),
            labels=[layout.group_ticklabel(o, lang, n, small, newline=False) for o in outlets],
        )
        first.set_ylim(len(outlets) - 0.5, -0.5)  # first outlet on top
        first.tick_params(axis="y", length=0)
        if mentioning:
            handles = [Patch(facecolor=STANCE_COLORS.get(s, GREY), hatch=STANCE_HATCHES.get(s, ""),
                             edgecolor="white", lw=0, label=layout.shown_label(s, lang, labels))
                       for s in stance_labels]
            names = [h.get_label() for h in handles]
            key = "axis:proportion_mentioning"
            note = layout.mpl_text(label("note:mentioning", lang))
        else:
            handles, names = first.get_legend_handles_labels()
            has_ci = {"ci_low", "ci_high"} <= set(stance_dist.columns) and \
                stance_dist[["ci_low", "ci_high"]].notna().any().any()
            key = "axis:proportion"
            note = layout.mpl_text(label("note:ci", lang).format(ci=ci)) if has_ci else ""
        layout.legend(fig, lang, handles, names, loc="outside upper center",
                      ncols=len(stance_labels))
        small_any = stance_dist["small_n"] if "small_n" in stance_dist else None
        fig.supxlabel(
            layout.shown_label(key, lang, labels)
            + (f"\n{note}" if mentioning else f" ({note})" if note else "")
            + layout.small_note(small_any, lang, min_n),
            fontsize="medium",
        )
    return fig


def _bars(ax, sub, gcol, outlets, stance_labels, lang, labels, min_n):
    """Stacked bars among the articles mentioning the target, ``mentioning/all`` beside them."""
    rows = sub.drop_duplicates([gcol, "label"]).set_index([gcol, "label"])
    y = np.arange(len(outlets))
    left = np.zeros(len(outlets))
    for stance in stance_labels:
        p = np.array([float(rows["proportion"].get((o, stance), 0.0)) for o in outlets])
        ax.barh(y, p, left=left, height=0.72, color=STANCE_COLORS.get(stance, GREY),
                hatch=STANCE_HATCHES.get(stance, ""), edgecolor="white", lw=0)
        left += p
    info = sub.drop_duplicates(gcol).set_index(gcol)
    for i, o in enumerate(outlets):
        if o not in info.index:
            continue
        r = info.loc[o]
        mentioned = int(r["n_all"] - r["n_absent"])
        text = f"{mentioned}/{int(r['n_all'])}" + ("†" if mentioned < min_n else "")
        ax.text(1.03, i, text, va="center", ha="right" if lang == "ar" else "left",
                fontsize=5.5, color="black")
    ax.set_xlim(0, 1.34)
    if lang == "ar":
        ax.invert_xaxis()  # bars grow leftwards from the names on the right
    ax.spines["bottom"].set_bounds(0, 1)


def _dots(ax, sub, gcol, outlets, stance_labels, lang, labels, min_n):
    """Each label's proportion of all articles, with its bootstrap interval where there is one."""
    offsets = np.linspace(-0.27, 0.27, len(stance_labels)) if len(stance_labels) > 1 else [0.0]
    has_ci = {"ci_low", "ci_high"} <= set(sub.columns)
    for j, stance in enumerate(stance_labels):
        rows = sub.loc[sub["label"] == stance].set_index(gcol).reindex(outlets)
        p = rows["proportion"].to_numpy(dtype=float)
        err = layout.interval_errors(rows, "proportion") if has_ci else None
        ax.errorbar(p, np.arange(len(outlets)) + offsets[j], xerr=err,
                    fmt=layout.STANCE_MARKERS.get(stance, "o"), ms=3.2, lw=0.9, capsize=0,
                    color=STANCE_COLORS.get(stance, GREY),
                    mec="black" if stance == "absent" else None, mew=0.3,
                    label=layout.shown_label(stance, lang, labels))
    ax.set_xlim(-0.03, 1.03)
    for yy in np.arange(len(outlets) - 1) + 0.5:
        ax.axhline(yy, color=LIGHT_GREY, lw=0.4)
