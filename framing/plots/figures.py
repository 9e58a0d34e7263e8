"""Paper figures from the tidy tables of :mod:`framing.compare`.

Each function takes one table, returns a :class:`matplotlib.figure.Figure` (not registered with
pyplot: nothing leaks in a loop, and Jupyter shows it once) and leaves saving to
:func:`framing.plots.style.save_figure`.

Common parameters
-----------------
by : str, optional
    The group column; default the table's first column (``outlet`` for ``by="outlet"``).
lang : {"en", "ar"}, default "en"
    Language of axis labels and category names. ``"ar"`` also mirrors the layout for a
    right-to-left reader: category labels on the right, outlets and panels ordered right to
    left (time still runs left to right, as in Arabic newspapers' charts).
width : {"single", "double"} or float, default "double"
    3.5 in (one column) or 7.2 in (two columns); heights follow the content.
labels : mapping, optional
    Overrides for :func:`framing.plots.labels.label` (``{"stance:haftar": "Haftar"}``).
arabic_font : {"sans", "naskh"}, default "sans"
    Noto Sans Arabic or Noto Naskh Arabic (both shipped).

Arabic text (outlet names, terms, actor labels) is passed to matplotlib through
:func:`framing.plots.arabic.arabic_display`, so it is joined and right to left on every
matplotlib version.
"""

from __future__ import annotations

import math
import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import PercentFormatter

from ..compare._common import STANCE_LABELS, require_columns
from .arabic import arabic_display, isolate
from .labels import label
from .style import (
    CONNOTATION_COLORS,
    GREY,
    LIGHT_GREY,
    PALETTE,
    SEQUENTIAL,
    STANCE_COLORS,
    TONE_COLORS,
    figure_style,
    figure_width,
)

_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")
_STANCE_MARKERS = {"pro": "o", "con": "s", "neutral": "D", "absent": "^", "mixed": "v"}
_DIRECTION = {"en": "ltr", "ar": "rtl"}


# -- helpers ------------------------------------------------------------------------------------

def _t(text):
    return arabic_display(text, "matplotlib")


def _lab(key, lang, labels):
    return _t(label(key, lang, labels))


def _new_figure(width, height):
    return Figure(figsize=(figure_width(width), height), layout="constrained")


def _group_col(table, by):
    return by if by is not None else table.columns[0]


def _in_order(values):
    """Distinct values in order of first appearance."""
    return list(dict.fromkeys(values))


def _group_info(table, gcol):
    """Per group: largest ``n_articles`` and whether any estimate was flagged ``small_n``."""
    n = table.groupby(gcol, sort=False)["n_articles"].max() if "n_articles" in table else None
    small = table.groupby(gcol, sort=False)["small_n"].any() if "small_n" in table else None
    return n, small


def _column_chars(width, n_columns, reserved_in):
    """How many characters of a 7 pt label fit in one of ``n_columns`` columns."""
    column_in = (figure_width(width) - reserved_in) / max(n_columns, 1)
    return max(8, int(column_in * 72 / 3.6))  # about 3.6 pt per character at 7 pt


def _wrap(text, chars=None, max_lines=3):
    """Lines of at most ``chars`` characters (words kept whole); an ellipsis marks a cut."""
    text = str(text)
    if not chars:
        return [text]
    lines = textwrap.wrap(text, chars) or [text]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += "…"
    return lines


def _group_ticklabel(name, lang, n=None, small=None, newline=True, chars=None):
    """``name† (n=12)``: each line of the name isolated, so that an Arabic name keeps its own
    order while the dagger and count follow the figure's direction."""
    lines = [isolate(line) for line in _wrap(name, chars)]
    lines[-1] += "†" if small is not None and small.get(name, False) else ""
    text = "\n".join(lines)
    if n is not None and name in n.index:
        text += ("\n" if newline else " ") + f"(n={int(n[name])})"
    return "\n".join(arabic_display(line, base=_DIRECTION[lang]) for line in text.split("\n"))


def _small_note(small, lang, min_n=10):
    if small is None or not small.any():
        return ""
    return "\n" + _t(label("note:small_n", lang).format(n=min_n))


def _labels_right(ax, show=True):
    """Put the y tick labels on the right (Arabic reading order)."""
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
    ax.spines["right"].set_visible(True)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", labelright=show, labelleft=False)


