"""``framing figures CORPUS --out DIR``: the paper figures of a corpus or an analysis folder."""

from __future__ import annotations

import pytest
from helpers import run_cli

from framing.cli import main


def test_figures_with_an_empty_selection_is_a_user_error(seeds_dir, tmp_path, capsys):
    assert main(["figures", str(seeds_dir), "--out", str(tmp_path / "f"), "--select", "xyzxyz"]) == 2
    assert "no article mentions" in capsys.readouterr().err
    assert not (tmp_path / "f").exists()


@pytest.mark.slow
def test_figures_of_an_analysis_folder_equal_those_of_its_corpus(seeds_dir, seeds_run, tmp_path,
                                                                 capsys):
    """The analysis is read, not redone: the figure data written are the same, file for file."""
    a, b = tmp_path / "a", tmp_path / "b"
    code, out, err = run_cli(capsys, "figures", seeds_run, "--out", a, "--formats", "svg")
    assert code == 0 and "Traceback" not in err
    assert run_cli(capsys, "figures", seeds_dir, "--out", b, "--formats", "svg")[0] == 0
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    data = [n for n in names if n.endswith(".csv")]
    assert {"topics_by_outlet.csv", "stance_by_outlet.csv", "distinctive_terms.csv"} <= set(data)
    assert all(n[:-4] + ".svg" in names for n in data)
    for name in data:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert f"wrote {len(names)} files" in out


def test_an_unsupported_format_is_one_line_and_exit_2_before_the_analysis(seeds_dir, tmp_path,
                                                                          capsys):
    code, _, err = run_cli(capsys, "figures", seeds_dir, "--out", tmp_path / "f",
                             "--formats", "png,bmp")
    assert code == 2 and "Traceback" not in err
    assert err.strip().count("\n") == 0 and "bmp" in err and "tiff" in err
    assert not (tmp_path / "f").exists()
