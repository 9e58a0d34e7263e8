"""How outlets name actors: a dot matrix of the labels each outlet uses for each actor."""

from __future__ import annotations

import math

from matplotlib.lines import Line2D

from . import layout
from .labels import label
from .style import CONNOTATION_COLORS, GREY, LIGHT_GREY, figure_style


def _dot_area(share):
    """Marker area (pt²) for a share: proportional, with a floor so that small shares show."""
    return 8 + 110 * share


def actor_labels_by_outlet(
    table,
    *,
    by=None,
    actors=None,
    max_actors=6,
    max_labels=5,
    lang="en",
    width="double",
    labels=None,
    arabic_font="sans",
):
    """Dot matrix of the labels each outlet uses for each actor.

    Rows are an actor's labels (grouped under the actor's name), columns outlets; a dot's area
    is the label's share of the actor's mentions in that outlet, its colour the label's
    connotation, and the number beside it the mention count.

    Parameters
    ----------
    table : pandas.DataFrame
        Output of :func:`framing.compare.actor_label_table`.
    actors : list of str, optional
        Actors to show, in order; default the ``max_actors`` most mentioned.
    max_actors : int, default 6
    max_labels : int, default 5
        Most used labels per actor (over all outlets); the rest are left out.
    by, lang, width, labels, arabic_font
        See :mod:`framing.plots` (common parameters).

    Returns
    -------
    matplotlib.figure.Figure
    """
    gcol = layout.figure_input(
        table, by, lang, ["actor", "label", "connotation", "count", "share"], "actor label"
    )
    totals = (
        table.groupby("actor", sort=True)["count"]
        .sum()
        .sort_values(ascending=False, kind="stable")
    )
    actors = list(actors) if actors is not None else list(totals.index[:max_actors])
    outlets = layout.in_order(table[gcol])
    mentions = table.groupby(gcol, sort=False)["count"].sum()
    with figure_style(arabic_font):
        outlets, fit, left_out = layout.fit_or_fewer(outlets, width, 1.9, mentions, lang=lang)
    if lang == "ar":
        outlets = outlets[::-1]
    rows = []  # (actor, label or None for the actor's heading row)
    for actor in actors:
        sub = table.loc[table["actor"] == actor]
        used = (
            sub.groupby("label", sort=True)["count"]
            .sum()
            .sort_values(ascending=False, kind="stable")
        )
        rows += [(actor, None)] + [(actor, lab) for lab in used.index[:max_labels]]
    cells = table.set_index([gcol, "actor", "label"])

    with figure_style(arabic_font):
        fig = layout.new_figure(width, 0.9 + 0.2 * len(rows) + layout.header_height(fit))
        column_in = (layout.figure_width(width) - 1.9) / max(len(outlets), 1)
        scale = min(1.0, (column_in / 0.45) ** 2)  # dots of narrow columns shrink ...
        counts = column_in >= 0.32  # ... and their counts go (they are in the figure's CSV)
        ax = fig.add_subplot()
        for y, (actor, lab) in enumerate(rows):
            if lab is None:
                continue
            for x, outlet in enumerate(outlets):
                if (outlet, actor, lab) not in cells.index:
                    continue
                cell = cells.loc[(outlet, actor, lab)]
                color = CONNOTATION_COLORS.get(cell["connotation"], GREY)
                ax.scatter(x, y, s=_dot_area(float(cell["share"])) * scale, color=color, lw=0)
                if counts:
                    ax.annotate(
                        str(int(cell["count"])),
                        (x, y),
                        xytext=(-7 if lang == "ar" else 7, 0),
                        textcoords="offset points",
                        va="center",
                        fontsize=5.5,
                        color=GREY,
                        ha="right" if lang == "ar" else "left",
                    )
        ticklabels = [
            layout.shown_label(f"actor:{a}", lang, labels) if lab is None else layout.mpl_text(lab)
            for a, lab in rows
        ]
        ax.set_yticks(range(len(rows)), labels=ticklabels)
        layout.bold_ticks(ax, [lab is None for _, lab in rows])
        for y, (_, lab) in enumerate(rows):
            if lab is None and y:
                ax.axhline(y - 0.5, color=LIGHT_GREY, lw=0.5)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_xlim(-0.5, len(outlets) - 0.5)
        ax.xaxis.tick_top()
        layout.set_group_xticks(ax, outlets, fit, lang, top=True)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        if lang == "ar":
            layout.labels_right(ax)
            ax.spines["right"].set_visible(False)
        connotations = [c for c in CONNOTATION_COLORS if c in set(table["connotation"])]
        handles = layout.marker_handles(CONNOTATION_COLORS, connotations, "o", lang, labels)
        handles += [
            Line2D(
                [], [], ls="", marker="o", color=GREY, ms=math.sqrt(_dot_area(s) * scale), label=f"{s:.0%}"
            )
            for s in (0.25, 0.5, 1.0)
        ]
        title = layout.shown_label("legend:actor_dots", lang, labels)
        if left_out:
            title += "\n" + layout.mpl_text(label("note:fewer_outlets", lang).format(
                k=len(left_out)))
        layout.legend_below(fig, lang, handles, title)
    return fig
