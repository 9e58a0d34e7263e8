"""Topics by outlet: a heatmap of the share of each outlet's articles that address each topic."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import PercentFormatter

from . import layout
from .style import SEQUENTIAL, figure_style


def outlet_topic_heatmap(
    shares,
    *,
    by=None,
    lang="en",
    width="double",
    labels=None,
    annotate=True,
    min_n=10,
    arabic_font="sans",
):
    """Heatmap of topic shares: topics (rows) by outlets (columns).

    Parameters
    ----------
    shares : pandas.DataFrame
        Output of :func:`framing.compare.topic_shares`.
    annotate : bool, default True
        Write each share (percent) in its cell.
    min_n : int, default 10
        The threshold named in the note under outlets flagged ``small_n`` (†).
    by, lang, width, labels, arabic_font
        See :mod:`framing.plots` (common parameters).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from framing.compare import topic_shares
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"outlet": ["A", "B"] * 6, "topic:elections": [1, 0] * 6})
    >>> fig = outlet_topic_heatmap(topic_shares(arts, n_boot=0, min_n=1))
    """
    gcol = layout.figure_input(shares, by, lang, ["topic", "share"], "topic shares")
    topics = layout.in_order(shares["topic"])
    outlets = layout.in_order(shares[gcol])
    if lang == "ar":
        outlets = outlets[::-1]
    grid = (
        shares.pivot_table(
            index="topic", columns=gcol, values="share", aggfunc="first", dropna=False
        )
        .reindex(index=topics, columns=outlets)
        .to_numpy(dtype=float)
    )
    n, small = layout.group_info(shares, gcol)
    sentences = "measure" in shares and (shares["measure"] == "sentences").all()
    vmax = max(np.nanmax(grid), 1e-9) if sentences else 1.0

    with figure_style(arabic_font):
        fig = layout.new_figure(width, 1.0 + 0.27 * len(topics))
        ax = fig.add_subplot()
        image = ax.imshow(grid, cmap=SEQUENTIAL, vmin=0, vmax=vmax, aspect="auto")
        chars = layout.column_chars(width, len(outlets), 2.8)
        ax.set_xticks(
            range(len(outlets)),
            labels=[layout.group_ticklabel(o, lang, n, small, chars=chars) for o in outlets],
        )
        layout.compact_lines(ax.get_xticklabels())
        ax.set_yticks(
            range(len(topics)),
            labels=[layout.shown_label(f"topic:{t}", lang, labels) for t in topics],
        )
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        if annotate:
            for (i, j), value in np.ndenumerate(grid):
                text = "–" if np.isnan(value) else f"{value:.0%}"
                dark = not np.isnan(value) and value / vmax > 0.55
                ax.text(
                    j,
                    i,
                    text,
                    ha="center",
                    va="center",
                    fontsize="small",
                    color="white" if dark else "black",
                )
        bar = fig.colorbar(
            image,
            ax=ax,
            location="left" if lang == "ar" else "right",
            fraction=0.05,
            pad=0.02,
            format=PercentFormatter(1.0),
        )
        bar.outline.set_visible(False)
        bar.set_label(
            layout.shown_label("axis:sentence_share" if sentences else "axis:share", lang, labels)
        )
        ax.set_xlabel(
            layout.shown_label("axis:outlet", lang, labels) + layout.small_note(small, lang, min_n)
        )
        if lang == "ar":
            layout.labels_right(ax)
            ax.spines["right"].set_visible(False)
    return fig