def _grid_shape(n_panels, width, cols_double, cols_single):
    """(rows, columns) of a panel grid: more columns on a double-column figure."""
    ncols = max(1, min(n_panels, cols_double if figure_width(width) >= 6 else cols_single))
    return math.ceil(n_panels / ncols), ncols


def _panel_grid(fig, n_panels, shape, lang, **kwargs):
    """Subplots for ``n_panels`` panels, listed in reading order (right to left for Arabic)."""
    axes = fig.subplots(*shape, squeeze=False, **kwargs)
    order = [row[::-1] if lang == "ar" else row for row in axes.tolist()]
    flat = [ax for row in order for ax in row]
    for ax in flat[n_panels:]:
        ax.set_visible(False)
    return flat[:n_panels]


# The Noto Arabic fonts have tall ascenders and descenders (for stacked marks); at matplotlib's
# default line spacing (1.2) multi-line labels look double-spaced.
_LINESPACING = 0.95


def _compact_lines(texts):
    for text in texts:
        text.set_linespacing(_LINESPACING)


def _bold_ticks(ax, flags):
    """Bold the y tick labels where ``flags`` is true (on either side of the axes)."""
    for tick, bold in zip(ax.yaxis.get_major_ticks(), flags):
        if bold:
            tick.label1.set_fontweight("bold")
            tick.label2.set_fontweight("bold")


def _legend(fig, lang, handles=None, labels=None, **kwargs):
    """A figure legend that reads in the figure's direction: for Arabic, a row of entries runs
    right to left and markers stand to the right of their text."""
    if handles is None:
        handles, labels = fig.axes[0].get_legend_handles_labels()
    if labels is None:
        labels = [h.get_label() for h in handles]
    if lang == "ar":
        if kwargs.get("ncols", 1) > 1:
            handles, labels = handles[::-1], labels[::-1]
        kwargs.setdefault("markerfirst", False)
    return fig.legend(handles, labels, **kwargs)


def _check_lang(lang):
    if lang not in ("en", "ar"):
        raise ValueError(f"lang must be 'en' or 'ar', not {lang!r}")


# -- figures ------------------------------------------------------------------------------------

