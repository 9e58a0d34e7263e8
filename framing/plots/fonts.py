"""The shipped Arabic fonts (Noto Naskh Arabic, Noto Sans Arabic; SIL OFL 1.1) for matplotlib.

The fonts live in ``framing/data/fonts`` with their licence (``OFL.txt``), so figures look the
same on every machine. :func:`register_fonts` adds them to matplotlib's font manager, ahead of
any system copy of the same family (the first best match wins there), so the embedded font is
always the shipped one.
"""

from __future__ import annotations

import functools
from pathlib import Path

from matplotlib import font_manager

from ..errors import ParameterError, check_choice

FONT_DIR = Path(__file__).resolve().parents[1] / "data" / "fonts"
FAMILIES = {"sans": "Noto Sans Arabic", "naskh": "Noto Naskh Arabic"}
_FILES = {
    ("sans", "regular"): "NotoSansArabic-Regular.ttf",
    ("sans", "bold"): "NotoSansArabic-Bold.ttf",
    ("naskh", "regular"): "NotoNaskhArabic-Regular.ttf",
    ("naskh", "bold"): "NotoNaskhArabic-Bold.ttf",
}
#: Latin fallback: matplotlib's own font, present wherever matplotlib is.
LATIN_FAMILY = "DejaVu Sans"


def font_path(style="sans", weight="regular"):
    """Path of a shipped font file.

    Parameters
    ----------
    style : {"sans", "naskh"}, default "sans"
    weight : {"regular", "bold"}, default "regular"

    Returns
    -------
    pathlib.Path
    """
    try:
        return FONT_DIR / _FILES[(style, weight)]
    except KeyError:
        raise ParameterError(f"no shipped font for style={style!r}, weight={weight!r}; "
                         f"styles: {sorted(FAMILIES)}, weights: regular, bold") from None


@functools.cache
def register_fonts():
    """Register the shipped fonts with matplotlib (once per process) and return their paths.

    Returns
    -------
    tuple of pathlib.Path
    """
    paths = tuple(FONT_DIR / name for name in _FILES.values())
    manager = font_manager.fontManager
    for path in paths:
        manager.addfont(str(path))  # clears matplotlib's font lookup cache
    ours = {str(p) for p in paths}
    # Stable sort: ours first, so that a system copy of the family never wins a tie.
    manager.ttflist.sort(key=lambda entry: entry.fname not in ours)
    return paths


def font_family(style="sans"):
    """The ``font.family`` list: the Arabic family first, DejaVu Sans for Latin glyphs it lacks.

    Noto Arabic fonts carry Arabic letters, digits and common punctuation but no Latin letters;
    matplotlib (>= 3.6) falls back glyph by glyph along this list.
    """
    check_choice("style", style, tuple(sorted(FAMILIES)))
    return [FAMILIES[style], LATIN_FAMILY]
