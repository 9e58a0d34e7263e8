"""Stance by outlet: the proportion of each stance label per outlet, one panel per target."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import PercentFormatter

from ..schema import STANCE_LABELS
from . import layout
from .labels import label
from .style import GREY, LIGHT_GREY, STANCE_COLORS, figure_style


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
    """Stance label proportions per outlet with bootstrap intervals, one panel per target.

    Parameters
    ----------
    stance_dist : pandas.DataFrame
        Output of :func:`framing.compare.stance_distribution`.
    targets : list of str, optional
        Targets to show, in panel order; default all.
    min_n : int, default 10
        The threshold named in the note under outlets flagged ``small_n`` (†).
    ci : float, default 0.95
        The interval coverage used for ``stance_dist``, named in the axis note.
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
    n, small = layout.group_info(stance_dist, gcol)
    offsets = np.linspace(-0.27, 0.27, len(stance_labels)) if len(stance_labels) > 1 else [0.0]
    has_ci = {"ci_low", "ci_high"} <= set(stance_dist.columns)

    with figure_style(arabic_font):
        nrows, ncols = layout.grid_shape(len(targets), width, 4, 2)
        fig = layout.new_figure(width, 0.8 + nrows * (0.35 + 0.5 * len(outlets)))
        panels = layout.panel_grid(
            fig, len(targets), (nrows, ncols), lang, sharex=True, sharey=True
        )
        for k, (ax, target) in enumerate(zip(panels, targets)):
            sub = stance_dist.loc[stance_dist["target"] == target]
            for j, stance in enumerate(stance_labels):
                rows = sub.loc[sub["label"] == stance].set_index(gcol).reindex(outlets)
                y = np.arange(len(outlets)) + offsets[j]
                p = rows["proportion"].to_numpy(dtype=float)
                err = None
                if has_ci:
                    lo = np.nan_to_num(p - rows["ci_low"].to_numpy(dtype=float))
                    hi = np.nan_to_num(rows["ci_high"].to_numpy(dtype=float) - p)
                    err = np.clip([lo, hi], 0, None)
                ax.errorbar(
                    p,
                    y,
                    xerr=err,
                    fmt=layout.STANCE_MARKERS.get(stance, "o"),
                    ms=3.2,
                    lw=0.9,
                    capsize=0,
                    color=STANCE_COLORS.get(stance, GREY),
                    mec="black" if stance == "absent" else None,
                    mew=0.3,
                    label=layout.shown_label(stance, lang, labels),
                )
            ax.set_title(layout.shown_label(f"stance:{target}", lang, labels))
            ax.set_xlim(-0.03, 1.03)
            ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
            ax.set_xticks([0, 0.5, 1])
            ax.grid(axis="x", lw=0.4, color=LIGHT_GREY)
            ax.set_axisbelow(True)
            for y in np.arange(len(outlets) - 1) + 0.5:
                ax.axhline(y, color=LIGHT_GREY, lw=0.4)
            col = k % ncols
            if lang == "ar":
                layout.labels_right(ax, show=col == 0)  # panel 0 of each row is the rightmost
        first = panels[0]
        first.set_yticks(
            range(len(outlets)),
            labels=[layout.group_ticklabel(o, lang, n, small, newline=False) for o in outlets],
        )
        first.set_ylim(len(outlets) - 0.5, -0.5)  # first outlet on top
        first.tick_params(axis="y", length=0)
        handles, names = first.get_legend_handles_labels()
        layout.legend(
            fig, lang, handles, names, loc="outside upper center", ncols=len(stance_labels)
        )
        note = layout.mpl_text(label("note:ci", lang).format(ci=ci)) if has_ci else ""
        fig.supxlabel(
            layout.shown_label("axis:proportion", lang, labels)
            + (f" ({note})" if note else "")
            + layout.small_note(small, lang, min_n),
            fontsize="medium",
        )
    return fig