def outlet_topic_heatmap(shares, *, by=None, lang="en", width="double", labels=None,
                         annotate=True, min_n=10, arabic_font="sans"):
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
        See the module docstring.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from framing.compare import topic_shares
    >>> arts = pd.DataFrame({"outlet": ["A", "B"] * 6, "topic:elections": [1, 0] * 6})
    >>> fig = outlet_topic_heatmap(topic_shares(arts, n_boot=0, min_n=1))
    """
    _check_lang(lang)
    gcol = _group_col(shares, by)
    require_columns(shares, [gcol, "topic", "share"], table="topic shares")
    topics = _in_order(shares["topic"])
    outlets = _in_order(shares[gcol])
    if lang == "ar":
        outlets = outlets[::-1]
    grid = (shares.pivot_table(index="topic", columns=gcol, values="share", aggfunc="first",
                               dropna=False)
            .reindex(index=topics, columns=outlets).to_numpy(dtype=float))
    n, small = _group_info(shares, gcol)
    sentences = "measure" in shares and (shares["measure"] == "sentences").all()
    vmax = max(np.nanmax(grid), 1e-9) if sentences else 1.0

    with figure_style(arabic_font):
        fig = _new_figure(width, 1.0 + 0.27 * len(topics))
        ax = fig.add_subplot()
        image = ax.imshow(grid, cmap=SEQUENTIAL, vmin=0, vmax=vmax, aspect="auto")
        chars = _column_chars(width, len(outlets), 2.8)
        ax.set_xticks(range(len(outlets)),
                      labels=[_group_ticklabel(o, lang, n, small, chars=chars) for o in outlets])
        _compact_lines(ax.get_xticklabels())
        ax.set_yticks(range(len(topics)),
                      labels=[_lab(f"topic:{t}", lang, labels) for t in topics])
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        if annotate:
            for (i, j), value in np.ndenumerate(grid):
                text = "–" if np.isnan(value) else f"{value:.0%}"
                dark = not np.isnan(value) and value / vmax > 0.55
                ax.text(j, i, text, ha="center", va="center", fontsize="small",
                        color="white" if dark else "black")
        bar = fig.colorbar(image, ax=ax, location="left" if lang == "ar" else "right",
                           fraction=0.05, pad=0.02, format=PercentFormatter(1.0))
        bar.outline.set_visible(False)
        bar.set_label(_lab("axis:sentence_share" if sentences else "axis:share", lang, labels))
        ax.set_xlabel(_lab("axis:outlet", lang, labels) + _small_note(small, lang, min_n))
        if lang == "ar":
            _labels_right(ax)
            ax.spines["right"].set_visible(False)
    return fig


def stance_by_outlet(stance_dist, *, by=None, targets=None, lang="en", width="double",
                     labels=None, min_n=10, ci=0.95, arabic_font="sans"):
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
        See the module docstring.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_lang(lang)
    gcol = _group_col(stance_dist, by)
    require_columns(stance_dist, [gcol, "target", "label", "proportion"], table="stance")
    targets = list(targets) if targets is not None else _in_order(stance_dist["target"])
    stance_labels = [s for s in STANCE_LABELS if s in set(stance_dist["label"])]
    stance_labels += [s for s in _in_order(stance_dist["label"]) if s not in stance_labels]
    outlets = _in_order(stance_dist[gcol])
    n, small = _group_info(stance_dist, gcol)
    offsets = np.linspace(-0.27, 0.27, len(stance_labels)) if len(stance_labels) > 1 else [0.0]
    has_ci = {"ci_low", "ci_high"} <= set(stance_dist.columns)

    with figure_style(arabic_font):
        nrows, ncols = _grid_shape(len(targets), width, 4, 2)
        fig = _new_figure(width, 0.8 + nrows * (0.35 + 0.5 * len(outlets)))
        panels = _panel_grid(fig, len(targets), (nrows, ncols), lang, sharex=True, sharey=True)
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
                ax.errorbar(p, y, xerr=err, fmt=_STANCE_MARKERS.get(stance, "o"), ms=3.2,
                            lw=0.9, capsize=0, color=STANCE_COLORS.get(stance, GREY),
                            mec="black" if stance == "absent" else None, mew=0.3,
                            label=_lab(stance, lang, labels))
            ax.set_title(_lab(f"stance:{target}", lang, labels))
            ax.set_xlim(-0.03, 1.03)
            ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
            ax.set_xticks([0, 0.5, 1])
            ax.grid(axis="x", lw=0.4, color=LIGHT_GREY)
            ax.set_axisbelow(True)
            for y in np.arange(len(outlets) - 1) + 0.5:
                ax.axhline(y, color=LIGHT_GREY, lw=0.4)
            col = k % ncols
            if lang == "ar":
                _labels_right(ax, show=col == 0)  # panel 0 of each row is the rightmost
        first = panels[0]
        first.set_yticks(range(len(outlets)),
                         labels=[_group_ticklabel(o, lang, n, small, newline=False)
                                 for o in outlets])
        first.set_ylim(len(outlets) - 0.5, -0.5)  # first outlet on top
        first.tick_params(axis="y", length=0)
        handles, names = first.get_legend_handles_labels()
        _legend(fig, lang, handles, names, loc="outside upper center", ncols=len(stance_labels))
        note = _t(label("note:ci", lang).format(ci=ci)) if has_ci else ""
        fig.supxlabel(_lab("axis:proportion", lang, labels) + (f" ({note})" if note else "")
                      + _small_note(small, lang, min_n), fontsize="medium")
    return fig


def tone_over_time(tone_df, *, by=None, lang="en", width="double", labels=None, band=True,
                   arabic_font="sans"):
    """Mean tone per period and outlet: lines with bootstrap bands.

    Parameters
    ----------
    tone_df : pandas.DataFrame
        Output of :func:`framing.compare.tone_over_time`.
    band : bool, default True
        Shade the bootstrap interval of each outlet's series.
    by, lang, width, labels, arabic_font
        See the module docstring.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_lang(lang)
    gcol = _group_col(tone_df, by)
    require_columns(tone_df, [gcol, "period", "mean_tone"], table="tone")
    data = tone_df.assign(period=pd.to_datetime(tone_df["period"]))
    totals = data.groupby(gcol, sort=False)["n_articles"].sum() if "n_articles" in data else None
    has_ci = band and {"ci_low", "ci_high"} <= set(data.columns)

    with figure_style(arabic_font):
        fig = _new_figure(width, 2.4 if figure_width(width) >= 6 else 2.2)
        ax = fig.add_subplot()
        for i, (name, rows) in enumerate(data.groupby(gcol, sort=False)):
            rows = rows.sort_values("period")
            color = PALETTE[i % len(PALETTE)]
            if has_ci and len(rows) > 1:
                ax.fill_between(rows["period"], rows["ci_low"], rows["ci_high"], color=color,
                                alpha=0.15, lw=0)
            ax.plot(rows["period"], rows["mean_tone"], marker=_MARKERS[i % len(_MARKERS)], ms=3,
                    lw=1, color=color, label=_group_ticklabel(name, lang, totals, newline=False))
        ax.axhline(0, color=GREY, lw=0.6, zorder=0)
        values = data[["mean_tone"] + (["ci_low", "ci_high"] if has_ci else [])].to_numpy(float)
        lo, hi = np.nanmin(values), np.nanmax(values)
        ax.set_ylim(max(-1.05, lo - 0.1), min(1.05, hi + 0.1))
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_ylabel(_lab("axis:mean_tone", lang, labels))
        ax.set_xlabel(_lab("axis:date", lang, labels))
        _legend(fig, lang, loc="outside left upper" if lang == "ar" else "outside right upper")
        if lang == "ar":
            _labels_right(ax)
    return fig


