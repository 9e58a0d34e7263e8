"""Shared layout of the paper figures: labels, tick labels, panels, legends, directions.

Every figure module of :mod:`framing.plots` builds on these, so that outlet names, the small-n
dagger, Arabic reading order and legends behave the same in every figure.
"""

from __future__ import annotations

import math
import textwrap

import numpy as np

from matplotlib.figure import Figure

from ..errors import check_choice
from ..schema import require_columns
from .arabic import arabic_display, isolate
from .labels import label
from .style import figure_width

MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*")
STANCE_MARKERS = {"pro": "o", "con": "s", "neutral": "D", "absent": "^", "mixed": "v"}
DIRECTION = {"en": "ltr", "ar": "rtl"}


def mpl_text(text):
    """``text`` as matplotlib must be given it (:func:`framing.plots.arabic.arabic_display`)."""
    return arabic_display(text, "matplotlib")


def shown_label(key, lang, labels):
    """The display label of ``key`` (:func:`framing.plots.labels.label`), ready for matplotlib."""
    return mpl_text(label(key, lang, labels))


def new_figure(width, height):
    return Figure(figsize=(figure_width(width), height), layout="constrained")


def group_col(table, by):
    return by if by is not None else table.columns[0]


def in_order(values):
    """Distinct values in order of first appearance."""
    return list(dict.fromkeys(values))


def group_info(table, gcol):
    """Per group: largest ``n_articles`` and whether any estimate was flagged ``small_n``."""
    n = table.groupby(gcol, sort=False)["n_articles"].max() if "n_articles" in table else None
    small = table.groupby(gcol, sort=False)["small_n"].any() if "small_n" in table else None
    return n, small


def column_chars(width, n_columns, reserved_in):
    """How many characters of a 7 pt label fit in one of ``n_columns`` columns."""
    column_in = (figure_width(width) - reserved_in) / max(n_columns, 1)
    return max(8, int(column_in * 72 / 3.6))  # about 3.6 pt per character at 7 pt


def wrap(text, chars=None, max_lines=3):
    """Lines of at most ``chars`` characters (words kept whole); an ellipsis marks a cut."""
    text = str(text)
    if not chars:
        return [text]
    # Words are never cut (an outlet name split as "aleqtisa/diya" reads as two names).
    lines = textwrap.wrap(text, chars, break_long_words=False, break_on_hyphens=False) or [text]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += "…"
    return lines


def group_ticklabel(name, lang, n=None, small=None, newline=True, chars=None, lines=None):
    """``name† (n=12)``: each line of the name isolated, so that an Arabic name keeps its own
    order while the dagger and count follow the figure's direction. ``lines``: the name's lines
    as :func:`framing.plots.ticks.fit_columns` wrapped them (else :func:`wrap` at ``chars``)."""
    lines = [isolate(line) for line in (lines if lines is not None else wrap(name, chars))]
    lines[-1] += "†" if small is not None and small.get(name, False) else ""
    text = "\n".join(lines)
    if n is not None and name in n.index:
        text += ("\n" if newline else " ") + f"(n={int(n[name])})"
    return "\n".join(arabic_display(line, base=DIRECTION[lang]) for line in text.split("\n"))


def small_note(small, lang, min_n=10):
    if small is None or not small.any():
        return ""
    return "\n" + mpl_text(label("note:small_n", lang).format(n=min_n))


def labels_right(ax, show=True):
    """Put the y tick labels on the right (Arabic reading order)."""
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
    ax.spines["right"].set_visible(True)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", labelright=show, labelleft=False)


def grid_shape(n_panels, width, cols_double, cols_single):
    """(rows, columns) of a panel grid: more columns on a double-column figure."""
    ncols = max(1, min(n_panels, cols_double if figure_width(width) >= 6 else cols_single))
    return math.ceil(n_panels / ncols), ncols


def panel_grid(fig, n_panels, shape, lang, **kwargs):
    """Subplots for ``n_panels`` panels, listed in reading order (right to left for Arabic)."""
    axes = fig.subplots(*shape, squeeze=False, **kwargs)
    order = [row[::-1] if lang == "ar" else row for row in axes.tolist()]
    flat = [ax for row in order for ax in row]
    for ax in flat[n_panels:]:
        ax.set_visible(False)
    return flat[:n_panels]


# The Noto Arabic fonts have tall ascenders and descenders (for stacked marks); at matplotlib's
# default line spacing (1.2) multi-line labels look double-spaced.
LINESPACING = 0.95


def compact_lines(texts):
    for text in texts:
        text.set_linespacing(LINESPACING)


def bold_ticks(ax, flags):
    """Bold the y tick labels where ``flags`` is true (on either side of the axes)."""
    for tick, bold in zip(ax.yaxis.get_major_ticks(), flags):
        if bold:
            tick.label1.set_fontweight("bold")
            tick.label2.set_fontweight("bold")


