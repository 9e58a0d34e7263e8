"""framing.plots.arabic: Arabic shaped and right to left -- strings, rendered pixels, PDF glyphs."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pandas as pd
import pytest
from fontTools.ttLib import TTFont
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from framing import compare, plots
from framing.plots import arabic
from framing.plots.fonts import font_path

MPL_SHAPES = tuple(int(p) for p in matplotlib.__version__.split(".")[:2]) >= (3, 11)

needs_shaping_matplotlib = pytest.mark.skipif(not MPL_SHAPES, reason="matplotlib < 3.11 does "
                                              "not shape text; the plain path is used there")

# The words and their contextual forms, derived by hand from the Arabic joining rules (a letter
# takes its initial / medial / final form from whether it joins the letter before and after it;
# alef, dal, reh and waw never join the letter after them). Logical (reading) order.
LIBYA = "ليبيا"

LIBYA_FORMS = [
    0xFEDF,  # ل lam, initial   (nothing before, joins ي)
    0xFEF4,  # ي yeh, medial    (joined both sides)
    0xFE92,  # ب beh, medial
    0xFEF4,  # ي yeh, medial
    0xFE8E,  # ا alef, final    (joined to ي before it; alef never joins after)
]

ARMY = "الجيش الوطني"

ARMY_FORMS = [
    0xFE8D,  # ا alef, isolated (word start; does not join after)
    0xFEDF,  # ل lam, initial
    0xFEA0,  # ج jeem, medial
    0xFEF4,  # ي yeh, medial
    0xFEB6,  # ش sheen, final
    0x0020,  # space
    0xFE8D,  # ا alef, isolated
    0xFEDF,  # ل lam, initial
    0xFEEE,  # و waw, final     (joins ل before it, never joins after)
    0xFEC3,  # ط tah, initial   (after waw: nothing joins it from the right)
    0xFEE8,  # ن noon, medial
    0xFEF2,  # ي yeh, final
]

# -- the plain-text path ---------------------------------------------------------------------------


def test_plain_path_gives_presentation_forms_in_visual_order():
    # Visual order = left to right on the page = the logical forms reversed.
    assert plots.arabic_display(LIBYA, "plain") == "".join(map(chr, LIBYA_FORMS[::-1]))
    # Two words: the first word is on the right, so it comes last in visual order.
    first, second = ARMY_FORMS[:5], ARMY_FORMS[6:]
    expected = "".join(map(chr, second[::-1])) + " " + "".join(map(chr, first[::-1]))
    assert plots.arabic_display(ARMY, "plain") == expected
    # Digits keep their own order, on the left of the Arabic word they follow.
    assert plots.arabic_display(LIBYA + " 2025", "plain") == "2025 " + expected_libya()
    assert plots.arabic_display("Libya 2025", "plain") == "Libya 2025"
    # Brackets of a right-to-left run are mirrored (bidi rule L4), so they still enclose.
    assert plots.arabic_display(f"({LIBYA})", "plain") == f"({expected_libya()})"


def expected_libya():
    """ليبيا as a left-to-right renderer must draw it: the contextual forms, reversed."""
    return "".join(map(chr, LIBYA_FORMS[::-1]))


def test_plain_path_with_a_paragraph_direction():
    label = plots.isolate("الأهرام")
    shown = plots.arabic_display(label + " (n=40)", "plain", base="ltr")
    assert shown.endswith(" (n=40)") and "\u2068" not in shown  # controls removed
    shown = plots.arabic_display(label + " (n=40)", "plain", base="rtl")
    assert shown.startswith("(n=40) ")


# -- the matplotlib path: capability detection -----------------------------------------------------


def test_capability_probe_matches_the_installed_matplotlib():
    assert arabic._probe() is MPL_SHAPES
    assert plots.matplotlib_shapes_text() is MPL_SHAPES


@needs_shaping_matplotlib
def test_matplotlib_path_passes_logical_text_through():
    assert plots.arabic_display(ARMY) == ARMY
    assert plots.arabic_display(ARMY, base="ltr") == "\u200e" + ARMY


def test_matplotlib_path_shapes_itself_when_matplotlib_does_not(monkeypatch):
    monkeypatch.setattr(arabic, "matplotlib_shapes_text", lambda: False)
    assert plots.arabic_display(LIBYA) == expected_libya()
    assert plots.arabic_display("Libya") == "Libya"


# -- a rendered figure: shaped glyphs, right-to-left order -----------------------------------------


def _render_pdf(texts, path):
    """A PDF with one line per text, prepared as the figures prepare text (arabic_display)."""
    with plots.figure_style():
        fig = Figure(figsize=(4, 2))
        for i, text in enumerate(texts):
            fig.text(0.05, 0.75 - 0.5 * i, plots.arabic_display(text), fontsize=24)
    return plots.save_figure(fig, path, formats=("pdf",))[0]


BIDI_CONTROLS = set("\u200e\u200f\u2066\u2067\u2068\u2069")


def _pdf_glyph_lines(path):
    """Per text line (top first): ``(glyph names, characters)`` read from right to left.

    pdfminer gives each drawn glyph's font, character id, position and (ToUnicode) text; the
    character id maps to a glyph id through the font's CIDToGIDMap and to a glyph name through
    the embedded (subset) font program, read with fontTools. Lines are told apart by baseline;
    the zero-width glyphs of bidi controls are left out.
    """
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psparser import literal_name
    from pdfminer.pdftypes import resolve1

    class Recorder(PDFPageAggregator):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.drawn = []

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
            advance = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs,
                                          graphicstate)
            char = self.cur_item._objs[-1]
            baseline = round(char.matrix[5], 1)
            self.drawn.append((char.fontname, cid, char.x0, baseline, char.get_text()))
            return advance

    with open(path, "rb") as fh:
        document = PDFDocument(PDFParser(fh))
        manager = PDFResourceManager()
        recorder = Recorder(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, recorder)
        glyph_names = {}
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            for ref in resolve1(page.resources["Font"]).values():
                font = resolve1(ref)
                descendant = resolve1(resolve1(font["DescendantFonts"])[0])
                program = resolve1(resolve1(descendant["FontDescriptor"])["FontFile2"])
                order = TTFont(io.BytesIO(program.get_data())).getGlyphOrder()
                cid_map = resolve1(descendant.get("CIDToGIDMap"))
                data = cid_map.get_data() if hasattr(cid_map, "get_data") else None

                def name(cid, order=order, data=data):
                    gid = cid if data is None else int.from_bytes(data[2 * cid:2 * cid + 2], "big")
                    return order[gid]

                glyph_names[literal_name(font["BaseFont"])] = name
    lines = {}
    for fontname, cid, x0, baseline, text in recorder.drawn:
        if text not in BIDI_CONTROLS:
            lines.setdefault(baseline, []).append((x0, glyph_names[fontname](cid), text))
    out = []
    for y0 in sorted(lines, reverse=True):
        glyphs = sorted(lines[y0], key=lambda g: -g[0])  # right to left
        out.append(([g[1] for g in glyphs], "".join(g[2] for g in glyphs)))
    return out


# A letter standing alone is drawn with its nominal glyph: shaping substitutes joined forms only.
NOMINAL = {0xFE8D: 0x0627}


def _glyph_name(codepoint):
    """Name of the glyph the shipped font's cmap gives a code point (presentation forms too)."""
    return TTFont(font_path("sans")).getBestCmap()[NOMINAL.get(codepoint, codepoint)]


