"""framing.plots.style: figure widths; saved files are deterministic and carry no timestamps."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from framing import plots

ARMY = "الجيش الوطني"


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


def test_width():
    assert plots.figure_width("double") == 7.2 and plots.figure_width(5) == 5.0
    with pytest.raises(ValueError):
        plots.figure_width("triple")