def _dot_area(share):
    """Marker area (pt²) for a share: proportional, with a floor so that small shares show."""
    return 8 + 110 * share


def actor_labels_by_outlet(table, *, by=None, actors=None, max_actors=6, max_labels=5,
                           lang="en", width="double", labels=None, arabic_font="sans"):
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
        See the module docstring.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_lang(lang)
    gcol = _group_col(table, by)
    require_columns(table, [gcol, "actor", "label", "connotation", "count", "share"],
                    table="actor label")
    totals = table.groupby("actor", sort=True)["count"].sum().sort_values(ascending=False,
                                                                          kind="stable")
    actors = list(actors) if actors is not None else list(totals.index[:max_actors])
    outlets = _in_order(table[gcol])
    if lang == "ar":
        outlets = outlets[::-1]
    rows = []  # (actor, label or None for the actor's heading row)
    for actor in actors:
        sub = table.loc[table["actor"] == actor]
        used = sub.groupby("label", sort=True)["count"].sum().sort_values(ascending=False,
                                                                         kind="stable")
        rows += [(actor, None)] + [(actor, lab) for lab in used.index[:max_labels]]
    cells = table.set_index([gcol, "actor", "label"])

    with figure_style(arabic_font):
        fig = _new_figure(width, 0.9 + 0.2 * len(rows))
        ax = fig.add_subplot()
        for y, (actor, lab) in enumerate(rows):
            if lab is None:
                continue
            for x, outlet in enumerate(outlets):
                if (outlet, actor, lab) not in cells.index:
                    continue
                cell = cells.loc[(outlet, actor, lab)]
                color = CONNOTATION_COLORS.get(cell["connotation"], GREY)
                ax.scatter(x, y, s=_dot_area(float(cell["share"])), color=color, lw=0)
                ax.annotate(str(int(cell["count"])), (x, y), xytext=(-7 if lang == "ar" else 7, 0),
                            textcoords="offset points", va="center", fontsize=5.5, color=GREY,
                            ha="right" if lang == "ar" else "left")
        ticklabels = [_lab(f"actor:{a}", lang, labels) if lab is None else _t(lab)
                      for a, lab in rows]
        ax.set_yticks(range(len(rows)), labels=ticklabels)
        _bold_ticks(ax, [lab is None for _, lab in rows])
        for y, (_, lab) in enumerate(rows):
            if lab is None and y:
                ax.axhline(y - 0.5, color=LIGHT_GREY, lw=0.5)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_xlim(-0.5, len(outlets) - 0.5)
        ax.xaxis.tick_top()
        chars = _column_chars(width, len(outlets), 1.9)
        ax.set_xticks(range(len(outlets)),
                      labels=[_group_ticklabel(o, lang, chars=chars) for o in outlets])
        _compact_lines(ax.get_xticklabels())
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        if lang == "ar":
            _labels_right(ax)
            ax.spines["right"].set_visible(False)
        connotations = [c for c in CONNOTATION_COLORS if c in set(table["connotation"])]
        handles = [Line2D([], [], ls="", marker="o", ms=5, color=CONNOTATION_COLORS[c],
                          label=_lab(c, lang, labels)) for c in connotations]
        handles += [Line2D([], [], ls="", marker="o", color=GREY, ms=math.sqrt(_dot_area(s)),
                           label=f"{s:.0%}") for s in (0.25, 0.5, 1.0)]
        _legend(fig, lang, handles, loc="outside lower center", ncols=len(handles),
                title=_lab("legend:actor_dots", lang, labels), title_fontsize="small")
    return fig


