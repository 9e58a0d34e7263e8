"""framing.plots: Arabic shaped and right to left in rendered figures; fonts; files; figures."""

from __future__ import annotations

import io
import re
import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from framing import compare, plots
from framing.errors import FigureSkippedWarning, SmallSampleWarning
from framing.plots import arabic
from framing.plots.fonts import font_family, font_path

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


# -- fonts and files -------------------------------------------------------------------------------

def test_shipped_fonts_are_registered_ahead_of_system_copies():
    plots.register_fonts()
    for style, family in (("sans", "Noto Sans Arabic"), ("naskh", "Noto Naskh Arabic")):
        found = font_manager.findfont(font_manager.FontProperties(family=family),
                                      fallback_to_default=False)
        assert found == str(font_path(style))
    assert font_family("naskh") == ["Noto Naskh Arabic", "DejaVu Sans"]
    assert (font_path().parent / "OFL.txt").read_text().startswith("Noto Naskh Arabic")


def _sample_figure():
    with plots.figure_style():
        fig = Figure(figsize=(plots.figure_width("single"), 1.6))
        ax = fig.add_subplot()
        ax.bar([0, 1], [0.3, 0.6], color=plots.PALETTE[:2])
        ax.set_xticks([0, 1], labels=["الأهرام", "Middle East Online"])
        ax.set_title(ARMY + " 2025")
    return fig


def test_saved_files_are_deterministic_and_carry_no_timestamps(tmp_path):
    fig = _sample_figure()
    first = plots.save_figure(fig, tmp_path / "a" / "fig")
    second = plots.save_figure(fig, tmp_path / "b" / "fig.png")  # a suffix given is replaced
    assert [p.suffix for p in first] == [".pdf", ".png", ".svg"]
    for p, q in zip(first, second):
        assert p.read_bytes() == q.read_bytes(), p.name
    pdf, png, svg = (p.read_bytes() for p in first)
    assert b"/CreationDate" not in pdf and b"/ModDate" not in pdf
    assert b"/FontFile2" in pdf and b"/CIDFontType2" in pdf  # TrueType (Type 42) embedded
    assert b"tIME" not in png  # no PNG time chunk
    from PIL import Image
    with Image.open(first[1]) as image:
        assert round(image.info["dpi"][0]) == 300
        assert image.size == (1050, 480)
        assert not {"Creation Time", "date:create"} & set(image.info)
    assert b"<dc:date>" not in svg and b"<text" not in svg  # text drawn as paths
    assert not list(tmp_path.rglob("*.tmp"))


def test_width_and_labels():
    assert plots.figure_width("double") == 7.2 and plots.figure_width(5) == 5.0
    with pytest.raises(ValueError):
        plots.figure_width("triple")
    assert plots.label("topic:elections", "ar") == "الانتخابات والعملية السياسية"
    assert plots.label("stance:haftar", "en", {"stance:haftar": "Haftar"}) == "Haftar"
    assert plots.label("topic:water_rights") == "Water rights"


# -- the figures -----------------------------------------------------------------------------------

OUTLETS = {"بوابة الأهرام": 14, "Middle East Online": 6, "الوسط": 12}


@pytest.fixture(scope="module")
def run_tables(seed_texts):
    rng = np.random.default_rng(3)
    rows, actor_rows = [], []
    labels = {"lna": [("الجيش الوطني الليبي", "legitimizing"), ("قوات حفتر", "delegitimizing")],
              "sisi": [("الرئيس المصري", "neutral")]}
    texts = list(seed_texts.values())
    for k, (outlet, n) in enumerate(OUTLETS.items()):
        for i in range(n):
            doc = f"{k}-{i}"
            row = {"doc_id": doc, "outlet": outlet,
                   "date": f"2025-{7 + i % 3:02d}-{1 + (3 * i) % 27:02d}",
                   "text": texts[(k + i) % len(texts)], "event_id": "cairo" if i < 2 else None}
            for t in ("elections", "border_security", "foreign_forces"):
                row[f"topic:{t}"] = int(rng.random() < 0.3 + 0.2 * k)
            for s in ("haftar", "sisi"):
                row[f"stance:{s}"] = rng.choice(["pro", "con", "neutral", "absent"])
            row["tone_score"] = float(np.clip(rng.normal(0.2 - 0.2 * k, 0.3), -1, 1))
            row["tone"] = "positive" if row["tone_score"] > 0.1 else "negative"
            rows.append(row)
            for actor, options in labels.items():
                label, connotation = options[(i + k) % len(options)]
                actor_rows.append({"doc_id": doc, "actor": actor, "label": label,
                                   "connotation": connotation, "count": 1 + i % 3})
    return pd.DataFrame(rows), pd.DataFrame(actor_rows)