@needs_shaping_matplotlib
def test_pdf_glyphs_are_contextual_forms_in_right_to_left_order(tmp_path):
    # Text goes through arabic_display as in the figures: a wrong capability guess on this
    # matplotlib would hand it pre-reordered text, and this test would fail.
    pdf = _render_pdf([LIBYA, ARMY], tmp_path / "words")
    (libya_glyphs, libya_text), (army_glyphs, army_text) = _pdf_glyph_lines(pdf)

    # (a) shaped: each letter is drawn with its contextual form, not the isolated letter ...
    isolated = {_glyph_name(ord(c)) for c in "لبي"}
    assert not isolated & set(libya_glyphs), libya_glyphs
    # (b) ... and read from right to left, the forms come in the word's logical order.
    assert libya_glyphs == [_glyph_name(cp) for cp in LIBYA_FORMS]
    assert army_glyphs == [_glyph_name(cp) for cp in ARMY_FORMS]
    # The text layer (ToUnicode) reads back as the words, so the PDF stays searchable.
    assert libya_text == LIBYA and army_text == ARMY


@needs_shaping_matplotlib
def test_arabic_outlet_names_in_a_saved_figure_are_shaped_and_ordered(tmp_path):
    # End to end: names as a figure function lays them out (isolated, with a count line).
    arts = pd.DataFrame({"outlet": [LIBYA] * 12 + [ARMY] * 12, "topic:elections": [1, 0] * 12})
    fig = plots.outlet_topic_heatmap(compare.topic_shares(arts, n_boot=0))
    pdf = plots.save_figure(fig, tmp_path / "heatmap", formats=("pdf",))[0]
    lines = {text: glyphs for glyphs, text in _pdf_glyph_lines(pdf)}
    assert lines[LIBYA] == [_glyph_name(cp) for cp in LIBYA_FORMS]
    assert lines[ARMY] == [_glyph_name(cp) for cp in ARMY_FORMS]


@needs_shaping_matplotlib
def test_the_pdf_check_catches_text_drawn_backwards(tmp_path):
    # Pre-shaped, visually reordered text (right for old matplotlib) on a shaping matplotlib is
    # reordered again: the check above must see it, or it proves nothing.
    pdf = _render_pdf([plots.arabic_display(LIBYA, "plain")], tmp_path / "backwards")
    [(glyphs, _)] = _pdf_glyph_lines(pdf)
    expected = [_glyph_name(cp) for cp in LIBYA_FORMS]
    assert glyphs != expected
    assert glyphs == expected[::-1]


def _ink(text):
    """Grey-scale Agg render of ``text`` (black on white) in the paper style."""
    with plots.figure_style():
        fig = Figure(figsize=(2.5, 0.7), dpi=100)
        fig.text(0.5, 0.5, text, fontsize=22, ha="center", va="center")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return 255 - np.asarray(canvas.buffer_rgba())[..., 0].astype(int)


def _ink_width(image):
    columns = np.flatnonzero(image.sum(axis=0) > 0)
    return columns[-1] - columns[0] + 1


@needs_shaping_matplotlib
def test_rendered_word_equals_the_reference_shaped_form_pixel_for_pixel():
    shaped = _ink(LIBYA)
    # Reference: the contextual forms typed directly (logical order); nothing left to shape.
    reference = _ink("".join(map(chr, LIBYA_FORMS)))
    np.testing.assert_array_equal(shaped, reference)
    # Isolated letters side by side are wider and look different.
    isolated = _ink("\ufedd\ufef1\ufe8f\ufef1\ufe8d")
    assert _ink_width(isolated) > _ink_width(shaped) + 5
    # The double-processed (reshaped + reordered) string renders differently: backwards.
    assert not np.array_equal(_ink(plots.arabic_display(LIBYA, "plain")), shaped)
