"""``framing run CORPUS``: the main job -- analyse once, write the tables and draw the figures."""

from __future__ import annotations

import pytest

from helpers import run_cli

TABLE_FILES = ["articles.csv", "sentences.csv", "evidence.csv", "actors.csv", "quotes.csv",
               "run.json"]


@pytest.mark.slow
def test_run_writes_the_tables_of_analyze_and_the_figures(seeds_dir, seeds_run, tmp_path, capsys):
    out, figures = tmp_path / "results", tmp_path / "figures"
    code, printed, err = run_cli(capsys, "run", seeds_dir, "--out", out, "--figures", figures)
    assert code == 0 and "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == sorted(TABLE_FILES)
    for name in TABLE_FILES:  # the same analysis as `framing analyze`, byte for byte
        assert (out / name).read_bytes() == (seeds_run / name).read_bytes(), name
    drawn = sorted(p.name for p in figures.iterdir())
    for stem in ("topics_by_outlet", "stance_by_outlet", "actor_labels_by_outlet"):
        assert {f"{stem}.{ext}" for ext in ("pdf", "png", "svg", "csv")} <= set(drawn)
    assert f"figures -> {figures}/ ({len(drawn)} files)" in printed
    # The article table is printed, without the share and stance score columns.
    assert "004_07d685bfe4e10dc6" in printed and "stance:haftar" in printed
    assert "share:" not in printed and "stance_score:" not in printed


def test_run_without_figures_and_with_a_bad_codebook(seeds_dir, tmp_path, capsys):
    code, printed, _ = run_cli(capsys, "run", seeds_dir, "--out", tmp_path / "r")
    assert code == 0 and "figures ->" not in printed
    assert (tmp_path / "r" / "articles.csv").is_file()
    code, _, err = run_cli(capsys, "run", seeds_dir, "--out", tmp_path / "x", "--codebook", "nope")
    assert code == 2 and err.startswith("error: ") and not (tmp_path / "x").exists()