@pytest.fixture(scope="module")
def figure_inputs(run_tables):
    articles, actors = run_tables
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        return {
            "shares": compare.topic_shares(articles, n_boot=100),
            "stance": compare.stance_distribution(articles, n_boot=100),
            "tone": compare.tone_over_time(articles, "M", n_boot=100),
            "actors": compare.actor_label_table(actors, articles),
            "terms": compare.distinctive_terms(articles, min_count=2),
            "event": compare.event_profile(articles, actors,
                                           articles.loc[articles["event_id"] == "cairo", "doc_id"]),
        }


FIGURES = [
    ("shares", plots.outlet_topic_heatmap),
    ("stance", plots.stance_by_outlet),
    ("tone", plots.tone_over_time),
    ("actors", plots.actor_labels_by_outlet),
    ("terms", plots.distinctive_terms_plot),
    ("event", plots.event_panel),
]


def _texts(fig):
    """The figure's strings, without bidi controls and with wrapped lines joined."""
    controls = str.maketrans("\n", " ", "\u200e\u200f\u2066\u2067\u2068\u2069")
    return [t.get_text().translate(controls) for t in fig.findobj(Text) if t.get_text()]


@pytest.mark.parametrize("lang,width", [("en", "double"), ("ar", "single")])
@pytest.mark.parametrize("key,draw", FIGURES, ids=[name for name, _ in FIGURES])
def test_figures_draw_with_arabic_and_latin_names(figure_inputs, key, draw, lang, width):
    fig = draw(figure_inputs[key], lang=lang, width=width)
    assert isinstance(fig, Figure)
    assert fig.get_figwidth() == plots.figure_width(width)
    FigureCanvasAgg(fig).draw()  # lays out and renders every text without error
    texts = " ".join(_texts(fig))
    if key != "terms" or lang == "en":
        assert "بوابة الأهرام" in texts and "Middle East Online" in texts
    if key in ("shares", "event"):
        assert plots.label("topic:elections", lang) in texts
    if key == "stance":
        assert plots.label("con", lang) in texts
    if key == "terms":
        assert re.search("[\u0600-\u06ff]", texts)  # Arabic terms on the axis


def test_small_outlets_are_marked(figure_inputs):
    fig = plots.outlet_topic_heatmap(figure_inputs["shares"])
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert any("Middle East Online" in t and "†" in t and "(n=6)" in t for t in ticks)
    assert any("fewer than 10 articles" in t for t in _texts(fig))


def test_make_figures_writes_the_set_and_says_what_it_skipped(run_tables, tmp_path):
    articles, actors = run_tables
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = plots.make_figures(articles, actors, docs=articles[["doc_id", "text"]],
                                   out_dir=tmp_path / "all", formats=("png",), n_boot=50)
    names = sorted(p.name for p in paths)
    stems = ["actor_labels_by_outlet", "distinctive_terms", "event_cairo", "stance_by_outlet",
             "tone_over_time", "topics_by_outlet"]
    assert names == sorted([f"{s}.png" for s in stems] + [f"{s}.csv" for s in stems])
    assert all(p.stat().st_size > 0 for p in paths)
    assert not [w for w in caught if issubclass(w.category, FigureSkippedWarning)]

    bare = articles.drop(columns=["event_id", "date"])
    with pytest.warns(FigureSkippedWarning) as skipped:
        paths = plots.make_figures(bare, out_dir=tmp_path / "bare", formats=("png",), n_boot=50,
                                   write_data=False, min_n=1)
    messages = " ".join(str(w.message) for w in skipped)
    for reason in ("event panels skipped: no events", "tone_over_time skipped",
                   "actor_labels_by_outlet skipped", "distinctive_terms skipped"):
        assert reason in messages
    assert sorted(p.name for p in paths) == ["stance_by_outlet.png", "topics_by_outlet.png"]
