"""Arabic text for display: shaped (joined letter forms) and ordered right to left.

Two kinds of renderer need two kinds of string:

- A renderer that shapes text itself -- matplotlib >= 3.11 lays out every string with libraqm
  (HarfBuzz shaping + bidi reordering) -- must get the plain logical-order string. Pre-shaped,
  visually reordered text would be reordered a second time and drawn backwards.
- A renderer that draws characters one by one, left to right -- matplotlib < 3.11, a terminal,
  a plain-text report -- needs presentation forms (``arabic_reshaper``) in visual order
  (``python-bidi``).

:func:`arabic_display` picks by capability, not by assumption: :func:`matplotlib_shapes_text`
probes the installed matplotlib once.
"""

from __future__ import annotations

import functools

import arabic_reshaper
from bidi import get_display

from ..errors import check_choice
from ..text.charsets import DISPLAY_CONTROLS, FSI, LRM, PDI, RLM, has_arabic
from .fonts import font_path

_MARKS = {"ltr": LRM, "rtl": RLM}  # set the paragraph direction
_CONTROLS = str.maketrans("", "", DISPLAY_CONTROLS)
_PAIRS = {")": "(", "]": "[", "}": "{", ">": "<", "»": "«", "›": "‹"}


def _probe():
    """Lay out probe strings with matplotlib's own text engine and look at the glyphs it places."""
    from matplotlib.ft2font import FT2Font

    font = FT2Font(str(font_path("sans")))
    font.set_size(12, 72)

    def width(s):
        font.set_text(s)
        return font.get_width_height()[0]

    def first_advance(s):
        xs = font.set_text(s)[:, 0]  # glyph origins, left to right on the page
        return xs[1] - xs[0]

    # Shaping: three joined behs (initial, medial, final) are narrower than three isolated ones.
    shaped = width("ببب") != width("\ufe8f\ufe8f\ufe8f")
    # Order: in alef+dal (no joining between them) the leftmost glyph must be the dal.
    alef, dal = first_advance("اا"), first_advance("دد")
    rtl = alef != dal and first_advance("اد") == dal
    return bool(shaped and rtl)


@functools.cache
def matplotlib_shapes_text():
    """Whether the installed matplotlib shapes Arabic and orders it right to left by itself.

    Decided once per process by a layout probe with the shipped font (see :func:`_probe`); if
    the probe cannot run, by version (matplotlib 3.11 introduced libraqm text layout).

    Returns
    -------
    bool
    """
    try:
        return _probe()
    except Exception:  # noqa: BLE001 - an unexpected FT2Font API: fall back to the version
        import matplotlib
        major, minor = (int(p) for p in matplotlib.__version__.split(".")[:2])
        return (major, minor) >= (3, 11)


def isolate(text):
    """Wrap ``text`` in a bidi isolate (FSI ... PDI): its direction is its own, whatever is around.

    Use it to embed a name in a composed label, e.g. ``isolate(outlet) + " (n=40)"``: the
    Arabic name keeps its right-to-left order and the count stays on the side the paragraph
    direction puts it.
    """
    return f"{FSI}{text}{PDI}"


def shape_plain(text, base=None):
    """Presentation forms in visual order, line by line: for renderers that do not shape.

    Parameters
    ----------
    text : str
    base : {None, "ltr", "rtl"}
        Paragraph direction; default from the first strong character.

    Examples
    --------
    >>> shape_plain("ليبيا") == "\\ufe8e\\ufef4\\ufe92\\ufef4\\ufedf"
    True
    """
    reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    base_dir = {None: None, "ltr": "L", "rtl": "R"}[base]
    lines = (_mirror_pairs(get_display(reshaper.reshape(line), base_dir=base_dir))
             for line in text.split("\n"))
    # The bidi controls have done their work; a plain-text reader would only trip on them.
    return "\n".join(lines).translate(_CONTROLS)


def _mirror_pairs(visual):
    """Mirror brackets of right-to-left runs (bidi rule L4), which python-bidi >= 0.5 skips.

    Reversing a right-to-left run turns ``(ليبيا)`` into ``)ايبيل(``: a bracket pair that
    comes out closing-before-opening in visual order belongs to such a run, and is swapped.
    """
    chars = list(visual)
    openers = {v: k for k, v in _PAIRS.items()}
    stack = []
    for i, ch in enumerate(chars):
        if ch in _PAIRS:  # a closing bracket first: the start of an inverted pair
            stack.append(i)
        elif ch in openers and stack and chars[stack[-1]] == openers[ch]:
            j = stack.pop()
            chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


def arabic_display(text, target="matplotlib", base=None):
    """Prepare ``text`` for display by ``target``.

    Parameters
    ----------
    text : str
        Text in logical (typing) order; anything else is converted with ``str``.
    target : {"matplotlib", "plain"}, default "matplotlib"
        ``"matplotlib"``: the text as it is if matplotlib shapes it itself
        (:func:`matplotlib_shapes_text`), else shaped and reordered. ``"plain"``: always shaped
        and reordered (terminals, plain-text output).
    base : {None, "ltr", "rtl"}, default None
        Paragraph direction of mixed text, e.g. ``"ltr"`` for a label of an English figure
        that embeds an Arabic name (see :func:`isolate`); default from the first strong
        character, which suits Arabic phrases.

    Returns
    -------
    str
        For a shaping matplotlib, ``text`` itself (after a direction mark if ``base`` is
        given); otherwise presentation forms in visual order, without bidi controls.

    Examples
    --------
    >>> arabic_display("ليبيا", "plain") == "\\ufe8e\\ufef4\\ufe92\\ufef4\\ufedf"
    True
    >>> arabic_display("Libya 2025", "plain")
    'Libya 2025'
    """
    check_choice("target", target, ("matplotlib", "plain"))
    check_choice("base", base, (None, "ltr", "rtl"))
    text = str(text)
    if target == "matplotlib" and matplotlib_shapes_text():
        return _MARKS[base] + text if base else text
    if base is None and not has_arabic(text):
        return text.translate(_CONTROLS)
    return shape_plain(text, base)
