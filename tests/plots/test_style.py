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


def test_journal_formats_tiff_lzw_eps_jpeg_are_deterministic(tmp_path):
    from PIL import Image

    from framing.errors import ParameterError

    fig = _sample_figure()
    formats = ("tiff", "eps", "jpeg")
    first = plots.save_figure(fig, tmp_path / "a" / "fig", formats)
    # EPS is slow to write (embedded fonts): its only varying parts, the clock and the file
    # name, are checked below instead of a second copy.
    second = plots.save_figure(fig, tmp_path / "b" / "fig", ("tiff", "jpeg"))
    for p, q in zip([first[0], first[2]], second):
        assert p.read_bytes() == q.read_bytes(), p.name
    with Image.open(first[0]) as image:
        assert image.info["compression"] == "tiff_lzw" and round(image.info["dpi"][0]) == 300
    (fine,) = plots.save_figure(fig, tmp_path / "fine" / "fig", ("tif",), dpi=600)
    with Image.open(fine) as image:
        assert round(image.info["dpi"][0]) == 600 and image.size[0] == 2 * 1050
    eps = first[1].read_bytes()
    assert eps.startswith(b"%!PS-Adobe") and b"%%CreationDate" not in eps
    assert b".tmp" not in eps  # no temporary file name as the title
    with pytest.raises(ParameterError, match="format must be one of"):
        plots.save_figure(fig, tmp_path / "c" / "fig", ("png", "bmp"))
    with pytest.raises(ParameterError, match="dpi must be between 300 and 600"):
        plots.save_figure(fig, tmp_path / "c" / "fig", ("png",), dpi=72)
    assert not (tmp_path / "c").exists()  # checked before anything is written
