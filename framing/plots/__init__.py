"""Paper figures with Arabic text done right: joined letters, right to left, fonts embedded.

Figures (each returns a :class:`matplotlib.figure.Figure`)
    :func:`outlet_topic_heatmap`, :func:`stance_by_outlet`, :func:`tone_over_time`,
    :func:`actor_labels_by_outlet`, :func:`distinctive_terms_plot`, :func:`event_panel`
The whole set of a run
    :func:`make_figures`
Style and saving
    :func:`figure_style`, :func:`save_figure` (PDF with embedded TrueType, PNG at 300 dpi,
    SVG; no timestamps), ``WIDTHS`` (single 3.5 in, double 7.2 in), Okabe-Ito colours
Arabic text
    :func:`arabic_display`, :func:`matplotlib_shapes_text`, :func:`isolate`,
    :func:`register_fonts`
Labels
    :func:`label` (English / Arabic names of the DESIGN.md fields)

Examples
--------
>>> import pandas as pd
>>> from framing import compare, plots
>>> arts = pd.DataFrame({"outlet": ["الأهرام", "الوسط"] * 6, "topic:elections": [1, 0] * 6})
>>> fig = plots.outlet_topic_heatmap(compare.topic_shares(arts, n_boot=100, min_n=1), lang="ar")
"""

from .arabic import arabic_display, has_arabic, isolate, matplotlib_shapes_text, shape_plain
from .figures import (
    actor_labels_by_outlet,
    distinctive_terms_plot,
    event_panel,
    outlet_topic_heatmap,
    stance_by_outlet,
    tone_over_time,
)
from .fonts import font_family, font_path, register_fonts
from .labels import label
from .make import FigureSkippedWarning, make_figures
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

__all__ = [
    "outlet_topic_heatmap", "stance_by_outlet", "tone_over_time", "actor_labels_by_outlet",
    "distinctive_terms_plot", "event_panel", "make_figures", "FigureSkippedWarning",
    "figure_style", "figure_width", "save_figure", "WIDTHS", "OKABE_ITO", "PALETTE",
    "STANCE_COLORS", "TONE_COLORS", "CONNOTATION_COLORS",
    "arabic_display", "matplotlib_shapes_text", "shape_plain", "has_arabic", "isolate",
    "register_fonts", "font_path", "font_family", "label",
]
