"""Distinctive terms by outlet: bars of log-odds z-scores (Monroe et al. 2008)."""

from __future__ import annotations

import numpy as np

from . import layout
from .ticks import wrap_measured
from .arabic import isolate
from .labels import label
from .style import LIGHT_GREY, PALETTE, figure_style


def distinctive_terms_plot(
    terms, n=10, *, by=None, lang="en", width="double", labels=None, max_panels=None,
    arabic_font="sans",
):
    """The ``n`` most distinctive terms of each outlet: bars of log-odds z-scores.

    Parameters
    ----------
    terms : pandas.DataFrame
        Output of :func:`framing.compare.distinctive_terms`.
    n : int, default 10
        Terms per outlet (those with positive z only), shown in their most frequent spelling
        (the ``example`` column) where the table has it.
    max_panels : int, optional
        Panels for at most this many outlets (default 12 on a double-column figure, 6 on a
        single-column one, so that the figure fits a page), those with most words (``count_group`` summed
        where the table has it); the axis note says how many are left out.
    by, lang, width, labels, arabic_font
        See :mod:`framing.plots` (common parameters).

    Returns
    -------
    matplotlib.figure.Figure
    """
    gcol = layout.figure_input(terms, by, lang, ["term", "z", "rank"], "distinctive terms")
    groups = layout.in_order(terms[gcol])
    hidden = []
    if max_panels is None:
        max_panels = 12 if layout.figure_width(width) >= 6 else 6
    if len(groups) > max_panels:
        size = (terms.groupby(gcol, sort=False)["count_group"].sum() if "count_group" in terms
                else terms.groupby(gcol, sort=False).size())
        keep = set(size.sort_values(ascending=False, kind="stable").index[:max_panels])
        hidden = [g for g in groups if g not in keep]
        groups = [g for g in groups if g in keep]
    tops = {
        g: terms.loc[(terms[gcol] == g) & (terms["z"] > 0)].nsmallest(n, "rank") for g in groups
    }
    n_rows = max([len(t) for t in tops.values()] + [1])
    reference = layout.in_order(terms["reference"])[0] if "reference" in terms else "rest"

    with figure_style(arabic_font):
        nrows, ncols = layout.grid_shape(len(groups), width, 3, 2)
        fig = layout.new_figure(width, nrows * (0.45 + 0.16 * n_rows) + 0.35)
        panels = layout.panel_grid(fig, len(groups), (nrows, ncols), lang, sharex=True)
        for i, (ax, group) in enumerate(zip(panels, groups)):
            top = tops[group]
            y = np.arange(len(top))
            ax.barh(y, top["z"], color=PALETTE[i % len(PALETTE)], height=0.7)
            shown = top["example"] if "example" in top else top["term"]
            ax.set_yticks(y, labels=[layout.mpl_text(term) for term in shown])
            ax.set_ylim(n_rows - 0.5, -0.5)
            ax.tick_params(axis="y", length=0)
            ax.set_title("\n".join(layout.mpl_text(line) for line in wrap_measured(
                group, layout.figure_width(width) / ncols - 0.3, size=9, shown=layout.mpl_text)),
                linespacing=layout.LINESPACING)
            ax.grid(axis="x", lw=0.4, color=LIGHT_GREY)
            ax.set_axisbelow(True)
            if lang == "ar":
                ax.invert_xaxis()  # bars grow leftwards from the labels on the right
                layout.labels_right(ax)
        other = label("rest", lang, labels) if reference == "rest" else isolate(reference)
        note = ("\n" + layout.mpl_text(label("note:hidden_terms", lang).format(
            k=len(hidden))) if hidden else "")
        fig.supxlabel(
            layout.mpl_text(label("axis:z", lang, labels).format(reference=other)) + note,
            fontsize="medium",
        )
    return fig
