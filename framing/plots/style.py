"""Paper style: sizes, colour-blind-safe colours, fonts, and deterministic saving.

- Widths: ``"single"`` column 3.5 in, ``"double"`` column 7.2 in (or a number of inches).
- Colours: Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies;
  stance, tone and connotation use fixed colours so that every figure reads the same way.
- Fonts: the shipped Noto Arabic font first, DejaVu Sans for Latin letters
  (:mod:`framing.plots.fonts`); PDF and PS embed TrueType (Type 42), SVG draws text as paths.
- Saving (:func:`save_figure`): PDF, PNG, SVG, TIFF (LZW), EPS and JPEG at 300-600 dpi, without
  timestamps, written atomically -- the same figure gives the same bytes.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import matplotlib as mpl
from cycler import cycler

from ..errors import ParameterError, check_choice
from ..io import atomic_path
from .fonts import font_family, register_fonts

WIDTHS = {"single": 3.5, "double": 7.2}

#: Okabe-Ito, ordered for categorical series on white (yellow last: weakest contrast).
OKABE_ITO = {
    "blue": "#0072B2", "vermillion": "#D55E00", "bluish_green": "#009E73", "orange": "#E69F00",
    "reddish_purple": "#CC79A7", "sky_blue": "#56B4E9", "yellow": "#F0E442", "black": "#000000",
}
PALETTE = list(OKABE_ITO.values())
GREY, LIGHT_GREY = "#8C8C8C", "#D9D9D9"

STANCE_COLORS = {"pro": OKABE_ITO["blue"], "con": OKABE_ITO["vermillion"], "neutral": GREY,
                 "absent": LIGHT_GREY, "mixed": OKABE_ITO["reddish_purple"]}
TONE_COLORS = {"positive": OKABE_ITO["bluish_green"], "neutral": GREY,
               "negative": OKABE_ITO["vermillion"]}
CONNOTATION_COLORS = {"legitimizing": OKABE_ITO["blue"], "neutral": GREY,
                      "delegitimizing": OKABE_ITO["vermillion"]}
#: Sequential map for shares (single hue: reads in grey-scale and for every colour vision).
SEQUENTIAL = "Blues"
SVG_HASHSALT = "framing"
DPI = 300

# No timestamps in any format: the same figure saves to the same bytes.
_METADATA = {"pdf": {"CreationDate": None, "ModDate": None}, "svg": {"Date": None},
             "png": {}, "eps": {"CreationDate": None}, "ps": {"CreationDate": None}}
#: What journals ask for and matplotlib writes: vector (PDF, SVG, EPS/PS) and raster (PNG,
#: TIFF with LZW compression, JPEG); ``tif`` and ``jpg`` are the same formats.
FORMATS = ("pdf", "png", "svg", "tiff", "tif", "eps", "ps", "jpeg", "jpg")
_PIL = {"tiff": {"compression": "tiff_lzw"}, "tif": {"compression": "tiff_lzw"},
        "jpeg": {"quality": 95}, "jpg": {"quality": 95}}
DPI_RANGE = (300, 600)  # raster resolution journals accept for line art and halftones


def check_formats(formats, dpi=DPI):
    """The formats (lower case, no dot) after checking them and ``dpi``: one
    :class:`~framing.errors.ParameterError` names the first unsupported one."""
    if isinstance(formats, str):
        formats = formats.split(",")
    out = [check_choice("format", str(f).lower().strip().lstrip("."), FORMATS) for f in formats]
    if not out:
        raise ParameterError("no figure format given", fix=f"use some of {', '.join(FORMATS)}")
    if not DPI_RANGE[0] <= int(dpi) <= DPI_RANGE[1]:
        raise ParameterError(f"dpi must be between {DPI_RANGE[0]} and {DPI_RANGE[1]}, not {dpi}",
                             fix="journals ask for 300 (halftones) to 600 (line art)")
    return out


def figure_width(width):
    """Figure width in inches from ``"single"``, ``"double"`` or a number."""
    if isinstance(width, (int, float)):
        return float(width)
    try:
        return WIDTHS[width]
    except KeyError:
        raise ParameterError(f"width must be 'single', 'double' or inches, not {width!r}") from None


def rc_params(arabic_font="sans", base_size=8):
    """The rcParams of the paper style (see the module docstring)."""
    register_fonts()
    return {
        "font.family": font_family(arabic_font),
        "font.size": base_size,
        "axes.titlesize": base_size + 1,
        "axes.labelsize": base_size,
        "xtick.labelsize": base_size - 1,
        "ytick.labelsize": base_size - 1,
        "legend.fontsize": base_size - 1,
        "legend.frameon": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": cycler(color=PALETTE),
        "axes.unicode_minus": True,
        "figure.dpi": 100,
        "figure.constrained_layout.use": True,
        "savefig.dpi": DPI,
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
        "svg.hashsalt": SVG_HASHSALT,
        "image.cmap": SEQUENTIAL,
    }


@contextlib.contextmanager
def figure_style(arabic_font="sans", base_size=8):
    """Context manager applying the paper style.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with figure_style():
    ...     fig, ax = plt.subplots(figsize=(3.5, 2))
    >>> plt.close(fig)
    """
    with mpl.rc_context(rc_params(arabic_font, base_size)):
        yield


def _save_ps(fig, path, kind, dpi):
    """PostScript without the file name and the clock in its header (matplotlib writes the
    current time as ``%%CreationDate`` unless SOURCE_DATE_EPOCH is set)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format=kind, dpi=dpi)
    data = re.sub(rb"%%CreationDate: [^\n]*\n", b"", buffer.getvalue(), count=1)
    Path(path).write_bytes(data)


def save_figure(fig, path_stem, formats=("pdf", "png", "svg"), dpi=DPI):
    """Save ``fig`` once per format, deterministically and atomically.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    path_stem : str or os.PathLike
        Path without suffix (a suffix given is replaced): ``out/topics`` gives ``out/topics.pdf``,
        ``out/topics.png``, ``out/topics.svg``.
    formats : sequence of str, default ("pdf", "png", "svg")
        Any of ``FORMATS``: pdf, png, svg, tiff (LZW-compressed), eps, ps, jpeg; an other is a
        :class:`~framing.errors.ParameterError`, raised before anything is written.
    dpi : int, default 300
        Raster resolution (PNG, TIFF, JPEG), 300 to 600.

    Returns
    -------
    list of pathlib.Path
        The files written, in ``formats`` order.
    """
    stem = Path(path_stem)
    formats = check_formats(formats, dpi)
    written = []
    # Type 42 fonts and text-as-paths also when the figure was drawn outside figure_style().
    rc = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.fonttype": "path",
          "svg.hashsalt": SVG_HASHSALT}
    with mpl.rc_context(rc):
        for fmt in formats:
            path = stem.with_suffix(f".{fmt}")
            kind = {"tif": "tiff", "jpg": "jpeg"}.get(fmt, fmt)
            extra = {"pil_kwargs": dict(_PIL[fmt])} if fmt in _PIL else {}
            if kind in _METADATA:
                extra["metadata"] = _METADATA[kind]
            with atomic_path(path) as tmp:
                if kind in ("eps", "ps"):
                    _save_ps(fig, tmp, kind, dpi)
                else:
                    fig.savefig(tmp, format=kind, dpi=dpi, **extra)
            written.append(path)
    return written
