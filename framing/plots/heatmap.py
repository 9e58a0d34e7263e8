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
    n, small = layout.group_info(shares, gcol)
    sentences = "measure" in shares and (shares["measure"] == "sentences").all()
    grid = (
        shares.pivot_table(
            index="topic", columns=gcol, values="share", aggfunc="first", dropna=False
        )
        .reindex(index=topics, columns=outlets)
        .to_numpy(dtype=float)
    )
    vmax = max(np.nanmax(grid), 1e-9) if sentences else 1.0
    topic_names = [layout.shown_label(f"topic:{t}", lang, labels) for t in topics]

    with figure_style(arabic_font):
        # Outlets as columns while their names fit one column each, written horizontally and
        # wrapped at spaces; otherwise outlets become rows (names never cut or rotated).
        fit = layout.fit_groups(outlets, width, 2.8, n, lang)
        if fit is not None and fit.rotation == 0 and len(outlets) <= 12:
            return _draw(grid, outlets, topic_names, fit, False, n, small, sentences, vmax,
                         lang, width, labels, annotate, min_n)
        return _draw(grid.T, outlets, topic_names, None, True, n, small, sentences, vmax,
                     lang, width, labels, annotate, min_n)


def _draw(grid, outlets, topic_names, fit, outlet_rows, n, small, sentences, vmax, lang, width,
          labels, annotate, min_n):
    from .ticks import Fit, fit_columns, text_width

    col_names = topic_names if outlet_rows else outlets
    if lang == "ar":  # columns run right to left
        grid = grid[:, ::-1]
        col_names = col_names[::-1]
    if outlet_rows:
        row_labels = [layout.group_ticklabel(o, lang, n, small, newline=False) for o in outlets]
        reserved = 0.35 + max(text_width(t) for t in row_labels)
        tfit = fit_columns(col_names, (layout.figure_width(width) - reserved) / len(col_names),
                           shown=lambda s: s)
        tfit = tfit or Fit(90, {c: [c] for c in col_names})
        tlines = max(len(v) for v in tfit.lines.values())
        head = (max(text_width("\n".join(v)) for v in tfit.lines.values()) if tfit.rotation
                else tlines * 0.13)
        height = 1.05 + head + 0.19 * len(outlets)
    else:
        row_labels = topic_names
        height = 1.0 + 0.27 * len(topic_names) + 0.12 * max(len(v) for v in fit.lines.values())
    fig = layout.new_figure(width, height)
    ax = fig.add_subplot()
    image = ax.imshow(grid, cmap=SEQUENTIAL, vmin=0, vmax=vmax, aspect="auto")
    if outlet_rows:
        ax.set_xticks(range(len(col_names)),
                      labels=["\n".join(tfit.lines[c]) for c in col_names])
        ax.xaxis.tick_top()
        for t in ax.get_xticklabels():
            t.set_linespacing(layout.LINESPACING)
            if tfit.rotation:
                t.set_rotation(90)
                t.set_verticalalignment("bottom")
    else:
        layout.set_group_xticks(ax, col_names, fit, lang, n, small)
    ax.set_yticks(range(len(row_labels)), labels=row_labels)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if annotate:
        # Percent signs only where a cell has room for them (the colour bar says "%").
        cell_in = (layout.figure_width(width) - (reserved if outlet_rows else 2.8)) / grid.shape[1]
        for (i, j), value in np.ndenumerate(grid):
            text = "–" if np.isnan(value) else f"{value:.0%}" if cell_in > 0.32 else f"{value * 100:.0f}"
            dark = not np.isnan(value) and value / vmax > 0.55
            ax.text(j, i, text, ha="center", va="center",
                    fontsize="small" if cell_in > 0.22 else 5.5,
                    color="white" if dark else "black")
    # Outlets as rows: the colour bar goes under the matrix, leaving the width to the columns.
    location = "bottom" if outlet_rows else "left" if lang == "ar" else "right"
    bar = fig.colorbar(image, ax=ax, location=location, fraction=0.05 if not outlet_rows else 0.3,
                       shrink=1.0 if not outlet_rows else 0.6, aspect=20 if not outlet_rows else 30,
                       pad=0.02, format=PercentFormatter(1.0))
    bar.outline.set_visible(False)
    bar.set_label(
        layout.shown_label("axis:sentence_share" if sentences else "axis:share", lang, labels))
    note = layout.small_note(small, lang, min_n)
    if outlet_rows:
        if note:
            fig.supxlabel(note.strip(), fontsize="small")
    else:
        ax.set_xlabel(layout.shown_label("axis:outlet", lang, labels) + note)
    if lang == "ar":
        layout.labels_right(ax)
        ax.spines["right"].set_visible(False)
    return fig