def legend(fig, lang, handles=None, labels=None, **kwargs):
    """A figure legend that reads in the figure's direction: for Arabic, a row of entries runs
    right to left and markers stand to the right of their text."""
    if handles is None:
        handles, labels = fig.axes[0].get_legend_handles_labels()
    if labels is None:
        labels = [h.get_label() for h in handles]
    ncols = kwargs.get("ncols", 1)
    if ncols > 1 and len(handles) > ncols and len(handles) % ncols == 0:
        # Rows of entries in reading order; matplotlib fills a legend column by column.
        rows = [list(zip(handles, labels))[i:i + ncols] for i in range(0, len(handles), ncols)]
        rows = [row[::-1] for row in rows] if lang == "ar" else rows
        pairs = [row[c] for c in range(ncols) for row in rows]
        handles, labels = [h for h, _ in pairs], [lab for _, lab in pairs]
    elif lang == "ar" and ncols > 1:
        handles, labels = handles[::-1], labels[::-1]
    if lang == "ar":
        kwargs.setdefault("markerfirst", False)
    return fig.legend(handles, labels, **kwargs)


def marker_handles(colors, keys, marker, lang, labels, ms=5):
    """Legend handles: one marker per key, in its colour, labelled in the figure's language."""
    from matplotlib.lines import Line2D

    return [Line2D([], [], ls="", marker=marker, ms=ms, color=colors[k],
                   label=shown_label(k, lang, labels)) for k in keys]


def legend_below(fig, lang, handles, title):
    """A legend under the figure, with a small title (already a display string): one row on a
    double-column figure, rows of three on a single-column one (six entries overflow 3.5 in)."""
    ncols = len(handles) if fig.get_figwidth() >= 6 else min(len(handles), 3)
    return legend(fig, lang, handles, loc="outside lower center", ncols=ncols,
                  title=title, title_fontsize="small")


def figure_input(table, by, lang, columns, name):
    """Check a figure's inputs and return its group column: ``lang`` is ``en`` or ``ar``, and the
    table has the group column and ``columns`` (a :class:`framing.errors.SchemaError` names the
    first one missing)."""
    check_lang(lang)
    gcol = group_col(table, by)
    require_columns(table, [gcol, *columns], table=name)
    return gcol


def check_lang(lang):
    """Raise :class:`framing.errors.ParameterError` unless ``lang`` is ``en`` or ``ar``."""
    return check_choice("lang", lang, ("en", "ar"))


def fit_groups(names, width, reserved_in, n=None, lang="en"):
    """How the group names fit one column each (:func:`framing.plots.ticks.fit_columns`), with
    the ``(n=12)`` line when counts are shown; ``None`` when they do not fit."""
    from .ticks import fit_columns

    column_in = (figure_width(width) - reserved_in) / max(len(names), 1)
    extra = [f"(n={int(v)})" for v in n] if n is not None and len(n) else ()
    return fit_columns([str(x) for x in names], column_in, extra=extra, shown=mpl_text)


def set_group_xticks(ax, names, fit, lang, n=None, small=None, top=False):
    """Group names as x tick labels, laid out as ``fit`` says (horizontal or rotated)."""
    texts = [group_ticklabel(g, lang, n, small, lines=fit.lines[str(g)]) for g in names]
    ax.set_xticks(range(len(names)), labels=texts)
    labels_ = ax.get_xticklabels()
    compact_lines(labels_)
    if fit.rotation:
        for t in labels_:
            t.set_rotation(90)
            t.set_verticalalignment("bottom" if top else "top")
            t.set_horizontalalignment("center")
    return labels_


def fit_or_fewer(names, width, reserved_in, weights, n=None, lang="en"):
    """``(names kept, fit, names left out)``: all names when they fit one column each (see
    :func:`fit_groups`), else the heaviest (``weights``: a mapping name -> number) that fit
    rotated on one line; never a name cut inside a word."""
    from .ticks import Fit, line_height

    fit = fit_groups(names, width, reserved_in, n, lang)
    if fit is not None:
        return list(names), fit, []
    rows = 2 if n is not None else 1
    k = max(1, int((figure_width(width) - reserved_in) / (rows * line_height() / 0.9 * 1.05)))
    heavy = sorted(names, key=lambda g: -float(weights.get(g, 0)))[:k]
    kept = [g for g in names if g in heavy]
    sub_n = n.reindex(kept) if n is not None else None
    fit = fit_groups(kept, width, reserved_in, sub_n, lang) or Fit(90, {str(g): [str(g)]
                                                                      for g in kept})
    return kept, fit, [g for g in names if g not in heavy]


def header_height(fit):
    """Inches taken by group labels laid out as ``fit`` says, beyond one line of text."""
    from .ticks import line_height, text_width

    if fit.rotation:
        return max(text_width(mpl_text(line)) for lines in fit.lines.values() for line in lines)
    return (max(len(lines) for lines in fit.lines.values()) - 1) * line_height()


def interval_errors(rows, value):
    """``xerr`` of ``Axes.errorbar``: the distances from ``rows[value]`` down to ``ci_low`` and
    up to ``ci_high`` (0 where an interval is missing)."""
    p = rows[value].to_numpy(dtype=float)
    lo = np.nan_to_num(p - rows["ci_low"].to_numpy(dtype=float))
    hi = np.nan_to_num(rows["ci_high"].to_numpy(dtype=float) - p)
    return np.clip([lo, hi], 0, None)
