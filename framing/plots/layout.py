"""Shared layout of the paper figures: labels, tick labels, panels, legends, directions.

Every figure module of :mod:`framing.plots` builds on these, so that outlet names, the small-n
dagger, Arabic reading order and legends behave the same in every figure.
"""

from __future__ import annotations

import math
import textwrap

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
    lines = textwrap.wrap(text, chars) or [text]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += "…"
    return lines


def group_ticklabel(name, lang, n=None, small=None, newline=True, chars=None):
    """``name† (n=12)``: each line of the name isolated, so that an Arabic name keeps its own
    order while the dagger and count follow the figure's direction."""
    lines = [isolate(line) for line in wrap(name, chars)]
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
    if lang == "ar":
        if kwargs.get("ncols", 1) > 1:
            handles, labels = handles[::-1], labels[::-1]
        kwargs.setdefault("markerfirst", False)
    return fig.legend(handles, labels, **kwargs)


def marker_handles(colors, keys, marker, lang, labels, ms=5):
    """Legend handles: one marker per key, in its colour, labelled in the figure's language."""
    from matplotlib.lines import Line2D

    return [Line2D([], [], ls="", marker=marker, ms=ms, color=colors[k],
                   label=shown_label(k, lang, labels)) for k in keys]


def legend_below(fig, lang, handles, title):
    """A one-row legend under the figure, with a small title (already a display string)."""
    return legend(fig, lang, handles, loc="outside lower center", ncols=len(handles),
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
