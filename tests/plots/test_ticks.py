"""framing.plots.ticks and the outlet labels of every figure at 5, 12 and 30 outlets: never cut
inside a word, never on top of each other, every series in the legend."""

from __future__ import annotations

import itertools
import re
import warnings

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from framing import compare, plots
from framing.plots import ticks
from framing.plots.style import figure_style

# Names of varied length, Latin and Arabic, with long single words (the ones that used to be
# cut: "aleqtisa/diya", "aljazira/h").
NAMES = ["aleqtisadiya", "aljazirah", "3alyoum", "Asharq Al-Awsat", "الوسط", "Libya Observer",
         "صحيفة الشرق الأوسط", "Deutsche Welle Arabic", "almadina", "alriyadh", "بوابة الوسط",
         "okaz", "Al-Quds Al-Arabi", "قناة ليبيا الحدث", "sabq", "was", "Middle East Eye",
         "اليوم السابع", "alweeam", "Sky News Arabia", "المرصد الليبي", "France 24", "alwatan",
         "عين ليبيا", "Anadolu Agency", "الشروق الجديد", "BBC Arabic", "alyaum", "Xinhua Arabic",
         "المصري اليوم"]
BIDI = re.compile("[\u2066-\u2069\u200e\u200f\u061c]")


def _articles(n_outlets, seed=0):
    rng = np.random.default_rng(seed)
    rows = []
    for i, outlet in enumerate(NAMES[:n_outlets]):
        for k in range(3 + i % 4):
            rows.append({"doc_id": f"{i}-{k}", "outlet": outlet,
                         "date": f"2015-07-{1 + (k * 5 + i) % 28:02d}",
                         "topic:elections": int(rng.random() < 0.5),
                         "topic:foreign_forces": int(rng.random() < 0.3),
                         "stance:haftar": rng.choice(["pro", "con", "neutral", "absent"]),
                         "tone_score": float(rng.uniform(-1, 1))})
    return pd.DataFrame(rows)


def _actors(articles):
    return pd.DataFrame([{"doc_id": d, "actor": "lna", "label": lab, "connotation": con,
                          "count": 1 + j}
                         for j, d in enumerate(articles["doc_id"])
                         for lab, con in [("الجيش الوطني الليبي", "legitimizing"),
                                          ("قوات حفتر", "delegitimizing")][: 1 + j % 2]])


def _drawn(fig):
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _texts(fig):
    out = []
    for ax in fig.axes:
        out += [t for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]
        out += [ax.title] if ax.title.get_text() else []
    return out


def _overlaps(texts, renderer):
    """Pairs of labels whose boxes overlap by more than the fonts' own padding: the Noto Arabic
    metrics make a line box about twice as tall as the letters, so only an overlap of over half
    the height (or any side-by-side overlap of neighbouring columns) puts letters on letters."""
    boxes = [t.get_window_extent(renderer) for t in texts if t.get_visible()]
    out = []
    for a, b in itertools.combinations(boxes, 2):
        if not a.overlaps(b):
            continue
        cut = a.intersection(a, b)
        if cut.width > 1 and cut.height > 0.5 * min(a.height, b.height):
            out.append((a, b))
    return out


def test_wrap_breaks_at_spaces_only():
    with figure_style():
        assert ticks.wrap_measured("aleqtisadiya", 0.1) == ["aleqtisadiya"]
        lines = ticks.wrap_measured("Deutsche Welle Arabic", 0.5)
        assert " ".join(lines) == "Deutsche Welle Arabic" and len(lines) >= 2
        narrow = ticks.fit_columns(["aleqtisadiya", "okaz"], 0.3)
        wide = ticks.fit_columns(["aleqtisadiya", "okaz"], 1.5)
    assert narrow.rotation == 90 and wide.rotation == 0
    assert wide.lines["aleqtisadiya"] == ["aleqtisadiya"]


CASES = [(5, "en", "double"), (12, "ar", "single"), (30, "en", "double"), (30, "ar", "single")]


def _names_drawn(fig):
    """The outlet name of every tick label and title: its lines joined by spaces, without the
    bidi controls, the dagger and the count. A name cut inside a word does not join back."""
    out = []
    for t in _texts(fig):
        text = BIDI.sub("", t.get_text())
        text = re.sub(r"\s*\(n=\d+\)", "", text).replace("†", "")
        out.append(" ".join(line.strip() for line in text.split("\n") if line.strip()))
    return out


@pytest.mark.parametrize("n,lang,width", CASES)
def test_outlet_names_are_never_cut_and_never_collide(n, lang, width):
    arts = _articles(n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figs = {
            "topics": plots.outlet_topic_heatmap(compare.topic_shares(arts, n_boot=0), lang=lang,
                                                 width=width),
            "actors": plots.actor_labels_by_outlet(
                compare.actor_label_table(_actors(arts), arts), lang=lang, width=width),
            "stance": plots.stance_by_outlet(
                compare.stance_distribution(arts, n_boot=0, among="mentioning"), lang=lang,
                width=width),
        }
    for name, fig in figs.items():
        renderer = _drawn(fig)
        drawn = _names_drawn(fig)
        shown = [o for o in NAMES[:n] if o in drawn]
        # Every outlet that the figure names is named whole; a cut name would be missing here
        # and its pieces would be texts that are no outlet at all.
        words = {w for o in NAMES[:n] for w in o.split()}
        pieces = [tok for d in drawn for tok in d.split() if tok not in words and any(
            len(tok) >= 2 and tok != w and (w.startswith(tok) or w.endswith(tok))
            for w in words)]
        assert shown and not pieces, (name, pieces)
        if name in ("topics", "stance"):
            assert len(shown) == n  # these figures always show every outlet
        outlet_ticks = [t for t, d in zip(_texts(fig), drawn) if d in NAMES]
        assert not _overlaps(outlet_ticks, renderer), name


def test_the_tone_figure_shows_every_outlet_or_says_how_many_it_left_out():
    arts = _articles(30)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        series = compare.tone_over_time(arts, "W", n_boot=0)
        fig = plots.tone_over_time(series, max_panels=12, n_undated=3)
    titles = [BIDI.sub("", ax.get_title()) for ax in fig.axes if ax.get_visible()]
    assert len(titles) == 12
    drawn = [(tuple(np.round(c.get_facecolor()[0], 3)),
              c.get_paths()[0].vertices.round(3).tobytes())
             for ax in fig.axes for c in ax.collections if c.get_label() and
             not c.get_label().startswith("_")]
    assert len(set(drawn)) == len(drawn) == 12  # a colour-and-marker pair per series
    note = BIDI.sub("", fig.get_supxlabel())
    assert "18 more outlets" in note and "3 articles without a date" in note
    assert "week" in note


def test_stance_legend_lists_every_label_with_colour_and_pattern():
    arts = _articles(12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dist = compare.stance_distribution(arts, n_boot=0, among="mentioning")
        fig = plots.stance_by_outlet(dist)
    legend = fig.legends[0]
    names = [t.get_text() for t in legend.get_texts()]
    assert names == ["pro", "con", "neutral"]
    fills = {(tuple(h.get_facecolor()), h.get_hatch()) for h in legend.legend_handles}
    assert len(fills) == 3
    label = fig.get_supxlabel()
    assert "bootstrap" not in label and "mention" in label  # no interval drawn, none named
