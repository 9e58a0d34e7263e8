"""framing.plots.fonts: the shipped Noto fonts are registered ahead of system copies."""

from __future__ import annotations

from matplotlib import font_manager

from framing import plots
from framing.plots.fonts import font_family, font_path


def test_shipped_fonts_are_registered_ahead_of_system_copies():
    plots.register_fonts()
    for style, family in (("sans", "Noto Sans Arabic"), ("naskh", "Noto Naskh Arabic")):
        found = font_manager.findfont(font_manager.FontProperties(family=family),
                                      fallback_to_default=False)
        assert found == str(font_path(style))
    assert font_family("naskh") == ["Noto Naskh Arabic", "DejaVu Sans"]
    assert (font_path().parent / "OFL.txt").read_text().startswith("Noto Naskh Arabic")
