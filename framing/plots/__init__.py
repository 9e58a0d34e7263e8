"""Paper figures with Arabic text done right: joined letters, right to left, fonts embedded.

Figures (each returns a :class:`matplotlib.figure.Figure`, one module each)
    :func:`outlet_topic_heatmap` (:mod:`.heatmap`), :func:`stance_by_outlet` (:mod:`.stance`),
    :func:`tone_over_time` (:mod:`.tone`), :func:`actor_labels_by_outlet` (:mod:`.actors`),
    :func:`distinctive_terms_plot` (:mod:`.terms`), :func:`event_panel` (:mod:`.events`); their
    shared layout is :mod:`.layout`.
The whole set of a run
    :func:`make_figures`
Style and saving
    :func:`figure_style`, :func:`save_figure` (PDF with embedded TrueType, SVG, EPS; PNG,
    TIFF with LZW and JPEG at 300-600 dpi; no timestamps), ``WIDTHS`` (single 3.5 in, double
    7.2 in), Okabe-Ito colours
Outlet names
    :mod:`.ticks` wraps them at spaces only, by their drawn width; a figure whose names do not
    fit one column each lays its outlets out as rows (topics), rotates them, or shows the
    outlets with most data and says how many it left out -- a name is never cut inside a word
Arabic text
    :func:`arabic_display`, :func:`matplotlib_shapes_text`, :func:`isolate`,
    :func:`register_fonts`
Labels
    :func:`label` (English / Arabic names of the DESIGN.md fields),
    :func:`codebook_labels` (a codebook's own names: ``display:``, else an actor's ``name``)

Common parameters of the figure functions
-----------------------------------------
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

Examples
--------
>>> import pandas as pd
>>> from framing import compare, plots
>>> arts = pd.DataFrame({"outlet": ["الأهرام", "الوسط"] * 6, "topic:elections": [1, 0] * 6})
>>> fig = plots.outlet_topic_heatmap(compare.topic_shares(arts, n_boot=100, min_n=1), lang="ar")
"""

from .actors import actor_labels_by_outlet
from .arabic import (
    arabic_display,
    has_arabic,
    isolate,
    matplotlib_shapes_text,
    shape_plain,
)
from .events import event_panel
from .fonts import font_family, font_path, register_fonts
from .heatmap import outlet_topic_heatmap
from .labels import codebook_labels, label
from .make import make_figures
from .stance import stance_by_outlet
from .style import (
    CONNOTATION_COLORS,
    OKABE_ITO,
    PALETTE,
    STANCE_COLORS,
    TONE_COLORS,
    WIDTHS,
    figure_style,
    figure_width,
    save_figure,
)
from .terms import distinctive_terms_plot
from .tone import tone_over_time

__all__ = [
    "outlet_topic_heatmap", "stance_by_outlet", "tone_over_time", "actor_labels_by_outlet",
    "distinctive_terms_plot", "event_panel", "make_figures",
    "figure_style", "figure_width", "save_figure", "WIDTHS", "OKABE_ITO", "PALETTE",
    "STANCE_COLORS", "TONE_COLORS", "CONNOTATION_COLORS",
    "arabic_display", "matplotlib_shapes_text", "shape_plain", "has_arabic", "isolate",
    "register_fonts", "font_path", "font_family", "label", "codebook_labels",
]
