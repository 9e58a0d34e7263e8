"""Measured tick labels: outlet names wrapped at spaces only, never inside a word.

A name is wrapped by its drawn width in the figure's fonts (measured with matplotlib's own Agg
renderer, so Arabic shaping and the Latin fallback font count), not by a guess of characters
per column. :func:`fit_columns` then says how names fit one column each: horizontally, rotated
by 90 degrees, or not at all (the figure then lays its groups out as rows, or shows fewer).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import matplotlib as mpl
from matplotlib.font_manager import FontProperties

#: Room left between two neighbouring labels, as a share of a column.
_GAP = 0.9


@functools.lru_cache(maxsize=1)
def _renderer():
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(10, 10, 72)  # 72 dpi: widths come out in points


def _prop(size=None):
    size = mpl.rcParams["xtick.labelsize"] if size is None else size
    return FontProperties(family=mpl.rcParams["font.family"], size=size)


@functools.lru_cache(maxsize=4096)
def _width_pt(line, family, size):
    prop = FontProperties(family=list(family), size=size)
    return _renderer().get_text_width_height_descent(line, prop, ismath=False)[0]


def text_width(text, size=None):
    """Width in inches of the widest line of ``text`` drawn in the current style's font."""
    prop = _prop(size)
    family = tuple(prop.get_family())
    return max(_width_pt(line, family, prop.get_size_in_points())
               for line in str(text).split("\n")) / 72


def line_height(size=None):
    """Height in inches of one line of tick-label text (matplotlib's 1.2 line spacing)."""
    return _prop(size).get_size_in_points() * 1.2 / 72


def wrap_measured(text, width_in, size=None, shown=lambda s: s):
    """Lines of ``text`` no wider than ``width_in``, broken at spaces only.

    A word wider than the column stays whole on its own line: :func:`fit_columns` then rotates
    or re-lays the figure instead of cutting it. ``shown`` maps a line to the string drawn (the
    Arabic display form), which is what is measured.
    """
    words = str(text).split()
    if not words:
        return [str(text)]
    lines = [words[0]]
    for word in words[1:]:
        candidate = f"{lines[-1]} {word}"
        if text_width(shown(candidate), size) <= width_in:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


@dataclass(frozen=True)
class Fit:
    """How group names fit their columns: ``rotation`` 0 or 90 and each name's lines."""

    rotation: int
    lines: dict

    def width(self, name):
        return max(len(line) for line in self.lines[name])


def fit_columns(names, column_in, *, extra=(), max_lines=3, rotated_max_in=1.4, size=None,
                shown=lambda s: s):
    """Lay ``names`` out one per column of ``column_in`` inches, or say that they cannot be.

    Parameters
    ----------
    names : sequence of str
    column_in : float
        Width of one column in inches.
    extra : sequence of str, optional
        Lines added under every name (``"(n=12)"``), which must fit too.
    max_lines : int, default 3
        Most lines of a horizontal label.
    rotated_max_in : float, default 1.4
        Longest line of a label rotated by 90 degrees.

    Returns
    -------
    Fit or None
        Horizontal when every word fits the column and no name needs more than ``max_lines``
        lines; else rotated when the rotated labels (one or two lines) fit side by side; else
        ``None``.
    """
    room = column_in * _GAP
    extra_w = max([text_width(shown(e), size) for e in extra] + [0.0])
    horizontal = {name: wrap_measured(name, room, size, shown) for name in names}
    if extra_w <= room and all(
            len(lines) <= max_lines and all(text_width(shown(x), size) <= room for x in lines)
            for lines in horizontal.values()):
        return Fit(0, horizontal)
    rotated = {name: wrap_measured(name, rotated_max_in, size, shown) for name in names}
    n_lines = max(len(lines) for lines in rotated.values()) + (1 if extra else 0)
    if n_lines * line_height(size) <= room:
        return Fit(90, rotated)
    one_line = {name: [name] for name in names}
    if (1 + (1 if extra else 0)) * line_height(size) <= room:
        return Fit(90, one_line)
    return None