def distinctive_terms_plot(terms, n=10, *, by=None, lang="en", width="double", labels=None,
                           arabic_font="sans"):
    """The ``n`` most distinctive terms of each outlet: bars of log-odds z-scores.

    Parameters
    ----------
    terms : pandas.DataFrame
        Output of :func:`framing.compare.distinctive_terms`.
    n : int, default 10
        Terms per outlet (those with positive z only), shown in their most frequent spelling
        (the ``example`` column) where the table has it.
    by, lang, width, labels, arabic_font
        See the module docstring.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_lang(lang)
    gcol = _group_col(terms, by)
    require_columns(terms, [gcol, "term", "z", "rank"], table="distinctive terms")
    groups = _in_order(terms[gcol])
    tops = {g: terms.loc[(terms[gcol] == g) & (terms["z"] > 0)].nsmallest(n, "rank")
            for g in groups}
    n_rows = max([len(t) for t in tops.values()] + [1])
    reference = _in_order(terms["reference"])[0] if "reference" in terms else "rest"

    with figure_style(arabic_font):
        nrows, ncols = _grid_shape(len(groups), width, 3, 1)
        fig = _new_figure(width, nrows * (0.45 + 0.16 * n_rows) + 0.35)
        panels = _panel_grid(fig, len(groups), (nrows, ncols), lang, sharex=True)
        for i, (ax, group) in enumerate(zip(panels, groups)):
            top = tops[group]
            y = np.arange(len(top))
            ax.barh(y, top["z"], color=PALETTE[i % len(PALETTE)], height=0.7)
            shown = top["example"] if "example" in top else top["term"]
            ax.set_yticks(y, labels=[_t(term) for term in shown])
            ax.set_ylim(n_rows - 0.5, -0.5)
            ax.tick_params(axis="y", length=0)
            ax.set_title(_t(group))
            ax.grid(axis="x", lw=0.4, color=LIGHT_GREY)
            ax.set_axisbelow(True)
            if lang == "ar":
                ax.invert_xaxis()  # bars grow leftwards from the labels on the right
                _labels_right(ax)
        other = label("rest", lang, labels) if reference == "rest" else isolate(reference)
        fig.supxlabel(_t(label("axis:z", lang, labels).format(reference=other)),
                      fontsize="medium")
    return fig


def event_panel(profile, *, by=None, max_actors=6, lang="en", width="double", labels=None,
                title=None, arabic_font="sans"):
    """One event across outlets: a matrix of topics, stances, tone and actor labels.

    Rows are fields in four sections, columns outlets. Topics: a dot whose area is the share of
    the outlet's event articles addressing the topic (a small ring: not addressed). Stance and
    tone: the label, on its colour. Actor labels: the label the outlet used most, coloured by
    connotation.

    Parameters
    ----------
    profile : pandas.DataFrame
        Output of :func:`framing.compare.event_profile`.
    max_actors : int, default 6
        Actors shown (the ones most outlets name first).
    title : str, optional
        A title, e.g. the event's name.
    by, lang, width, labels, arabic_font
        See the module docstring.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_lang(lang)
    gcol = _group_col(profile, by)
    require_columns(profile, [gcol, "kind", "field", "value", "share"], table="event profile")
    outlets = _in_order(profile[gcol])
    if lang == "ar":
        outlets = outlets[::-1]
    actor_rows = profile.loc[profile["kind"] == "actor"]
    keep_actors = list(actor_rows.groupby("field", sort=True).size()
                       .sort_values(ascending=False, kind="stable").index[:max_actors])
    rows = []  # (kind, field or None for a section heading)
    for kind in ("topic", "stance", "tone", "actor"):
        fields = _in_order(profile.loc[profile["kind"] == kind, "field"])
        if kind == "actor":
            fields = [f for f in fields if f in keep_actors]
        if fields:
            rows += [(kind, None)] + [(kind, f) for f in fields]
    cells = profile.drop_duplicates([gcol, "kind", "field"]).set_index([gcol, "kind", "field"])
    n = profile.groupby(gcol, sort=False)["n_articles"].max() if "n_articles" in profile else None
    # Actor labels can be long: wrap them to the column width (the row labels take ~1.6 in)
    # and give each actor row the height of its longest label.
    chars = _column_chars(width, len(outlets), 1.6)
    wrapped = {key: "\n".join(_wrap(value, chars))
               for key, value in zip(zip(profile[gcol], profile["kind"], profile["field"]),
                                     profile["value"]) if key[1] == "actor"}
    heights = []
    for kind, field in rows:
        lines = max([wrapped[(o, kind, field)].count("\n") + 1 for o in outlets
                     if (o, kind, field) in wrapped] + [1])
        heights.append(max(1.0, 0.8 * lines + 0.5) if kind == "actor" and field else 1.0)
    y_pos = np.cumsum([0] + heights[:-1]) + np.array(heights) / 2 - 0.5
    header = [_group_ticklabel(o, lang, n, chars=chars) for o in outlets]
    header_lines = max(h.count("\n") + 1 for h in header)
    # Fixed parts (outlet header, title, legend) plus 0.19 in per row unit.
    fixed_in = 0.3 + 0.17 * header_lines + (0.25 if title else 0) + (0.5 if len(actor_rows) else 0)

    with figure_style(arabic_font):
        fig = _new_figure(width, fixed_in + 0.19 * sum(heights))
        ax = fig.add_subplot()
        for (kind, field), y in zip(rows, y_pos):
            if field is None:
                continue
            for x, outlet in enumerate(outlets):
                key = (outlet, kind, field)
                if key not in cells.index:
                    continue
                cell = cells.loc[key]
                value, share = cell["value"], cell["share"]
                if kind == "topic":
                    present = bool(share > 0)
                    ax.scatter(x, y, s=12 + 60 * share if present else 14,
                               facecolor=PALETTE[0] if present else "none",
                               edgecolor=PALETTE[0] if present else GREY, lw=0.6)
                elif kind in ("stance", "tone"):
                    colors = STANCE_COLORS if kind == "stance" else TONE_COLORS
                    dark = value in ("pro", "con", "mixed", "positive", "negative")
                    # A box of fixed size in data units: rows never overlap, whatever the font.
                    ax.add_patch(Rectangle((x - 0.4, y - 0.42), 0.8, 0.84, lw=0,
                                           fc=colors.get(value, LIGHT_GREY)))
                    ax.text(x, y, _lab(value, lang, labels), ha="center", va="center",
                            fontsize="small", color="white" if dark else "black")
                else:
                    ax.text(x, y, _t(wrapped[key]), ha="center", va="center", fontsize="small",
                            color=CONNOTATION_COLORS.get(cell["connotation"], GREY),
                            linespacing=_LINESPACING)
        ticklabels = []
        for kind, field in rows:
            if field is None:
                ticklabels.append(_lab(f"kind:{kind}", lang, labels))
            elif kind == "tone":
                ticklabels.append(_lab("tone:overall", lang, labels))
            else:
                prefix = {"topic": "topic", "stance": "stance", "actor": "actor"}[kind]
                ticklabels.append(_lab(f"{prefix}:{field}", lang, labels))
        ax.set_yticks(y_pos, labels=ticklabels)
        _bold_ticks(ax, [field is None for _, field in rows])
        for (kind, field), y, h in zip(rows, y_pos, heights):
            if field is None and y > 0:
                ax.axhline(y - h / 2, color=LIGHT_GREY, lw=0.5)
        ax.set_ylim(sum(heights) - 0.5, -0.5)
        ax.set_xlim(-0.5, len(outlets) - 0.5)
        ax.xaxis.tick_top()
        ax.set_xticks(range(len(outlets)), labels=header)
        _compact_lines(ax.get_xticklabels())
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        if lang == "ar":
            _labels_right(ax)
            ax.spines["right"].set_visible(False)
        if title:
            ax.set_title(_t(title))
        if not actor_rows.empty:
            handles = [Line2D([], [], ls="", marker="s", ms=5, color=CONNOTATION_COLORS[c],
                              label=_lab(c, lang, labels)) for c in CONNOTATION_COLORS]
            _legend(fig, lang, handles, loc="outside lower center", ncols=len(handles),
                    title=_lab("kind:actor", lang, labels), title_fontsize="small")
    return fig
